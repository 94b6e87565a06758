// The site put together: the agenda page from the realized front sheet and
// the edition plan, each paper's page around its rendered article, the
// stylesheets and the open data; then written, file by file, through
// temporary files and renames.
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/output_file.hpp"
#include "core/rules.hpp"
#include "html/html.hpp"
#include "html/markup.hpp"
#include "html/site.hpp"

namespace bp::html {

namespace fs = std::filesystem;

namespace {

using realized::Kind;
using realized::Node;
using realized::Run;

const Node* child(const Node& n, Kind k) {
    for (const Node& c : n.children)
        if (c.kind == k) return &c;
    return nullptr;
}

// Inline runs outside a paper (the front sheet's): styled text and links;
// a note's number stays a raised number.
void append_runs(std::string& out, const std::vector<Run>& runs) {
    static const std::pair<std::uint8_t, const char*> kinds[] = {
        {kBold, "b"}, {kItalic, "i"}, {kUnderline, "u"}, {kSuperscript, "sup"}, {kSubscript, "sub"}};
    for (const Run& r : runs) {
        if (r.kind == Run::Kind::Label) continue;
        if (r.kind == Run::Kind::LineBreak) {
            out += "<br>\n";
            continue;
        }
        if (!r.href.empty()) out += "<a href=\"" + attr(r.href) + "\">";
        for (const auto& [flag, element] : kinds)
            if (r.flags & flag) out += std::string("<") + element + ">";
        append_text(out, r.text);
        for (auto k = std::rbegin(kinds); k != std::rend(kinds); ++k)
            if (r.flags & k->first) out += std::string("</") + k->second + ">";
        if (!r.href.empty()) out += "</a>";
    }
}

std::string runs_html(const std::vector<Run>& runs) {
    std::string s;
    append_runs(s, runs);
    return s;
}

std::string runs_text(const Node* n) { return n ? realized::plain_text(n->runs, false) : std::string(); }

const Run* label_of(const Node& n) {
    for (const Run& r : n.runs)
        if (r.kind == Run::Kind::Label) return &r;
    return nullptr;
}

struct Crumb {
    std::string text, href;
};

// What every page of the site has around its content.
struct Shell {
    std::string lang, title, skip, trail_label;
    std::string header;        // inside <header class="site">
    std::vector<Crumb> trail;  // the last is this page
    std::string main;          // inside <main>
    std::string footer;        // inside <footer class="site">; none when empty
};

std::string page(const Shell& s) {
    std::string out;
    out.reserve(s.main.size() + 2048);
    out += "<!DOCTYPE html>\n<html lang=\"" + attr(s.lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + text(s.title) + "</title>\n";
    out += "<link rel=\"stylesheet\" href=\"style.css\">\n<link rel=\"stylesheet\" href=\"print.css\" media=\"print\">\n";
    out += "</head>\n<body>\n";
    out += "<a class=\"skip\" href=\"#main\">" + text(s.skip) + "</a>\n";
    if (!s.header.empty()) out += "<header class=\"site\">\n" + s.header + "</header>\n";
    if (!s.trail.empty()) {
        out += "<nav class=\"trail\" aria-label=\"" + attr(s.trail_label) + "\">\n<ol>\n";
        for (std::size_t i = 0; i < s.trail.size(); ++i) {
            const Crumb& c = s.trail[i];
            out += "<li><a href=\"" + attr(c.href) + "\"";
            if (i + 1 == s.trail.size()) out += " aria-current=\"page\"";
            out += ">" + text(c.text) + "</a></li>\n";
        }
        out += "</ol>\n</nav>\n";
    }
    out += "<main id=\"main\">\n" + s.main + "</main>\n";
    if (!s.footer.empty()) out += "<footer class=\"site\">\n" + s.footer + "</footer>\n";
    out += "</body>\n</html>\n";
    return out;
}

std::uint64_t size_of(const std::string& path) {
    std::error_code ec;
    const auto n = fs::file_size(path, ec);
    return ec ? 0 : static_cast<std::uint64_t>(n);
}

class SiteMaker {
public:
    explicit SiteMaker(const SiteInputs& in)
        : in_(in), m_(*in.manifest), plan_(*in.plan), w_(in.words), wording_(in.styles->doc.wording) {
        const Node& sheet = in.front_sheet->root;
        body_ = runs_text(child(sheet, Kind::MeetingBody));
        when_ = runs_text(child(sheet, Kind::MeetingWhen));
        header_ = "<p class=\"site-body\">" + text(body_) + "</p>\n<p class=\"site-when\">" + text(when_) + "</p>\n";
        lang_ = language_tag(in.styles->doc.locale);
    }

    std::vector<SiteFile> make() {
        std::vector<SiteFile> files;
        files.push_back({"index.html", agenda(), {}, "text/html"});
        for (const auto& item : in_.papers)
            for (const PaperPage& p : item) {
                files.push_back({p.place.file, paper(p), {}, "text/html"});
                for (const CopiedFile& f : p.files) files.push_back({f.name, {}, f.source, ""});
            }
        files.push_back({"style.css", screen_stylesheet(*in_.styles, *in_.fonts), {}, "text/css"});
        files.push_back({"print.css", print_stylesheet(*in_.styles), {}, "text/css"});
        return files;
    }

private:
    std::string item_title(std::size_t i) const {
        return fill_wording(wording_.item_title, {{"{n}", std::to_string(plan_.items[i].number)},
                                          {"{title}", plain_text(m_.items[i].title)}});
    }

    std::string page_title(const std::string& title) const {
        return fill_wording(w_.page_title, {{"{title}", title}, {"{body}", body_}, {"{date}", when_}});
    }

    // The item's PDFs: its own, and the pack from its first page.
    std::string pdf_links(std::size_t i) const {
        const PlannedItem& p = plan_.items[i];
        std::string out;
        if (!p.bound()) return out;
        const std::string n = std::to_string(p.number);
        if (!in_.items_dir.empty())
            out += "<li><a href=\"" + attr(url_path(in_.items_dir + "/" + p.name + ".pdf")) + "\">" +
                   text(fill_wording(w_.item_pdf, {{"{n}", n}, {"{pages}", std::to_string(p.own_pages)}})) + "</a></li>\n";
        if (!in_.pack_pdf.empty())
            out += "<li><a href=\"" + attr(url_path(in_.pack_pdf) + "#page=" + std::to_string(*p.first_page)) + "\">" +
                   text(fill_wording(w_.pack_page, {{"{n}", n}, {"{page}", std::to_string(*p.first_page)}})) + "</a></li>\n";
        return out;
    }

    std::string agenda() const {
        const Node& sheet = in_.front_sheet->root;
        std::string main;
        main += "<header class=\"meeting\">\n";
        for (Kind k : {Kind::MeetingBody, Kind::MeetingWhen, Kind::MeetingVenue})
            if (const Node* n = child(sheet, k)) main += "<p>" + runs_html(n->runs) + "</p>\n";
        main += "</header>\n";
        std::string heading;
        if (const Node* h = child(sheet, Kind::AgendaHeading)) {
            heading = runs_text(h);
            main += "<h1 class=\"agenda-heading\">" + runs_html(h->runs) + "</h1>\n";
        }
        if (const Node* agenda = child(sheet, Kind::Agenda)) {
            main += "<ol class=\"agenda\">\n";
            std::size_t i = 0;
            for (const Node& item : agenda->children) {
                // Items are listed in manifest order; find this one's index.
                while (i < plan_.items.size() && plan_.items[i].number != item.number) ++i;
                if (i == plan_.items.size()) break;
                main += agenda_item(item, i);
            }
            main += "</ol>\n";
        }
        std::string downloads;
        if (!in_.pack_pdf.empty())
            downloads += "<li><a href=\"" + attr(url_path(in_.pack_pdf)) + "\">" +
                         text(fill_wording(w_.pack, {{"{pages}", std::to_string(plan_.pages)}})) +
                         "</a></li>\n";
        downloads += "<li><a href=\"meeting.json\">" + text(w_.open_data) + "</a></li>\n";
        main += "<h2 class=\"downloads\">" + text(w_.downloads) + "</h2>\n<ul class=\"downloads\">\n" + downloads + "</ul>\n";

        Shell s;
        s.lang = lang_;
        s.title = page_title(heading);
        s.skip = w_.skip_to_agenda;
        // The meeting heads the agenda itself: no banner says it again.
        s.main = std::move(main);
        return page(s);
    }

    std::string agenda_item(const Node& item, std::size_t i) const {
        const std::span<const PaperPage> pages = i < in_.papers.size() ? in_.papers[i] : std::span<const PaperPage>();
        std::string out = "<li id=\"item-" + std::to_string(item.number) + "\">";
        if (const Run* label = label_of(item)) out += "<span class=\"num\">" + text(label->text) + "</span> ";
        out += "<div class=\"item\">\n<p class=\"title\">";
        const Node* title = child(item, Kind::AgendaTitle);
        if (title) {
            if (!pages.empty())
                out += "<a href=\"" + attr(url_path(pages.front().place.file)) + "\">" + runs_html(title->runs) + "</a>";
            else
                out += runs_html(title->runs);
        }
        if (const Node* range = child(item, Kind::AgendaPages))
            out += " <span class=\"pages\">" + runs_html(range->runs) + "</span>";
        out += "</p>\n";
        for (const Node& c : item.children) {
            const char* cls = c.kind == Kind::AgendaNote     ? "agenda-note"
                              : c.kind == Kind::AgendaExempt ? "exempt"
                              : c.kind == Kind::NextMeeting  ? "next-meeting"
                                                             : nullptr;
            if (cls) out += "<p class=\"" + std::string(cls) + "\">" + runs_html(c.runs) + "</p>\n";
        }
        std::string links;
        if (pages.size() > 1)
            for (const PaperPage& p : pages)
                links += "<li><a href=\"" + attr(url_path(p.place.file)) + "\">" +
                         text(p.title.empty() ? plain_text(m_.items[i].title) : p.title) + "</a></li>\n";
        links += pdf_links(i);
        if (!links.empty()) out += "<ul class=\"links\">\n" + links + "</ul>\n";
        out += "</div></li>\n";
        return out;
    }

    std::string paper(const PaperPage& p) const {
        const std::size_t i = p.place.item;
        const AgendaItem& item = m_.items[i];
        const std::string title = p.title.empty() ? plain_text(item.title) : p.title;
        Shell s;
        s.lang = lang_;
        s.title = page_title(title);
        s.skip = w_.skip_to_paper;
        s.header = header_;
        s.trail_label = w_.breadcrumb;
        s.trail = {{wording_.agenda, "index.html"},
                   {item_title(i), "index.html#item-" + std::to_string(plan_.items[i].number)},
                   {title, url_path(p.place.file)}};
        // Every page of an exempt paper says so, as every printed page does.
        if (item.exempt)
            s.main += "<p class=\"exempt-banner\" role=\"note\">" + text(w_.not_for_publication) + " " +
                      text(*item.exempt) + "</p>\n";
        s.main += p.body;
        if (const std::string links = pdf_links(i); !links.empty())
            s.footer = "<ul class=\"downloads\">\n" + links + "</ul>\n";
        return page(s);
    }

    const SiteInputs& in_;
    const PackManifest& m_;
    const EditionPlan& plan_;
    const SiteWording& w_;
    const Wording& wording_;
    std::string body_, when_, header_, lang_;
};

}  // namespace

std::vector<SiteFile> make_site(const SiteInputs& in) { return SiteMaker(in).make(); }

SiteFile make_open_data(const SiteInputs& in, const std::vector<SiteFile>& made) {
    std::map<std::string, std::uint64_t> sizes;
    for (const SiteFile& f : made) sizes[f.name] = f.copy_from.empty() ? f.bytes.size() : size_of(f.copy_from);
    return {"meeting.json", meeting_json(in, sizes), {}, "application/json"};
}

std::vector<std::string> site_file_names(const std::vector<std::span<const PaperPage>>& papers) {
    std::vector<std::string> names{"index.html"};
    for (const auto& item : papers)
        for (const PaperPage& p : item) {
            names.push_back(p.place.file);
            for (const CopiedFile& f : p.files) names.push_back(f.name);
        }
    for (const char* n : {"style.css", "print.css", "meeting.json"}) names.emplace_back(n);
    return names;
}

std::vector<std::string> write_site(const std::vector<SiteFile>& files, const std::string& dir, Diagnostics& diags,
                                    std::map<std::string, std::string>* sha256) {
    // Copied files are read first: the site is written as one batch.
    std::vector<std::string> copies(files.size());
    std::vector<FileBytes> batch;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const SiteFile& f = files[i];
        if (!f.copy_from.empty()) {
            std::ifstream src(f.copy_from, std::ios::binary);
            copies[i].assign(std::istreambuf_iterator<char>(src), std::istreambuf_iterator<char>());
            if (!src.good() && !src.eof()) {
                diags.error(SourceLoc{f.copy_from, 0, 0}, rule::output, "cannot be read to copy it into the HTML edition");
                return {};
            }
        }
        batch.push_back({(fs::path(dir) / f.name).string(), f.copy_from.empty() ? std::string_view(f.bytes) : copies[i]});
    }
    std::string error;
    // Many small files: flushed to disk side by side, each folder once.
    std::vector<std::string> digests;
    const std::size_t done = write_files(batch, 8, &error, sha256 ? &digests : nullptr);
    std::vector<std::string> written;
    for (std::size_t i = 0; i < done; ++i) {
        written.push_back(batch[i].path);
        if (sha256) (*sha256)[files[i].name] = digests[i];
    }
    if (done < batch.size())
        diags.error(SourceLoc{batch[done].path, 0, 0}, rule::output, "the HTML edition's " + files[done].name + " " + error);
    return written;
}

}  // namespace bp::html
