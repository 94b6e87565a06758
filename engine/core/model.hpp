// The document model: what the XML says, typed, with source locations.
// Built by load/, read-only afterwards. No layout decisions live here: every
// visual choice is the template's (see StyleSheet in style/).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "partner_page.hpp"
#include "raster.hpp"
#include "source.hpp"
#include "units.hpp"

namespace bp {

struct Date {
    int year = 0, month = 0, day = 0;
    friend bool operator==(const Date&, const Date&) = default;
};
struct Time {
    int hour = 0, minute = 0;
    friend bool operator==(const Time&, const Time&) = default;
};

// ---- inline content ------------------------------------------------------

enum InlineFlag : std::uint8_t {
    kBold = 1,
    kItalic = 2,
    kUnderline = 4,
    kSuperscript = 8,
    kSubscript = 16,
};

struct Inline {
    // Footnote: <fn>; the engine numbers it, prints the number here and
    // `note` at the foot of the page.
    enum class Kind : std::uint8_t { Text, LineBreak, Footnote };
    Kind kind = Kind::Text;
    std::uint8_t flags = 0;  // InlineFlag bits
    std::string text;        // UTF-8, XML whitespace collapsed; U+00A0 kept
    std::string href;        // http(s): or mailto: target; empty if not a link
    std::vector<Inline> note;  // Kind::Footnote: the note's text
};
using Inlines = std::vector<Inline>;

// The text of inline content without its markup (bookmarks, titles).
inline std::string plain_text(const Inlines& in) {
    std::string s;
    for (const Inline& i : in) s += i.kind == Inline::Kind::LineBreak ? std::string(" ") : i.text;
    return s;
}

// ---- blocks ---------------------------------------------------------------

struct Block;
using Blocks = std::vector<Block>;

enum class Numbering : std::uint8_t {
    Auto,  // next number of the paper's continuous sequence: 1, 2, 3 ...
    Sub,   // next sub-number under the last Auto paragraph: 2.1, 2.2 ...
    None,  // unnumbered
};

struct Paragraph {
    Inlines text;
    Numbering numbering = Numbering::None;
    std::optional<int> restart;  // number="5": continue the sequence from here
    std::string role;            // class="chair": the chair line of minutes
};

struct Heading {
    int level = 1;  // 1..3
    Inlines text;
};

enum class ListKind : std::uint8_t { LowerAlpha, UpperAlpha, LowerRoman, Decimal, Bullet };

struct ListItem {
    SourceLoc loc;
    Blocks content;
};
struct List {
    ListKind kind = ListKind::LowerAlpha;
    int start = 1;
    // Punctuation around the counter when the paper chose it (label="a)"
    // gives "" and ")"); unset, the house forms "(a)", "(i)" and "1.".
    std::optional<std::pair<std::string, std::string>> punctuation;
    std::vector<ListItem> items;
};

enum class Align : std::uint8_t { Left, Center, Right, Justify };
enum class Rag : std::uint8_t { Red, Amber, Green };

struct TableCell {
    SourceLoc loc;
    Blocks content;  // a cell's plain text is one unnumbered Paragraph
    int colspan = 1;
    int rowspan = 1;
    bool header = false;          // <th>
    // status="G A": one band of the template's colour per value, left to
    // right, each with its letter (or word, status_words) for greyscale.
    std::vector<Rag> status;
    bool status_words = false;    // written Red, Amber, Green: printed as words
    std::optional<Color> fill;    // explicit background
    std::optional<Align> align;
};
struct TableRow {
    SourceLoc loc;
    std::vector<TableCell> cells;
    std::uint8_t flags = 0;  // InlineFlag bits applied to every cell (bold/italic rows)
};
struct TableColumn {
    enum class Kind : std::uint8_t { Auto, Fixed, Proportional };
    Kind kind = Kind::Auto;
    Mpt fixed = 0;   // Kind::Fixed
    int weight = 1;  // Kind::Proportional ("3*")
};
struct Table {
    std::vector<TableColumn> columns;  // may be empty: all Auto
    std::vector<TableRow> head;        // repeated on every page the table runs onto
    std::vector<TableRow> body;
    Blocks notes;                      // footnotes printed under the table
    // size="8pt": the type size of the table's cells and notes, for a wide
    // appendix table set smaller than the template's table style.
    std::optional<Mpt> type_size;
};

struct Image {
    std::string path;  // resolved, relative to the working dir
    // Filled by load_images once the pixel limit is known; shared because a
    // paper bound twice holds the same picture.
    std::shared_ptr<const RasterImage> raster;
    std::string alt;
    std::optional<Mpt> width;  // natural/fit if unset
    Align align = Align::Left;
};

struct BlockQuote {
    Blocks content;
};
struct PageBreak {};
struct KeepTogether {
    Blocks content;
};

// Officers to contact: each line printed as given (name, role, tel, email),
// with space between officers when the block names several.
struct Contact {
    std::string title;    // "Officers to Contact"; empty = the template's word
    bool heading = true;  // heading="false": the lines stand without one
    struct Officer {
        SourceLoc loc;
        std::vector<Inlines> lines;
    };
    std::vector<Officer> officers;  // lines written straight in <contact> are one officer
};

// Minutes: "Present", "Officers", "Others", "Apologies for absence".
struct AttendanceGroup {
    SourceLoc loc;
    std::string title;
    Inlines chair;  // "Mr J. T. Orson CC (in the Chair)", first in the group; may be empty
    struct Person {
        Inlines name;
        Inlines role;  // organisation or role; may be empty
    };
    std::vector<Person> people;
};
struct Attendance {
    std::vector<AttendanceGroup> groups;
};

// "RESOLVED:" / "AGREED:" followed by its content, usually (a), (b) items;
// the template's resolution label says how the word is printed.
struct Resolution {
    std::string label;  // as written: RESOLVED, AGREED
    Blocks content;
};

// A numbered minute: "26. Introductions" + its content.
struct Minute {
    Inlines title;
    std::optional<int> number;  // explicit restart; normally computed
    Blocks content;
};

// "2.00 - 3.10 pm", date, CHAIRMAN line.
struct Signature {
    std::string times;
    std::optional<Date> date;
    std::string role = "CHAIRMAN";
};

enum class Orientation : std::uint8_t { Portrait, Landscape };

// Cover page of an appended document.
struct Cover {
    Inlines title;
    Inlines subtitle;
    std::vector<Inlines> authors;  // one line each, in order
    std::optional<Date> date;
    std::optional<Orientation> orientation;  // orientation="landscape": the cover page alone turns
};

struct Block {
    SourceLoc loc;
    std::variant<Paragraph, Heading, List, Table, Image, BlockQuote, PageBreak, KeepTogether,
                 Contact, Attendance, Resolution, Minute, Signature, Cover>
        node;
};

// ---- partner PDFs ----------------------------------------------------------

// A partner PDF bound into the pack: its pages are placed whole, never
// re-set, so only their geometry is known here.
struct PartnerPdf {
    std::string path;  // resolved, relative to the working dir
    SourceLoc loc;      // the <papers> or <appendix> that names it
    std::string shown;  // its name in messages, quoted
    std::string alt;   // what its pages show, for a reader who cannot see them
    // Its own structure tree goes into the pack's (its pages are not figures).
    bool tagged = false;
    std::vector<PartnerPage> pages;
    std::vector<PartnerBookmark> outline;  // its own bookmarks, in order
};

// ---- papers ---------------------------------------------------------------

// A run of content on one page master. The first section of a paper starts
// its pages; each later section starts a new page if new_page is set or its
// orientation differs from the previous one.
struct Section {
    SourceLoc loc;
    Orientation orientation = Orientation::Portrait;
    bool new_page = false;
    Inlines title;  // appendix title "Appendix 1 - ..." (empty for plain sections)
    Blocks blocks;
    std::optional<PartnerPdf> partner;  // a section that is a partner's PDF, page for page
};

// How a paper writes the day of its dates, where it chooses for itself
// (ordinal="..." on its root): "8 September", "8th September", or with the
// suffix raised, "8<sup>th</sup> September".
enum class OrdinalDays : std::uint8_t { No, Yes, Raised };

struct PaperHeader {
    std::string board;   // "LEICESTERSHIRE SAFER COMMUNITIES STRATEGY BOARD"
    std::optional<Date> date;
    SourceLoc date_loc;          // where <date> was written
    std::vector<Inlines> title;  // one or more title lines
    std::vector<Inlines> lines;  // extra lines: "REPORT OF THE DIRECTOR ..."
};

struct Paper {
    // Partner: a PDF from another organisation, one section of its pages.
    enum class Kind : std::uint8_t { Report, Minutes, Document, Partner };
    Kind kind = Kind::Report;
    SourceLoc loc;
    PaperHeader header;
    std::optional<int> first_minute;  // minutes: number of the first minute
    std::string venue;                // minutes: where the meeting was held
    bool online = false;              // minutes: venue is the service it was held on ("held via ...")
    std::optional<OrdinalDays> ordinal;  // unset: the template's choice for paper dates
    std::vector<Section> sections;
};

// ---- the pack manifest -----------------------------------------------------

struct Meeting {
    SourceLoc loc;
    std::string body;
    Date date;
    std::optional<Time> time;
    std::string venue;
};

// An entry under "Date of the next meeting": the date alone, or with its
// weekday and time, or a sentence around them.
struct NextMeeting {
    SourceLoc loc;
    Date date;
    std::optional<Time> time;  // time="14:00": "at 2.00pm"
    bool weekday = false;      // weekday="true": "Thursday 10 December 2015"
    // "The next meeting of the Board will be held on {date} at {time}.";
    // empty: the date (and time) alone.
    std::string sentence;
};

struct AgendaItem {
    SourceLoc loc;
    Inlines title;
    std::vector<Inlines> notes;             // presenter notes, verbal updates
    std::vector<std::string> papers;        // resolved paths, in order
    std::vector<SourceLoc> paper_locs;      // where each <papers> was written
    // title and alt of each <papers> ("" where not given): a PDF paper's
    // bookmark and the text a screen reader gives for its pages.
    std::vector<std::pair<std::string, std::string>> paper_labels;
    bool to_follow = false;                 // "Paper to follow"
    std::optional<std::string> exempt;      // exemption reason; left out of the public pack
    std::vector<NextMeeting> next_meetings;  // "Date of the next meeting" list
};

struct PackManifest {
    SourceLoc loc;
    std::string template_ref;  // resolved template path
    Meeting meeting;
    std::vector<AgendaItem> items;
    // Papers named but refused unread because they lie outside the pack's
    // folder (through a link, say): never read, but a watcher follows them,
    // since a paper put in a link's place makes the pack build.
    std::vector<std::string> refused_papers;
};

// A manifest with its papers loaded: papers[i][j] is the j-th paper of item i.
struct PackDocument {
    PackManifest manifest;
    std::vector<std::vector<Paper>> papers;
};

}  // namespace bp
