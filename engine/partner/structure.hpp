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
#include <utility>
#include <vector>

#include "partner/pages.hpp"

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
    std::string type;            // the partner's own type (/S), without the slash
    std::string role;            // the standard type it stands for, through the partner's /RoleMap
    // Its texts that go with it (/T, /Lang, /Alt, /ActualText, /E: key,
    // bytes), each within kMaxElementText.
    std::vector<std::pair<std::string, std::string>> texts;
    // Its attributes (/A) that go with it: indexes into Tree::attributes.
    std::vector<std::size_t> attributes;
    std::vector<TreeKid> kids;   // in order; annotations (OBJR) are left out
};

// A string of an element longer than this (an alternate description, a
// replacement text) is left out; so is any once the elements' strings
// reach kMaxTreeText in all.
inline constexpr std::size_t kMaxElementText = 10000;
inline constexpr std::size_t kMaxTreeText = 4 << 20;

struct Tree {
    std::vector<TreeElement> elements;
    std::vector<std::size_t> top;  // the root's kids
    // Attribute dictionaries, each with its known owner (/O: Layout, List,
    // PrintField, Table) and only that owner's keys, their values numbers,
    // names, short strings and short arrays of them; made from no object
    // file (direct), each once however many elements share it.
    std::vector<QPDFObjectHandle> attributes;
    int long_texts = 0;  // strings left out for their length
};

// The tree of `pdf` (which has a StructTreeRoot), or nullopt with `reason`
// saying in plain words why it cannot be carried over: an element reached
// twice (a loop), an element without a type, deeper than 64 levels, marked
// content numbered beyond 1,000,000 in all (the parent tree would hold that
// many entries), no element holding any content. Elements are counted as
// they are read: past `max_elements`, throws Refused (the elements budget).
std::optional<Tree> read_tree(QPDF& pdf, const PageList& pages, long long max_elements, std::string& reason);

}  // namespace bp::partner
