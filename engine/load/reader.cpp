#include "load/reader.hpp"

#include <algorithm>
#include <set>

#include "load/values.hpp"

namespace bp::load {

const Names kInlineNames = {"b", "i", "u", "sup", "sub", "a", "br", "fn"};

namespace {

struct Suggestion {
    std::string_view wrong;
    std::string_view right;
};

// Words officers reach for, from HTML, Word or habit.
constexpr Suggestion kElementSuggestions[] = {
    {"para", "p"},           {"paragraph", "p"},         {"bold", "b"},
    {"strong", "b"},         {"italic", "i"},            {"em", "i"},
    {"emph", "i"},           {"underline", "u"},         {"ins", "u"},
    {"superscript", "sup"},  {"subscript", "sub"},       {"list", "ul"},
    {"list", "ol"},          {"item", "li"},             {"listitem", "li"},
    {"list-item", "li"},     {"entry", "li"},            {"heading", "h1"},
    {"h4", "h3"},            {"h5", "h3"},               {"h6", "h3"},
    {"link", "a"},           {"hyperlink", "a"},         {"url", "a"},
    {"image", "img"},        {"picture", "img"},         {"figure", "img"},
    {"graphic", "img"},      {"break", "br"},            {"linebreak", "br"},
    {"newline", "br"},       {"quote", "blockquote"},    {"q", "blockquote"},
    {"pagebreak", "page-break"}, {"page_break", "page-break"}, {"new-page", "page-break"},
    {"newpage", "page-break"}, {"recommendation", "recommendations"}, {"contacts", "contact"},
    {"appendices", "appendix"}, {"annex", "appendix"},   {"row", "tr"},
    {"cell", "td"},          {"footnote", "notes"},      {"footnotes", "notes"},
    {"note", "notes"},       {"tablehead", "thead"},     {"table-head", "thead"},
    {"tablebody", "tbody"},  {"table-body", "tbody"},    {"keep-together", "keep"},
    {"keeptogether", "keep"}, {"nobreak", "keep"},       {"agenda-item", "item"},
    {"li", "item"},          {"colour", "colours"},      {"colors", "colours"},
    {"color", "colours"},    {"fonts", "font"},          {"styles", "style"},
    {"resolution", "resolved"}, {"agreed", "resolved"},  {"attendees", "attendance"},
    {"present", "attendance"}, {"nextmeeting", "next-meeting"}, {"next_meeting", "next-meeting"},
    {"paper", "papers"},     {"subheading", "h2"},       {"subtitle", "h2"},
    {"heading1", "h1"},      {"heading2", "h2"},         {"heading3", "h3"},
    {"attendee", "person"},  {"members", "group"},       {"caption", "notes"},
};

constexpr Suggestion kAttributeSuggestions[] = {
    {"color", "colour"},      {"colour", "fill"},         {"background", "fill"},
    {"bgcolor", "fill"},      {"href", "src"},            {"source", "src"},
    {"file", "src"},          {"path", "src"},            {"link", "href"},
    {"url", "href"},          {"cols", "widths"},         {"colwidths", "widths"},
    {"col-widths", "widths"}, {"width", "widths"},        {"newpage", "new-page"},
    {"new_page", "new-page"}, {"tofollow", "to-follow"},  {"to_follow", "to-follow"},
    {"reason", "exempt"},     {"confidential", "exempt"}, {"span", "colspan"},
    {"rag", "status"},        {"numbering", "number"},    {"start-number", "first-minute"},
    {"first", "first-minute"}, {"firstminute", "first-minute"}, {"first_minute", "first-minute"},
    {"heading", "title"},     {"name", "title"},          {"alt-text", "alt"},
    {"landscape", "orientation"}, {"bolditalic", "bold-italic"}, {"bold_italic", "bold-italic"},
    {"valign", "align"},      {"halign", "align"},        {"label", "title"},
    {"font-size", "size"},    {"fontsize", "size"},       {"font", "family"},
};

std::string join(const Names& names) {
    std::string s;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) s += ", ";
        s += names[i];
    }
    return s;
}

bool contains(const Names& names, std::string_view n) {
    return std::find(names.begin(), names.end(), n) != names.end();
}

// "did you mean <ul> or <ol>?" for the suggestions allowed here (a word
// officers reach for, else the names spelt nearest), or "".
// Spelling is looked at only for a name the grammar does not know: a known
// element in the wrong place is better told where it goes.
std::string element_suggestion(std::string_view wrong, const Names& expected, bool by_spelling) {
    Names hits;
    for (const auto& s : kElementSuggestions)
        if (s.wrong == wrong && contains(expected, s.right) && !contains(hits, s.right)) hits.push_back(s.right);
    if (hits.empty() && by_spelling) hits = nearest_names(wrong, expected);
    if (hits.empty()) return {};
    std::string msg = "did you mean ";
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if (i) msg += i + 1 == hits.size() ? " or " : ", ";
        msg += tag(hits[i]);
    }
    return msg + "?";
}

// Why a known element cannot be here, where a general rule says so.
std::string placement_hint(std::string_view name, const Names& expected, std::string_view parent) {
    if (name == "li") return "<li> goes inside <ol> or <ul>";
    if (name == "tr") return "rows go inside <thead> or <tbody>";
    if (name == "td" || name == "th") return "cells go inside <tr>";
    if (name == "thead" || name == "tbody") return tag(name) + " goes inside <table>";
    if (name == "section" || name == "appendix") return "sections and appendices are top-level only";
    if (name == "cover") return "<cover> comes first in an <appendix> or a <document>";
    if (name == "resolved" || name == "exclusion") return tag(name) + " goes inside a <minute>";
    if (name == "chair" && parent != "group")
        return "<chair> goes first in an attendance <group>; a chair line elsewhere is <p class=\"chair\">";
    if (name == "header") return "<header> comes first in a <report> or <minutes>";
    if (is_inline_element(name) && contains(expected, "p")) return "put text in a <p>";
    // A list or table inside <p>, as HTML habit writes it.
    if (!is_inline_element(name) && contains(expected, "br") && !contains(expected, "p"))
        return tag(parent) + " holds text only, so close </" + std::string(parent) + "> before " + tag(name);
    return {};
}

}  // namespace

std::size_t spelling_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment: insertions, deletions, substitutions and
    // swaps of two neighbours ("tabel") each cost one. Letter case is
    // ignored, so <Table> finds <table>.
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::size_t> d((n + 1) * (m + 1));
    auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * (m + 1) + j]; };
    for (std::size_t i = 0; i <= n; ++i) at(i, 0) = i;
    for (std::size_t j = 0; j <= m; ++j) at(0, j) = j;
    for (std::size_t i = 1; i <= n; ++i)
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    return at(n, m);
}

Names nearest_names(std::string_view wrong, const Names& names) {
    // How many slips a name of this length may take and still be meant:
    // none for one or two letters (<t> is not <p>), one up to five, two up
    // to nine, three beyond ("recomendations").
    auto allowed = [](std::size_t length) -> std::size_t { return length <= 2 ? 0 : length <= 5 ? 1 : length <= 9 ? 2 : 3; };
    if (wrong.size() > 64) return {};  // no name is that long
    Names best;
    std::size_t best_distance = 0;
    for (std::string_view name : names) {
        const std::size_t d = spelling_distance(wrong, name);
        if (d > allowed(name.size()) || (!best.empty() && d > best_distance) || contains(best, name)) continue;
        if (best.empty() || d < best_distance) best.clear();
        best_distance = d;
        best.push_back(name);
    }
    if (best.size() > 3) best.resize(3);
    return best;
}

bool is_inline_element(std::string_view name) { return contains(kInlineNames, name); }
bool is_known_element(std::string_view name) {
    // Every element of every format, from the grammar.
    static const std::set<std::string_view> known = [] {
        std::set<std::string_view> names;
        for (const grammar::Format* f : grammar::all_formats()) {
            names.insert(f->root);
            for (const grammar::Type& t : f->types)
                for (std::string_view n : grammar::child_names(t)) names.insert(n);
        }
        return names;
    }();
    return known.count(name) > 0;
}

SourceLoc Reader::loc(pugi::xml_node n) const {
    std::ptrdiff_t off = n.offset_debug();
    if (off < 0) return n.parent() && n.parent() != n.root() ? loc(n.parent()) : src_.at(0);
    std::size_t o = static_cast<std::size_t>(off);
    if (n.type() == pugi::node_element) return src_.at(o > 0 ? o - 1 : 0);
    if (n.type() == pugi::node_pcdata) {
        while (o < src_.bytes.size() && is_xml_space(src_.bytes[o])) ++o;
    }
    return src_.at(o);
}

SourceLoc Reader::attr_loc(pugi::xml_node el, std::string_view name) const {
    std::ptrdiff_t off = el.offset_debug();
    if (off < 0) return loc(el);
    const std::string& b = src_.bytes;
    std::size_t i = static_cast<std::size_t>(off);
    auto name_char = [&](std::size_t k) { return k < b.size() && !is_xml_space(b[k]) && b[k] != '=' && b[k] != '>' && b[k] != '/'; };
    while (name_char(i)) ++i;  // the element's name
    while (i < b.size()) {
        while (i < b.size() && is_xml_space(b[i])) ++i;
        if (i >= b.size() || b[i] == '>' || b[i] == '/') break;
        std::size_t start = i;
        while (name_char(i)) ++i;
        if (i == start) break;
        if (std::string_view(b).substr(start, i - start) == name) return src_.at(start);
        while (i < b.size() && is_xml_space(b[i])) ++i;
        if (i < b.size() && b[i] == '=') ++i;
        while (i < b.size() && is_xml_space(b[i])) ++i;
        if (i < b.size() && (b[i] == '"' || b[i] == '\'')) {
            std::size_t close = b.find(b[i], i + 1);
            if (close == std::string::npos) break;
            i = close + 1;
        }
    }
    return loc(el);
}

bool Reader::enter(pugi::xml_node n) {
    if (depth_ >= kMaxDepth) {
        if (!depth_reported_) {
            depth_reported_ = true;
            error(n, rule::nesting_depth,
                  "elements are nested more than " + std::to_string(kMaxDepth) + " deep here; boardpack skips what lies deeper",
                  "check for tags left unclosed");
        }
        return false;
    }
    ++depth_;
    return true;
}

void Reader::check_attributes(pugi::xml_node el, const grammar::Type& t) {
    const Names allowed = grammar::attribute_names(t);
    std::vector<std::string_view> seen;
    for (pugi::xml_attribute a : el.attributes()) {
        std::string_view name = a.name();
        if (contains(seen, name)) {
            attr_error(el, name, rule::duplicate_attribute,
                       "attribute " + std::string(name) + " is given twice on <" + el.name() + ">", "keep one");
            continue;
        }
        seen.push_back(name);
        if (contains(allowed, name)) continue;
        // Namespace and schema declarations an XML editor adds.
        if (name.starts_with("xmlns") || name.starts_with("xsi:")) continue;
        if (allowed.empty()) {
            attr_error(el, name, rule::unknown_attribute, tag(el.name()) + " takes no attributes",
                       "remove " + std::string(name));
            continue;
        }
        std::string hint;
        for (const auto& s : kAttributeSuggestions)
            if (s.wrong == name && contains(allowed, s.right)) {
                hint = "did you mean " + std::string(s.right) + "?";
                break;
            }
        if (const Names near = nearest_names(name, allowed); hint.empty() && !near.empty()) {
            hint = "did you mean ";
            for (std::size_t i = 0; i < near.size(); ++i) hint += (i ? (i + 1 == near.size() ? " or " : ", ") : "") + std::string(near[i]);
            hint += "?";
        }
        attr_error(el, name, rule::unknown_attribute, "unknown attribute " + std::string(name) + " on <" + el.name() + ">",
                   hint.empty() ? "expected one of: " + join(allowed) : hint);
    }
}

std::optional<std::string> Reader::attr(pugi::xml_node el, const char* name) const {
    pugi::xml_attribute a = el.attribute(name);
    if (!a) return std::nullopt;
    return std::string(a.value());
}

std::optional<std::string> Reader::required_attr(pugi::xml_node el, const char* name, std::string_view example) {
    std::optional<std::string> v = attr(el, name);
    if (!v) {
        error(el, rule::missing_attribute, tag(el.name()) + " needs a " + name + " attribute",
              example.empty() ? std::string() : "e.g. " + std::string(example));
    }
    return v;
}

void Reader::bad_attr(pugi::xml_node el, const char* name, std::string_view value, std::string_view why) {
    attr_error(el, name, rule::bad_value, std::string(name) + " on <" + el.name() + "> is \"" + quote_value(value) + "\"",
               std::string(why));
}

std::optional<Date> Reader::attr_date(pugi::xml_node el, const char* name) {
    std::optional<std::string> v = attr(el, name);
    if (!v) return std::nullopt;
    std::string why;
    std::optional<Date> d = parse_date(*v, why);
    if (!d) bad_attr(el, name, *v, why);
    return d;
}

std::optional<int> Reader::attr_int(pugi::xml_node el, const char* name, int lo, int hi) {
    std::optional<std::string> v = attr(el, name);
    if (!v) return std::nullopt;
    std::string why;
    std::optional<int> n = parse_int(*v, lo, hi, why);
    if (!n) bad_attr(el, name, *v, why);
    return n;
}

std::optional<bool> Reader::attr_bool(pugi::xml_node el, const char* name) {
    std::optional<std::string> v = attr(el, name);
    if (!v) return std::nullopt;
    std::string why;
    std::optional<bool> b = parse_bool(*v, why);
    if (!b) bad_attr(el, name, *v, why);
    return b;
}

std::optional<Mpt> Reader::attr_length(pugi::xml_node el, const char* name) {
    std::optional<std::string> v = attr(el, name);
    if (!v) return std::nullopt;
    std::string why;
    std::optional<Mpt> l = parse_length(*v, why);
    if (!l) bad_attr(el, name, *v, why);
    return l;
}

std::optional<Color> Reader::attr_color(pugi::xml_node el, const char* name) {
    std::optional<std::string> v = attr(el, name);
    if (!v) return std::nullopt;
    std::string why;
    std::optional<Color> c = parse_color(*v, why);
    if (!c) bad_attr(el, name, *v, why);
    return c;
}

std::optional<std::size_t> Reader::attr_choice(pugi::xml_node el, const char* name, const Names& choices) {
    std::optional<std::string> v = attr(el, name);
    if (!v) return std::nullopt;
    for (std::size_t i = 0; i < choices.size(); ++i)
        if (*v == choices[i]) return i;
    std::string list;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i) list += i + 1 == choices.size() ? " or " : ", ";
        list += choices[i];
    }
    bad_attr(el, name, *v, "use " + list);
    return std::nullopt;
}

void Reader::check_version(pugi::xml_node root) {
    std::optional<std::string> v = attr(root, "version");
    if (!v)
        error(root, rule::version, tag(root.name()) + " needs a version", "write version=\"1\"");
    else if (*v != "1")
        attr_error(root, "version", rule::version, "version on <" + std::string(root.name()) + "> is \"" + quote_value(*v) +
                   "\"; this boardpack reads version \"1\" files", "write version=\"1\"");
}

bool Reader::is_text(pugi::xml_node n) { return n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata; }

bool Reader::is_blank(pugi::xml_node n) {
    if (!is_text(n)) return false;
    for (const char* p = n.value(); *p; ++p)
        if (!is_xml_space(*p)) return false;
    return true;
}

void Reader::unexpected_element(pugi::xml_node child, pugi::xml_node parent, const Names& expected) {
    std::string name = child.name();
    std::string where = " inside <" + std::string(parent.name()) + ">";
    std::string suggestion = element_suggestion(name, expected, !is_known_element(name));
    std::string list = expected.empty() ? tag(parent.name()) + " holds no elements"
                                        : "expected one of: " + join(expected);
    if (!is_known_element(name)) {
        error(child, rule::unknown_element, "unknown element <" + name + ">" + where, suggestion.empty() ? list : suggestion);
        return;
    }
    std::string hint = suggestion.empty() ? placement_hint(name, expected, parent.name()) : suggestion;
    error(child, rule::misplaced_element, "<" + name + "> is not allowed" + where, hint.empty() ? list : hint);
}

void Reader::unexpected_text(pugi::xml_node text, pugi::xml_node parent, std::string_view hint) {
    error(text, rule::stray_text, "text is not allowed directly inside <" + std::string(parent.name()) + ">",
          std::string(hint));
}

std::vector<Reader::Child> Reader::children(pugi::xml_node parent, const grammar::Format& f, const grammar::Type& t,
                                            std::string_view text_hint) {
    const std::vector<grammar::Particle>& particles = t.particles;
    const bool holds_text = t.content == grammar::Content::Inline || t.content == grammar::Content::Mixed;
    std::vector<int> counts(particles.size(), 0);
    std::vector<Child> out;
    // The elements kept so far with their particles, to name the one an
    // element out of order should go above.
    std::vector<std::pair<pugi::xml_node, std::size_t>> kept;
    std::size_t cursor = 0;
    bool text_reported = false;
    auto particle_of = [&](std::string_view name) -> std::pair<std::size_t, std::string_view> {
        for (std::size_t i = 0; i < particles.size(); ++i)
            for (const auto& [element, type] : particles[i].elements)
                if (element == name) return {i, type};
        return {particles.size(), {}};
    };
    for (pugi::xml_node c : parent.children()) {
        if (c.type() != pugi::node_element) {
            if (holds_text && is_text(c)) {
                out.push_back(Child{c, nullptr});
            } else if (is_text(c) && !is_blank(c) && !text_reported) {
                text_reported = true;
                unexpected_text(c, parent, text_hint);
            }
            continue;
        }
        if (holds_text && is_inline_element(c.name())) {
            out.push_back(Child{c, nullptr});
            continue;
        }
        auto [i, type] = particle_of(c.name());
        if (i == particles.size()) {
            unexpected_element(c, parent, grammar::child_names(t));
            continue;
        }
        if (particles[i].max != grammar::kUnbounded && counts[i] >= particles[i].max) {
            duplicate_child(c, parent);
            continue;
        }
        if (i < cursor) {
            // Reported, then read all the same: its own problems are worth
            // knowing in the same run, and moving it is the whole fix.
            pugi::xml_node above;
            for (const auto& [node, particle] : kept)
                if (particle > i) {
                    above = node;
                    break;
                }
            // On one line, as a header often is, the line alone does not say which.
            const SourceLoc at = loc(above);
            std::string where = tag(above.name()) + " at line " + std::to_string(at.line);
            if (at.line == loc(c).line) where += ", column " + std::to_string(at.col);
            if (i == 0)
                error(c, rule::element_order, tag(c.name()) + " must come first in " + tag(parent.name()),
                      "move it above " + where);
            else
                error(c, rule::element_order, tag(c.name()) + " comes after " + tag(above.name()) + " in " +
                          tag(parent.name()),
                      "move it above " + where + ": " + tag(parent.name()) + " holds " +
                          join(grammar::child_names(t)) + " in that order");
        } else {
            cursor = i;
        }
        ++counts[i];
        const grammar::Type& ct = f.type(type);
        if (ct.content == grammar::Content::Empty) check_holds_nothing(c, ct);
        if (ct.content == grammar::Content::Text) check_plain_text(c);
        out.push_back(Child{c, &ct});
        kept.emplace_back(c, i);
    }
    for (std::size_t i = 0; i < particles.size(); ++i)
        if (counts[i] < particles[i].min && particles[i].elements.size() == 1) {
            const auto& [element, type] = particles[i].elements.front();
            missing_child(parent, element, f.type(type).doc);
        }
    return out;
}

bool Reader::once_per_file(pugi::xml_node el, const grammar::Type& t) {
    if (!t.once_per_file) return true;
    for (const Seen& seen : once_seen_)
        if (seen.type == &t && (!t.again_in_appendix || seen.scope == scope_)) {
            const bool in_appendix = t.again_in_appendix && scope_ != 0;
            error(el, rule::repeated_section,
                  "a second " + tag(el.name()) + (in_appendix ? " in this appendix" : " in this file"),
                  (in_appendix ? "an appendix has one " : "a paper has one ") + tag(el.name()) +
                      "; merge this one into the first, at line " + std::to_string(seen.at.line));
            return false;
        }
    once_seen_.push_back(Seen{&t, loc(el), scope_});
    return true;
}

void Reader::check_holds_nothing(pugi::xml_node el, std::string_view hint) {
    for (pugi::xml_node k : el.children())
        if (k.type() == pugi::node_element || (is_text(k) && !is_blank(k))) {
            error(k, rule::holds_nothing, "<" + std::string(el.name()) + "/> holds nothing", std::string(hint));
            return;
        }
}

void Reader::check_holds_nothing(pugi::xml_node el, const grammar::Type& t) {
    // What goes in its place: the attributes the grammar gives it.
    const Names names = grammar::attribute_names(t);
    std::string hint;
    if (names.empty()) {
        hint = "write <" + std::string(el.name()) + "/> on its own";
    } else if (names.size() == 1) {
        hint = "give " + std::string(names[0]) + " as an attribute: <" + el.name() + " " + std::string(names[0]) +
               "=\"...\"/>";
    } else {
        hint = "give ";
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (i) hint += i + 1 == names.size() ? " and " : ", ";
            hint += names[i];
        }
        hint += " as attributes";
    }
    check_holds_nothing(el, hint);
}

void Reader::duplicate_child(pugi::xml_node child, pugi::xml_node parent) {
    error(child, rule::duplicate_element, "a second <" + std::string(child.name()) + "> in <" + parent.name() + ">",
          "keep one");
}

void Reader::missing_child(pugi::xml_node parent, std::string_view child, std::string_view what) {
    bool vowel = !child.empty() && std::string_view("aeiou").find(child.front()) != std::string_view::npos;
    error(parent, rule::missing_element, tag(parent.name()) + (vowel ? " needs an <" : " needs a <") + std::string(child) + ">",
          std::string(what));
}

void Reader::collect_inline(pugi::xml_node n, pugi::xml_node parent, Inlines& raw, std::uint8_t flags,
                            const std::string& href, bool footnotes) {
    if (is_text(n)) {
        Inline run;
        run.flags = flags;
        run.href = href;
        run.text = n.value();
        raw.push_back(std::move(run));
        return;
    }
    if (n.type() != pugi::node_element) return;  // comments
    std::string_view name = n.name();
    if (!is_inline_element(name)) {
        unexpected_element(n, parent, kInlineNames);
        return;
    }
    if (name == "br") {
        check_attributes(n, grammar::inline_type("br"));
        check_holds_nothing(n, grammar::inline_type("br"));
        Inline brk;
        brk.kind = Inline::Kind::LineBreak;
        brk.flags = flags;
        raw.push_back(std::move(brk));
        return;
    }
    if (name == "fn") {
        footnote(n, raw, footnotes);
        return;
    }
    std::uint8_t f = flags;
    std::string link = href;
    if (name == "a") {
        check_attributes(n, grammar::inline_type("a"));
        if (!href.empty())
            error(n, rule::misplaced_element, "a link cannot hold another link", "close the first </a> before this <a>");
        std::optional<std::string> h = required_attr(n, "href", "href=\"https://www.example.gov.uk/\"");
        if (h) {
            link = collapse_space(*h);
            if (link.empty())
                attr_error(n, "href", rule::empty_value, "href on <a> is empty",
                           "write the address, e.g. href=\"https://www.example.gov.uk/\"");
            else
                check_link(n, link);
        }
    } else {
        check_attributes(n, grammar::inline_type(name));
        if (name == "b") f |= kBold;
        if (name == "i") f |= kItalic;
        if (name == "u") f |= kUnderline;
        if (name == "sup") f |= kSuperscript;
        if (name == "sub") f |= kSubscript;
    }
    if (!enter(n)) return;
    for (pugi::xml_node c : n.children()) collect_inline(c, n, raw, f, link, footnotes);
    leave();
}

void Reader::footnote(pugi::xml_node fn, Inlines& raw, bool allowed) {
    check_attributes(fn, grammar::inline_type("fn"));
    if (!allowed) {
        // Headings, titles and table cells have no page foot of their own
        // to print a note at; a note inside a note has nothing to number it.
        error(fn, rule::misplaced_element, "a footnote cannot stand here",
              "put <fn> in the text of a paragraph or a list entry; headings, titles, tables and footnotes take none");
        return;
    }
    if (!enter(fn)) return;
    Inline note;
    note.kind = Inline::Kind::Footnote;
    for (pugi::xml_node c : fn.children()) collect_inline(c, fn, note.note, 0, {}, false);
    leave();
    finish_inlines(note.note);
    if (note.note.empty()) {
        error(fn, rule::empty_value, "<fn> is empty", "write the note's text inside it, e.g. <fn>Source: Police.uk</fn>");
        return;
    }
    raw.push_back(std::move(note));
}

void Reader::check_link(pugi::xml_node a, const std::string& href) {
    std::string l = href;
    for (char& c : l) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    if (l.starts_with("http://") || l.starts_with("https://") || l.starts_with("mailto:")) return;
    std::string shown = quoted(href);
    if (l.starts_with("www."))
        attr_error(a, "href", rule::link, "the link " + shown + " needs its scheme",
                   "write href=\"https://" + href + "\"");
    else if (href.find('@') != std::string::npos && href.find(':') == std::string::npos)
        attr_error(a, "href", rule::link, "the e-mail link " + shown + " needs mailto:",
                   "write href=\"mailto:" + href + "\"");
    else
        attr_error(a, "href", rule::link, "the link " + shown + " does not start with http://, https:// or mailto:",
                   "a pack can only link to web pages and e-mail addresses");
}

Inlines Reader::inlines(pugi::xml_node el, bool footnotes) {
    Inlines raw;
    for (pugi::xml_node c : el.children()) collect_inline(c, el, raw, 0, {}, footnotes);
    finish_inlines(raw);
    return raw;
}

std::string Reader::plain_text(pugi::xml_node el) {
    std::string text;
    for (pugi::xml_node c : el.children())
        if (is_text(c)) text += c.value();
    return collapse_space(text);
}

void Reader::check_plain_text(pugi::xml_node el) {
    for (pugi::xml_node c : el.children())
        if (c.type() == pugi::node_element) {
            error(c, rule::misplaced_element, tag(el.name()) + " holds plain text only",
                  "remove <" + std::string(c.name()) + ">");
            return;
        }
}

std::optional<Date> Reader::text_date(pugi::xml_node el, bool month_only_ok) {
    std::string s = plain_text(el);
    std::string why;
    // A cover may be dated by month ("2016-06", printed "June 2016"): day 0.
    if (month_only_ok && s.size() == 7) {
        if (std::optional<Date> d = parse_date(s + "-01", why)) {
            d->day = 0;
            return d;
        }
    }
    std::optional<Date> d = parse_date(s, why);
    if (!d) {
        if (s.empty())
            error(el, rule::empty_value, tag(el.name()) + " is empty", "write the date as YYYY-MM-DD, e.g. 2015-09-17");
        else
            error(el, rule::bad_value, tag(el.name()) + " is \"" + quote_value(s) + "\"",
                  why + (month_only_ok ? " (or YYYY-MM for a month, e.g. 2016-06)" : ""));
    }
    return d;
}

void finish_inlines(Inlines& runs) {
    Inlines out;
    out.reserve(runs.size());
    auto trim_trailing = [&out] {
        while (!out.empty() && out.back().kind == Inline::Kind::Text) {
            std::string& t = out.back().text;
            if (!t.empty() && t.back() == ' ') t.pop_back();
            if (!t.empty()) return;
            out.pop_back();
        }
    };
    bool space_before = true;  // at the block's start nothing may lead
    for (Inline& run : runs) {
        if (run.kind == Inline::Kind::Footnote) {
            // The number follows the word it annotates, with no space between.
            if (!out.empty() && out.back().kind == Inline::Kind::Text && out.back().text.ends_with(' '))
                out.back().text.pop_back();
            out.push_back(std::move(run));
            space_before = false;  // a space after the note is kept
            continue;
        }
        if (run.kind == Inline::Kind::LineBreak) {
            trim_trailing();
            run.text.clear();
            out.push_back(std::move(run));
            space_before = true;
            continue;
        }
        std::string t;
        t.reserve(run.text.size());
        for (char c : run.text) {
            if (is_xml_space(c)) {
                if (!space_before) t += ' ';
                space_before = true;
            } else {
                t += c;
                space_before = false;
            }
        }
        if (t.empty()) continue;
        if (!out.empty() && out.back().kind == Inline::Kind::Text && out.back().flags == run.flags &&
            out.back().href == run.href) {
            out.back().text += t;
            continue;
        }
        run.text = std::move(t);
        out.push_back(std::move(run));
    }
    trim_trailing();
    runs = std::move(out);
}

Inlines plain_inlines(std::string_view text) {
    Inlines out;
    std::string t = collapse_space(text);
    if (!t.empty()) {
        Inline run;
        run.text = std::move(t);
        out.push_back(std::move(run));
    }
    return out;
}

}  // namespace bp::load
