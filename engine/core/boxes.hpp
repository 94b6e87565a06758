// Page boxes: what a page shows, positioned, in millipoints from the page's
// top-left corner (y grows downwards). Layout produces them, assemble stamps
// and numbers them, pdf/ and dump/ only read them.
//
// A page is one list of items in reading order, painted in that order. Each
// item carries a Mark: the structure element (structure.hpp) whose content it
// is, or the kind of artifact it is (a footer, a table border), so a reader
// of the pack can tell the document from its decoration.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "partner_page.hpp"
#include "raster.hpp"
#include "structure.hpp"
#include "units.hpp"

namespace bp {

// Index into FontSet::faces (see below).
using FaceId = std::uint16_t;

struct GlyphRun {
    Mpt x = 0, baseline = 0;  // start of the run's baseline
    FaceId face = 0;
    Mpt size = 0;
    Color color;
    std::string text;  // UTF-8; every code point is one the face maps
    Mpt width = 0;     // advance width of text, as measured by text/
};

struct RuleLine {  // a straight stroked line (table borders, underlines, signature line)
    Mpt x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    Mpt thickness = 500;
    Color color;
};

struct FillRect {
    Rect rect;
    Color color;
};

// Every item is as big as the biggest kind: the rare kinds keep what is
// bulky behind a pointer, so a page of text and rules stays small.
struct ImageBox {
    Rect rect;
    std::string path;  // the file it came from (names it in dumps)
    std::shared_ptr<const RasterImage> raster;  // what pdf/ embeds
    // (its alt text is its Figure element's)
};

struct LinkBox {
    Rect rect;
    std::string uri;          // external target, or
    int target_page = -1;     // 0-based pack page for internal links
    // Set by layout for a link inside a paper (a partner page's link to
    // another of its pages): target_page then counts from the link's own
    // page, until assemble binds the paper into an edition.
    bool from_own_page = false;
};

// A partner PDF's page drawn whole, its visible area scaled into `rect`;
// the pdf stage takes the page itself from the partner's file.
// A partner PDF's page: the file, the page's box, turn and links, and how
// it is tagged.
struct ForeignSource {
    std::string path;  // the partner PDF
    int page = 0;      // 0-based page of that file
    PartnerPage box;
    // The page's own structure (a tagged PDF's) goes under the element of
    // the item's mark; the page is then not one Figure, and its drawing is
    // not marked content of the pack page (its content is, in the form).
    bool graft = false;
    SourceLoc loc;      // the <papers> or <appendix> that names the file
    std::string shown;  // the file's name in messages, quoted
};

struct ForeignPage {
    Rect rect;
    std::shared_ptr<const ForeignSource> source;
};

// What a page item is that is not content of the document.
enum class Artifact : std::uint8_t {
    None,        // the item is content (Mark::node says of what), or not yet marked
    Layout,      // table borders, cell fills, underlines, signature lines
    Pagination,  // blank-page text, table headers repeated on a continuation page
    Header,      // "Agenda Item N" stamps, running headers
    Footer,      // "Page N"
};

struct Mark {
    StructId node = kNoStruct;  // the element this item is content of, or
    Artifact artifact = Artifact::None;

    static Mark content(StructId n) { return Mark{n, Artifact::None}; }
    static Mark as(Artifact a) { return Mark{kNoStruct, a}; }
    bool is_set() const { return node != kNoStruct || artifact != Artifact::None; }
    friend bool operator==(const Mark&, const Mark&) = default;
};

struct PageItem {
    std::variant<GlyphRun, RuleLine, FillRect, ImageBox, LinkBox, ForeignPage> what;
    Mark mark;
};
// Pages hold millions of these: a kind that grows past a run of text makes
// every item bigger.
static_assert(sizeof(PageItem) <= 12 * sizeof(void*), "keep a page item small");

// A page's drawing made into its PDF content stream as soon as it was laid
// out (pdf/seal.hpp), so that a pack's text and rules are not all held until
// the PDF is written. Opaque outside the pdf stage.
struct SealedContent;

struct Sealed {
    std::shared_ptr<const SealedContent> content;  // null: the page is not sealed
    // items[0, items) were on the page when it was sealed: the content draws
    // them, and only those later stages still read (links, images, partner
    // pages) are left. Items added after (footers, stamps) are drawn after it.
    std::uint32_t items = 0;
    // Added to the structure ids the content marks, as it is to the marks of
    // the items when the page's part is bound into an edition.
    StructId node_offset = 0;
};

struct PageBox {
    Mpt width = kA4Width, height = kA4Height;
    std::vector<PageItem> items;  // reading order = painting order
    bool blank = false;           // an intentionally blank padding page
    Sealed sealed;

    bool landscape() const { return width > height; }

    template <class T>
    void add(T thing, Mark mark = {}) {
        items.push_back(PageItem{std::move(thing), mark});
    }

    // The items of one kind, in order (for tests and for readers that want
    // only text or only links).
    template <class T>
    std::vector<T> all() const {
        std::vector<T> out;
        for (const PageItem& i : items)
            if (const T* t = std::get_if<T>(&i.what)) out.push_back(*t);
        return out;
    }
    std::vector<GlyphRun> runs() const { return all<GlyphRun>(); }
    std::vector<RuleLine> rules() const { return all<RuleLine>(); }
    std::vector<FillRect> fills() const { return all<FillRect>(); }
    std::vector<ImageBox> images() const { return all<ImageBox>(); }
    std::vector<LinkBox> links() const { return all<LinkBox>(); }
};

struct FontFace {
    std::string path;  // TrueType file to embed
};

// A bookmark in the PDF outline.
struct Outline {
    std::string title;  // UTF-8
    int page = 0;       // 0-based pack page
    Mpt y = 0;          // top of the target on that page
    int level = 0;      // 0 = agenda item, 1 = heading inside it
};

struct PackMeta {
    std::string title, subject, author;
    std::string lang = "en-GB";  // BCP 47: the language of the pack's text
    int year = 0, month = 0, day = 0;  // creation date = meeting date: output is reproducible
};

// The finished pack: everything pdf/ needs, nothing it must compute.
struct PackBox {
    std::vector<FontFace> faces;  // FaceId indexes here
    std::vector<PageBox> pages;
    std::vector<Outline> outlines;
    StructTree structure;  // every Mark::node on the pages indexes here
    PackMeta meta;
    int first_page_number = 1;  // the number printed on pages[0]; viewers show it too
};

}  // namespace bp
