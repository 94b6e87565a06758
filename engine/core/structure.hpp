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

// The standard structure type's name, as tagged PDF spells it.
const char* role_name(Role r);

// H1..H6 for a level, clamped to 1..6.
Role heading_role(int level);

enum class HeaderScope : std::uint8_t { None, Row, Column };

struct StructNode {
    Role role = Role::P;
    StructId parent = kNoStruct;
    SourceLoc loc;
    std::string title;  // a Part's title, shown by tools that list the structure
    std::string alt;    // Figure: alternate text; Link: what the link does
    std::string lang;   // BCP 47, only where it differs from the document's
    HeaderScope scope = HeaderScope::None;  // TH
    std::uint16_t rowspan = 1, colspan = 1;  // TH, TD
};

// Nodes in creation order, which is reading order among siblings. A part's
// tree is laid out on its own; binding a pack grafts part trees together.
struct StructTree {
    std::vector<StructNode> nodes;

    StructId add(Role role, StructId parent, SourceLoc loc = {}) {
        StructNode n;
        n.role = role;
        n.parent = parent;
        n.loc = std::move(loc);
        nodes.push_back(std::move(n));
        return static_cast<StructId>(nodes.size() - 1);
    }
    StructNode& operator[](StructId id) { return nodes[static_cast<std::size_t>(id)]; }
    const StructNode& operator[](StructId id) const { return nodes[static_cast<std::size_t>(id)]; }
    std::size_t size() const { return nodes.size(); }

    // Copies `part`'s nodes to the end of this tree, its roots under
    // `parent`; returns the offset to add to the part's ids.
    StructId graft(const StructTree& part, StructId parent);
};

}  // namespace bp
