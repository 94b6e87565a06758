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

}  // namespace

std::string dump_page(const PageBox& p, int number) {
    std::string out = "page " + std::to_string(number) + " " + num(p.width) + "x" + num(p.height);
    if (p.blank) out += " blank";
    out += "\n";
    for (const auto& f : p.fills)
        out += "  fill " + num(f.rect.x) + " " + num(f.rect.y) + " " + num(f.rect.w) + " " + num(f.rect.h) + " " +
               colour(f.color) + "\n";
    for (const auto& i : p.images)
        out += "  image " + num(i.rect.x) + " " + num(i.rect.y) + " " + num(i.rect.w) + " " + num(i.rect.h) + " " +
               i.path + "\n";
    for (const auto& r : p.rules)
        out += "  rule " + num(r.x1) + " " + num(r.y1) + " " + num(r.x2) + " " + num(r.y2) + " " + num(r.thickness) + "\n";
    for (const auto& r : p.runs)
        out += "  text " + num(r.x) + " " + num(r.baseline) + " f" + std::to_string(r.face) + " " + num(r.size) + " w" +
               num(r.width) + " \"" + r.text + "\"\n";
    for (const auto& l : p.links)
        out += "  link " + num(l.rect.x) + " " + num(l.rect.y) + " " + num(l.rect.w) + " " + num(l.rect.h) + " " +
               (l.uri.empty() ? "page " + std::to_string(l.target_page + 1) : l.uri) + "\n";
    return out;
}

std::string dump_pack(const PackBox& pack) {
    std::string out;
    for (std::size_t i = 0; i < pack.faces.size(); ++i) out += "face f" + std::to_string(i) + " " + pack.faces[i].path + "\n";
    for (const auto& o : pack.outlines)
        out += "outline " + std::to_string(o.level) + " page " + std::to_string(o.page + 1) + " \"" + o.title + "\"\n";
    for (std::size_t i = 0; i < pack.pages.size(); ++i) out += dump_page(pack.pages[i], static_cast<int>(i) + 1);
    return out;
}

}  // namespace bp
