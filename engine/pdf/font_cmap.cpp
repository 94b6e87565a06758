// HPDF_GetFont for a TrueType face under the UTF-8 encoder looks up the glyph
// of every one of the 65,535 codes to build /W and the CIDToGIDMap, and each
// look-up walks the face's cmap segments from the first: about 4 ms a face,
// the largest single cost of writing a small pack. Here the face's parsed
// cmap is swapped, for the duration of that one call, for a one-segment cmap
// that maps every code to the glyph the real cmap gives it, through a dense
// table filled beforehand with libharu's own look-up (only for the codes
// inside a real segment; every other code has no glyph). libharu then builds
// exactly the objects it would have built, in a fraction of the time.
//
// This leans on libharu 2.3.0's HPDF_TTFontDefAttr layout and on how its
// HPDF_TTFontDef_GetGlyphid reads a format 4 cmap; cmap_swap_usable says
// when it applies, and anything else takes the plain HPDF_GetFont.
#include <cstring>
#include <vector>

#include "writer.hpp"

namespace bp::pdf {

namespace {

constexpr std::size_t kCodes = 0x10000;

HPDF_TTFontDefAttr tt_attr(HPDF_FontDef def) { return static_cast<HPDF_TTFontDefAttr>(def->attr); }

}  // namespace

bool cmap_swap_usable(HPDF_FontDef def) {
    if (std::strcmp(HPDF_GetVersion(), "2.3.0") != 0) return false;
    if (def == nullptr || def->type != HPDF_FONTDEF_TYPE_TRUETYPE || def->attr == nullptr)
        return false;
    const HPDF_TTF_CmapRange& cmap = tt_attr(def)->cmap;
    if (cmap.format != 4 || cmap.seg_count_x2 < 2 || cmap.end_count == nullptr ||
        cmap.start_count == nullptr)
        return false;
    const unsigned segments = cmap.seg_count_x2 / 2u;
    for (unsigned s = 0; s < segments; ++s)
        if (cmap.end_count[s] == 0xFFFF) return true;
    return false;
}

namespace {

// The restored cmap, however the call in between ends.
class CmapSwap {
public:
    CmapSwap(HPDF_FontDef def, const std::vector<HPDF_UINT16>& glyphs)
        : cmap_(tt_attr(def)->cmap), saved_(cmap_) {
        // One segment 0..FFFF read through glyph_id_array: GetGlyphid's index
        // is id_range_offset/2 + (code - start) - (segments - i) = code.
        cmap_.seg_count_x2 = 2;
        cmap_.end_count = &end_;
        cmap_.start_count = &start_;
        cmap_.id_delta = &delta_;
        cmap_.id_range_offset = &range_offset_;
        cmap_.glyph_id_array = const_cast<HPDF_UINT16*>(glyphs.data());
        cmap_.glyph_id_array_count = static_cast<HPDF_UINT>(glyphs.size());
    }
    ~CmapSwap() { cmap_ = saved_; }
    CmapSwap(const CmapSwap&) = delete;
    CmapSwap& operator=(const CmapSwap&) = delete;

private:
    HPDF_TTF_CmapRange& cmap_;
    const HPDF_TTF_CmapRange saved_;
    HPDF_UINT16 end_ = 0xFFFF, start_ = 0, range_offset_ = 2;
    HPDF_INT16 delta_ = 0;
};

}  // namespace

std::vector<HPDF_UINT16> glyphs_by_code(HPDF_FontDef def) {
    std::vector<HPDF_UINT16> glyphs(kCodes, 0);
    const HPDF_TTF_CmapRange& cmap = tt_attr(def)->cmap;
    const unsigned segments = cmap.seg_count_x2 / 2u;
    for (unsigned s = 0; s < segments; ++s)
        for (std::uint32_t c = cmap.start_count[s]; c <= cmap.end_count[s]; ++c)
            glyphs[c] = HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(c));
    return glyphs;
}

HPDF_Font get_utf8_font(Doc& doc, const char* name, const std::string& what) {
    HPDF_FontDef def = doc.need(HPDF_GetFontDef(doc.get(), name), what);
    if (!cmap_swap_usable(def)) return doc.need(HPDF_GetFont(doc.get(), name, "UTF-8"), what);
    const std::vector<HPDF_UINT16> glyphs = glyphs_by_code(def);
    doc.check(HPDF_OK, what);
    CmapSwap swap(def, glyphs);
    return doc.need(HPDF_GetFont(doc.get(), name, "UTF-8"), what);
}

}  // namespace bp::pdf
