// Body blocks of papers: paragraphs, headings, lists, tables, images,
// quotes, keeps, contacts, recommendations, resolutions. Which block may
// stand where is the grammar's to say (load/grammar.hpp). Internal to load/.
#pragma once
#include <pugixml.hpp>

#include <string>

#include "core/model.hpp"
#include "load/reader.hpp"

namespace bp::load {

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

    // Reads block element `el` (of grammar type `t`, which its parent's
    // type allows there) into `out`.
    void read_block(pugi::xml_node el, const grammar::Type& t, const BlockContext& ctx, Blocks& out);
    // The children of `parent` (of type `t`) that hold blocks only (a
    // section, a <keep>, a resolution) or text and blocks (li, td,
    // blockquote: each run of text and inline markup becomes an unnumbered
    // paragraph), checked against its grammar; `text_hint` says where text
    // goes in a type that holds no text.
    void read_blocks(pugi::xml_node parent, const grammar::Type& t, const BlockContext& ctx, Blocks& out,
                     std::string_view text_hint = "put text in a <p>");

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
