// The meeting as open data, shaped after OParl 1.1 (docs/open-data.md):
// {"meeting": Meeting, "paper": [Paper]}. The Meeting holds its agenda
// items in order (number, name, public), the agenda page as its
// invitation and the pack PDF as an auxiliary file; each Paper holds its
// page as its main file, with the page's plain text, and a Consultation
// tying it to its agenda item. An exempt item is listed, not public; its
// papers are in the members' site only.
#include <filesystem>

#include "core/diag_render.hpp"
#include "html/markup.hpp"
#include "html/site.hpp"
#include "text/text.hpp"

namespace bp::html {

namespace {

constexpr const char* kSchema = "https://schema.oparl.org/1.1/";

// JSON written as it goes, two spaces a level, keys in the order given.
class Json {
public:
    Json& open(const char* brace) {
        value_start();
        out_ += brace;
        first_ = true;
        ++depth_;
        return *this;
    }
    Json& close(const char* brace) {
        --depth_;
        newline();
        out_ += brace;
        first_ = false;
        return *this;
    }
    Json& object() { return open("{"); }
    Json& end_object() { return close("}"); }
    Json& array() { return open("["); }
    Json& end_array() { return close("]"); }
    Json& key(const char* k) {
        separate();
        out_ += "\"";
        out_ += k;
        out_ += "\": ";
        keyed_ = true;
        return *this;
    }
    Json& string(const std::string& s) {
        value_start();
        out_ += "\"" + json_escape(s) + "\"";
        return *this;
    }
    Json& number(std::uint64_t n) {
        value_start();
        out_ += std::to_string(n);
        return *this;
    }
    Json& boolean(bool b) {
        value_start();
        out_ += b ? "true" : "false";
        return *this;
    }
    Json& field(const char* k, const std::string& s) { return key(k).string(s); }
    std::string take() {
        out_ += '\n';
        return std::move(out_);
    }

private:
    void newline() {
        out_ += '\n';
        out_.append(static_cast<std::size_t>(depth_) * 2, ' ');
    }
    void separate() {
        if (!first_) out_ += ',';
        newline();
        first_ = false;
    }
    void value_start() {
        if (keyed_) {
            keyed_ = false;
        } else if (depth_ > 0) {
            separate();
        }
        first_ = false;
    }

    std::string out_;
    int depth_ = 0;
    bool first_ = true, keyed_ = false;
};

std::string mime_of(const std::string& name) {
    const std::string ext = std::filesystem::path(name).extension().string();
    if (ext == ".html") return "text/html";
    if (ext == ".pdf") return "application/pdf";
    if (ext == ".png") return "image/png";
    if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
    if (ext == ".css") return "text/css";
    return "application/octet-stream";
}

std::string iso_date(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

}  // namespace

std::string site_address(const std::string& site_url, const std::string& relative) {
    if (site_url.empty()) return relative;
    // The site's folder: everything up to the last '/' of its address.
    const std::size_t scheme = site_url.find("://");
    const std::size_t root = scheme == std::string::npos ? 0 : site_url.find('/', scheme + 3);
    std::string base = site_url.substr(0, site_url.rfind('/') + 1);
    if (root == std::string::npos) base = site_url + "/";
    const std::size_t floor = root == std::string::npos ? base.size() - 1 : root;
    std::string rest = relative;
    while (true) {
        if (rest.rfind("./", 0) == 0) {
            rest.erase(0, 2);
        } else if (rest.rfind("../", 0) == 0) {
            rest.erase(0, 3);
            // One folder up, never above the host.
            const std::size_t up = base.size() > floor + 1 ? base.rfind('/', base.size() - 2) : std::string::npos;
            if (up != std::string::npos && up >= floor) base.resize(up + 1);
        } else {
            break;
        }
    }
    return base + url_path(rest);
}

std::string meeting_json(const SiteInputs& in, const std::map<std::string, std::uint64_t>& sizes) {
    const PackManifest& m = *in.manifest;
    const EditionPlan& plan = *in.plan;
    const Wording& wording = in.styles->doc.wording;
    auto url = [&](const std::string& relative) { return site_address(in.site_url, relative); };
    const std::string meeting_id = url("meeting.json");
    auto item_id = [&](std::size_t i) { return meeting_id + "#item-" + std::to_string(plan.items[i].number); };
    auto size_of = [&](const std::string& name) {
        auto it = sizes.find(name);
        return it == sizes.end() ? std::uint64_t{0} : it->second;
    };
    auto file = [&](Json& j, const std::string& name, const std::string& href, std::uint64_t size, const std::string& mime,
                    const std::string* text) {
        j.object();
        j.field("id", url(href)).field("type", std::string(kSchema) + "File");
        j.field("name", name).field("fileName", std::filesystem::path(href).filename().string());
        j.field("mimeType", mime);
        if (size > 0) j.key("size").number(size);
        if (text) j.field("text", *text);
        j.field("accessUrl", url(href));
        j.end_object();
    };

    Json j;
    j.object().key("meeting").object();
    j.field("id", meeting_id).field("type", std::string(kSchema) + "Meeting");
    j.field("name", m.meeting.body);
    if (m.meeting.time) j.field("start", iso_date_time(m.meeting.date, *m.meeting.time));
    if (!m.meeting.venue.empty()) {
        j.key("location").object();
        j.field("id", meeting_id + "#location").field("type", std::string(kSchema) + "Location");
        j.field("description", m.meeting.venue);
        j.end_object();
    }
    j.key("invitation");
    file(j, wording.agenda, "index.html", size_of("index.html"), "text/html", nullptr);
    if (!in.pack_pdf.empty()) {
        j.key("auxiliaryFile").array();
        file(j, std::filesystem::path(in.pack_pdf).filename().string(), in.pack_pdf, in.pack_pdf_size,
             "application/pdf", nullptr);
        j.end_array();
    }
    j.key("agendaItem").array();
    for (std::size_t i = 0; i < plan.items.size(); ++i) {
        const PlannedItem& p = plan.items[i];
        const AgendaItem& item = m.items[i];
        j.object();
        j.field("id", item_id(i)).field("type", std::string(kSchema) + "AgendaItem");
        j.field("meeting", meeting_id);
        j.field("number", std::to_string(p.number));
        j.key("order").number(static_cast<std::uint64_t>(i + 1));
        j.field("name", plain_text(item.title));
        j.key("public").boolean(!item.exempt);
        if (i < in.papers.size() && !in.papers[i].empty())
            j.field("consultation", meeting_id + "#consultation-" + std::to_string(p.number) + "-1");
        if (p.bound() && !in.items_dir.empty() && i < in.item_pdf_sizes.size() && in.item_pdf_sizes[i] > 0) {
            j.key("auxiliaryFile").array();
            file(j, p.name + ".pdf", in.items_dir + "/" + p.name + ".pdf", in.item_pdf_sizes[i], "application/pdf",
                 nullptr);
            j.end_array();
        }
        j.field("web", url("index.html") + "#item-" + std::to_string(p.number));
        j.end_object();
    }
    j.end_array();
    j.field("web", url("index.html"));
    j.end_object();

    j.key("paper").array();
    for (std::size_t i = 0; i < in.papers.size(); ++i) {
        for (std::size_t k = 0; k < in.papers[i].size(); ++k) {
            const PaperPage& page = in.papers[i][k];
            const std::string n = std::to_string(plan.items[i].number) + "-" + std::to_string(k + 1);
            const std::string paper_id = meeting_id + "#paper-" + n;
            const std::string title = page.title.empty() ? plain_text(m.items[i].title) : page.title;
            j.object();
            j.field("id", paper_id).field("type", std::string(kSchema) + "Paper");
            j.field("name", title);
            if (page.place.date) j.field("date", iso_date(*page.place.date));
            j.key("mainFile");
            file(j, title, page.place.file, size_of(page.place.file), "text/html", &page.text);
            if (!page.files.empty()) {
                j.key("auxiliaryFile").array();
                for (const CopiedFile& f : page.files) file(j, f.name, f.name, size_of(f.name), mime_of(f.name), nullptr);
                j.end_array();
            }
            j.key("consultation").array().object();
            j.field("id", meeting_id + "#consultation-" + n).field("type", std::string(kSchema) + "Consultation");
            j.field("paper", paper_id).field("agendaItem", item_id(i)).field("meeting", meeting_id);
            j.end_object().end_array();
            j.field("web", url(page.place.file));
            j.end_object();
        }
    }
    j.end_array();
    j.end_object();
    return j.take();
}

}  // namespace bp::html
