// FontTable: each face is parsed once by libharu's TrueType loader and its
// widths copied into a dense table, so measuring never calls libharu and
// gives the integers pdf/ writes into /W.
#include <hpdf.h>

#include <array>
#include <bitset>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <type_traits>

#include "text/text.hpp"
#include "text/truetype_check.hpp"
#include "text/utf8_decode.hpp"

namespace bp {
namespace {

constexpr std::size_t kBmpSize = 0x10000;

struct FaceData {
    FaceMetrics metrics;
    std::string family;  // the name table's family name
    // What libharu writes into /W for each BMP code point (CID = code point
    // under its UTF-8 encoder), unmapped ones included.
    std::array<std::int16_t, kBmpSize> advance{};
    std::bitset<kBmpSize> mapped;  // the cmap gives the code point a real glyph
};

// The first error libharu reports while loading one face. The handler only
// records: throwing through C frames is undefined behaviour.
struct HpdfErrors {
    HPDF_STATUS code = HPDF_OK;
    HPDF_STATUS detail = 0;
};

void remember_hpdf_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) noexcept {
    auto* errors = static_cast<HpdfErrors*>(user);
    if (errors->code == HPDF_OK) *errors = {code, detail};
}

std::string describe_hpdf_error(const HpdfErrors& errors) {
    switch (errors.code) {
        case HPDF_FILE_OPEN_ERROR:
            return std::string("it cannot be opened (") +
                   std::strerror(static_cast<int>(errors.detail)) + ")";
        case HPDF_FILE_IO_ERROR:
            return "it cannot be read";
        case HPDF_TTF_CANNOT_EMBEDDING_FONT:
            return "its licence does not allow embedding it in a PDF";
        case HPDF_TTF_INVALID_CMAP:
        case HPDF_TTF_INVALID_FOMAT:
        case HPDF_TTF_MISSING_TABLE:
            return "libharu cannot read it as a TrueType font";
        case HPDF_OK:
            return "libharu rejected it without saying why";
        default: {
            char code[16];
            std::snprintf(code, sizeof code, "0x%04X", static_cast<unsigned>(errors.code));
            return std::string("libharu reported error ") + code;
        }
    }
}

int scale_to_thousandths(int font_units, int units_per_em) {
    return font_units * 1000 / units_per_em;  // truncates like libharu's metrics
}

// Copies libharu's per-code-point widths. Only the code points inside cmap
// segments are looked up (a few thousand): asking libharu for all 65,536
// costs as much as HPDF_GetFont, about 3.5 ms a face.
void copy_advances(HPDF_FontDef def, FaceData& face) {
    const auto* attr = static_cast<const HPDF_TTFontDefAttr_Rec*>(def->attr);
    face.advance.fill(HPDF_TTFontDef_GetGidWidth(def, 0));  // unmapped: glyph 0, as in /W
    const unsigned segments = attr->cmap.seg_count_x2 / 2u;
    for (unsigned s = 0; s < segments; ++s) {
        for (std::uint32_t cp = attr->cmap.start_count[s]; cp <= attr->cmap.end_count[s]; ++cp) {
            const HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(cp));
            face.advance[cp] = HPDF_TTFontDef_GetGidWidth(def, gid);
            face.mapped[cp] = gid != 0 && gid < attr->num_glyphs;
        }
    }
}

void copy_metrics(HPDF_FontDef def, const TrueTypeFacts& facts, FaceMetrics& metrics) {
    // The values HPDF_Font_GetAscent/GetDescent/GetCapHeight return.
    metrics.ascent = def->ascent;
    metrics.descent = def->descent;
    metrics.cap_height = def->cap_height;
    metrics.underline_position = scale_to_thousandths(facts.underline_position, facts.units_per_em);
    metrics.underline_thickness =
        scale_to_thousandths(facts.underline_thickness, facts.units_per_em);
}

using HpdfDocument = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, decltype(&HPDF_Free)>;

// Loads the face into a throwaway document, as pdf/ will load it (embedded),
// so a font libharu refuses to embed is refused here too. A document per
// face also keeps libharu from handing back an earlier font that has the
// same PostScript name.
bool load_with_libharu(const std::string& path, const TrueTypeFacts& facts, FaceData& face,
                       std::string* problem) {
    HpdfErrors errors;
    HpdfDocument doc(HPDF_New(remember_hpdf_error, &errors), &HPDF_Free);
    if (!doc) {
        *problem = "out of memory";
        return false;
    }
    const char* name = HPDF_LoadTTFontFromFile(doc.get(), path.c_str(), HPDF_TRUE);
    const HPDF_FontDef def = name ? HPDF_GetFontDef(doc.get(), name) : nullptr;
    if (!def || errors.code != HPDF_OK) {
        *problem = describe_hpdf_error(errors);
        return false;
    }
    copy_advances(def, face);
    copy_metrics(def, facts, face.metrics);
    return true;
}

}  // namespace

struct FontTable::Impl {
    std::vector<FontFace> faces;
    std::vector<std::unique_ptr<FaceData>> data;  // parallel to faces

    const FaceData& face(FaceId id) const { return *data.at(id); }
};

FontTable::FontTable() : impl_(std::make_unique<Impl>()) {}
FontTable::~FontTable() = default;

bool FontTable::add_face(const std::string& path, FaceId* id, std::string* error) {
    for (std::size_t i = 0; i < impl_->faces.size(); ++i) {
        if (impl_->faces[i].path == path) {
            if (id) *id = static_cast<FaceId>(i);
            return true;
        }
    }
    std::string problem;
    TrueTypeFacts facts;
    auto face = std::make_unique<FaceData>();
    if (impl_->faces.size() > std::numeric_limits<FaceId>::max()) {
        problem = "too many fonts are loaded";
    } else if (inspect_truetype_file(path, &facts, &problem)) {
        load_with_libharu(path, facts, *face, &problem);
        face->family = facts.family;
    }
    if (!problem.empty()) {
        if (error) *error = "cannot read font file " + path + ": " + problem;
        return false;
    }
    if (id) *id = static_cast<FaceId>(impl_->faces.size());
    impl_->faces.push_back(FontFace{path});
    impl_->data.push_back(std::move(face));
    return true;
}

const std::vector<FontFace>& FontTable::faces() const { return impl_->faces; }

const FaceMetrics& FontTable::metrics(FaceId face) const { return impl_->face(face).metrics; }

const std::string& FontTable::family(FaceId face) const { return impl_->face(face).family; }

// libharu's UTF-8 encoder turns code points above U+FFFF into a space.
int FontTable::advance(FaceId face, char32_t cp) const {
    const FaceData& data = impl_->face(face);
    return data.advance[cp < kBmpSize ? cp : U' '];
}

bool FontTable::has_glyph(FaceId face, char32_t cp) const {
    return cp < kBmpSize && impl_->face(face).mapped[cp];
}

Mpt FontTable::measure(FaceId face, std::string_view utf8, Mpt size) const {
    const auto& advance = impl_->face(face).advance;
    std::int64_t total = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        if (byte < 0x80) {  // most text is ASCII: skip the decoder
            total += advance[byte];
            ++i;
            continue;
        }
        const char32_t cp = utf8::decode_or_replace(utf8, i);
        total += advance[cp < kBmpSize ? cp : U' '];
    }
    return total * size / 1000;
}

}  // namespace bp
