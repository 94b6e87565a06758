// The logical structure of a pack: what a screen reader walks. Layout builds
// it from the document model while it places text, and every item on a page
// says which element it belongs to (see Mark in boxes.hpp). The roles are the
// standard structure types of tagged PDF; no PDF syntax lives here, so an
// HTML edition can read the same tree.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "source.hpp"

namespace bp {

using StructId = std::int32_t;
constexpr StructId kNoStruct = -1;

enum class Role : std::uint8_t {
    Document, Part, Sect, Div,
    H1, H2, H3, H4, H5, H6,
    P, L, LI, Lbl, LBody,
    Table, THead, TBody, TR, TH, TD,
    Link, Figure, Note, BlockQuote,
};
constexpr int kRoleCount = static_cast<int>(Role::BlockQuote) + 1;  // BlockQuote is last

// The standard structure type's name, as tagged PDF spells it.
const char* role_name(Role r);

// H1..H6 for a level, clamped to 1..6.
Role heading_role(int level);

enum class HeaderScope : std::uint8_t { None, Row, Column };

// The texts few elements have, kept apart so that the many that have none
// (a table of a thousand cells is a thousand elements) stay small.
struct StructText {
    std::string title;  // a Part's title, shown by tools that list the structure
    std::string alt;    // Figure: alternate text; Link: what the link does
    std::string lang;   // BCP 47, only where it differs from the document's
};

struct StructNode {
    Role role = Role::P;
    HeaderScope scope = HeaderScope::None;   // TH
    std::uint16_t rowspan = 1, colspan = 1;  // TH, TD
    StructId parent = kNoStruct;
    std::uint32_t file = 0;  // index into StructTree::files
    std::uint32_t line = 0, col = 0;
    std::uint32_t text = 0;  // index into StructTree::texts; 0: none
};

// Nodes in creation order, which is reading order among siblings. A part's
// tree is laid out on its own; binding a pack grafts part trees together.
struct StructTree {
    std::vector<StructNode> nodes;
    std::vector<StructText> texts{StructText{}};  // texts[0]: the empty one
    std::vector<std::string> files;

    StructId add(Role role, StructId parent, const SourceLoc& loc = {});
    StructNode& operator[](StructId id) { return nodes[static_cast<std::size_t>(id)]; }
    const StructNode& operator[](StructId id) const { return nodes[static_cast<std::size_t>(id)]; }
    std::size_t size() const { return nodes.size(); }

    // Where the element came from in the XML.
    SourceLoc loc(StructId id) const;
    // Its title, alt and lang (all empty for most elements).
    const StructText& text(StructId id) const { return texts[(*this)[id].text]; }
    // The same, to set them.
    StructText& text(StructId id);

    // Copies `part`'s nodes to the end of this tree, its roots under
    // `parent`; returns the offset to add to the part's ids.
    StructId graft(const StructTree& part, StructId parent);

private:
    std::uint32_t file_index(const std::string& file);
};

}  // namespace bp
