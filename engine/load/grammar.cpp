#include "load/grammar.hpp"

#include "load/wording_table.hpp"

#include <stdexcept>

namespace bp::grammar {

namespace {

using Elements = std::vector<std::pair<std::string_view, std::string_view>>;

// ---- helpers that keep the tables short ----

Particle one(std::string_view element, std::string_view type) { return Particle{{{element, type}}, 1, 1}; }
Particle optional(std::string_view element, std::string_view type) { return Particle{{{element, type}}, 0, 1}; }
Particle any(std::string_view element, std::string_view type) { return Particle{{{element, type}}, 0, kUnbounded}; }
Particle some(std::string_view element, std::string_view type) { return Particle{{{element, type}}, 1, kUnbounded}; }
Particle any_of(Elements elements) { return Particle{std::move(elements), 0, kUnbounded}; }

Attribute version() { return {"version", Value::Version, true, "The format version: always 1."}; }
Attribute ordinal_days() {
    return {"ordinal", Value::Choice, false,
            "How this paper writes the day of its dates, whatever the template says: true (8th September), false "
            "(8 September) or superscript (8th, the th raised).",
            {"true", "false", "superscript"}};
}
Attribute length(std::string_view name, std::string_view doc) { return {name, Value::Length, false, doc}; }
Attribute colour(std::string_view name, std::string_view doc) { return {name, Value::Colour, false, doc}; }
Attribute boolean(std::string_view name, std::string_view doc) { return {name, Value::Boolean, false, doc}; }
Attribute choice(std::string_view name, std::vector<std::string_view> choices, std::string_view doc) {
    return {name, Value::Choice, false, doc, std::move(choices)};
}
Attribute integer(std::string_view name, int min, int max, std::string_view doc) {
    return {name, Value::Integer, false, doc, {}, min, max};
}
Attribute align() { return choice("align", {"left", "center", "right"}, "Horizontal alignment."); }

Type text(std::string_view id, std::string_view doc, Value value = Value::Text) {
    Type t{id, doc, Content::Text};
    t.text_value = value;
    return t;
}
Type inline_text(std::string_view id, std::string_view doc) { return Type{id, doc, Content::Inline}; }

// Inline markup, allowed in every element with Inline or Mixed content.
void add_inline_types(std::vector<Type>& t) {
    t.push_back(inline_text("b", "Bold text."));
    t.push_back(inline_text("i", "Italic text."));
    t.push_back(inline_text("u", "Underlined text."));
    t.push_back(inline_text("sup", "Superscript, as in 8<sup>th</sup>."));
    t.push_back(inline_text("sub", "Subscript."));
    t.push_back(Type{"a", "A hyperlink to a web page or an e-mail address.", Content::Inline,
                     {{"href", Value::Link, true, "The address: https://..., http://... or mailto:..."}}});
    t.push_back(Type{"br", "A line break inside a paragraph.", Content::Empty});
    t.push_back(inline_text("fn", "A footnote, in a paragraph or a list entry: a number is printed here and the "
                                  "note at the foot of the same page."));
}

// ---- papers ----

// "Body blocks (anywhere blocks are allowed)" of docs/formats.md.
Elements body_blocks() {
    Elements e = {{"h1", "h1"}, {"h2", "h2"}, {"h3", "h3"}, {"p", "p"}, {"ol", "ol"}, {"ul", "ul"},
                  {"table", "table"}, {"img", "img"}, {"blockquote", "blockquote"}};
    e.push_back({"keep", "keep"});
    e.push_back({"page-break", "page-break"});
    e.push_back({"contact", "contact"});
    return e;
}
Elements with(Elements a, const Elements& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}
const Elements kNestedBlocks = {{"p", "p"}, {"ol", "ol"}, {"ul", "ul"}, {"table", "table"}, {"img", "img"},
                                {"blockquote", "blockquote"}};
const Elements kCellBlocks = {{"p", "p"}, {"ol", "ol"}, {"ul", "ul"}};

// Types every kind of paper shares; `kind` is "report", "minutes" or "document".
void add_block_types(std::vector<Type>& t, std::string_view kind, const Elements& blocks) {
    add_inline_types(t);
    t.push_back(inline_text("h1", "A main heading."));
    t.push_back(inline_text("h2", "A sub-heading."));
    t.push_back(inline_text("h3", "A minor heading."));
    Type p{"p", "A paragraph. In a report paragraphs are numbered 1, 2, 3 ... across the whole paper.",
           Content::Inline,
           {{"number", Value::ParagraphNumber, false,
             "none: not numbered; sub: numbered under the paragraph before (2.1); a number: restart from it."}}};
    if (kind == "minutes")
        p.attributes.push_back(choice("class", {"chair"}, "chair: the centred line naming the chair."));
    p.footnotes = true;
    t.push_back(p);
    t.push_back(Type{"ol", "A numbered or lettered list.", Content::Elements,
                     {choice("type", {"a", "A", "i", "1"}, "a: (a) (b); A: (A) (B); i: (i) (ii); 1: 1. 2."),
                      integer("start", 1, 9999, "The number of the first entry."),
                      choice("label", {"1.", "1)", "(1)", "a.", "a)", "(a)", "A.", "A)", "(A)", "i.", "i)", "(i)"},
                             "How the first entry's label is written; the others follow: a) b) c).")},
                     {any("li", "li")}});
    t.push_back(Type{"ul", "A bulleted list.", Content::Elements, {}, {any("li", "li")}});
    t.push_back(Type{"li", "A list entry: text, or blocks such as paragraphs and nested lists.", Content::Mixed, {},
                     {any_of(kNestedBlocks)}});
    t.back().footnotes = true;
    t.push_back(Type{"table", "A table. Its header rows repeat on every page it runs onto.", Content::Elements,
                     {{"widths", Value::Widths, false,
                       "One width per column: 2* a share, 40mm a fixed length, auto from the content."},
                      length("size", "The type size of the table's cells and notes, 4pt to 24pt, e.g. 8pt.")},
                     {optional("thead", "thead"), optional("tbody", "tbody"), optional("notes", "notes")}});
    t.push_back(Type{"thead", "Header rows, bold, repeated at the top of every page of the table.",
                     Content::Elements, {}, {any("tr", "tr")}});
    t.push_back(Type{"tbody", "The body rows of a table.", Content::Elements, {}, {any("tr", "tr")}});
    t.push_back(Type{"notes", "Notes under a table, such as footnotes to its figures.", Content::Mixed, {},
                     {any_of(kCellBlocks)}});
    t.push_back(Type{"tr", "A table row.", Content::Elements,
                     {choice("style", {"bold", "italic"}, "Styles the whole row.")},
                     {any_of({{"td", "td"}, {"th", "th"}})}});
    std::vector<Attribute> cell = {
        integer("colspan", 1, 1000, "How many columns the cell spans."),
        integer("rowspan", 1, 1000, "How many rows the cell spans."),
        {"status", Value::Statuses, false,
         "R, A or G (or Red, Amber, Green): fills the cell and prints the letter or word; several "
         "values, G A, share the cell side by side."},
        colour("fill", "Background colour, #rrggbb."), align()};
    t.push_back(Type{"td", "A table cell: text, or paragraphs and lists. Text in cells is never numbered.",
                     Content::Mixed, cell, {any_of(kCellBlocks)}});
    t.push_back(Type{"th", "A header cell, bold.", Content::Mixed, cell, {any_of(kCellBlocks)}});
    t.push_back(Type{"img", "A PNG or JPEG image.", Content::Empty,
                     {{"src", Value::Path, true, "The image file, relative to this paper."},
                      {"alt", Value::Text, false, "A description of the image for readers who cannot see it."},
                      length("width", "The printed width; the image keeps its proportions."), align()}});
    t.push_back(Type{"blockquote", "A quotation, indented.", Content::Mixed, {}, {any_of(kNestedBlocks)}});
    t.back().footnotes = true;
    Elements keep_blocks;
    for (const auto& b : blocks)
        if (b.first != "keep" && b.first != "page-break" && b.first != "recommendations") keep_blocks.push_back(b);
    t.push_back(Type{"keep", "Blocks kept together on one page.", Content::Elements, {}, {any_of(keep_blocks)}});
    t.push_back(Type{"page-break", "Starts a new page.", Content::Empty});
    t.push_back(Type{"contact",
                     "The officers to contact, one <line> each for name, telephone and e-mail, or one <officer> "
                     "each for several officers; once in a paper and once in each appendix.",
                     Content::Elements,
                     {{"title", Value::Text, false, "The heading, e.g. Officers to Contact."},
                      boolean("heading", "false: no heading, the lines stand on their own.")},
                     {any_of({{"line", "contact-line"}, {"officer", "officer"}})}});
    t.back().once_per_file = true;
    t.back().again_in_appendix = true;
    t.push_back(inline_text("contact-line", "One line of a contact block."));
    t.push_back(Type{"officer", "One officer of a contact block naming several, set apart from the next.",
                     Content::Elements, {}, {some("line", "contact-line")}});
}

void add_cover_types(std::vector<Type>& t) {
    t.push_back(Type{"cover", "A cover page: title, subtitle, authors and date on a page of their own.",
                     Content::Elements,
                     {choice("orientation", {"portrait", "landscape"},
                             "The cover page's orientation; the section's if not given.")},
                     {optional("title", "cover-title"), optional("subtitle", "cover-subtitle"),
                      any("author", "cover-author"), optional("date", "cover-date")}});
    t.push_back(inline_text("cover-title", "The title on the cover."));
    t.push_back(inline_text("cover-subtitle", "The subtitle on the cover."));
    t.push_back(inline_text("cover-author", "Who wrote the document: one <author> per author, each on a line."));
    t.push_back(text("cover-date", "The date: 2016-06-08, or a month: 2016-06 (printed June 2016).",
                     Value::DateOrMonth));
}

void add_section_types(std::vector<Type>& t, const Elements& blocks) {
    Attribute orientation = choice("orientation", {"portrait", "landscape"}, "The page orientation.");
    t.push_back(Type{"section", "Blocks on pages of their own orientation.", Content::Elements,
                     {orientation, boolean("new-page", "true: the section starts on a new page.")},
                     {any_of(blocks)}});
    t.push_back(Type{"appendix",
                     "An appendix: starts a new page with its title as the heading; or, with src, a partner's PDF "
                     "bound page for page.",
                     Content::Elements,
                     {{"title", Value::Text, true,
                       "The heading, e.g. Appendix 1 - Performance Dashboard; a PDF appendix's bookmark."},
                      orientation,
                      {"src", Value::Path, false,
                       "A PDF from a partner organisation, relative to this file: the appendix is its pages, and "
                       "holds nothing itself."},
                      {"alt", Value::Text, false,
                       "What a PDF appendix's pages show, read out where a screen reader cannot read them."}},
                     {optional("cover", "cover"), any_of(blocks)}});
    add_cover_types(t);
}

Format make_report() {
    Format f{"report", "report", "report", {}};
    Elements blocks = with(body_blocks(), {{"recommendations", "recommendations"}});
    f.types.push_back(Type{"report", "A report to the board: a header, then its body, sections and appendices.",
                           Content::Elements, {version(), ordinal_days()},
                           {one("header", "report-header"),
                            any_of(with(blocks, {{"section", "section"}, {"appendix", "appendix"}}))}});
    f.types.push_back(Type{"report-header", "The board, the meeting date, the title and any further lines.",
                           Content::Elements, {},
                           {one("board", "board"), one("date", "date"), some("title", "title"), any("line", "line")}});
    f.types.push_back(text("board", "The board or committee the paper goes to."));
    f.types.push_back(text("date", "The meeting date, YYYY-MM-DD.", Value::Date));
    f.types.push_back(inline_text("title", "The paper's title; several <title> lines are allowed."));
    f.types.push_back(inline_text("line", "A further header line, e.g. REPORT OF THE DIRECTOR."));
    f.types.push_back(Type{"recommendations",
                           "The recommendations: a heading, then blocks numbered with the rest; once per report.",
                           Content::Elements,
                           {{"title", Value::Text, false, "The heading; Recommendations if not given."}},
                           {any_of(body_blocks())}});
    f.types.back().once_per_file = true;
    add_block_types(f.types, "report", blocks);
    add_section_types(f.types, blocks);
    return f;
}

Format make_minutes() {
    Format f{"minutes", "minutes", "minutes", {}};
    Elements blocks = with(body_blocks(), {{"resolved", "resolved"}, {"exclusion", "exclusion"}});
    f.types.push_back(Type{"minutes", "The minutes of a meeting: header, attendance, minutes, signature.",
                           Content::Elements,
                           {version(), integer("first-minute", 1, 99999,
                                               "The number of the first minute, continuing the last meeting's."),
                            ordinal_days()},
                           {one("header", "minutes-header"),
                            any_of({{"attendance", "attendance"}, {"minute", "minute"}, {"signature", "signature"},
                                    {"p", "p"}, {"h2", "h2"}, {"h3", "h3"}})}});
    f.types.push_back(Type{"minutes-header", "The board, the date and the venue of the meeting.", Content::Elements,
                           {}, {one("board", "board"), one("date", "date"), one("venue", "venue")}});
    f.types.push_back(text("board", "The board or committee that met."));
    f.types.push_back(text("date", "The date of the meeting, YYYY-MM-DD.", Value::Date));
    f.types.push_back(text("venue", "Where the meeting was held: a place, or with online=\"true\" the service "
                                    "it was held on, e.g. Microsoft Teams."));
    f.types.back().attributes.push_back(
        boolean("online", "true: the meeting was held online, via the service named (held via Microsoft Teams)."));
    f.types.push_back(Type{"attendance", "Who attended, in groups such as Present and Apologies; once.",
                           Content::Elements, {}, {any("group", "group")}});
    f.types.back().once_per_file = true;
    f.types.push_back(Type{"group", "A group of people, e.g. Present.", Content::Elements,
                           {{"title", Value::Text, false, "The group's heading, e.g. Present."}},
                           {optional("chair", "group-chair"), any("person", "person")}});
    f.types.push_back(inline_text("group-chair",
                                  "The line naming who chaired the meeting, first in its group, e.g. Mr J. T. Orson "
                                  "CC (in the Chair)."));
    f.types.push_back(Type{"person", "One person: name and organisation.", Content::Elements, {},
                           {one("name", "name"), optional("role", "role")}});
    f.types.push_back(inline_text("name", "The person's name."));
    f.types.push_back(inline_text("role", "The person's organisation or role."));
    f.types.push_back(Type{"minute", "One minute: a title, then what was said and resolved.", Content::Elements,
                           {integer("number", 1, 99999, "Restarts the minute numbers here.")},
                           {optional("title", "minute-title"), any_of(blocks)}});
    f.types.push_back(inline_text("minute-title", "The minute's heading, e.g. Introductions."));
    f.types.push_back(Type{"resolved", "What the board resolved.", Content::Elements,
                           {choice("label", {"RESOLVED", "AGREED", "NOTED"}, "The word before the resolution.")},
                           {any_of(body_blocks())}});
    f.types.push_back(Type{"exclusion",
                           "The resolution that excludes the public under Section 100(A)(4), naming the items it "
                           "covers (none: the rest of the meeting), with the public-interest sentence.",
                           Content::Elements,
                           {{"paragraphs", Value::Paragraphs, true,
                             "The paragraphs of Part 1 of Schedule 12A, 1 to 7, e.g. 3 or 1, 3."}},
                           {any("item", "exclusion-item")}});
    f.types.push_back(inline_text("exclusion-item", "The title of an item of business the public is excluded from."));
    f.types.push_back(Type{"signature", "The chairman's signature block that closes the minutes.", Content::Empty,
                           {{"times", Value::Text, false, "When the meeting ran, e.g. 2.00 - 3.10 pm."},
                            {"date", Value::Date, false, "The date of the meeting."},
                            {"role", Value::Text, false, "The signatory; CHAIRMAN if not given."}}});
    f.types.back().once_per_file = true;
    add_block_types(f.types, "minutes", blocks);
    return f;
}

Format make_document() {
    Format f{"document", "document", "document", {}};
    Elements blocks = body_blocks();
    f.types.push_back(Type{"document", "An appended document: an optional cover, then blocks and sections.",
                           Content::Elements, {version(), ordinal_days()},
                           {optional("cover", "cover"),
                            any_of(with(blocks, {{"section", "section"}, {"appendix", "appendix"}}))}});
    add_block_types(f.types, "document", blocks);
    add_section_types(f.types, blocks);
    return f;
}

// ---- the pack manifest ----

Format make_pack() {
    Format f{"pack", "pack", "pack", {}};
    f.types.push_back(Type{"pack", "The pack manifest: the meeting and its agenda.", Content::Elements,
                           {version(), {"template", Value::Text, true,
                                        "The house style: a template name such as lscsb, or a path ending in .xml."}},
                           {one("meeting", "meeting"), one("agenda", "agenda")}});
    f.types.push_back(Type{"meeting", "The board, date, time and venue of the meeting.", Content::Elements, {},
                           {one("body", "body"), one("date", "date"), optional("time", "time"),
                            one("venue", "venue")}});
    f.types.push_back(text("body", "The board or committee."));
    f.types.push_back(text("date", "The meeting date, YYYY-MM-DD.", Value::Date));
    f.types.push_back(text("time", "The start time, HH:MM on the 24-hour clock.", Value::Time));
    f.types.push_back(text("venue", "Where the meeting is held."));
    f.types.push_back(Type{"agenda", "The numbered agenda items.", Content::Elements, {}, {some("item", "item")}});
    f.types.push_back(Type{"item",
                           "An agenda item: plain text (its title), or a <title> with notes, papers and next "
                           "meetings.",
                           Content::Mixed,
                           {boolean("to-follow", "true: the agenda says Paper to follow instead of pages."),
                            {"exempt", Value::Text, false,
                             "The reason the item is confidential (Part B); left out of the public pack."}},
                           {optional("title", "item-title"),
                            any_of({{"note", "note"}, {"papers", "papers"}, {"next-meeting", "next-meeting"}})}});
    f.types.push_back(inline_text("item-title", "The item's title on the agenda."));
    f.types.push_back(inline_text("note", "A presenter note or verbal update under the item."));
    f.types.push_back(Type{"papers", "A paper bound into the pack for this item.", Content::Empty,
                           {{"src", Value::Path, true,
                             "The paper's file, relative to the pack: an XML paper, or a PDF from a partner "
                             "organisation, bound page for page."},
                            {"title", Value::Text, false, "A PDF paper's title: its bookmark under the item."},
                            {"alt", Value::Text, false,
                             "What a PDF paper's pages show, read out where a screen reader cannot read them."}}});
    f.types.push_back(text("next-meeting",
                           "A date of a next meeting; its text, if any, is the sentence announcing it, with {date} "
                           "(and {time}) where they go."));
    f.types.back().attributes = {{"date", Value::Date, true, "The date, YYYY-MM-DD."},
                                 {"time", Value::Time, false, "The start time, HH:MM: printed at 2.00pm."},
                                 boolean("weekday", "true: the date begins with its weekday, Thursday 10 December 2015.")};
    add_inline_types(f.types);
    return f;
}

// ---- the template ----

Format make_template() {
    Format f{"template", "template", "template", {}};
    f.types.push_back(Type{"template", "A house style: fonts, sizes, spacing, colours, page and footer text.",
                           Content::Elements,
                           {version(), {"name", Value::Text, false, "The template's name."}},
                           {optional("locale", "locale"), optional("dates", "dates"), optional("page", "page"),
                            any("font", "font"), any("style", "style"), optional("indent", "indent"),
                            optional("colours", "colours"), optional("footer", "footer"),
                            optional("stamp", "stamp"), optional("appendix", "appendix"),
                            optional("blank", "blank"), optional("images", "images"),
                            optional("minutes", "minutes"), optional("wording", "wording"),
                            optional("import", "import")}});
    f.types.push_back(text("locale", "Language and region of dates and line breaking, e.g. en_GB."));
    f.types.push_back(Type{"dates", "ICU date patterns for the dates the pack prints.", Content::Empty,
                           {{"paper", Value::DatePattern, false, "Dates in paper headers, e.g. d MMMM y."},
                            {"meeting", Value::DatePattern, false, "The agenda's meeting date."},
                            {"next-meeting", Value::DatePattern, false, "The list of next meetings."},
                            {"ordinal", Value::Ordinal, false,
                             "true, false, or which dates write their day as 8th: paper, meeting, next-meeting."}}});
    f.types.push_back(Type{"page", "The page size and margins.", Content::Empty,
                           {choice("size", {"A4", "A3", "A5", "Letter"}, "The paper size."),
                            length("margin-top", "Top margin."), length("margin-bottom", "Bottom margin."),
                            length("margin-left", "Left margin."), length("margin-right", "Right margin.")}});
    f.types.push_back(Type{"font", "A font family and its TrueType files.", Content::Empty,
                           {{"family", Value::Text, true, "The family's name, used by styles."},
                            {"regular", Value::Path, true, "The regular face."},
                            {"bold", Value::Path, false, "The bold face."},
                            {"italic", Value::Path, false, "The italic face."},
                            {"bold-italic", Value::Path, false, "The bold italic face."}}});
    f.types.push_back(Type{"style", "A named text style; the engine's names are listed in docs/formats.md.",
                           Content::Empty,
                           {{"name", Value::Text, true, "The style's name, e.g. body or h1."},
                            {"parent", Value::Text, false, "The style this one inherits from; body if not given."},
                            {"family", Value::Text, false, "A font family defined by <font>."},
                            length("size", "The font size, e.g. 11pt."),
                            {"leading", Value::Number, false, "Line spacing as a multiple of the size, 0.5 to 5."},
                            boolean("bold", "Bold."), boolean("italic", "Italic."),
                            boolean("underline", "Underlined."), colour("colour", "Text colour, #rrggbb."),
                            length("space-before", "Space above."), length("space-after", "Space below."),
                            choice("align", {"left", "center", "right", "justify"}, "Alignment."),
                            boolean("uppercase", "Printed in capitals.")}});
    f.types.push_back(Type{"indent", "Indents of numbered paragraphs and lists.", Content::Empty,
                           {length("paragraph", "Indent of paragraph text after its number."),
                            length("list", "Indent of list entries.")}});
    f.types.push_back(Type{"colours", "Colours of rules, table headers and red, amber, green status cells.",
                           Content::Empty,
                           {colour("rule", "Rules."), colour("table-header", "Table header fill."),
                            colour("red", "R cells."), colour("amber", "A cells."), colour("green", "G cells.")}});
    f.types.push_back(Type{"footer", "The page footer.", Content::Empty,
                           {{"text", Value::Text, false, "The footer text; {page} is the page number."}}});
    f.types.push_back(Type{"stamp", "The stamp on the first page of each item's papers.", Content::Empty,
                           {{"text", Value::Text, false, "The stamp text; {item} is the agenda item number."}}});
    f.types.push_back(Type{"blank", "The text of pages left blank so that items start on odd pages.",
                           Content::Empty,
                           {{"text", Value::Text, false, "E.g. This page is intentionally left blank."},
                            boolean("footer", "true: blank pages carry the footer too."),
                            boolean("in-range", "true: an item's (Pages X - Y) counts the blank page after it.")}});
    f.types.push_back(Type{"appendix", "Where a report's appendices begin.", Content::Empty,
                           {choice("start", {"page", "odd-page", "flow"},
                                   "Portrait appendices: a new page, the next odd page, or straight after the text."),
                            choice("landscape-start", {"page", "odd-page"},
                                   "Landscape appendices and sections after portrait pages: a new page or the next odd page; after landscape pages, always the next page.")}});
    f.types.push_back(Type{"minutes", "The words the minutes print around what the clerk wrote.", Content::Empty,
                           {{"opening", Value::Text, false,
                             "The opening line of a meeting held at a venue; {board}, {venue} and {date} are "
                             "filled in."},
                            {"opening-online", Value::Text, false,
                             "The opening line of a meeting held online (<venue online=\"true\">); {board}, {venue} "
                             "and {date} are filled in."},
                            {"resolution-label", Value::Text, false,
                             "How the word before a resolution is printed; {label} is RESOLVED, AGREED or NOTED, "
                             "e.g. {label}:-."}}});
    Type wording{"wording", "The words the engine writes on the front sheet and around the papers, with their "
                            "{placeholders}; each not given keeps its default.",
                 Content::Empty};
    for (const load::WordingEntry& e : load::wording_entries())
        wording.attributes.push_back({e.attribute, Value::Text, false, e.doc});
    f.types.push_back(std::move(wording));
    f.types.push_back(Type{"images", "Limits on the pictures papers may hold.", Content::Empty,
                           {integer("max-megapixels", 1, 1000,
                                    "The largest picture, in millions of pixels (50 if not given).")}});
    f.types.push_back(Type{"import",
                           "How the council's own Word template maps onto the papers, for boardpack import: Word "
                           "styles, content controls and heading words, each to a header field or a kind of block.",
                           Content::Elements, {},
                           {any_of({{"word-style", "import-style"}, {"content-control", "import-control"},
                                    {"heading", "import-heading"}})}});
    const std::vector<std::string_view> targets = {"board", "date",       "title",           "line",    "venue",
                                                   "h1",    "h2",         "h3",              "p",       "blockquote",
                                                   "recommendations", "contact", "appendix", "skip"};
    f.types.push_back(Type{"import-style", "Paragraphs in this Word style become the element named by as.",
                           Content::Empty,
                           {{"name", Value::Text, true, "The style's name as Word shows it, e.g. Committee Name."},
                            {"as", Value::Choice, true,
                             "What the paragraphs become: a header field (board, date, title, line, venue), a block "
                             "(h1, h2, h3, p, blockquote), the heading that opens recommendations, contact or an "
                             "appendix, or skip to leave them out.",
                             targets}}});
    f.types.push_back(Type{"import-control", "What a content control with this tag holds becomes the element named by as.",
                           Content::Empty,
                           {{"tag", Value::Text, true, "The control's tag (Developer > Properties), e.g. MeetingDate."},
                            {"as", Value::Choice, true, "What its text becomes, as for <word-style>.", targets}}});
    f.types.push_back(Type{"import-heading", "A heading with these words opens the part named by as.", Content::Empty,
                           {{"text", Value::Text, true,
                             "The heading's words, compared without case and a closing colon, e.g. Background "
                             "Papers."},
                            {"as", Value::Choice, true,
                             "recommendations, contact or appendix: the part the heading opens; skip: the heading "
                             "and what follows it up to the next heading are left out.",
                             {"recommendations", "contact", "appendix", "skip"}}}});
    return f;
}

}  // namespace

const Type* Format::find(std::string_view id) const {
    for (const Type& t : types)
        if (t.id == id) return &t;
    return nullptr;
}

const Type& Format::type(std::string_view id) const {
    if (const Type* t = find(id)) return *t;
    throw std::logic_error("the " + std::string(name) + " grammar has no type " + std::string(id));
}

const Format& pack() {
    static const Format f = make_pack();
    return f;
}
const Format& report() {
    static const Format f = make_report();
    return f;
}
const Format& minutes() {
    static const Format f = make_minutes();
    return f;
}
const Format& document() {
    static const Format f = make_document();
    return f;
}
const Format& template_format() {
    static const Format f = make_template();
    return f;
}

const std::vector<const Format*>& all_formats() {
    static const std::vector<const Format*> all = {&pack(), &report(), &minutes(), &document(), &template_format()};
    return all;
}

const Format* format_for_root(std::string_view root) {
    for (const Format* f : all_formats())
        if (f->root == root) return f;
    return nullptr;
}

const Type& inline_type(std::string_view element) { return report().type(element); }

std::vector<std::string_view> attribute_names(const Type& t) {
    std::vector<std::string_view> out;
    for (const Attribute& a : t.attributes) out.push_back(a.name);
    return out;
}

std::vector<std::string_view> child_names(const Type& t) {
    std::vector<std::string_view> out;
    for (const Particle& p : t.particles)
        for (const auto& e : p.elements) out.push_back(e.first);
    if (t.content == Content::Inline || t.content == Content::Mixed)
        for (std::string_view n : {"b", "i", "u", "sup", "sub", "a", "br"}) out.push_back(n);
    if (t.footnotes) out.push_back("fn");
    return out;
}

}  // namespace bp::grammar
