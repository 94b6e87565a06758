// The Word file as read, before it is shaped into a paper: paragraphs with
// their style, heading level, numbering and text; tables with their grid,
// merges and shading; section breaks with their orientation. Nothing here
// knows the report format. Internal to import/.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/model.hpp"
#include "import/numbering.hpp"

namespace bp::docx {

// A picture in the text: an embedded image, or something that stands where
// one would (a chart, a diagram, an embedded object, a linked picture).
struct Picture {
    enum class Kind : std::uint8_t { Embedded, Linked, Chart, Diagram, Object };
    Kind kind = Kind::Embedded;
    int place = 0;
    std::string part;          // the image's part in the package ("word/media/image1.png"); Embedded only
    std::string alt;           // the drawing's description (or its title)
    std::int64_t width_emu = 0;  // its width on the page, 914400 to the inch; 0 unknown
};

// A paragraph's content in order: text, then a picture or a page break
// standing after that text.
struct Piece {
    Inlines text;
    std::optional<Picture> picture;
    bool page_break = false;
};

struct WordParagraph {
    int place = 0;
    std::string style;        // its style's name as Word shows it ("Heading 1")
    std::string style_id;
    int outline = -1;         // heading level 0..8; -1 body text
    std::optional<NumberLabel> number;
    std::vector<Piece> pieces;
    std::string control;      // the tag of the content control it stands in
    std::optional<Date> control_date;  // that control's date, if it is a date picker
    // Content controls inside the paragraph: their tags and what they hold.
    struct InlineControl {
        std::string tag;
        Inlines text;
        std::optional<Date> date;
    };
    std::vector<InlineControl> inline_controls;
    bool page_break_before = false;
    std::optional<Align> align;
    bool from_text_box = false;  // text of a text box or shape, put after its anchor

    // Its text without pictures and breaks.
    Inlines text() const;
    bool empty() const;
};

struct WordTable;
struct WordBlock {
    std::variant<WordParagraph, std::unique_ptr<WordTable>> node;
};

struct WordCell {
    int place = 0;
    int span = 1;                              // w:gridSpan
    enum class Merge : std::uint8_t { None, Start, Continue } merge = Merge::None;  // w:vMerge
    std::optional<Color> fill;                 // w:shd fill
    std::vector<WordBlock> content;
};

struct WordRow {
    int place = 0;
    bool header = false;  // w:tblHeader: repeats on every page
    int before = 0, after = 0;  // grid columns left empty before and after its cells
    std::vector<WordCell> cells;
};

struct WordTable {
    int place = 0;
    int number = 0;                 // 1, 2 ... in the order tables start in the document
    std::vector<std::int64_t> grid;  // column widths, twentieths of a point
    bool auto_width = false;         // laid out to fit its contents (no fixed widths)
    std::vector<WordRow> rows;
    // The size of all its text in half-points, when every run is one size.
    std::optional<int> text_size;
};

// A Word section: the blocks from `first` up to the next section's first,
// on pages of one orientation.
struct WordSection {
    std::size_t first = 0;
    Orientation orientation = Orientation::Portrait;
    bool new_page = true;  // begins on a new page (not a continuous break)
};

struct WordDocument {
    std::vector<WordBlock> blocks;  // the body, in order
    std::vector<WordSection> sections;
    std::optional<int> body_text_size;  // the default paragraph style's size, half-points
};

}  // namespace bp::docx
