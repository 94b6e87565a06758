// realize: model + template -> the realized document. In: a loaded paper
// (or a pack manifest with its agenda's page ranges) and the template
// (TemplateDoc: its wording, date patterns, locale). Out: a plain tree of
// nodes that says what every part of the document is (its role), where it
// came from (source location), and exactly the words it reads, generated
// ones included: paragraph numbers "2.1", list labels "(a)", minute numbers,
// note numbers, formatted dates, the minutes' opening line, "Paper to
// follow", the exclusion resolution, the front sheet's lines. Every
// generated word comes from the template's wording (core/template.hpp),
// never from the code that lays out or binds pages.
//
// It also builds the document's structure tree (core/structure.hpp) from
// the realized nodes: each node names its element in `tag`, so layout only
// marks what it places with it, and the PDF's structure, the PDF's text and
// an HTML edition all read the same words from the same tree.
//
// Pure and deterministic: the same paper and template give the same tree,
// on any thread. Never measures, breaks lines or places anything; what is
// visual (styles, bold headings, capitals set by a style, indents) stays in
// layout.
//
// ---- How to walk a realized document ---------------------------------------
//
// A realized::Document has a `root` (Kind::Paper or Kind::FrontSheet) and
// the structure tree its tags index. Every Node has:
//   kind      what it is (the list below, with what each holds);
//   loc       where it was written (file, line, column);
//   runs      its own text, in reading order; a node with a label (a
//             numbered paragraph, a list item, a minute's title, a note, an
//             agenda line) has it as its first run, of kind Label;
//   children  the nodes inside it, in reading order;
//   number, level, flags, info  its attributes (see each kind).
// A walk is a plain recursion:
//
//     void visit(const realized::Node& n) {
//         open(n.kind, n);                          // e.g. <p>, <li>, <td colspan=..>
//         for (const realized::Run& r : n.runs) text(r);   // Label, Text, LineBreak, NoteRef
//         for (const realized::Node& c : n.children) visit(c);
//         close(n.kind);
//     }
//
// A Run is text with its inline kind: flags hold bold, italic, underline,
// superscript and subscript (core/model.hpp InlineFlag); a non-empty href
// makes it a link; kind NoteRef is a note's number where the note is
// called, and the Note itself is a child (Kind::Note) of the same node,
// with the same number. `generated` marks words the engine made from the
// template's wording rather than copied from the XML. Runs are never
// upper-cased by a style (a style's capitals are layout's); a paper
// header's date is in capitals because the house writes it so.
//
// Nodes with runs have no block children (only their Notes); containers
// (Section, List, Table, Cell, ...) have children and, except a status-only
// Cell and a ListItem's Label, no runs.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/model.hpp"
#include "core/structure.hpp"
#include "core/template.hpp"

namespace bp {

namespace realized {

struct Run {
    enum class Kind : std::uint8_t {
        Text,       // words
        LineBreak,  // <br>: a new line within the same block; text empty
        NoteRef,    // a footnote's number where it is called; `note` is the number, `text` it as printed
        Label,      // the node's label (a number, a letter, a bullet), hung before its text in print
    };
    Kind kind = Kind::Text;
    std::uint8_t flags = 0;   // InlineFlag bits
    bool generated = false;   // made from the template's wording, not written in the XML
    std::string text;         // UTF-8, as it reads
    std::string href;         // a link's target (http:, https:, mailto:); empty if not a link
    StructId tag = kNoStruct; // a link's Link element (adjacent runs with one target share it)
    int note = 0;             // NoteRef: the note's number
};

enum class Kind : std::uint8_t {
    // ---- roots
    Paper,        // info PaperInfo; tag Sect. Children: Header, then Section...
    FrontSheet,   // info FrontSheetInfo. Children: MeetingBody, MeetingWhen, MeetingVenue, AgendaHeading, Agenda

    // ---- a paper's header (Header is a container, first child of Paper)
    Header,
    Board,           // runs: the board's name, as written
    PaperDate,       // runs: the paper's date, generated, in capitals
    PaperTitle,      // tag H1; children TitleLine (one per <title> line)
    TitleLine,       // runs; tag: its PaperTitle's
    PaperLine,       // runs: an extra header line ("REPORT OF THE DIRECTOR ...")
    MinutesOpening,  // tag H1; runs: the template's opening line filled in

    // ---- sections
    Section,        // info SectionInfo; tag Sect for an appendix, else none. Children: AppendixTitle?, blocks or PartnerPages
    AppendixTitle,  // runs: the appendix title; tag H*
    PartnerPages,   // info PartnerInfo; children PartnerPage
    PartnerPage,    // number: the page of the partner PDF (0-based); tag Figure (untagged PDF) or its
                    // Section's/Paper's element (a tagged PDF's own structure goes under it); children PartnerLink
    PartnerLink,    // tag Link; runs: one Text run, its target in href

    // ---- blocks
    Heading,            // level 1..3 as written; runs; tag H1..H6 (levels never skip one)
    Paragraph,          // runs; tag P (or its Cell's element, when the cell holds just this paragraph)
    NumberedParagraph,  // level 1 (2, 3 ...) or 2 (2.1 ...); number; runs: Label, text; tag LBody, label_tag Lbl
    Chair,              // <p class="chair">: the chair's line of minutes; runs; tag P
    List,               // info ListInfo; tag L; children ListItem
    ListItem,           // number: its counter; runs: its Label; tag LBody, label_tag Lbl; children blocks
    Table,              // info TableInfo; tag Table; children TableHead?, TableBody?, TableNotes?
    TableHead,          // tag THead; children Row (repeated on every page the table runs onto)
    TableBody,          // tag TBody; children Row
    Row,                // flags: InlineFlag bits on all its cells' text (a bold row); tag TR; children Cell
    Cell,               // info CellInfo; tag TH or TD; children blocks; a status-only cell has one
                        // generated Text run per status band ("R", "Amber") and no children
    TableNotes,         // no tag (its blocks are tagged beside the table); children blocks
    Figure,             // info ImageInfo; tag Figure (its alt text is the element's)
    Quote,              // tag BlockQuote; children blocks
    PageBreak,          // nothing
    Keep,               // children blocks, kept on one page
    Contact,            // children ContactHeading?, Officer...
    ContactHeading,     // runs: the block's title or the template's; tag H*
    Officer,            // children ContactLine
    ContactLine,        // runs; tag P
    Attendance,         // children AttendanceGroup
    AttendanceGroup,    // children GroupTitle, GroupChair?, Person...
    GroupTitle,         // runs; tag H*
    GroupChair,         // runs; tag P
    Person,             // tag P; children PersonName, PersonRole (both marked with the Person's tag)
    PersonName,         // runs
    PersonRole,         // runs (may be empty)
    Resolution,         // children ResolutionLabel, then blocks (an exclusion: its generated sentence and items)
    ResolutionLabel,    // runs: "RESOLVED:", generated from the template; tag P
    Minute,             // number; children MinuteTitle, then blocks
    MinuteTitle,        // runs: Label ("26."), title; tag H*
    Signature,          // children SignatureTimes?, SignatureDate?, SignatureRole
    SignatureTimes,     // runs; tag P
    SignatureDate,      // runs: generated date; tag P
    SignatureRole,      // runs ("CHAIRMAN": as written, or the template's); tag P
    Cover,              // info CoverInfo; children CoverTitle, CoverSubtitle?, CoverAuthor..., CoverDate?
    CoverTitle,         // runs; tag H*
    CoverSubtitle,      // runs; tag P
    CoverAuthor,        // runs; tag P
    CoverDate,          // runs: generated date; tag P
    Note,               // number; runs: Label (its number), text; tag Note

    // ---- the agenda front sheet
    MeetingBody,    // runs; tag P
    MeetingWhen,    // runs: generated date and time; tag P
    MeetingVenue,   // runs; tag P
    AgendaHeading,  // runs: "Agenda" or "Supplementary agenda", generated; tag H1
    Agenda,         // tag L; children AgendaItem
    AgendaItem,     // number; info AgendaInfo; runs: its Label ("5."); tag LBody, label_tag Lbl;
                    // children AgendaTitle, AgendaPages?, AgendaNote..., AgendaExempt?, NextMeeting...
    AgendaTitle,    // runs; tag P, or a Link (under that P) when the item has pages: the whole line links to them
    AgendaPages,    // runs: "(Pages 3 - 8)" or "(Paper to follow)", generated; tag: its AgendaTitle's
    AgendaNote,     // runs: a presenter note; tag P
    AgendaExempt,   // runs: "Exempt: " and the reason; tag P
    NextMeeting,    // runs: a next meeting's date (and time, sentence); tag P
};

// What a kind is called (its enumerator's name): for dumps and messages.
const char* kind_name(Kind k);

struct PaperInfo {
    Paper::Kind kind = Paper::Kind::Report;
    // The paper's title as bookmarks and its Sect give it: its first title
    // line, or for minutes "Minutes of {date}" from the template.
    std::string title;
};

enum class SheetHeading : std::uint8_t { Agenda, Supplementary };

struct FrontSheetInfo {
    SheetHeading heading = SheetHeading::Agenda;
};

struct SectionInfo {
    Orientation orientation = Orientation::Portrait;
    bool new_page = false;
    bool first = false;   // the paper's first section: it starts the paper's pages
    bool appendix = false;  // a titled section: an appendix, a Sect of its own
    std::string title;    // an appendix's title as plain text (also when no AppendixTitle is printed); else empty
};

struct PartnerInfo {
    std::shared_ptr<const PartnerPdf> pdf;  // its pages' boxes, links and bookmarks
    int outline_level = 2;                  // the level of its own top bookmarks
};

struct ListInfo {
    ListKind kind = ListKind::LowerAlpha;
    int start = 1;
};

struct TableInfo {
    std::vector<TableColumn> columns;  // may be empty: all automatic
    std::optional<Mpt> type_size;      // size="8pt" on the table
};

struct CellInfo {
    std::uint16_t colspan = 1, rowspan = 1;  // as written (layout keeps spans inside their head or body)
    bool header = false;                     // <th>, or any cell of a head row
    HeaderScope scope = HeaderScope::None;   // header: Column in a head row, Row for a <th> in the body
    std::vector<Rag> status;                 // status="G A": a band of colour each
    bool status_words = false;               // the statuses are printed as words, not letters
    std::optional<Color> fill;
    std::optional<Align> align;
};

struct ImageInfo {
    std::shared_ptr<const Image> image;  // path, pixels, alt, width, alignment
};

struct CoverInfo {
    std::optional<Orientation> orientation;  // the cover page alone turns
};

struct AgendaInfo {
    std::optional<int> first_page, last_page;  // 1-based pack pages of its papers
    bool to_follow = false;
    bool exempt = false;
};

struct Node {
    Kind kind = Kind::Paragraph;
    std::uint8_t level = 0;  // Heading: 1..3 as written; NumberedParagraph: 1 or 2 (sub)
    std::uint8_t flags = 0;  // Row: InlineFlag bits on all its text
    int number = 0;          // NumberedParagraph, ListItem, Minute, Note, AgendaItem: the counter's value
    SourceLoc loc;
    StructId tag = kNoStruct;        // the structure element its own text is content of
    StructId label_tag = kNoStruct;  // the Lbl element of its Label run, where it has one
    std::vector<Run> runs;
    std::vector<Node> children;
    std::variant<std::monostate, PaperInfo, FrontSheetInfo, SectionInfo, PartnerInfo, ListInfo, TableInfo, CellInfo,
                 ImageInfo, CoverInfo, AgendaInfo>
        info;

    template <class T>
    const T& get() const { return std::get<T>(info); }
};

struct Document {
    Node root;
    // The structure tree of the document: every tag (and Run::tag) indexes
    // it; its root is the paper's Sect, or the front sheet's elements.
    StructTree structure;
};

// The text of runs as a title gives it (bookmarks, section titles): line
// breaks as spaces, note numbers left out, a Label followed by a space;
// with_label false leaves the Label out.
std::string plain_text(const std::vector<Run>& runs, bool with_label = true);

}  // namespace realized

// One of the template's wordings with each {key} replaced by its value, in
// one pass (a value holding "{date}" is kept as written): for the words a
// binder writes beside the realized document (bookmarks, the PDF's title).
std::string fill_wording(std::string_view pattern,
                         const std::vector<std::pair<std::string_view, std::string>>& values);

// ---- Labels and words, made from the template's wording ---------------------
// The words the realized tree holds for a list item's label and a status
// cell's status, for the layout of papers, which reads the model still:
// made in one place, so the PDF says what the web pages say.

// A list item's label: the paper's punctuation if it chose one ("a)"),
// else the template's form for the kind ("(a)", "(ii)", "3.", the bullet).
std::string list_label(const List& l, int n, const Wording& w);
// A status as its cell prints it: "Amber" or "A".
const std::string& status_label(Rag r, bool word, const Wording& w);
// Several statuses of one cell joined ("R/A"), by the template's status_join.
std::string status_labels(const std::vector<Rag>& status, bool words, const Wording& w);

// A paper: its numbers, labels, dates and template sentences made, its
// structure tree built.
realized::Document realize_paper(const Paper& paper, const TemplateDoc& tpl);

// What the front sheet shows beside each agenda item.
struct AgendaEntry {
    int number = 0;                 // agenda item number as printed
    std::optional<int> first_page;  // 1-based pack pages of its papers
    std::optional<int> last_page;
    bool listed = true;             // false: left off this front sheet (a supplement's)
};

// The agenda front sheet: entries[i] belongs to manifest.items[i]; exempt
// items are listed with their reason, items with pages with their range.
realized::Document realize_front_sheet(const PackManifest& manifest, const std::vector<AgendaEntry>& entries,
                                       const TemplateDoc& tpl,
                                       realized::SheetHeading heading = realized::SheetHeading::Agenda);

}  // namespace bp
