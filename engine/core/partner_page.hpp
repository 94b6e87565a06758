// A page of a PDF sent by another organisation (a partner paper), as its
// own file shows it: what load reads and layout places.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
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

// What reading and binding one partner PDF may take. A PDF from outside can
// be made to take all the time and memory there is, or to decode a few
// kilobytes into gigabytes; past a budget it is refused with a message that
// names the budget, and `--partner-budget NAME=N` raises it for a PDF the
// council trusts.
struct PartnerBudgets {
    std::int64_t seconds = 10;      // time: processor seconds to read one PDF (binding: each PDF bound); wall: 3 times
    std::int64_t memory_mb = 768;   // memory: address space of the process that reads or binds it
    std::int64_t stream_mb = 64;    // stream: one content stream, decoded
    std::int64_t page_mb = 128;     // page: all the content one page draws, decoded
    std::int64_t pack_mb = 512;     // pack: all the partner content of the pack, decoded
    std::int64_t elements = 100000; // elements: structure elements of one PDF
    std::int64_t bookmarks = 10000; // bookmarks: bookmarks of one PDF
};

// How partner PDFs are read and bound: by which module, within which budgets.
struct PartnerOptions {
    // The module that reads and binds them, boardpack-partner.so, with the
    // partner reader beside it; empty: the one installed with the library
    // (partner::find_module).
    std::string module;
    PartnerBudgets budgets;
};

// Sets one budget from "NAME=N" (N in the budget's unit: seconds, megabytes
// or a count); false with `error` saying why ("an unknown budget ...").
bool set_partner_budget(PartnerBudgets& budgets, std::string_view spec, std::string& error);

// The hint for a partner PDF that cannot be bound: for one that exceeds
// budget `name`, how to raise it (to twice its value) if the PDF is trusted.
std::string partner_refusal_hint(const PartnerBudgets& budgets, std::string_view name);

}  // namespace bp
