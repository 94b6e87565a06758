// A tagged partner PDF's structure tree, read into a plain form that says
// which marked content of which page each element holds: what load checks
// before promising a graft, and what the binding pass grafts. Internal to
// engine/partner (qpdf types): include it only from engine/partner/*.cpp.
#pragma once
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace bp::partner {

struct TreeKid {
    // An element of the tree (by index), or a marked-content sequence.
    bool is_element = false;
    std::size_t element = 0;
    int page = 0;                // 0-based page the content is drawn on
    int mcid = 0;
    QPDFObjectHandle stream;     // the form XObject holding it; null: the page's own content
};

struct TreeElement {
    QPDFObjectHandle dict;       // the partner's element, for its text keys and attributes
    std::string type;            // the partner's own type (/S), without the slash
    std::string role;            // the standard type it stands for, through the partner's /RoleMap
    std::vector<TreeKid> kids;   // in order; annotations (OBJR) are left out
};

struct Tree {
    std::vector<TreeElement> elements;
    std::vector<std::size_t> top;  // the root's kids
};

// The tree of `pdf` (which has a StructTreeRoot), or nullopt with `reason`
// saying in plain words why it cannot be carried over: an element reached
// twice (a loop), an element without a type, deeper than 64 levels, more
// than 500,000 elements, marked content numbered beyond 1,000,000 in all
// (the parent tree would hold that many entries), no element holding any
// content.
std::optional<Tree> read_tree(QPDF& pdf, std::string& reason);

}  // namespace bp::partner
