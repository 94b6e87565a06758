#include "borders.hpp"

#include <algorithm>
#include <tuple>

namespace bp {

bool is_border(const PageItem& item) {
    const auto* r = std::get_if<RuleLine>(&item.what);
    return r != nullptr && item.mark.artifact == Artifact::Layout && (r->x1 == r->x2 || r->y1 == r->y2);
}

std::vector<RuleLine> joined_borders(const std::vector<PageItem>& items) {
    struct Segment {
        bool vertical;
        Mpt thickness;
        std::uint8_t r, g, b;
        Mpt across, from, to;  // the fixed coordinate, then the span along the line
        auto key() const { return std::tie(vertical, thickness, r, g, b, across, from, to); }
    };
    std::vector<Segment> segs;
    for (const PageItem& item : items) {
        if (!is_border(item)) continue;
        const auto& l = std::get<RuleLine>(item.what);
        const bool vertical = l.x1 == l.x2 && l.y1 != l.y2;
        const Mpt a = vertical ? l.y1 : l.x1, b = vertical ? l.y2 : l.x2;
        segs.push_back(Segment{vertical, l.thickness, l.color.r, l.color.g, l.color.b, vertical ? l.x1 : l.y1,
                               std::min(a, b), std::max(a, b)});
    }
    std::sort(segs.begin(), segs.end(), [](const Segment& x, const Segment& y) { return x.key() < y.key(); });
    std::vector<RuleLine> out;
    for (std::size_t i = 0; i < segs.size();) {
        Segment cur = segs[i++];
        for (; i < segs.size(); ++i) {
            const Segment& n = segs[i];
            if (n.vertical != cur.vertical || n.thickness != cur.thickness || n.r != cur.r || n.g != cur.g ||
                n.b != cur.b || n.across != cur.across || n.from > cur.to)
                break;
            cur.to = std::max(cur.to, n.to);
        }
        RuleLine l;
        l.thickness = cur.thickness;
        l.color = Color{cur.r, cur.g, cur.b};
        if (cur.vertical) {
            l.x1 = l.x2 = cur.across;
            l.y1 = cur.from;
            l.y2 = cur.to;
        } else {
            l.y1 = l.y2 = cur.across;
            l.x1 = cur.from;
            l.x2 = cur.to;
        }
        out.push_back(l);
    }
    return out;
}

void join_borders(std::vector<PageItem>& items) {
    std::vector<RuleLine> joined = joined_borders(items);
    if (joined.empty()) return;
    std::erase_if(items, [](const PageItem& i) { return is_border(i); });
    for (RuleLine& l : joined) items.push_back(PageItem{l, Mark::as(Artifact::Layout)});
}

}  // namespace bp
