// Shared machinery of the element readers: source locations of nodes,
// attribute checks and typed attribute values, messages about elements and
// text in the wrong place, inline content. Internal to load/.
#pragma once
#include <pugixml.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag.hpp"
#include "core/model.hpp"
#include "load/grammar.hpp"
#include "load/xml_file.hpp"

namespace bp::load {

using Names = std::vector<std::string_view>;

// Deeper nesting than any real paper; past it we report and skip, so no
// input can drive the readers' recursion down the stack.
constexpr int kMaxDepth = 64;

class Reader {
public:
    Reader(const SourceText& src, Diagnostics& diags) : src_(src), diags_(diags) {}

    const SourceText& src() const { return src_; }
    Diagnostics& diags() { return diags_; }

    // An element's location is its '<'; a text node's, its first non-space
    // character; attributes have none, so they take their element's.
    SourceLoc loc(pugi::xml_node n) const;
    // An attribute's name in the start tag of `el` (pugixml keeps no offset
    // for attributes, so the tag is scanned); the element's if not written.
    SourceLoc attr_loc(pugi::xml_node el, std::string_view name) const;
    void error(pugi::xml_node n, const Rule& rule, std::string msg, std::string hint = {}) {
        diags_.error(loc(n), rule, std::move(msg), std::move(hint));
    }
    void warning(pugi::xml_node n, const Rule& rule, std::string msg, std::string hint = {}) {
        diags_.warning(loc(n), rule, std::move(msg), std::move(hint));
    }
    // A problem with attribute `name` of `el`, located at the attribute.
    void attr_error(pugi::xml_node el, std::string_view name, const Rule& rule, std::string msg,
                    std::string hint = {}) {
        diags_.error(attr_loc(el, name), rule, std::move(msg), std::move(hint));
    }

    // ---- nesting depth ----
    // True if `n` may be read; false (reported once per file) when it lies
    // deeper than kMaxDepth. Pair a true result with leave().
    bool enter(pugi::xml_node n);
    void leave() { --depth_; }

    // ---- attributes ----
    // Reports attributes that grammar type `t` does not have, and attributes
    // given twice.
    void check_attributes(pugi::xml_node el, const grammar::Type& t);
    std::optional<std::string> attr(pugi::xml_node el, const char* name) const;
    // Reports a missing attribute: "<img> needs a src attribute, e.g. src=\"chart.png\"".
    std::optional<std::string> required_attr(pugi::xml_node el, const char* name, std::string_view example);
    // "rowspan on <td> is "0"", hint "use a whole number from 1 to 1000".
    void bad_attr(pugi::xml_node el, const char* name, std::string_view value, std::string_view why);
    std::optional<Date> attr_date(pugi::xml_node el, const char* name);
    std::optional<int> attr_int(pugi::xml_node el, const char* name, int lo, int hi);
    std::optional<bool> attr_bool(pugi::xml_node el, const char* name);
    std::optional<Mpt> attr_length(pugi::xml_node el, const char* name);
    std::optional<Color> attr_color(pugi::xml_node el, const char* name);
    // One of `choices`; returns its index.
    std::optional<std::size_t> attr_choice(pugi::xml_node el, const char* name, const Names& choices);
    // version="1" on a root element.
    void check_version(pugi::xml_node root);

    // ---- children ----
    static bool is_text(pugi::xml_node n);   // pcdata or CDATA
    static bool is_blank(pugi::xml_node n);  // text of XML whitespace only
    // An element child where it may not be: unknown everywhere, or known but
    // not allowed inside `parent`; suggests the right word where it can.
    void unexpected_element(pugi::xml_node child, pugi::xml_node parent, const Names& expected);
    // The children of `parent`, checked against its grammar type `t` (of
    // format `f`): stray text (once, with `text_hint`), elements the type
    // does not hold, and more of one than it allows are reported and left
    // out; elements out of the type's order are reported and kept;
    // required children that are missing are reported at `parent`; inside
    // each child, content where its type holds nothing (Empty) and markup
    // where it holds plain text (Text) are reported. A type that holds
    // text (Inline, Mixed) has its text and inline elements returned in
    // place, with no type: collect_inline reads them. What is returned
    // belongs, in document order.
    struct Child {
        pugi::xml_node node;
        const grammar::Type* type;  // nullptr: text or inline markup
    };
    std::vector<Child> children(pugi::xml_node parent, const grammar::Format& f, const grammar::Type& t,
                                std::string_view text_hint);
    // False, after reporting it, for the second element of a type the grammar
    // allows once per file (recommendations, attendance), or once in the
    // paper and once in each appendix (contact); true otherwise.
    bool once_per_file(pugi::xml_node el, const grammar::Type& t);
    // Around the reading of an appendix: what may stand once in each
    // appendix is counted apart inside it.
    void begin_appendix() { scope_ = ++appendices_; }
    void end_appendix() { scope_ = 0; }
    // "<page-break/> holds nothing", at the first content inside `el`, with
    // a hint naming the attributes its type `t` takes instead. children()
    // checks every element of Empty type so.
    void check_holds_nothing(pugi::xml_node el, const grammar::Type& t);
    // The same with a hint of its own: an element that holds nothing in one
    // use only (<appendix src>).
    void check_holds_nothing(pugi::xml_node el, std::string_view hint);

    // ---- text ----
    // Inline content of `el`'s children, whitespace collapsed.
    // `footnotes`: <fn> may stand in it (a paragraph's or list entry's text).
    Inlines inlines(pugi::xml_node el, bool footnotes = false);
    // Appends `n` (text, or an inline element) as raw runs; reports other
    // elements. Finish with finish_inlines.
    void collect_inline(pugi::xml_node n, pugi::xml_node parent, Inlines& raw, std::uint8_t flags,
                        const std::string& href, bool footnotes = false);
    // Text content of an element that holds plain text only, collapsed;
    // elements inside it are left out (children() reports them, for an
    // element of Text type: read only what it returned).
    std::string plain_text(pugi::xml_node el);
    // A date written as the text of an element (<date>2015-09-17</date>).
    std::optional<Date> text_date(pugi::xml_node el, bool month_only_ok = false);

private:
    // What children() reports.
    // Non-blank text where only elements may be: "text is not allowed
    // directly inside <ol>; put it in <li>".
    void unexpected_text(pugi::xml_node text, pugi::xml_node parent, std::string_view hint);
    // The second <header> in a report and the like.
    void duplicate_child(pugi::xml_node child, pugi::xml_node parent);
    // "<header> needs a <board>, e.g. <board>..."
    void missing_child(pugi::xml_node parent, std::string_view child, std::string_view what);
    // "<board> holds plain text only": an element inside an element of Text type.
    void check_plain_text(pugi::xml_node el);
    // <fn>: a Footnote inline holding the note's text, or an error where a
    // note cannot stand.
    void footnote(pugi::xml_node fn, Inlines& raw, bool allowed);
    // A link the PDF can open: http:, https: or mailto:.
    void check_link(pugi::xml_node a, const std::string& href);

    const SourceText& src_;
    Diagnostics& diags_;
    int depth_ = 0;
    struct Seen {
        const grammar::Type* type;
        SourceLoc at;
        int scope;  // 0: the paper's own text; n: its nth appendix
    };
    std::vector<Seen> once_seen_;
    int scope_ = 0, appendices_ = 0;
    bool depth_reported_ = false;
};

// HTML-like whitespace: runs collapse to one space, none at the start, the
// end or around a line break; adjacent runs with equal flags and href merge.
void finish_inlines(Inlines& runs);
// Inlines holding `text` collapsed (attribute values used as titles).
Inlines plain_inlines(std::string_view text);
bool is_inline_element(std::string_view name);
bool is_known_element(std::string_view name);
extern const Names kInlineNames;

// How far apart two names are spelt: the fewest letters inserted, deleted,
// changed or swapped with a neighbour to make one from the other, whatever
// their case.
std::size_t spelling_distance(std::string_view a, std::string_view b);
// The names of `names` that `wrong` is likely a misspelling of (the nearest,
// within a distance that grows with the name's length), at most three, in
// the order of `names`; none when nothing is near enough.
Names nearest_names(std::string_view wrong, const Names& names);

}  // namespace bp::load
