// Sealing: a page's drawing made into its PDF content stream on the thread
// that laid the page out, before its part is bound into an edition. A pack's
// text and rules are most of what it holds; sealed, a page keeps only its
// deflated stream and the few items later stages read (links, images,
// partner pages), and the deflating overlaps layout instead of following it.
// write_pdf draws a sealed page from its stream, then the items bound on
// after sealing (footers, stamps) in a second stream.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/boxes.hpp"
#include "core/structure.hpp"

namespace bp {

struct SealedContent {
    std::string stream;    // the page's operators; deflated when `deflated`
    bool deflated = false;
    // The faces the stream draws with, in the order it names them: /F1, /F2,
    // ... (libharu's names for fonts registered on a page in this order).
    // Images are /X1, /X2, ... in the order of the page's ImageBox items.
    std::vector<FaceId> fonts;
    std::vector<StructId> mcids;       // MCID n marks element mcids[n] (+ Sealed::node_offset)
    std::vector<std::uint32_t> codes;  // face << 16 | code, for each code drawn, ascending
};

struct SealOptions {
    bool tagged = true;       // false: no marked content (PdfOptions::tagged false)
    bool keep_items = false;  // keep every item, for a page dump; the PDF is the same
};

// Seals a page laid out but not yet bound: `tree` is the structure its
// marks index (its part's). A page already sealed is left as it is.
// Thread-safe for different pages.
void seal_page(PageBox& page, const StructTree& tree, const SealOptions& options);

}  // namespace bp

namespace bp::pdf {

// The resource name libharu gives the n-th (from 0) font or image
// registered on a page: "F1", "X2".
std::string resource_name(char prefix, std::size_t n);

// The names of the ImageBox items among items[0, end), in order, as libharu
// gives them when they are registered in that order: X1, X2, ..., a
// picture drawn again keeping its first name.
std::vector<std::string> image_names(const std::vector<PageItem>& items, std::size_t end);

}  // namespace bp::pdf
