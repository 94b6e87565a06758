// <pack>: the meeting, the agenda items and the files holding their papers.
#include <algorithm>
#include <filesystem>

#include "core/input_file.hpp"
#include "load/paths.hpp"
#include "load/reader.hpp"
#include "load/readers.hpp"
#include "load/values.hpp"

namespace bp::load {

namespace {

class ManifestReader {
public:
    ManifestReader(Reader& r, const LoadOptions& options, std::string pack_root, std::vector<std::string>& refused)
        : r_(r), options_(options), pack_root_(std::move(pack_root)), refused_(refused) {}

    std::string resolve_template(pugi::xml_node root, const std::string& value);
    void meeting(pugi::xml_node el, Meeting& m);
    void agenda(pugi::xml_node el, std::vector<AgendaItem>& items);

private:
    AgendaItem item(pugi::xml_node el);
    // <next-meeting date time weekday>sentence</next-meeting>; nullopt if
    // its date is missing or wrong (reported).
    std::optional<NextMeeting> next_meeting(pugi::xml_node el);
    // A file named by a <papers src>: inside the pack and present.
    std::optional<std::string> paper_path(pugi::xml_node el, const std::string& src);
    // title and alt of a <papers>: a PDF's; an XML paper has its own title.
    std::pair<std::string, std::string> paper_labels(pugi::xml_node el, const std::string& path);

    Reader& r_;
    const grammar::Format& g_ = grammar::pack();
    const LoadOptions& options_;
    std::string pack_root_;
    std::vector<std::string>& refused_;
};

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string ManifestReader::resolve_template(pugi::xml_node root, const std::string& value) {
    const std::string& manifest = r_.src().path;
    if (value.empty()) {
        r_.attr_error(root, "template", rule::empty_value, "template on <pack> is empty; name the house style, e.g. template=\"lscsb\"");
        return {};
    }
    if (ends_with(value, ".xml")) {
        std::string path = resolve_relative(manifest, value);
        if (!is_inside(pack_root_, path)) {
            r_.attr_error(root, "template", rule::outside_pack, "the template \"" + quote_value(value) +
                               "\" lies outside the pack's folder; name it without .xml (template=\"NAME\") to use "
                               "the template folder");
            return path;
        }
        if (file_state(path) != FileState::Ok)
            r_.attr_error(root, "template", rule::missing_file, "template file \"" + quote_value(value) + "\" not found (looked for " + path + ")");
        return path;
    }
    if (value.find('/') != std::string::npos || value.find('\\') != std::string::npos) {
        r_.attr_error(root, "template", rule::bad_value, "template on <pack> is \"" + quote_value(value) +
                           "\": a template name has no folders; give a name, or a path ending in .xml");
        return {};
    }
    std::vector<std::string> tried;
    tried.push_back(resolve_relative(manifest, value + ".xml"));
    for (const std::string& dir : options_.template_dirs)
        tried.push_back((std::filesystem::path(dir) / (value + ".xml")).lexically_normal().string());
    for (const std::string& p : tried)
        if (file_state(p) == FileState::Ok) return p;
    std::string looked;
    for (std::size_t i = 0; i < tried.size(); ++i) looked += (i ? ", " : "") + tried[i];
    r_.attr_error(root, "template", rule::missing_file, "template \"" + quote_value(value) + "\" not found (looked for " + looked + ")");
    return {};
}

void ManifestReader::meeting(pugi::xml_node el, Meeting& m) {
    r_.check_attributes(el, g_.type("meeting"));
    m.loc = r_.loc(el);
    for (auto [c, t] : r_.children(el, g_, g_.type("meeting"), "put text in <body>, <date>, <time> or <venue>")) {
        r_.check_attributes(c, *t);
        std::string_view n = c.name();
        if (n == "body") m.body = r_.plain_text(c);
        if (n == "venue") m.venue = r_.plain_text(c);
        if (n == "date") {
            if (std::optional<Date> d = r_.text_date(c)) m.date = *d;
        }
        if (n == "time") {
            std::string s = r_.plain_text(c), why;
            m.time = parse_time(s, why);
            if (!m.time) r_.error(c, rule::bad_value, "<time> is \"" + quote_value(s) + "\"", why);
        }
    }
}

void ManifestReader::agenda(pugi::xml_node el, std::vector<AgendaItem>& items) {
    r_.check_attributes(el, g_.type("agenda"));
    for (auto [c, t] : r_.children(el, g_, g_.type("agenda"), "put each agenda item in <item>")) {
        if (!r_.enter(c)) continue;
        items.push_back(item(c));
        r_.leave();
    }
}

AgendaItem ManifestReader::item(pugi::xml_node el) {
    r_.check_attributes(el, g_.type("item"));
    AgendaItem it;
    it.loc = r_.loc(el);
    if (std::optional<bool> f = r_.attr_bool(el, "to-follow")) it.to_follow = *f;
    if (std::optional<std::string> e = r_.attr(el, "exempt")) it.exempt = collapse_space(*e);

    const grammar::Type& type = g_.type("item");
    const std::vector<Reader::Child> kids = r_.children(el, g_, type, "");
    const bool structured = std::any_of(kids.begin(), kids.end(), [](const Reader::Child& k) { return k.type; });
    if (!structured) {
        // <item>Introductions</item>: the text is the title.
        Inlines raw;
        for (const Reader::Child& k : kids) r_.collect_inline(k.node, el, raw, 0, {});
        finish_inlines(raw);
        it.title = std::move(raw);
        return it;
    }
    bool text_reported = false;
    for (auto [c, t] : kids) {
        if (!t) {
            if (c.type() == pugi::node_element) {
                Names parts;
                for (const grammar::Particle& part : type.particles)
                    for (const auto& e : part.elements) parts.push_back(e.first);
                r_.unexpected_element(c, el, parts);
            } else if (!Reader::is_blank(c) && !text_reported) {
                text_reported = true;
                r_.error(c, rule::misplaced_element, "an <item> holds either plain text (its title) or <title>, <note>, <papers> and "
                            "<next-meeting>; put this text in <title>");
            }
            continue;
        }
        r_.check_attributes(c, *t);
        std::string_view n = c.name();
        if (n == "title" || n == "note") {
            if (!r_.enter(c)) continue;
            if (n == "title")
                it.title = r_.inlines(c);
            else
                it.notes.push_back(r_.inlines(c));
            r_.leave();
        } else if (n == "papers") {
            if (std::optional<std::string> src = r_.required_attr(c, "src", "src=\"report.xml\"")) {
                if (std::optional<std::string> p = paper_path(c, *src)) {
                    it.papers.push_back(*p);
                    it.paper_locs.push_back(r_.loc(c));
                    it.paper_labels.push_back(paper_labels(c, *p));
                }
            }
        } else {  // <next-meeting>
            if (std::optional<NextMeeting> next = next_meeting(c)) it.next_meetings.push_back(std::move(*next));
        }
    }
    // A missing or empty title is validate/'s to report, once.
    return it;
}

std::optional<NextMeeting> ManifestReader::next_meeting(pugi::xml_node el) {
    NextMeeting next;
    next.loc = r_.loc(el);
    if (std::optional<std::string> t = r_.attr(el, "time")) {
        std::string why;
        next.time = parse_time(*t, why);
        if (!next.time) r_.bad_attr(el, "time", *t, why);
    }
    next.weekday = r_.attr_bool(el, "weekday").value_or(false);
    next.sentence = r_.plain_text(el);
    const bool markup = el.find_child([](pugi::xml_node k) { return k.type() == pugi::node_element; });
    if (!next.sentence.empty() && !markup) {  // markup in it is reported, and its text lost
        // The sentence carries the date, and the time if one is given.
        for (std::size_t p = next.sentence.find('{'); p != std::string::npos; p = next.sentence.find('{', p + 1)) {
            const std::size_t e = next.sentence.find('}', p);
            const std::string ph = next.sentence.substr(p, e == std::string::npos ? e : e - p + 1);
            if (ph != "{date}" && ph != "{time}")
                r_.error(el, rule::placeholder, "the sentence in <next-meeting> uses " + quote_value(ph),
                         "the placeholders here are {date} and {time}");
        }
        if (next.sentence.find("{date}") == std::string::npos)
            r_.error(el, rule::placeholder, "the sentence in <next-meeting> has no {date}",
                     "write {date} where the date goes, e.g. \"The next meeting will be held on {date}.\"");
        const bool says_time = next.sentence.find("{time}") != std::string::npos;
        if (says_time && !r_.attr(el, "time"))
            r_.error(el, rule::placeholder, "the sentence in <next-meeting> has {time} but no time is given",
                     "add time=\"HH:MM\", e.g. time=\"14:00\"");
        if (!says_time && next.time)
            r_.attr_error(el, "time", rule::placeholder, "time on <next-meeting> is not printed: its sentence has no {time}",
                          "write {time} where the time goes, or leave time out");
    }
    if (!r_.required_attr(el, "date", "date=\"2015-12-10\"")) return std::nullopt;
    std::optional<Date> d = r_.attr_date(el, "date");
    if (!d) return std::nullopt;
    next.date = *d;
    return next;
}

std::pair<std::string, std::string> ManifestReader::paper_labels(pugi::xml_node el, const std::string& path) {
    std::optional<std::string> title = r_.attr(el, "title"), alt = r_.attr(el, "alt");
    if (!is_pdf_path(path)) {
        if (r_.attr(el, "title"))
            r_.attr_error(el, "title", rule::bad_value,
                          "title on <papers> is for a PDF paper; an XML paper's title is in its <header>, so leave title out");
        if (r_.attr(el, "alt"))
            r_.attr_error(el, "alt", rule::bad_value,
                          "alt on <papers> is for a PDF paper; an XML paper is read as text, so leave alt out");
        return {};
    }
    if (!title || collapse_space(*title).empty())
        r_.attr_error(el, "title", rule::partner_pdf, "a PDF paper needs a title for its bookmark",
                      "add title=\"...\", e.g. title=\"Police performance slides\"");
    return {collapse_space(title.value_or("")), collapse_space(alt.value_or(""))};
}

std::optional<std::string> ManifestReader::paper_path(pugi::xml_node el, const std::string& src) {
    if (src.empty()) {
        r_.attr_error(el, "src", rule::empty_value, "src on <papers> is empty; name the paper's file, e.g. src=\"report.xml\"");
        return std::nullopt;
    }
    std::string path = resolve_relative(r_.src().path, src);
    if (!is_inside(pack_root_, path)) {
        r_.attr_error(el, "src", rule::outside_pack, "the paper \"" + quote_value(src) + "\" lies outside the pack's folder (" + pack_root_ +
                         "); keep a pack's papers inside its folder");
        refused_.push_back(path);
        return std::nullopt;
    }
    switch (file_state(path)) {
        case FileState::Missing:
        {
            // A paper that has not arrived need not hold the pack back.
            const bool to_follow = std::string_view(el.parent().attribute("to-follow").value()) == "true";
            r_.attr_error(el, "src", rule::missing_file, "paper file \"" + quote_value(src) + "\" not found (looked for " + path + ")",
                          to_follow ? "check the file's name; if the paper has not arrived, leave out this <papers> until it does "
                                      "(the item is to-follow=\"true\")"
                                    : "check the file's name; to build the pack without the paper, mark its item "
                                      "to-follow=\"true\" and leave out this <papers> until the paper arrives");
            break;
        }
        case FileState::NotAFile: r_.attr_error(el, "src", rule::missing_file, "src on <papers> names the folder " + path + ", not a file"); break;
        case FileState::Special:
            r_.attr_error(el, "src", rule::file_unreadable, "the paper " + path + " " + input_file_problem(path));
            break;
        case FileState::Ok: break;
    }
    return path;
}

}  // namespace

std::optional<PackManifest> read_manifest(XmlFile& file, const LoadOptions& options, Diagnostics& diags) {
    Reader r(file.src, diags);
    pugi::xml_node root = file.root;
    std::string_view name = root.name();
    if (name != "pack") {
        std::string msg = "the top-level element is <" + std::string(name) + ">; " + kManifestHint;
        if (name == "report" || name == "minutes" || name == "document")
            msg = "this file is a paper (<" + std::string(name) + ">), not a pack manifest; " + kManifestHint;
        r.error(root, rule::wrong_root, msg);
        return std::nullopt;
    }
    r.check_attributes(root, grammar::pack().type("pack"));
    r.check_version(root);
    PackManifest m;
    m.loc = r.loc(root);
    ManifestReader mr(r, options, folder_of(file.src.path), m.refused_papers);
    if (std::optional<std::string> t = r.required_attr(root, "template", "template=\"lscsb\""))
        m.template_ref = mr.resolve_template(root, *t);

    const grammar::Format& g = grammar::pack();
    for (auto [c, t] : r.children(root, g, g.type("pack"), "it goes in <meeting> or in the <agenda>'s items")) {
        if (!r.enter(c)) continue;
        if (std::string_view(c.name()) == "meeting")
            mr.meeting(c, m.meeting);
        else
            mr.agenda(c, m.items);
        r.leave();
    }
    return m;
}

}  // namespace bp::load
