// XML Schema (XSD 1.0) from a grammar::Format: one named complex type per
// grammar type, local element declarations, documentation on every element
// and attribute, simple types for the value kinds.
#include <algorithm>
#include <string>

#include "load/grammar.hpp"

namespace bp::grammar {

namespace {

std::string escape(std::string_view s) {
    std::string o;
    for (char c : s) {
        if (c == '&') o += "&amp;";
        else if (c == '<') o += "&lt;";
        else if (c == '>') o += "&gt;";
        else if (c == '"') o += "&quot;";
        else o += c;
    }
    return o;
}

std::string occurs(int min, int max) {
    std::string s;
    if (min != 1) s += " minOccurs=\"" + std::to_string(min) + "\"";
    if (max != 1) s += " maxOccurs=\"" + (max == kUnbounded ? std::string("unbounded") : std::to_string(max)) + "\"";
    return s;
}

std::string documentation(std::string_view doc, const std::string& indent) {
    if (doc.empty()) return {};
    return indent + "<xs:annotation><xs:documentation>" + escape(doc) + "</xs:documentation></xs:annotation>\n";
}

std::string value_name(Value v) {
    switch (v) {
        case Value::Text: return "";
        case Value::Number: return "number";
        case Value::ParagraphNumber: return "paragraph-number";
        case Value::DateOrMonth: return "date-or-month";
        case Value::Version: return "version";
        case Value::Date: return "date";
        case Value::Time: return "time";
        case Value::Boolean: return "boolean";
        case Value::Length: return "length";
        case Value::Colour: return "colour";
        case Value::Link: return "link";
        case Value::Path: return "path";
        case Value::Widths: return "widths";
        case Value::Paragraphs: return "paragraphs";
        case Value::DatePattern: return "date-pattern";
        case Value::Ordinal: return "ordinal";
        case Value::Statuses: return "status";
        case Value::Integer:
        case Value::Choice: break;  // written inline
    }
    return "";
}

// The named simple type of a value kind; "-value" keeps simple and complex
// type names (which share one symbol space) apart.
std::string simple_type(Value v) {
    std::string name = value_name(v);
    return name.empty() ? "xs:string" : name + "-value";
}
// Patterns for the value kinds; the loader's parsers check more (real
// dates, ranges), the schema catches what an editor can show while typing.
struct SimpleType {
    std::string_view name, pattern, doc;
};
constexpr std::string_view kLength = R"((\d+(\.\d*)?|\.\d+)(pt|mm|cm|in))";
const SimpleType kSimpleTypes[] = {
    {"version", "1", "Always 1."},
    {"date", R"(\d{4}-\d{2}-\d{2})", "A date, YYYY-MM-DD."},
    {"date-or-month", R"(\d{4}-\d{2}(-\d{2})?)", "A date, YYYY-MM-DD, or a month, YYYY-MM."},
    {"time", R"(\d{1,2}:\d{2})", "A time, HH:MM on the 24-hour clock."},
    {"boolean", "true|false", "true or false."},
    {"length", kLength, "A length with its unit: 11pt, 20mm, 1.5cm, 0.5in."},
    {"colour", "#[0-9a-fA-F]{6}", "A colour, # and six hex digits."},
    {"link", "([hH][tT][tT][pP][sS]?|[mM][aA][iI][lL][tT][oO]):.+", "An http:, https: or mailto: address."},
    {"path", ".+", "A file, relative to this file."},
    {"number", R"(\d+(\.\d+)?)", "A number, e.g. 1.35."},
    {"paragraph-number", R"(none|sub|[1-9]\d{0,4})", "none, sub, or the number to restart from."},
    {"widths", "", "Column widths: 2* a share, 40mm a length, auto."},
    {"paragraphs", "[1-7]( ?, ?[1-7])*", "Paragraph numbers of Schedule 12A, 1 to 7: 3 or 1, 3."},
    {"date-pattern", ".+", "An ICU date pattern, e.g. d MMMM y."},
    {"ordinal", "true|false|(paper|meeting|next-meeting)(,? (paper|meeting|next-meeting))*",
     "true, false, or a list of paper, meeting and next-meeting."},
    {"status", "(R|A|G|Red|Amber|Green)( (R|A|G|Red|Amber|Green))*",
     "Red, amber or green as letters (R A G) or words (Red Amber Green); several separated by spaces."},
};

std::string widths_pattern() {
    std::string one = "(\\d*\\*|auto|" + std::string(kLength) + ")";
    return one + "( " + one + ")*";
}

void simple_types(std::string& o) {
    for (const SimpleType& s : kSimpleTypes) {
        o += "  <xs:simpleType name=\"" + std::string(s.name) + "-value\">\n";
        o += documentation(s.doc, "    ");
        o += "    <xs:restriction base=\"xs:token\">\n";
        std::string pattern = s.name == "widths" ? widths_pattern() : std::string(s.pattern);
        o += "      <xs:pattern value=\"" + escape(pattern) + "\"/>\n";
        o += "    </xs:restriction>\n  </xs:simpleType>\n";
    }
}

void attribute(std::string& o, const Attribute& a) {
    std::string use = a.required ? " use=\"required\"" : "";
    if (a.value == Value::Choice || a.value == Value::Integer) {
        o += "    <xs:attribute name=\"" + std::string(a.name) + "\"" + use + ">\n";
        o += documentation(a.doc, "      ");
        o += "      <xs:simpleType>\n";
        if (a.value == Value::Choice) {
            o += "        <xs:restriction base=\"xs:token\">\n";
            for (std::string_view c : a.choices) o += "          <xs:enumeration value=\"" + escape(c) + "\"/>\n";
        } else {
            o += "        <xs:restriction base=\"xs:integer\">\n";
            o += "          <xs:minInclusive value=\"" + std::to_string(a.min) + "\"/>\n";
            o += "          <xs:maxInclusive value=\"" + std::to_string(a.max) + "\"/>\n";
        }
        o += "        </xs:restriction>\n      </xs:simpleType>\n    </xs:attribute>\n";
        return;
    }
    o += "    <xs:attribute name=\"" + std::string(a.name) + "\" type=\"" + simple_type(a.value) + "\"" + use;
    if (a.doc.empty()) {
        o += "/>\n";
    } else {
        o += ">\n" + documentation(a.doc, "      ") + "    </xs:attribute>\n";
    }
}

const char* const kInline[] = {"b", "i", "u", "sup", "sub", "a", "br"};

// What inline markup may hold depends on where it stands, as the loader
// reads it: a footnote only in a block that takes them (a paragraph, a list
// entry), however deep in <b> or <a> (<p><a href><fn>); no link inside a
// link, however deep (<a><b><a>). A schema type cannot see where its element
// stands, so each of b, i, u, sup, sub and a has a type per place: "b" where
// neither holds, "b-fn" where footnotes may stand, "b-in-a" inside a link,
// "b-fn-in-a" both. A footnote's own text is a place of neither.
struct Place {
    bool footnotes = false;
    bool in_link = false;
};

std::string type_for(std::string_view markup, Place at) {
    std::string name(markup);
    if (markup == "br" || markup == "fn") return name;
    if (at.footnotes) name += "-fn";
    if (at.in_link) name += "-in-a";
    return name;
}

// `doc_of`: the grammar type whose documentation the element carries
// (a place's type is documented as its markup is).
void element(std::string& o, const Format& f, std::string_view name, std::string_view type, const std::string& occ,
             const std::string& indent, std::string_view doc_of = {}) {
    const Type* t = f.find(doc_of.empty() ? type : doc_of);
    o += indent + "<xs:element name=\"" + std::string(name) + "\" type=\"" + std::string(type) + "\"" + occ;
    if (!t || t->doc.empty()) {
        o += "/>\n";
        return;
    }
    o += ">\n" + documentation(t->doc, indent + "  ") + indent + "</xs:element>\n";
}

// The inline markup an element standing at `at` may hold.
void inline_choices(std::string& o, const Format& f, Place at) {
    for (const char* n : kInline)
        if (!(at.in_link && std::string_view(n) == "a")) element(o, f, n, type_for(n, at), "", "      ", n);
    if (at.footnotes) element(o, f, "fn", "fn", "", "      ");
}

bool is_markup(const Type& t) {
    for (const char* n : kInline)
        if (t.id == n && t.id != "br") return true;
    return false;
}

// `name`: the type's name in the schema (a place's, for markup); `at`: the
// place its inline content stands in.
void complex_type(std::string& o, const Format& f, const Type& t, const std::string& name, Place at) {
    o += "  <xs:complexType name=\"" + name + "\"";
    switch (t.content) {
        case Content::Empty:
            o += ">\n";
            break;
        case Content::Text:
            o += ">\n    <xs:simpleContent>\n      <xs:extension base=\"" + simple_type(t.text_value) + "\">\n";
            break;
        case Content::Inline:
        case Content::Mixed: {
            o += " mixed=\"true\">\n    <xs:choice minOccurs=\"0\" maxOccurs=\"unbounded\">\n";
            inline_choices(o, f, at);
            for (const Particle& p : t.particles)
                for (const auto& e : p.elements) element(o, f, e.first, e.second, "", "      ");
            o += "    </xs:choice>\n";
            break;
        }
        case Content::Elements:
            o += ">\n    <xs:sequence>\n";
            for (const Particle& p : t.particles) {
                if (p.elements.size() == 1) {
                    element(o, f, p.elements[0].first, p.elements[0].second, occurs(p.min, p.max), "      ");
                    continue;
                }
                o += "      <xs:choice" + occurs(p.min, p.max) + ">\n";
                for (const auto& e : p.elements) element(o, f, e.first, e.second, "", "        ");
                o += "      </xs:choice>\n";
            }
            o += "    </xs:sequence>\n";
            break;
    }
    if (t.content == Content::Text) {
        for (const Attribute& a : t.attributes) attribute(o, a);
        o += "      </xs:extension>\n    </xs:simpleContent>\n";
    } else {
        for (const Attribute& a : t.attributes) attribute(o, a);
    }
    o += "  </xs:complexType>\n";
}

}  // namespace

std::string xml_schema(const Format& f) {
    std::string o = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    o += "<!-- Generated from the boardpack grammar (engine/load/grammar.cpp) by make_schemas; do not edit. -->\n";
    o += "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" elementFormDefault=\"unqualified\">\n";
    const Type& root = f.type(f.root_type);
    element(o, f, f.root, root.id, "", "  ");
    for (const Type& t : f.types) {
        if (!is_markup(t)) {
            complex_type(o, f, t, std::string(t.id), Place{t.footnotes, false});
            continue;
        }
        // Markup: a type per place it may stand in; inside <a> is inside a link.
        const bool notes = std::any_of(f.types.begin(), f.types.end(), [](const Type& u) { return u.footnotes; });
        for (const bool footnotes : {false, true})
            for (const bool in_link : {false, true}) {
                if ((t.id == "a" && in_link) || (footnotes && !notes)) continue;  // never stands there
                const Place at{footnotes, in_link};
                complex_type(o, f, t, type_for(t.id, at), Place{footnotes, in_link || t.id == "a"});
            }
    }
    simple_types(o);
    o += "</xs:schema>\n";
    return o;
}

}  // namespace bp::grammar
