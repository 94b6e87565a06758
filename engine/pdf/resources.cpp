#include "writer.hpp"

#include <algorithm>

namespace bp::pdf {

FontSet::FontSet(Doc& doc, const std::vector<FontFace>& faces)
    : doc_(doc), faces_(faces), by_face_(faces.size(), nullptr) {}

HPDF_Font FontSet::font(FaceId face) {
    HPDF_Font& f = by_face_.at(face);
    if (f != nullptr) return f;
    const std::string& path = faces_[face].path;
    if (auto it = by_path_.find(path); it != by_path_.end()) return f = it->second;

    const std::string what = std::string("cannot load font '") + path + "'";
    const char* name =
        doc_.need(HPDF_LoadTTFontFromFile(doc_.get(), path.c_str(), HPDF_TRUE), what);
    f = get_utf8_font(doc_, name, what);
    by_path_.emplace(path, f);
    loaded_.push_back(f);
    return f;
}

void FontSet::finish(const std::vector<CodeSet>& used) {
    // Faces sharing a file share a font, so their codes are merged first;
    // fonts are visited in face order, which keeps object numbers stable.
    std::vector<std::pair<HPDF_Font, CodeSet>> codes;
    for (std::size_t face = 0; face < by_face_.size(); ++face) {
        if (by_face_[face] == nullptr) continue;
        auto it = std::find_if(codes.begin(), codes.end(),
                               [&](const auto& c) { return c.first == by_face_[face]; });
        if (it == codes.end()) it = codes.insert(codes.end(), {by_face_[face], CodeSet()});
        it->second |= used.at(face);
    }

    for (auto& [font, set] : codes) {
        // Measuring a code is what marks its glyph for libharu's subsetter.
        for (std::size_t c = 0; c < set.size(); ++c)
            if (set.test(c)) HPDF_Font_GetUnicodeWidth(font, static_cast<HPDF_UNICODE>(c));
        doc_.check(HPDF_OK, "cannot subset a font");

        auto tu = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
        if (tu == nullptr) {
            tu = doc_.need(HPDF_DictStream_New(doc_.mmgr(), doc_.get()->xref),
                           "cannot add a ToUnicode map");
            doc_.check(HPDF_Dict_Add(font, "ToUnicode", tu), "cannot add a ToUnicode map");
        }
        if (tu->stream == nullptr) doc_.fail("unexpected ToUnicode object in libharu", HPDF_OK);
        HPDF_MemStream_FreeData(tu->stream);
        // libharu describes its CMap in the stream dictionary too; a ToUnicode
        // stream needs none of it, and the old name would now be wrong.
        for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"})
            HPDF_Dict_RemoveElement(tu, key);
        const std::string cmap = to_unicode_cmap(set);
        doc_.check(HPDF_Stream_Write(tu->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
                                     static_cast<HPDF_UINT>(cmap.size())),
                   "cannot write a ToUnicode map");
    }
}

HPDF_Image ImageSet::image(const RasterImage& raster) {
    if (auto it = by_raster_.find(&raster); it != by_raster_.end()) return it->second;

    const char* what = "cannot embed an image";
    HPDF_Image img = nullptr;
    if (raster.encoding == RasterImage::Encoding::Jpeg) {
        img = doc_.need(HPDF_LoadJpegImageFromMem(doc_.get(), raster.data.data(),
                                                  static_cast<HPDF_UINT>(raster.data.size())),
                        what);
    } else {
        auto raw = [&](const std::vector<std::uint8_t>& samples, HPDF_ColorSpace space) {
            return doc_.need(HPDF_LoadRawImageFromMem(doc_.get(), samples.data(),
                                                      static_cast<HPDF_UINT>(raster.width),
                                                      static_cast<HPDF_UINT>(raster.height), space, 8),
                             what);
        };
        img = raw(raster.data, raster.channels == 1 ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB);
        if (!raster.alpha.empty())
            doc_.check(HPDF_Image_AddSMask(img, raw(raster.alpha, HPDF_CS_DEVICE_GRAY)), what);
    }
    by_raster_.emplace(&raster, img);
    return img;
}

}  // namespace bp::pdf
