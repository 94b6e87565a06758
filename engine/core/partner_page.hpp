// A page of a PDF sent by another organisation (a partner paper), as its
// own file shows it: what load reads and layout places.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "units.hpp"

namespace bp {

// A link on a partner page, kept in the pack: to a web or e-mail address,
// or to another page of the same PDF.
struct PartnerLink {
    Mpt x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // its /Rect, in the page's own space
    std::string uri;      // the address, or
    int target_page = -1;  // 0-based page of the same PDF it opens
};

struct PartnerPage {
    Mpt x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // the CropBox, in the PDF's own space (y upwards)
    int rotate = 0;                      // clockwise turn: 0, 90, 180 or 270
    std::vector<PartnerLink> links;

    // The size the page shows at, after its turn.
    Mpt shown_width() const { return rotate % 180 == 0 ? x1 - x0 : y1 - y0; }
    Mpt shown_height() const { return rotate % 180 == 0 ? y1 - y0 : x1 - x0; }
};

// The matrix [a b c d e f] that draws a partner page's CropBox, turned by its
// /Rotate, scaled into `rect` (top-left origin) on a pack page `page_height`
// tall, in that page's PDF space (y upwards).
std::array<double, 6> placement_matrix(const PartnerPage& p, const Rect& rect, Mpt page_height);

// An entry of a partner PDF's own bookmarks (its outline).
struct PartnerBookmark {
    std::string title;  // UTF-8
    int page = 0;       // 0-based page of the partner PDF it opens
    int depth = 0;      // 0 for a top-level entry
};

}  // namespace bp
