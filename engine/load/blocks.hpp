// Body blocks of papers: paragraphs, headings, lists, tables, images,
// quotes, keeps, contacts, recommendations, resolutions. Internal to load/.
#pragma once
#include <pugixml.hpp>

#include <string>

#include "core/model.hpp"
#include "load/reader.hpp"

namespace bp::load {

// Block elements, as bits of the set allowed in a container.
enum BlockTag : unsigned {
    kTagH1 = 1u << 0,
    kTagH2 = 1u << 1,
    kTagH3 = 1u << 2,
    kTagP = 1u << 3,
    kTagOl = 1u << 4,
    kTagUl = 1u << 5,
    kTagTable = 1u << 6,
    kTagImg = 1u << 7,
    kTagBlockquote = 1u << 8,
    kTagKeep = 1u << 9,
    kTagPageBreak = 1u << 10,
    kTagContact = 1u << 11,
    kTagRecommendations = 1u << 12,
    kTagResolved = 1u << 13,
    kTagExclusion = 1u << 14,
};
// "Body blocks (anywhere blocks are allowed)" of formats.md.
constexpr unsigned kBodyBlocks = kTagH1 | kTagH2 | kTagH3 | kTagP | kTagOl | kTagUl | kTagTable | kTagImg |
                                 kTagBlockquote | kTagKeep | kTagPageBreak | kTagContact;
// What a list item or quote holds besides text.
constexpr unsigned kNestedBlocks = kTagP | kTagOl | kTagUl | kTagTable | kTagImg | kTagBlockquote;
// "A cell holds text or blocks (<p>, <ul>, <ol>)".
constexpr unsigned kCellBlocks = kTagP | kTagUl | kTagOl;

struct BlockContext {
    Paper::Kind kind = Paper::Kind::Report;
    Numbering p_default = Numbering::None;  // <p> without number=
    bool in_cell = false;                   // "text in cells is never numbered"
    bool footnotes = true;                  // <fn> may stand in the text (not in tables)
    std::string pack_root;                  // images may not leave it ("" = anywhere)
};

class BlockReader {
public:
    // `g`: the grammar of the paper being read (report, minutes, document).
    BlockReader(Reader& r, const grammar::Format& g) : r_(r), g_(g) {}

    // Reads `el` into `out` if it is a block element in `allowed`; false
    // (nothing reported) if it is not.
    bool read_block(pugi::xml_node el, const BlockContext& ctx, unsigned allowed, Blocks& out);
    // Names of the blocks in `allowed`, for "expected one of" messages.
    static Names names(unsigned allowed);

    // Children of `parent` that may only be blocks: text and other elements
    // are reported (`text_hint` says where text goes).
    void read_blocks(pugi::xml_node parent, const BlockContext& ctx, unsigned allowed, Blocks& out,
                     std::string_view text_hint);
    // Children of an element that holds text or blocks (li, td, blockquote):
    // each run of text and inline markup becomes an unnumbered paragraph.
    void read_mixed(pugi::xml_node parent, const BlockContext& ctx, unsigned allowed, Blocks& out);

    Cover read_cover(pugi::xml_node el);

private:
    Paragraph read_paragraph(pugi::xml_node el, const BlockContext& ctx);
    List read_list(pugi::xml_node el, const BlockContext& ctx);
    Table read_table(pugi::xml_node el, const BlockContext& ctx);
    void read_rows(pugi::xml_node group, const BlockContext& ctx, std::vector<TableRow>& rows);
    Image read_image(pugi::xml_node el, const BlockContext& ctx);
    Contact read_contact(pugi::xml_node el);
    void read_recommendations(pugi::xml_node el, const BlockContext& ctx, Blocks& out);
    Resolution read_resolved(pugi::xml_node el, const BlockContext& ctx);
    std::optional<Resolution> read_exclusion(pugi::xml_node el);  // nullopt: reported

    Reader& r_;
    const grammar::Format& g_;
};

}  // namespace bp::load
