#include "structure.hpp"

#include <algorithm>

namespace bp {

const char* role_name(Role r) {
    switch (r) {
        case Role::Document: return "Document";
        case Role::Part: return "Part";
        case Role::Sect: return "Sect";
        case Role::Div: return "Div";
        case Role::H1: return "H1";
        case Role::H2: return "H2";
        case Role::H3: return "H3";
        case Role::H4: return "H4";
        case Role::H5: return "H5";
        case Role::H6: return "H6";
        case Role::P: return "P";
        case Role::L: return "L";
        case Role::LI: return "LI";
        case Role::Lbl: return "Lbl";
        case Role::LBody: return "LBody";
        case Role::Table: return "Table";
        case Role::THead: return "THead";
        case Role::TBody: return "TBody";
        case Role::TR: return "TR";
        case Role::TH: return "TH";
        case Role::TD: return "TD";
        case Role::Link: return "Link";
        case Role::Figure: return "Figure";
        case Role::Note: return "Note";
        case Role::BlockQuote: return "BlockQuote";
    }
    return "Div";
}

Role heading_role(int level) {
    static constexpr Role kRoles[] = {Role::H1, Role::H2, Role::H3, Role::H4, Role::H5, Role::H6};
    return kRoles[std::clamp(level, 1, 6) - 1];
}

StructId StructTree::graft(const StructTree& part, StructId parent) {
    const auto offset = static_cast<StructId>(nodes.size());
    nodes.reserve(nodes.size() + part.nodes.size());
    for (StructNode n : part.nodes) {
        n.parent = n.parent == kNoStruct ? parent : n.parent + offset;
        nodes.push_back(std::move(n));
    }
    return offset;
}

}  // namespace bp
