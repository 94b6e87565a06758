// Shared by the layout stage's files only; not part of its interface.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "layout/layout.hpp"

namespace bp::layout_detail {

// Content positioned relative to an origin. A PageBox is reused as the
// container: its width/height are meaningless here.
using Items = PageBox;

// Copies src's content into dst, shifted by (dx, dy), keeping each item's mark.
void append_items(Items& dst, const Items& src, Mpt dx, Mpt dy);
// The same, every item marked `mark` (a header row repeated as an artifact).
void append_items(Items& dst, const Items& src, Mpt dx, Mpt dy, Mark mark);
// Moves src's content into dst, shifted by (dx, dy), and leaves src empty
// with its memory freed.
void move_items(Items& dst, Items&& src, Mpt dx, Mpt dy);

// Marks every item not marked yet.
void mark_unset(Items& items, Mark mark);

// One line of a paragraph, origin at the line's top-left.
struct Line {
    Items items;
    Mpt width = 0;   // natural width of the text on the line
    Mpt height = 0;  // line pitch
    bool hard_end = false;
    std::vector<int> footnotes;  // numbers of the footnotes called on this line
};

// How a run of inline text is set. With a tree, the lines' text is marked as
// content of `node`, and each link gets a Link element under it; without
// one (measuring, labels) the items are left unmarked for the caller.
struct InlineSetting {
    const TextStyle* style = nullptr;
    std::uint8_t flags = 0;  // extra InlineFlag bits (bold/italic rows, header cells)
    Align align = Align::Left;
    StructTree* tree = nullptr;
    StructId node = kNoStruct;
    // The number of the text's first footnote; 0: its footnotes print
    // nothing (measuring a text whose notes are numbered elsewhere).
    int first_footnote = 0;
    // The text's Link elements, made already by realize/: one for each
    // link, in order. Given, they mark the links and the tree gets none.
    const std::vector<StructId>* links = nullptr;
};

// Breaks inline content into lines no wider than `width` (greedy, ICU break
// opportunities; a word wider than the line is split between characters).
std::vector<Line> break_lines(const Inlines& text, const InlineSetting& setting, Mpt width,
                              const LayoutContext& ctx);

// Narrowest width the text can take without overflowing a word, the width
// of its longest unbroken line, and the width of all of it set on one line
// (how many lines a width gives it): what table columns are sized from.
struct Extent {
    Mpt min = 0, max = 0, length = 0;
};
Extent measure_extent(const Inlines& text, const InlineSetting& setting, const LayoutContext& ctx);

// Adds a one-line label (a paragraph number, a list letter) at x, on the
// baseline of the first text already in `into`, marked `mark`, before that
// text: a label is read before what it labels.
void put_on_first_baseline(Items& into, const Line& label, Mpt x, Mark mark);

// The baseline of the first text in `items`, if there is any.
std::optional<Mpt> first_baseline(const Items& items);

// Plain text as Inlines.
Inlines plain(std::string text, std::uint8_t flags = 0);

// Sets a single line of text (no wrapping) with its top-left at (0,0).
Line set_line(const std::string& text, const TextStyle& style, const LayoutContext& ctx,
              std::uint8_t flags = 0);

struct Slice;

// Cuts a slice that may break across a page foot (a table row) into a first
// part at most `room` high and the rest; false if no cut fits.
class SliceSplitter {
public:
    virtual ~SliceSplitter() = default;
    virtual bool cut(Mpt room, Slice& head, Slice& rest) const = 0;
};

// A footnote set for the foot of a page, origin at its top-left: it is
// drawn on the page that holds the line calling it.
struct FootnoteBox {
    Items items;
    Mpt height = 0;
};

// An unbreakable vertical piece of a flow: a line, a table row, an image.
// A slice with a splitter may be cut by the paginator rather than moved.
struct Slice {
    Mpt height = 0;
    Mpt space_before = 0;  // dropped at the top of a page
    bool keep_with_next = false;
    bool break_before = false;  // forced page break
    bool break_to_odd = false;  // ... to an odd page of the paper (a blank page may come first)
    Orientation orientation = Orientation::Portrait;
    int table = -1;             // body rows of table t repeat its header on a new page
    bool table_header = false;  // a header row of table `table`
    std::optional<PartAnchor> anchor;  // bookmark at this slice (page/y filled in later)
    std::vector<PartAnchor> more_anchors;  // more bookmarks after it, at the same place
    Items items;
    Items if_last;  // drawn only when the slice ends its page (a spanning cell's foot)
    std::vector<FootnoteBox> footnotes;  // notes called on this line, for its page's foot
    std::shared_ptr<const SliceSplitter> splitter;
};

// Places slices on pages of the given masters. Headers of tables repeat
// where a table crosses a page. Slices may be given a few at a time, as a
// flow makes them (advance): each page is made and handed to the sink as
// soon as the next one opens, and the slices on it are dropped, so a long
// paper is never held whole, as slices or as pages.
class Paginator {
public:
    using Sink = std::function<void(PageBox&)>;
    Paginator(const LayoutContext& ctx, Sink sink);
    ~Paginator();
    Paginator(const Paginator&) = delete;
    Paginator& operator=(const Paginator&) = delete;

    // Places slices[.., upto): those after may still change. May drop the
    // placed slices from the front of `slices`, and cut one in two.
    void advance(std::vector<Slice>& slices, std::size_t upto);
    // Places the rest; the pages made (each already given to the sink) and
    // the anchors found.
    PartLayout finish(std::vector<Slice>& slices);

private:
    struct Page;
    Mpt room(Orientation o) const;
    void open_page(Orientation o, const Slice& next);
    void emit(Page&& page);
    void drop_placed();

    const LayoutContext& ctx_;
    Sink sink_;
    PartLayout out_;
    std::vector<Slice>* slices_ = nullptr;
    std::unique_ptr<Page> open_;  // the page being filled
    int pages_ = 0;               // pages opened, the open one included
    std::size_t next_ = 0;        // the next slice to place
    std::size_t erased_ = 0;      // slices dropped from the front so far
    std::size_t seen_header_ = 0; // one past the last header slice kept (counted from the first slice)
    std::map<int, std::vector<std::shared_ptr<const Slice>>> headers_;  // table id -> its header rows
};

// All at once (the front sheet).
PartLayout paginate(std::vector<Slice> slices, const LayoutContext& ctx);

// Lays out one paper (report, minutes, document) into slices; its structure
// goes into `tree` under a Sect of its own.
void flow_paper(const Paper& paper, const LayoutContext& ctx, std::vector<Slice>& out, StructTree& tree,
                Paginator* pager = nullptr);

class Flow;
struct BlockEnv;

// A partner's PDF as slices, one per page, each a Figure under env.parent
// (partner.cpp); its own bookmarks from `outline_level` down.
void flow_partner_pages(const PartnerPdf& pdf, const SourceLoc& loc, Flow& f, const BlockEnv& env,
                        const LayoutContext& ctx, int outline_level);

// Content width available on a page master.
Mpt content_width(const PageMaster& m);
Mpt content_height(const PageMaster& m);

// Table layout (table.cpp) needs block layout for its cells (flow.cpp).
struct BlockEnv {
    Paper::Kind kind = Paper::Kind::Report;
    bool in_cell = false;
    std::uint8_t flags = 0;            // inline flags forced on all text (bold rows)
    const char* body_style = "body";   // style of plain paragraphs
    Orientation orientation = Orientation::Portrait;
    StructId parent = kNoStruct;       // the structure element blocks go under
    // A plain paragraph under this element is not an element of its own:
    // its text goes straight into it (a table cell holding one paragraph
    // reads the same, and the tree is half the size for a big table).
    StructId text_parent = kNoStruct;
    int heading_base = 1;              // <h1> is tagged H(1 + heading_base)
    int outline_level = 2;             // of a contact's bookmark: under its appendix's, inside one
    std::optional<OrdinalDays> ordinal;  // the paper's own choice of ordinal days
    std::optional<Mpt> type_size;      // a table's own type size for its cells and notes
};

// The named style as text under `env` is set. In a table with its own type
// size, the table style takes that size and every other style keeps its
// proportion to it (header, notes), leading and spacing scaled alike.
TextStyle text_style(const StyleSheet& styles, std::string_view name, const BlockEnv& env);

// Where and how a paragraph's lines are placed (Flow::paragraph_lines).
struct LineSpec {
    Mpt x = 0, width = 0;              // the text column
    std::string label;                 // "1.", "(a)", "26.": on the first baseline at label_x
    Mpt label_x = 0;
    StructId label_node = kNoStruct;   // the label's Lbl; kNoStruct: the text's own element
    std::optional<Align> align;        // the style's alignment if unset
    bool keep_with_next = false;       // the last line stays with what follows
};

struct Counters {
    int para = 0;    // last Auto paragraph number
    int sub = 0;     // last sub-number under it
    int minute = 0;  // last minute number
    int table = 0;   // tables seen (ids for header repetition)
    int footnote = 0;  // last footnote number of the paper
};

// LI > (Lbl, LBody): a list item's label and body elements.
struct ListEntry {
    StructId label = kNoStruct, body = kNoStruct;
};
ListEntry add_list_entry(StructTree& tree, StructId list, const SourceLoc& loc);

class Flow {
public:
    // With a paginator, the slices are paginated as the flow goes, between
    // top-level blocks and between the rows of a top-level table.
    Flow(const LayoutContext& ctx, std::vector<Slice>& out, StructTree& tree, Paginator* pager = nullptr)
        : ctx_(ctx), out_(out), tree_(tree), pager_(pager) {}

    void blocks(const Blocks& blocks, Mpt x, Mpt width, const BlockEnv& env);
    void block(const Block& b, Mpt x, Mpt width, const BlockEnv& env);

    // A new structure element under env.parent; a heading's level is
    // lowered so that it is at most one below the heading before it.
    StructId node(Role role, const BlockEnv& env, const SourceLoc& loc = {});
    StructTree& tree() { return tree_; }

    // The lines of `text` as slices, marked as content of `node`.
    void paragraph_lines(StructId node, const Inlines& text, const TextStyle& style, const LineSpec& spec,
                         const BlockEnv& env, const std::vector<StructId>* links = nullptr);
    void space(Mpt amount) { pending_space_ = std::max(pending_space_, amount); }
    // The note of footnote `number` set for the page foot, its number first,
    // as a Note element after `called_from`.
    FootnoteBox footnote(const Inlines& note, int number, StructId called_from, const SourceLoc& loc);
    void force_break(bool to_odd = false) {
        pending_break_ = true;
        pending_break_odd_ = pending_break_odd_ || to_odd;
    }
    void set_anchor(std::string title, int level) { pending_anchor_ = PartAnchor{std::move(title), 0, 0, level}; }
    void push(Slice s);
    void keep_last_with_next() {
        if (!out_.empty()) out_.back().keep_with_next = true;
    }
    // A point where no slice before the last two will change again: they
    // may be paginated (and dropped from out_). Only at the top level:
    // nested blocks (kept together, list items, notes) still mark earlier
    // slices of theirs, and the paper's end keeps its last line with the
    // one before.
    void settle() {
        if (pager_ != nullptr && depth_ == 1 && out_.size() > 2) pager_->advance(out_, out_.size() - 2);
    }

    Counters counters;
    Orientation orientation = Orientation::Portrait;
    // An appendix title was just set at the top of a page for the cover
    // after it: the cover goes on that page instead of starting its own.
    bool cover_under_title = false;

private:
    void paragraph(const Paragraph& p, const SourceLoc& loc, Mpt x, Mpt width, const BlockEnv& env);
    void list(const List& l, const SourceLoc& loc, Mpt x, Mpt width, const BlockEnv& env);
    void table(const Table& t, const SourceLoc& loc, Mpt x, Mpt width, const BlockEnv& env);
    void image(const Image& img, const SourceLoc& loc, Mpt x, Mpt width, const BlockEnv& env);
    void contact(const Contact& c, const SourceLoc& loc, Mpt x, Mpt width, const BlockEnv& env);
    void attendance(const Attendance& a, Mpt x, Mpt width, const BlockEnv& env);
    void minute(const Minute& m, const SourceLoc& loc, Mpt x, Mpt width, const BlockEnv& env);
    void signature(const Signature& s, const SourceLoc& loc, Mpt x, Mpt width, const BlockEnv& env);
    void cover(const Cover& c, const SourceLoc& loc, Mpt x, Mpt width, const BlockEnv& env);
    // A numbered paragraph's list item: its L is shared with the numbered
    // paragraphs just before it, and a sub-numbered one nests under the last.
    ListEntry numbered_item(bool sub, const BlockEnv& env, const SourceLoc& loc);
    // Any block but a numbered paragraph or a list ends the numbered list
    // it would otherwise continue.
    void end_numbered_list(const BlockEnv& env) {
        if (numbered_.parent == env.parent) numbered_ = {};
    }

    const LayoutContext& ctx_;
    std::vector<Slice>& out_;
    StructTree& tree_;
    Paginator* pager_ = nullptr;
    int depth_ = 0;  // of blocks() calls: 1 inside a section's own blocks
    struct NumberedList {
        StructId parent = kNoStruct;     // env.parent the list was opened under
        StructId list = kNoStruct;       // L of the numbered paragraphs
        StructId body = kNoStruct;       // LBody of the last numbered paragraph
        StructId sub_list = kNoStruct;   // L of sub-numbered paragraphs under it
        StructId sub_body = kNoStruct;   // LBody of the last sub-numbered one
    } numbered_;
    Mpt pending_space_ = 0;
    bool pending_break_ = false;
    bool pending_break_odd_ = false;
    std::optional<PartAnchor> pending_anchor_;
    int last_heading_level_ = 0;  // of the last heading tagged in this paper

    friend struct TableBuilder;
};

// Laying out blocks into a stand-alone box (table cells): the slices a
// flow produced, stacked.
struct StackedBox {
    std::vector<Slice> slices;
    Mpt height = 0;
};
StackedBox stack_blocks(const Blocks& blocks, Mpt width, const BlockEnv& env, const LayoutContext& ctx,
                        StructTree& tree);
Extent blocks_extent(const Blocks& blocks, const BlockEnv& env, const LayoutContext& ctx);

// A date in a paper (header, cover, signature): the template's pattern,
// its day ordinal as the paper chooses (`ordinal`) or else the template.
std::string format_paper_date(const Date& d, const StyleSheet& s, std::optional<OrdinalDays> ordinal = {});
// The same as text to set: with OrdinalDays::Raised the ordinal suffix is
// superscript; `upper` puts it in capitals ("8TH SEPTEMBER 2016").
Inlines paper_date(const Date& d, const StyleSheet& s, std::optional<OrdinalDays> ordinal, bool upper = false);
// A template's wording with each {placeholder} replaced by its value.
std::string fill_placeholders(const std::string& text, const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace bp::layout_detail
