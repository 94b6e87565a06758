// <template>: a council's house style. Everything is optional: TemplateDoc's
// defaults are the house style, so a template states only what differs.
#include <algorithm>
#include <map>
#include <set>

#include "core/input_file.hpp"
#include "load/paths.hpp"
#include "load/reader.hpp"
#include "load/readers.hpp"
#include "load/values.hpp"
#include "load/wording_table.hpp"

namespace bp::load {

namespace {

// The styles the engine looks up (docs/formats.md).
const Names kEngineStyles = {"body",       "h1",           "h2",         "h3",          "board",
                             "meeting",    "agenda-heading", "agenda-item", "agenda-note", "paper-title",
                             "paper-line", "table",        "table-header", "table-note",  "quote",
                             "minute-title", "chair",      "footer",     "stamp",       "blank",
                             "cover-title", "cover-subtitle", "footnote", "contact", "appendix-title"};

bool contains(const Names& names, std::string_view n) {
    return std::find(names.begin(), names.end(), n) != names.end();
}

class TemplateReader {
public:
    TemplateReader(Reader& r, TemplateDoc& t) : r_(r), t_(t) {}

    void read(pugi::xml_node root);

private:
    void dates(pugi::xml_node el);
    void page(pugi::xml_node el);
    void font(pugi::xml_node el);
    void style(pugi::xml_node el);
    void indent(pugi::xml_node el);
    void colours(pugi::xml_node el);
    // Text with {placeholders}: only those in `allowed` may appear, and
    // those in `required` must. Unset if the attribute is not written.
    std::optional<std::string> placeholder_text(pugi::xml_node el, const char* attr, const Names& allowed,
                                                const Names& required = {});
    void minutes(pugi::xml_node el);
    void wording(pugi::xml_node el);
    void import_rules(pugi::xml_node el);
    void check_references();
    std::optional<std::string> font_file(pugi::xml_node el, const char* attr);
    std::optional<Mpt> length_at_least(pugi::xml_node el, const char* name, Mpt min);

    Reader& r_;
    const grammar::Format& g_ = grammar::template_format();
    TemplateDoc& t_;
    std::vector<pugi::xml_node> style_nodes_;  // parallel to t_.styles, for messages
};

void TemplateReader::read(pugi::xml_node root) {
    r_.check_attributes(root, g_.type("template"));
    r_.check_version(root);
    t_.loc = r_.loc(root);
    if (std::optional<std::string> n = r_.attr(root, "name")) t_.name = collapse_space(*n);
    for (auto [c, type] : r_.children(root, g_, g_.type("template"),
                                      "a template's settings are elements such as <page .../>")) {
        std::string n = c.name();
        if (!r_.enter(c)) continue;
        if (n == "locale") {
            r_.check_attributes(c, g_.type("locale"));
            std::string loc = r_.plain_text(c);
            // language [_region]: "en", "en_GB", "cy_GB".
            auto lower = [](char ch) { return ch >= 'a' && ch <= 'z'; };
            auto upper = [](char ch) { return ch >= 'A' && ch <= 'Z'; };
            std::size_t lang = 0;
            while (lang < loc.size() && lower(loc[lang])) ++lang;
            bool ok = lang >= 2 && lang <= 3 &&
                      (lang == loc.size() || (loc.size() == lang + 3 && (loc[lang] == '_' || loc[lang] == '-') &&
                                              upper(loc[lang + 1]) && upper(loc[lang + 2])));
            if (ok)
                t_.locale = loc;
            else
                r_.error(c, rule::bad_value, "<locale> is \"" + quote_value(loc) + "\": write a language and region code such as en_GB");
        }
        if (n == "dates") dates(c);
        if (n == "page") page(c);
        if (n == "font") font(c);
        if (n == "style") style(c);
        if (n == "indent") indent(c);
        if (n == "colours") colours(c);
        if (n == "footer") {
            r_.check_attributes(c, g_.type("footer"));
            if (auto v = placeholder_text(c, "text", {"{page}"})) t_.footer = *v;
        }
        if (n == "stamp") {
            r_.check_attributes(c, g_.type("stamp"));
            if (auto v = placeholder_text(c, "text", {"{item}"})) t_.stamp = *v;
        }
        if (n == "appendix") {
            r_.check_attributes(c, g_.type("appendix"));
            if (auto v = r_.attr_choice(c, "start", {"page", "odd-page", "flow"}))
                t_.appendix_start = static_cast<SectionStart>(*v);
            if (auto v = r_.attr_choice(c, "landscape-start", {"page", "odd-page"}))
                t_.landscape_start = static_cast<SectionStart>(*v);
        }
        if (n == "minutes") minutes(c);
        if (n == "wording") wording(c);
        if (n == "import") import_rules(c);
        if (n == "images") {
            r_.check_attributes(c, g_.type("images"));
            // Up to 1000 megapixels: beyond that one picture could need gigabytes.
            if (std::optional<int> mp = r_.attr_int(c, "max-megapixels", 1, 1000))
                t_.max_image_pixels = static_cast<std::uint64_t>(*mp) * 1'000'000;
        }
        if (n == "blank") {
            r_.check_attributes(c, g_.type("blank"));
            if (std::optional<std::string> v = r_.attr(c, "text")) t_.blank_text = collapse_space(*v);
            if (std::optional<bool> f = r_.attr_bool(c, "footer")) t_.footer_on_blank = *f;
            if (std::optional<bool> r = r_.attr_bool(c, "in-range")) t_.blank_in_range = *r;
        }
        r_.leave();
    }
    check_references();
}

void TemplateReader::dates(pugi::xml_node el) {
    r_.check_attributes(el, g_.type("dates"));
    auto pattern = [&](const char* name, std::string& into) {
        if (std::optional<std::string> v = r_.attr(el, name)) {
            if (collapse_space(*v).empty())
                r_.attr_error(el, name, rule::empty_value, std::string(name) + " on <dates> is empty; write a date pattern such as \"d MMMM y\"");
            else
                into = *v;
        }
    };
    pattern("paper", t_.date_pattern);
    pattern("meeting", t_.meeting_date_pattern);
    pattern("next-meeting", t_.next_meeting_pattern);
    // ordinal="true" (paper headers) or a list of which dates: "paper meeting next-meeting".
    if (std::optional<std::string> o = r_.attr(el, "ordinal")) {
        const std::vector<std::string_view> words = split_space(*o);
        if (words.size() == 1 && (words[0] == "true" || words[0] == "false")) {
            t_.ordinal_days = words[0] == "true";
            return;
        }
        for (std::string_view w : words) {
            if (w == "paper") t_.ordinal_days = true;
            else if (w == "meeting") t_.ordinal_meeting = true;
            else if (w == "next-meeting") t_.ordinal_next_meeting = true;
            else
                r_.attr_error(el, "ordinal", rule::bad_value, "ordinal on <dates> names \"" + std::string(w) +
                                 "\"; write true, false, or a list of paper, meeting and next-meeting");
        }
    }
}

std::optional<Mpt> TemplateReader::length_at_least(pugi::xml_node el, const char* name, Mpt min) {
    std::optional<Mpt> v = r_.attr_length(el, name);
    if (v && *v < min) {
        r_.bad_attr(el, name, *r_.attr(el, name), min > 0 ? "it must be more than zero" : "it may not be negative");
        return std::nullopt;
    }
    return v;
}

void TemplateReader::page(pugi::xml_node el) {
    r_.check_attributes(el, g_.type("page"));
    PageMaster& p = t_.portrait;
    if (std::optional<std::size_t> s = r_.attr_choice(el, "size", {"A4", "A3", "A5", "Letter"})) {
        static constexpr Mpt kSizes[][2] = {
            {kA4Width, kA4Height}, {841890, 1190551}, {419528, 595276}, {612000, 792000}};
        p.width = kSizes[*s][0];
        p.height = kSizes[*s][1];
    }
    if (auto v = length_at_least(el, "margin-top", 0)) p.margin_top = *v;
    if (auto v = length_at_least(el, "margin-bottom", 0)) p.margin_bottom = *v;
    if (auto v = length_at_least(el, "margin-left", 0)) p.margin_left = *v;
    if (auto v = length_at_least(el, "margin-right", 0)) p.margin_right = *v;
    // Landscape swaps the sides, so both directions must leave room.
    Mpt narrow = std::min(p.width, p.height);
    if (p.margin_left + p.margin_right >= narrow || p.margin_top + p.margin_bottom >= narrow)
        r_.error(el, rule::page_geometry, "the margins leave no room for text on the page", "make them smaller");
}

std::optional<std::string> TemplateReader::font_file(pugi::xml_node el, const char* attr) {
    std::optional<std::string> v = r_.attr(el, attr);
    if (!v) return std::nullopt;
    if (v->empty()) {
        r_.attr_error(el, attr, rule::empty_value, std::string(attr) + " on <font> is empty; name a TrueType file, e.g. ../fonts/LiberationSans-Regular.ttf");
        return std::nullopt;
    }
    // Font paths may leave the template's folder: templates share fonts/.
    std::string path = resolve_relative(r_.src().path, *v);
    switch (file_state(path)) {
        case FileState::Missing:
            r_.attr_error(el, attr, rule::missing_file, "font file \"" + quote_value(*v) + "\" not found (looked for " + path + ")");
            break;
        case FileState::NotAFile: r_.attr_error(el, attr, rule::missing_file, std::string(attr) + " on <font> names the folder " + path + ", not a font file"); break;
        case FileState::Special:
            r_.attr_error(el, attr, rule::file_unreadable, "the font " + path + " " + input_file_problem(path));
            break;
        case FileState::Ok: break;
    }
    return path;
}

void TemplateReader::font(pugi::xml_node el) {
    r_.check_attributes(el, g_.type("font"));
    FontFamily f;
    f.loc = r_.loc(el);
    if (std::optional<std::string> fam = r_.required_attr(el, "family", "family=\"sans\"")) {
        f.name = collapse_space(*fam);
        for (const FontFamily& other : t_.families)
            if (other.name == f.name)
                r_.attr_error(el, "family", rule::duplicate_definition, "font family \"" + quote_value(f.name) + "\" is already defined at line " +
                                 std::to_string(other.loc.line) + "; give each family one <font>");
    }
    r_.required_attr(el, "regular", "regular=\"../fonts/LiberationSans-Regular.ttf\"");
    if (auto p = font_file(el, "regular")) f.regular = *p;
    if (auto p = font_file(el, "bold")) f.bold = *p;
    if (auto p = font_file(el, "italic")) f.italic = *p;
    if (auto p = font_file(el, "bold-italic")) f.bold_italic = *p;
    f.regular_loc = r_.attr_loc(el, "regular");
    f.bold_loc = r_.attr_loc(el, f.bold.empty() ? "regular" : "bold");
    f.italic_loc = r_.attr_loc(el, f.italic.empty() ? "regular" : "italic");
    f.bold_italic_loc = r_.attr_loc(el, f.bold_italic.empty() ? "regular" : "bold-italic");
    t_.families.push_back(std::move(f));
}

void TemplateReader::style(pugi::xml_node el) {
    r_.check_attributes(el, g_.type("style"));
    TextStyleSpec s;
    s.loc = r_.loc(el);
    if (std::optional<std::string> n = r_.required_attr(el, "name", "name=\"body\"")) {
        s.name = collapse_space(*n);
        for (const TextStyleSpec& other : t_.styles)
            if (other.name == s.name)
                r_.attr_error(el, "name", rule::duplicate_definition, "style \"" + quote_value(s.name) + "\" is already defined at line " +
                                 std::to_string(other.loc.line) + "; give each style one <style>");
        if (!s.name.empty() && !contains(kEngineStyles, s.name))
            r_.warning(el, rule::unused_style, "the engine does not use a style named \"" + quote_value(s.name) +
                               "\" (it can still be a parent); check the name against docs/formats.md");
    }
    if (std::optional<std::string> p = r_.attr(el, "parent")) s.parent = collapse_space(*p);
    if (std::optional<std::string> f = r_.attr(el, "family")) s.family = collapse_space(*f);
    s.size = length_at_least(el, "size", 1);
    if (s.size) s.size_loc = r_.attr_loc(el, "size");
    if (std::optional<std::string> l = r_.attr(el, "leading")) {
        std::string why;
        s.leading = parse_number(*l, 0.5, 5, why);
        if (!s.leading) r_.bad_attr(el, "leading", *l, why + " (a multiple of the font size)");
        else s.leading_loc = r_.attr_loc(el, "leading");
    }
    s.bold = r_.attr_bool(el, "bold");
    s.italic = r_.attr_bool(el, "italic");
    s.underline = r_.attr_bool(el, "underline");
    s.uppercase = r_.attr_bool(el, "uppercase");
    s.color = r_.attr_color(el, "colour");
    s.space_before = length_at_least(el, "space-before", 0);
    s.space_after = length_at_least(el, "space-after", 0);
    if (std::optional<std::size_t> a = r_.attr_choice(el, "align", {"left", "center", "right", "justify"}))
        s.align = static_cast<Align>(*a);
    t_.styles.push_back(std::move(s));
    style_nodes_.push_back(el);
}

void TemplateReader::indent(pugi::xml_node el) {
    r_.check_attributes(el, g_.type("indent"));
    if (auto v = length_at_least(el, "paragraph", 0)) {
        t_.paragraph_indent = *v;
        t_.paragraph_indent_loc = r_.attr_loc(el, "paragraph");
    }
    if (auto v = length_at_least(el, "list", 0)) {
        t_.list_indent = *v;
        t_.list_indent_loc = r_.attr_loc(el, "list");
    }
}

void TemplateReader::colours(pugi::xml_node el) {
    r_.check_attributes(el, g_.type("colours"));
    if (auto c = r_.attr_color(el, "rule")) t_.rule_color = *c;
    if (auto c = r_.attr_color(el, "table-header")) t_.table_header_fill = *c;
    if (auto c = r_.attr_color(el, "red")) t_.rag_red = *c;
    if (auto c = r_.attr_color(el, "amber")) t_.rag_amber = *c;
    if (auto c = r_.attr_color(el, "green")) t_.rag_green = *c;
}

std::optional<std::string> TemplateReader::placeholder_text(pugi::xml_node el, const char* attr,
                                                            const Names& allowed, const Names& required) {
    std::optional<std::string> v = r_.attr(el, attr);
    if (!v) return std::nullopt;
    std::string text = collapse_space(*v);
    auto list = [](const Names& names) {
        std::string s;
        for (std::size_t i = 0; i < names.size(); ++i)
            s += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + std::string(names[i]);
        return s;
    };
    for (std::size_t p = text.find('{'); p != std::string::npos; p = text.find('{', p + 1)) {
        std::size_t e = text.find('}', p);
        std::string ph = text.substr(p, e == std::string::npos ? std::string::npos : e - p + 1);
        if (!contains(allowed, ph)) {
            r_.attr_error(el, attr, rule::placeholder,
                          std::string(attr) + " on <" + el.name() + "> uses " + quote_value(ph) +
                              (allowed.empty()       ? std::string("; it takes no placeholders")
                               : allowed.size() == 1 ? "; the only placeholder here is " + list(allowed)
                                                     : "; the placeholders here are " + list(allowed)));
            return std::nullopt;
        }
    }
    for (std::string_view need : required)
        if (text.find(need) == std::string::npos) {
            r_.attr_error(el, attr, rule::placeholder,
                          std::string(attr) + " on <" + el.name() + "> has no " + std::string(need) +
                              ", so the text it stands for would be lost",
                          "write " + std::string(need) + " where it goes, e.g. " +
                              (need == "{label}" ? "\"{label}:-\"" : "\"... on {date}.\""));
            return std::nullopt;
        }
    return text;
}

// <minutes opening opening-online resolution-label>: the minutes' own words.
void TemplateReader::minutes(pugi::xml_node el) {
    r_.check_attributes(el, g_.type("minutes"));
    const Names opening = {"{board}", "{venue}", "{date}"};
    if (auto v = placeholder_text(el, "opening", opening, {"{date}"})) t_.minutes_opening = *v;
    if (auto v = placeholder_text(el, "opening-online", opening, {"{date}"})) t_.minutes_opening_online = *v;
    if (auto v = placeholder_text(el, "resolution-label", {"{label}"}, {"{label}"})) t_.resolution_label = *v;
}

// <wording>: each attribute one of the engine's own words, with the
// placeholders the table allows it.
void TemplateReader::wording(pugi::xml_node el) {
    r_.check_attributes(el, g_.type("wording"));
    for (const WordingEntry& e : wording_entries()) {
        if (auto v = placeholder_text(el, std::string(e.attribute).c_str(), e.placeholders)) t_.wording.*e.member = *v;
    }
}

// <import>: <word-style name as/>, <content-control tag as/>, <heading text as/>.
void TemplateReader::import_rules(pugi::xml_node el) {
    r_.check_attributes(el, g_.type("import"));
    static const Names kTargets = {"board", "date", "title", "line", "venue", "h1", "h2",
                                   "h3", "p", "blockquote", "recommendations", "contact", "appendix", "skip"};
    for (auto [c, type] : r_.children(el, g_, g_.type("import"),
                                      "write each mapping as <word-style name=\"...\" as=\"...\"/>")) {
        if (!r_.enter(c)) continue;
        r_.check_attributes(c, *type);
        const std::string_view n = c.name();
        ImportRule rule;
        rule.loc = r_.loc(c);
        const char* key = n == "word-style" ? "name" : n == "content-control" ? "tag" : "text";
        rule.by = n == "word-style" ? ImportRule::By::Style
                  : n == "content-control" ? ImportRule::By::Control
                                           : ImportRule::By::Heading;
        std::optional<std::string> name = r_.required_attr(c, key, n == "word-style" ? "name=\"Committee Name\""
                                                                   : n == "content-control" ? "tag=\"MeetingDate\""
                                                                                            : "text=\"Background Papers\"");
        if (name) rule.name = collapse_space(*name);
        if (name && rule.name.empty())
            r_.attr_error(c, key, rule::empty_value, std::string(key) + " on <" + std::string(n) + "> is empty",
                          "write the name Word shows, or delete the mapping");
        const Names targets = n == "heading" ? Names{"recommendations", "contact", "appendix", "skip"} : kTargets;
        std::optional<std::size_t> as = r_.attr(c, "as") ? r_.attr_choice(c, "as", targets) : std::nullopt;
        if (!r_.attr(c, "as")) r_.required_attr(c, "as", "as=\"title\"");
        if (as && !rule.name.empty()) {
            const std::string_view t = targets[*as];
            for (std::size_t i = 0; i < kTargets.size(); ++i)
                if (kTargets[i] == t) rule.target = static_cast<ImportTarget>(i);
            t_.import_rules.push_back(std::move(rule));
        }
        r_.leave();
    }
}

void TemplateReader::check_references() {
    std::map<std::string, std::size_t> by_name;
    for (std::size_t i = 0; i < t_.styles.size(); ++i) by_name.emplace(t_.styles[i].name, i);
    for (std::size_t i = 0; i < t_.styles.size(); ++i) {
        const TextStyleSpec& s = t_.styles[i];
        pugi::xml_node el = style_nodes_[i];
        if (s.family) {
            bool defined = std::any_of(t_.families.begin(), t_.families.end(),
                                       [&](const FontFamily& f) { return f.name == *s.family; });
            if (!defined)
                r_.attr_error(el, "family", rule::unknown_reference, "style \"" + quote_value(s.name) + "\" uses font family \"" + quote_value(*s.family) +
                                 "\", which no <font family=...> defines");
        }
        if (!s.parent.empty() && !by_name.count(s.parent) && !contains(kEngineStyles, s.parent))
            r_.attr_error(el, "parent", rule::unknown_reference, "style \"" + quote_value(s.name) + "\" has parent \"" + quote_value(s.parent) +
                             "\", which is not a style");
        // A parent chain that comes back to this style never resolves.
        std::string at = s.parent;
        for (std::size_t steps = 0; !at.empty() && steps <= t_.styles.size(); ++steps) {
            if (at == s.name) {
                r_.attr_error(el, "parent", rule::style_cycle, "style \"" + quote_value(s.name) + "\" is its own ancestor through parent=; break the loop");
                break;
            }
            auto it = by_name.find(at);
            if (it == by_name.end()) break;
            at = t_.styles[it->second].parent;
        }
    }
}

}  // namespace

std::optional<TemplateDoc> read_template(XmlFile& file, Diagnostics& diags) {
    Reader r(file.src, diags);
    pugi::xml_node root = file.root;
    std::string_view name = root.name();
    if (name != "template") {
        r.error(root, rule::wrong_root, "the top-level element is <" + std::string(name) + ">; " + kTemplateHint);
        return std::nullopt;
    }
    TemplateDoc t;
    TemplateReader(r, t).read(root);
    return t;
}

}  // namespace bp::load
