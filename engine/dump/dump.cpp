#include "dump/dump.hpp"

#include <cstdio>

namespace bp {
namespace {

std::string num(Mpt v) {
    // Integer arithmetic only: no locale, no floating-point rounding.
    std::string sign = v < 0 ? "-" : "";
    if (v < 0) v = -v;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%lld.%03lld", sign.c_str(), static_cast<long long>(v / 1000),
                  static_cast<long long>(v % 1000));
    return buf;
}

std::string colour(const Color& c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
    return buf;
}


std::string mark_text(const Mark& m) {
    switch (m.artifact) {
        case Artifact::Layout: return " [artifact layout]";
        case Artifact::Pagination: return " [artifact pagination]";
        case Artifact::Header: return " [artifact header]";
        case Artifact::Footer: return " [artifact footer]";
        case Artifact::None: break;
    }
    return m.node == kNoStruct ? " [unmarked]" : " [#" + std::to_string(m.node) + "]";
}

std::string rect(const Rect& r) { return num(r.x) + " " + num(r.y) + " " + num(r.w) + " " + num(r.h); }

std::string item_text(const GlyphRun& r) {
    return "text " + num(r.x) + " " + num(r.baseline) + " f" + std::to_string(r.face) + " " + num(r.size) + " w" +
           num(r.width) + " \"" + r.text + "\"";
}
std::string item_text(const RuleLine& r) {
    return "rule " + num(r.x1) + " " + num(r.y1) + " " + num(r.x2) + " " + num(r.y2) + " " + num(r.thickness);
}
std::string item_text(const FillRect& f) { return "fill " + rect(f.rect) + " " + colour(f.color); }
std::string item_text(const ImageBox& i) { return "image " + rect(i.rect) + " " + i.path; }
std::string item_text(const ForeignPage& f) {
    return "partner-page " + rect(f.rect) + " " + f.source->path + " page " + std::to_string(f.source->page + 1) +
           " rotate " + std::to_string(f.source->box.rotate);
}
std::string item_text(const LinkBox& l) {
    return "link " + rect(l.rect) + " " + (l.uri.empty() ? "page " + std::to_string(l.target_page + 1) : l.uri);
}

void dump_node(const StructTree& tree, const std::vector<std::vector<StructId>>& kids, StructId id, int depth,
               std::string& out) {
    const StructNode& n = tree[id];
    const StructText& t = tree.text(id);
    out += "struct " + std::string(static_cast<std::size_t>(2 * depth), ' ') + "#" + std::to_string(id) + " " +
           role_name(n.role);
    if (!t.title.empty()) out += " title=\"" + t.title + "\"";
    if (!t.alt.empty()) out += " alt=\"" + t.alt + "\"";
    if (!t.lang.empty()) out += " lang=" + t.lang;
    if (n.scope == HeaderScope::Row) out += " scope=row";
    if (n.scope == HeaderScope::Column) out += " scope=column";
    if (n.rowspan > 1) out += " rowspan=" + std::to_string(n.rowspan);
    if (n.colspan > 1) out += " colspan=" + std::to_string(n.colspan);
    out += "\n";
    for (StructId k : kids[static_cast<std::size_t>(id)]) dump_node(tree, kids, k, depth + 1, out);
}

}  // namespace

std::string dump_page(const PageBox& p, int number) {
    std::string out = "page " + std::to_string(number) + " " + num(p.width) + "x" + num(p.height);
    if (p.blank) out += " blank";
    out += "\n";
    for (const PageItem& item : p.items) {
        out += "  ";
        out += std::visit([](const auto& thing) { return item_text(thing); }, item.what);
        out += mark_text(item.mark);
        out += "\n";
    }
    return out;
}

std::string dump_structure(const StructTree& tree) {
    std::vector<std::vector<StructId>> kids(tree.size());
    std::vector<StructId> roots;
    for (std::size_t i = 0; i < tree.size(); ++i) {
        const StructId parent = tree.nodes[i].parent;
        (parent == kNoStruct ? roots : kids[static_cast<std::size_t>(parent)]).push_back(static_cast<StructId>(i));
    }
    std::string out;
    for (StructId r : roots) dump_node(tree, kids, r, 0, out);
    return out;
}

std::string dump_pack(const PackBox& pack) {
    std::string out;
    for (std::size_t i = 0; i < pack.faces.size(); ++i) out += "face f" + std::to_string(i) + " " + pack.faces[i].path + "\n";
    for (const auto& o : pack.outlines)
        out += "outline " + std::to_string(o.level) + " page " + std::to_string(o.page + 1) + " \"" + o.title + "\"\n";
    out += dump_structure(pack.structure);
    for (std::size_t i = 0; i < pack.pages.size(); ++i) out += dump_page(pack.pages[i], static_cast<int>(i) + 1);
    return out;
}

}  // namespace bp
