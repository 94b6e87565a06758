#include "seal.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include "content.hpp"
#include "deflate.hpp"
#include "pdf.hpp"

namespace bp::pdf {

std::string resource_name(char prefix, std::size_t n) { return prefix + std::to_string(n + 1); }

std::vector<std::string> image_names(const std::vector<PageItem>& items, std::size_t end) {
    std::vector<std::string> names;
    std::map<const RasterImage*, std::string> by_raster;
    for (std::size_t k = 0; k < end && k < items.size(); ++k) {
        const auto* img = std::get_if<ImageBox>(&items[k].what);
        if (img == nullptr) continue;
        auto [at, fresh] = by_raster.try_emplace(img->raster.get());
        if (fresh) at->second = resource_name('X', by_raster.size() - 1);
        names.push_back(at->second);
    }
    return names;
}

namespace {

// Whether the page stream can be handed to libharu deflated: asked once.
bool deflate_early() {
    static const bool early = pdf_parallel_deflate_available();
    return early;
}

// What sealing keeps of a page's items: what the pdf stage reads besides
// the content (links, figures and partner pages: navigation.cpp,
// partner_placements) and what assemble still rewrites (links).
bool read_after_sealing(const PageItem& item) {
    return std::holds_alternative<LinkBox>(item.what) || std::holds_alternative<ImageBox>(item.what) ||
           std::holds_alternative<ForeignPage>(item.what);
}

// Per thread: the codes drawn, by face, cleared after each page.
struct Scratch {
    std::vector<CodeSet> used;
    std::string raw;
    Deflater deflater;
};

}  // namespace
}  // namespace bp::pdf

namespace bp {

void seal_page(PageBox& page, const StructTree& tree, const SealOptions& options) {
    using namespace pdf;
    if (page.sealed.content) return;
    thread_local Scratch scratch;

    auto sealed = std::make_shared<SealedContent>();
    PageNames names;
    for (const PageItem& item : page.items) {
        const auto* run = std::get_if<GlyphRun>(&item.what);
        if (run == nullptr || run->text.empty()) continue;
        if (names.fonts.size() <= run->face) names.fonts.resize(run->face + 1u);
        if (names.fonts[run->face].empty()) {
            names.fonts[run->face] = resource_name('F', sealed->fonts.size());
            sealed->fonts.push_back(run->face);
        }
    }
    names.images = image_names(page.items, page.items.size());
    if (scratch.used.size() < names.fonts.size()) scratch.used.resize(names.fonts.size());

    static const StructTree untagged;
    scratch.raw.clear();
    build_page_content(page, options.tagged ? tree : untagged, names, scratch.raw, scratch.used, sealed->mcids);
    for (const FaceId face : sealed->fonts) {
        CodeSet& codes = scratch.used[face];
        for (std::size_t c = codes._Find_first(); c < codes.size(); c = codes._Find_next(c))
            sealed->codes.push_back(static_cast<std::uint32_t>(face) << 16 | static_cast<std::uint32_t>(c));
        codes.reset();
    }
    std::sort(sealed->codes.begin(), sealed->codes.end());
    if (!scratch.raw.empty() && deflate_early()) {
        scratch.deflater.deflate(scratch.raw, sealed->stream);
        sealed->deflated = true;
    } else {
        sealed->stream = scratch.raw;
    }
    sealed->stream.shrink_to_fit();
    sealed->mcids.shrink_to_fit();
    sealed->codes.shrink_to_fit();

    if (!options.keep_items) {
        std::erase_if(page.items, [](const PageItem& item) { return !read_after_sealing(item); });
        page.items.shrink_to_fit();
    }
    page.sealed.content = std::move(sealed);
    page.sealed.items = static_cast<std::uint32_t>(page.items.size());
}

}  // namespace bp
