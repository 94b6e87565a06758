#include "partner_page.hpp"

namespace bp {

std::array<double, 6> placement_matrix(const PartnerPage& p, const Rect& rect, Mpt page_height) {
    // The form draws the page in its own space; a clockwise turn of the page
    // is a turn of that space, then a move into the rect.
    const double s = static_cast<double>(rect.w) / static_cast<double>(p.shown_width());
    const double left = to_pt(rect.x), bottom = to_pt(page_height - rect.y - rect.h);
    const double x0 = to_pt(p.x0), y0 = to_pt(p.y0), x1 = to_pt(p.x1), y1 = to_pt(p.y1);
    std::array<double, 6> m = {s, 0, 0, s, left - s * x0, bottom - s * y0};
    if (p.rotate == 90) m = {0, -s, s, 0, left - s * y0, bottom + s * x1};
    if (p.rotate == 180) m = {-s, 0, 0, -s, left + s * x1, bottom + s * y1};
    if (p.rotate == 270) m = {0, s, -s, 0, left + s * y1, bottom - s * x0};
    return m;
}

}  // namespace bp
