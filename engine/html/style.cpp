// The site's stylesheets from the template: its fonts, sizes, weights,
// colours and indents, so the pages look like the house's papers. On
// screen, sizes are in rem (12 pt is the browser's 1 rem), so a reader's
// own text size scales them, and none is set below 0.875 rem however small
// the print (a table set in 8 pt for paper); print.css gives paper the
// template's own sizes in points and its page margins.
#include <algorithm>
#include <cstdio>

#include "html/html.hpp"
#include "html/site.hpp"

namespace bp::html {

namespace {

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

std::string rem(Mpt size, double floor = 0) { return number(std::max(size / 12000.0, floor)) + "rem"; }
std::string pt(Mpt size) { return number(size / 1000.0) + "pt"; }
std::string mm_of(Mpt size) { return number(size / 1000.0 * 25.4 / 72.0) + "mm"; }

std::string colour(const Color& c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r & 255, c.g & 255, c.b & 255);
    return buf;
}

const char* align(Align a) {
    switch (a) {
        case Align::Left: return "left";
        case Align::Center: return "center";
        case Align::Right: return "right";
        case Align::Justify: break;
    }
    return "justify";
}

// A CSS font-family list: the template's font by its own name, then the
// faces that share its metrics, then the generic family.
std::string families(const TextStyle& st, const FontTable& fonts) {
    std::string name = fonts.family(st.family.face[0]);
    std::string list;
    if (!name.empty()) list = "\"" + name + "\", ";
    return list + "Arial, Helvetica, sans-serif";
}

// The rules of one text style, for screen (rem, floored) or print (pt).
std::string rules(const TextStyle& st, const TextStyle& body, bool print, double floor) {
    std::string s;
    s += "font-size: " + (print ? pt(st.size) : rem(st.size, floor)) + "; ";
    if (st.size > 0) s += "line-height: " + number(static_cast<double>(st.line_height) / st.size) + "; ";
    s += std::string("font-weight: ") + (st.bold ? "bold" : "normal") + "; ";
    s += std::string("font-style: ") + (st.italic ? "italic" : "normal") + "; ";
    if (st.underline) s += "text-decoration: underline; ";
    if (st.uppercase) s += "text-transform: uppercase; ";
    if (st.align != Align::Left) s += std::string("text-align: ") + align(st.align) + "; ";
    if (!(st.color == body.color)) s += "color: " + colour(st.color) + "; ";
    s += "margin: " + (print ? pt(st.space_before) : rem(st.space_before)) + " 0 " +
         (print ? pt(st.space_after) : rem(st.space_after)) + "; ";
    return s;
}

// Selectors for the template's named styles.
struct Selector {
    const char* style;
    const char* css;
};
constexpr Selector kStyled[] = {
    {"h1", "h1, .h1"},
    {"h2", "h2"},
    {"h3", "h3, h4, h5, h6"},
    {"board", ".board, .paper-header .board"},
    {"paper-title", ".paper-title"},
    {"paper-line", ".paper-line, .paper-date"},
    {"meeting", ".meeting p"},
    {"agenda-heading", ".agenda-heading"},
    {"agenda-item", ".agenda > li"},
    {"agenda-note", ".agenda .agenda-note, .agenda .exempt"},
    {"minute-title", ".minute > h2, .minute > h3"},
    {"appendix-title", ".appendix-title"},
    {"table", "table"},
    {"table-header", "th"},
    {"footnote", ".note"},
    {"quote", "blockquote"},
    {"chair", ".chair"},
    {"cover-title", ".cover-title"},
    {"cover-subtitle", ".cover-subtitle"},
};

}  // namespace

std::string screen_stylesheet(const StyleSheet& ss, const FontTable& fonts) {
    const TextStyle& body = ss.get("body");
    const TemplateDoc& t = ss.doc;
    std::string css;
    css += "/* The house style of " + t.name + ", for screens. */\n";
    css += "html { font-family: " + families(body, fonts) + "; color: " + colour(body.color) +
           "; background: #ffffff; }\n";
    css += "body { margin: 0 auto; max-width: 48rem; padding: 0 1rem 2rem; font-size: " + rem(body.size, 1) +
           "; line-height: " + number(static_cast<double>(body.line_height) / std::max<Mpt>(1, body.size)) +
           "; overflow-wrap: break-word; }\n";
    css += "p { margin: 0 0 " + rem(body.space_after) + "; }\n";
    for (const Selector& s : kStyled) css += std::string(s.css) + " { " + rules(ss.get(s.style), body, false, 0.875) + "}\n";
    const std::string indent = rem(t.paragraph_indent), list_indent = rem(t.list_indent);
    css += R"(a { color: #0b3d91; text-decoration: underline; }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid #0b3d91; outline-offset: 2px; }
.skip { position: absolute; left: -999rem; top: 0; }
.skip:focus { position: static; display: inline-block; margin: 0.5rem 0; padding: 0.25rem 0.5rem; }
header.site { border-bottom: 1px solid )" + colour(t.rule_color) + R"(; margin-bottom: 0.5rem; }
header.site p { margin: 0.5rem 0; }
nav.trail ol { list-style: none; margin: 0.5rem 0 1rem; padding: 0; }
nav.trail li { display: inline; }
nav.trail li + li::before { content: " \203A  "; }
footer.site { border-top: 1px solid )" + colour(t.rule_color) + R"(; margin-top: 2rem; padding-top: 0.5rem; }
.exempt-banner { border: 2px solid #000000; padding: 0.5rem; font-weight: bold; }
.paper-header { margin-bottom: 1.5rem; }
p.numbered { padding-left: )" + indent + "; text-indent: -" + indent + R"(; }
p.numbered > .num { display: inline-block; min-width: )" + indent + R"(; text-indent: 0; }
ol.labelled, ul.labelled { list-style: none; margin: 0 0 )" + rem(body.space_after) + " " + indent + R"(; padding: 0; }
ol.labelled > li, ul.labelled > li { display: flex; }
li > .label { flex: 0 0 )" + list_indent + R"(; }
li > .item { flex: 1 1 auto; min-width: 0; }
li > .item > :last-child { margin-bottom: 0.25rem; }
.agenda { list-style: none; padding: 0; }
.agenda > li { display: flex; }
.agenda > li > .num { flex: 0 0 )" + indent + R"(; }
.agenda .item { flex: 1 1 auto; min-width: 0; }
.agenda .title { margin-bottom: 0.25rem; }
.agenda .pages { white-space: nowrap; }
.agenda ul.links { margin: 0.25rem 0 0.5rem; padding-left: 1.25rem; }
ul.links > li, ul.downloads > li { margin: 0.4rem 0; }
.table { overflow-x: auto; margin: 0 0 1rem; }
table { border-collapse: collapse; }
caption { text-align: left; }
caption > * { margin: 0 0 0.5rem; }
th, td { border: 1px solid )" + colour(t.rule_color) + R"(; padding: 0.2rem 0.4rem; vertical-align: top; text-align: left; }
th { background-color: )" + colour(t.table_header_fill) + R"(; }
td > p:last-child, th > p:last-child { margin-bottom: 0; }
tr.bold > td, tr.bold > th { font-weight: bold; }
.rag-red { background-color: )" + colour(t.rag_red) + R"(; color: #000000; }
.rag-amber { background-color: )" + colour(t.rag_amber) + R"(; color: #000000; }
.rag-green { background-color: )" + colour(t.rag_green) + R"(; color: #000000; }
span.rag { display: inline-block; padding: 0 0.3rem; font-weight: bold; }
.note { border-left: 2px solid )" + colour(t.rule_color) + R"(; padding-left: 0.5rem; margin: 0 0 0.75rem; }
.note p { margin: 0; }
.note-ref a { text-decoration: none; padding: 0 0.1rem; }
.figure { margin: 0 0 1rem; }
.figure img { max-width: 100%; height: auto; }
.align-center { text-align: center; }
.align-right { text-align: right; }
address { font-style: normal; margin-bottom: 0.75rem; }
address p { margin: 0; }
.person .role::before { content: " - "; }
.resolution-label { font-weight: bold; }
.signature { margin-top: 2rem; }
.appendix { margin-top: 2rem; }
.landscape { width: min(calc(100vw - 2rem), 75rem); margin-left: calc(50% - min(50vw - 1rem, 37.5rem)); }
)";
    return css;
}

std::string print_stylesheet(const StyleSheet& ss) {
    const TextStyle& body = ss.get("body");
    const TemplateDoc& t = ss.doc;
    const PageMaster& p = ss.portrait;
    std::string css;
    css += "/* The house style of " + t.name + ", on paper: the template's sizes and margins. */\n";
    css += "@page { size: " + mm_of(p.width) + " " + mm_of(p.height) + "; margin: " + mm_of(p.margin_top) + " " +
           mm_of(p.margin_right) + " " + mm_of(p.margin_bottom) + " " + mm_of(p.margin_left) + "; }\n";
    css += "body { max-width: none; padding: 0; font-size: " + pt(body.size) + "; }\n";
    for (const Selector& s : kStyled) css += std::string(s.css) + " { " + rules(ss.get(s.style), body, true, 0) + "}\n";
    css += R"(.skip, nav.trail, footer.site { display: none; }
a { color: inherit; }
.table { overflow: visible; }
thead { display: table-header-group; }
tr, figure, .note { break-inside: avoid; }
h1, h2, h3, h4, h5, h6, caption { break-after: avoid; }
.appendix { break-before: page; }
)";
    return css;
}

}  // namespace bp::html
