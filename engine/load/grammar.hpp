// The grammar of each format as data: which elements exist, what each holds
// (in which order and how often), and its attributes with their value types.
// The loader takes its element and attribute vocabulary from these tables,
// and the XML Schemas in templates/schemas/ are generated from them, so the
// two cannot drift apart. To add an element: give it a Type here (with a
// sentence of documentation), name it in its parent's particles, and read
// it in the loader.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace bp::grammar {

enum class Value {
    Text,             // any text
    Number,           // a decimal number
    ParagraphNumber,  // none | sub | a number to restart from
    DateOrMonth,      // 2016-06-08 or 2016-06
    Version,      // "1"
    Date,         // 2015-09-17
    Time,         // 10:00
    Integer,      // whole number in [min, max]
    Boolean,      // true | false
    Length,       // 11pt, 20mm, 1.5cm, 0.5in
    Colour,       // #rrggbb
    Choice,       // one of `choices`
    Link,         // http:, https: or mailto: address
    Path,         // a file, relative to the file naming it
    Widths,       // table column widths: 2* 40mm auto
    Paragraphs,   // Schedule 12A paragraph numbers: 1, 3
    DatePattern,  // ICU date pattern: d MMMM y
    Ordinal,      // true | false | a list of paper, meeting, next-meeting
    Statuses,     // RAG status values: G, or several: G A; or words: Green Amber
};

struct Attribute {
    std::string_view name;
    Value value = Value::Text;
    bool required = false;
    std::string_view doc;
    std::vector<std::string_view> choices = {};  // Value::Choice
    int min = 0, max = 0;                         // Value::Integer
};

enum class Content {
    Empty,     // nothing inside: <br/>, <img/>
    Text,      // plain text only: <board>, <date>
    Inline,    // text with inline markup (b, i, u, sup, sub, a, br)
    Elements,  // only the elements of `particles`, whitespace between them
    Mixed,     // text with inline markup and the elements of `particles`
};

constexpr int kUnbounded = -1;

// One position in a content model: one of `elements` (element name -> type
// id), from `min` to `max` times (kUnbounded: no limit).
struct Particle {
    std::vector<std::pair<std::string_view, std::string_view>> elements;
    int min = 0;
    int max = 1;
};

struct Type {
    std::string_view id;    // unique within its format: "report-header"
    std::string_view doc;   // one or two sentences, after docs/formats.md
    Content content = Content::Elements;
    std::vector<Attribute> attributes = {};
    std::vector<Particle> particles = {};  // in order (Elements, Mixed)
    Value text_value = Value::Text;        // what Content::Text holds
    // At most one in a whole file, wherever it stands (a report's
    // recommendations): beyond what a content model can say, so the loader
    // checks it.
    bool once_per_file = false;
    // With once_per_file: once in the paper's own text and once more in
    // each appendix (a partner's briefing appended carries its own contact).
    bool again_in_appendix = false;
    // Its text may call a footnote, <fn> (a paragraph's, a list entry's,
    // a quotation's); in a table the loader refuses one all the same.
    bool footnotes = false;
};

struct Format {
    std::string_view name;       // "report": templates/schemas/report.xsd
    std::string_view root;       // root element
    std::string_view root_type;  // its type id
    std::vector<Type> types;

    const Type& type(std::string_view id) const;  // throws std::logic_error if unknown
    const Type* find(std::string_view id) const;
};

// The formats: the pack manifest, the three kinds of paper, the template.
const Format& pack();
const Format& report();
const Format& minutes();
const Format& document();
const Format& template_format();
const std::vector<const Format*>& all_formats();
// The format whose root element is `root`, or nullptr.
const Format* format_for_root(std::string_view root);

// The type of an inline element (b, i, u, sup, sub, a, br): the same in
// every format.
const Type& inline_type(std::string_view element);

// Attribute and child element names of a type, in grammar order.
std::vector<std::string_view> attribute_names(const Type& t);
std::vector<std::string_view> child_names(const Type& t);

// The XML Schema (XSD 1.0) of a format, byte-identical for the same grammar.
std::string xml_schema(const Format& f);

}  // namespace bp::grammar
