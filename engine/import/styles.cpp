#include "import/styles.hpp"

#include <vector>

#include "import/ooxml.hpp"

namespace bp::docx {

void RunProps::apply(const RunProps& o) {
    if (o.bold) bold = o.bold;
    if (o.italic) italic = o.italic;
    if (o.underline) underline = o.underline;
    if (o.strike) strike = o.strike;
    if (o.hidden) hidden = o.hidden;
    if (o.vert) vert = o.vert;
    if (o.half_points) half_points = o.half_points;
}

RunProps RunProps::read(pugi::xml_node rpr) {
    RunProps p;
    if (!rpr) return p;
    p.bold = on_off(rpr.child("w:b"));
    p.italic = on_off(rpr.child("w:i"));
    if (pugi::xml_node u = rpr.child("w:u")) {
        std::string_view v = val(u);
        p.underline = !v.empty() && v != "none";
        if (!u.attribute("w:val")) p.underline = true;
    }
    p.strike = on_off(rpr.child("w:strike"));
    if (!p.strike) p.strike = on_off(rpr.child("w:dstrike"));
    p.hidden = on_off(rpr.child("w:vanish"));
    if (pugi::xml_node va = rpr.child("w:vertAlign")) {
        std::string_view v = val(va);
        p.vert = v == "superscript" ? 1 : v == "subscript" ? 2 : 0;
    }
    if (pugi::xml_node sz = rpr.child("w:sz"))
        if (std::optional<long long> v = to_int(val(sz)); v && *v > 0 && *v < 4000) p.half_points = static_cast<int>(*v);
    return p;
}

namespace {

NumberingRef read_numbering(pugi::xml_node ppr) {
    NumberingRef r;
    pugi::xml_node np = ppr.child("w:numPr");
    if (!np) return r;
    if (pugi::xml_node id = np.child("w:numId"))
        if (auto v = to_int(val(id)); v && *v >= 0 && *v < (1 << 30)) r.num_id = static_cast<int>(*v);
    if (pugi::xml_node lv = np.child("w:ilvl"))
        if (auto v = to_int(val(lv)); v && *v >= 0 && *v <= 8) r.level = static_cast<int>(*v);
    return r;
}

std::optional<int> read_outline(pugi::xml_node ppr) {
    if (pugi::xml_node o = ppr.child("w:outlineLvl"))
        if (auto v = to_int(val(o)); v && *v >= 0 && *v <= 9) return static_cast<int>(*v);
    return std::nullopt;
}

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace

std::string shown_style_name(std::string_view stored) {
    std::string out(stored);
    // Word's built-in styles are stored as "heading 1", "title", "list bullet".
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

void Styles::read(pugi::xml_node root) {
    if (pugi::xml_node rpr = root.child("w:docDefaults").child("w:rPrDefault").child("w:rPr"))
        defaults_ = RunProps::read(rpr);
    for (pugi::xml_node s : root.children("w:style")) {
        Raw r;
        r.type = attr(s, "w:type");
        if (r.type.empty()) r.type = "paragraph";
        r.name = shown_style_name(val(s.child("w:name")));
        r.based_on = val(s.child("w:basedOn"));
        pugi::xml_node ppr = s.child("w:pPr");
        r.outline = read_outline(ppr);
        r.numbering = read_numbering(ppr);
        r.page_break_before = on_off(ppr.child("w:pageBreakBefore"));
        r.run = RunProps::read(s.child("w:rPr"));
        const std::string_view d = attr(s, "w:default");
        r.is_default = d == "1" || d == "true" || d == "on";
        std::string id(attr(s, "w:styleId"));
        if (r.name.empty()) r.name = id;
        if (r.type == "paragraph" && r.is_default && default_paragraph_.empty()) default_paragraph_ = id;
        raw_.emplace(std::move(id), std::move(r));
    }
}

const ParagraphStyle& Styles::resolve(const std::string& id) const {
    if (auto it = resolved_.find(id); it != resolved_.end()) return it->second;
    // The chain from this style up to its first ancestor, guarded against
    // loops and absurd depth.
    std::vector<const Raw*> chain;
    std::string at = id;
    for (int steps = 0; steps < 32 && !at.empty(); ++steps) {
        auto it = raw_.find(at);
        if (it == raw_.end() || it->second.type != "paragraph") break;
        bool seen = false;
        for (const Raw* c : chain) seen = seen || c == &it->second;
        if (seen) break;
        chain.push_back(&it->second);
        at = it->second.based_on;
    }
    ParagraphStyle p;
    p.name = chain.empty() ? std::string("Normal") : chain.front()->name;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const Raw& r = **it;
        if (r.outline) p.outline = *r.outline <= 8 ? r.outline : std::nullopt;  // 9: body text
        if (r.numbering.num_id) p.numbering.num_id = r.numbering.num_id;
        if (r.numbering.level) p.numbering.level = r.numbering.level;
        if (r.page_break_before) p.page_break_before = *r.page_break_before;
        p.run.apply(r.run);
    }
    return resolved_.emplace(id, std::move(p)).first->second;
}

const ParagraphStyle& Styles::paragraph(std::string_view id) const {
    std::string key(id);
    auto it = raw_.find(key);
    if (key.empty() || it == raw_.end() || it->second.type != "paragraph") key = default_paragraph_;
    if (key.empty()) return plain_;
    return resolve(key);
}

RunProps Styles::character(std::string_view id) const {
    std::vector<const Raw*> chain;
    std::string at(id);
    for (int steps = 0; steps < 32 && !at.empty(); ++steps) {
        auto it = raw_.find(at);
        if (it == raw_.end() || it->second.type != "character") break;
        bool seen = false;
        for (const Raw* c : chain) seen = seen || c == &it->second;
        if (seen) break;
        chain.push_back(&it->second);
        at = it->second.based_on;
    }
    RunProps p;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) p.apply((*it)->run);
    return p;
}

std::optional<int> Styles::numbering_style_num(std::string_view id) const {
    auto it = raw_.find(id);
    if (it == raw_.end() || it->second.type != "numbering") return std::nullopt;
    return it->second.numbering.num_id;
}

std::string Styles::paragraph_id_named(std::string_view name) const {
    const std::string want = lowered(name);
    for (const auto& [id, r] : raw_)
        if (r.type == "paragraph" && (lowered(r.name) == want || lowered(id) == want)) return id;
    return "";
}

}  // namespace bp::docx
