// The pdf stage's libharu-facing pieces, in the order write_pdf uses them:
// fonts and images (loaded once, on first use), page contents, navigation.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "content.hpp"
#include "core/boxes.hpp"
#include "haru.hpp"

namespace bp::pdf {

// The pack's faces, each loaded only when a page first asks for it: every
// libharu font costs about 40 KB of PDF even if nothing is drawn with it.
class FontSet {
public:
    FontSet(Doc& doc, const std::vector<FontFace>& faces);

    HPDF_Font font(FaceId face);

    // Once every page is built: keeps the glyphs drawn in each subset and
    // replaces libharu's ToUnicode CMap, whose begincidrange form viewers
    // reject, with bfchar entries for exactly the codes drawn.
    void finish(const std::vector<CodeSet>& used);

private:
    Doc& doc_;
    const std::vector<FontFace>& faces_;
    std::vector<HPDF_Font> by_face_;
    std::map<std::string, HPDF_Font> by_path_;  // one font per file
};

// HPDF_GetFont(name, "UTF-8") for a loaded TrueType face: the same objects
// and bytes, built without walking the cmap 65,535 times (font_cmap.cpp).
HPDF_Font get_utf8_font(Doc& doc, const char* name, const std::string& what);

// The glyph libharu's cmap look-up gives each code 0..FFFF, for a format 4
// TrueType face (exposed for the test that checks it against libharu).
std::vector<HPDF_UINT16> glyphs_by_code(HPDF_FontDef def);

// Images by path, each file read once however often it is drawn.
class ImageSet {
public:
    explicit ImageSet(Doc& doc) : doc_(doc) {}
    HPDF_Image image(const std::string& path);

private:
    Doc& doc_;
    std::map<std::string, HPDF_Image> by_path_;
};

// Builds each page's content stream and hands it to its page; returns the
// codes drawn per face. With threads > 1 the streams are deflated here, in
// parallel; otherwise libharu deflates them at save. The bytes are the same.
std::vector<CodeSet> write_contents(Doc& doc, const std::vector<PageBox>& boxes,
                                    const std::vector<HPDF_Page>& pages,
                                    const std::vector<PageNames>& names, std::size_t face_count,
                                    int threads);

// Link annotations, without the 1 pt border libharu gives them by default.
void add_links(Doc& doc, const std::vector<PageBox>& boxes, const std::vector<HPDF_Page>& pages);

// The bookmark tree: level 0 under the root, level n under the latest entry
// of level n-1.
void add_outlines(Doc& doc, const PackBox& pack, const std::vector<HPDF_Page>& pages);

}  // namespace bp::pdf
