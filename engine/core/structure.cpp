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

std::uint32_t StructTree::file_index(const std::string& file) {
    // A part's elements come from one or two files: look from the latest.
    for (std::size_t i = files.size(); i-- > 0;)
        if (files[i] == file) return static_cast<std::uint32_t>(i);
    files.push_back(file);
    return static_cast<std::uint32_t>(files.size() - 1);
}

StructId StructTree::add(Role role, StructId parent, const SourceLoc& loc) {
    StructNode n;
    n.role = role;
    n.parent = parent;
    n.file = file_index(loc.file);
    n.line = loc.line;
    n.col = loc.col;
    nodes.push_back(n);
    return static_cast<StructId>(nodes.size() - 1);
}

SourceLoc StructTree::loc(StructId id) const {
    const StructNode& n = (*this)[id];
    return SourceLoc{files[n.file], n.line, n.col};
}

StructText& StructTree::text(StructId id) {
    StructNode& n = (*this)[id];
    if (n.text == 0) {
        n.text = static_cast<std::uint32_t>(texts.size());
        texts.emplace_back();
    }
    return texts[n.text];
}

StructId StructTree::graft(const StructTree& part, StructId parent) {
    const auto offset = static_cast<StructId>(nodes.size());
    std::vector<std::uint32_t> file_map(part.files.size());
    for (std::size_t f = 0; f < part.files.size(); ++f) file_map[f] = file_index(part.files[f]);
    const auto text_offset = static_cast<std::uint32_t>(texts.size() - 1);
    texts.insert(texts.end(), part.texts.begin() + 1, part.texts.end());
    nodes.reserve(nodes.size() + part.nodes.size());
    for (StructNode n : part.nodes) {
        n.parent = n.parent == kNoStruct ? parent : n.parent + offset;
        if (!part.files.empty()) n.file = file_map[n.file];
        if (n.text != 0) n.text += text_offset;
        nodes.push_back(n);
    }
    return offset;
}

}  // namespace bp
