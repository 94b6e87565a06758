// A page of a PDF sent by another organisation (a partner paper), as its
// own file shows it: what load reads and layout places.
#pragma once
#include "units.hpp"

namespace bp {

struct PartnerPage {
    Mpt x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // the CropBox, in the PDF's own space (y upwards)
    int rotate = 0;                      // clockwise turn: 0, 90, 180 or 270

    // The size the page shows at, after its turn.
    Mpt shown_width() const { return rotate % 180 == 0 ? x1 - x0 : y1 - y0; }
    Mpt shown_height() const { return rotate % 180 == 0 ? y1 - y0 : x1 - x0; }
};

}  // namespace bp
