// The two shortcuts the pdf stage takes through libharu 2.3.0's font
// internals: a fast HPDF_GetFont (font_cmap.cpp) and font files made and
// deflated before save (embed_fonts). Each must give libharu's own objects
// (the fonts' streams deflated by the pdf stage's deflater rather than
// libharu's, so the same once inflated), and each must actually be taken on
// this libharu, so that a libharu whose internals moved fails here rather
// than quietly going slow.
#include <catch2/catch.hpp>

#include "pdf/writer.hpp"
#include "pdf_test_util.hpp"

using namespace bp;
using bp::test::font_path;

namespace {

std::string saved_bytes(pdf::Doc& doc) {
    doc.check(HPDF_SaveToStream(doc.get()), "save");
    doc.check(HPDF_ResetStream(doc.get()), "save");
    std::string out(HPDF_GetStreamSize(doc.get()), '\0');
    HPDF_UINT32 n = static_cast<HPDF_UINT32>(out.size());
    HPDF_ReadFromStream(doc.get(), reinterpret_cast<HPDF_BYTE*>(out.data()), &n);
    REQUIRE(n == out.size());
    return out;
}

void start(pdf::Doc& doc) {
    doc.check(HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL), "compression");
    doc.check(HPDF_UseUTFEncodings(doc.get()), "utf-8");
    doc.check(HPDF_SetCurrentEncoder(doc.get(), "UTF-8"), "utf-8");
}

// One page showing `text` in each face, through FontSet as write_pdf does.
std::string pack_bytes(const std::vector<std::string>& faces, const std::string& text,
                       bool early, std::size_t* embedded = nullptr, int threads = 2) {
    pdf::Doc doc;
    start(doc);
    std::vector<FontFace> ff;
    for (const std::string& f : faces) ff.push_back(FontFace{f});
    pdf::FontSet fonts(doc, ff);
    HPDF_Page page = doc.need(HPDF_AddPage(doc.get()), "page");
    std::vector<pdf::CodeSet> used(faces.size());
    for (FaceId face = 0; face < faces.size(); ++face) {
        doc.need(HPDF_Page_GetLocalFontName(page, fonts.font(face)), "font");
        for (char16_t c : pdf::utf8_to_codes(text)) used[face].set(c);
    }
    fonts.finish(used);
    const std::size_t n = early ? pdf::embed_fonts(doc, fonts.loaded(), threads) : 0;
    if (embedded) *embedded = n;
    return saved_bytes(doc);
}

}  // namespace

TEST_CASE("pdf: the cmap table matches libharu's own glyph look-up", "[pdf]") {
    pdf::Doc doc;
    const char* name = doc.need(
        HPDF_LoadTTFontFromFile(doc.get(), font_path("Regular").c_str(), HPDF_TRUE), "load");
    HPDF_FontDef def = doc.need(HPDF_GetFontDef(doc.get(), name), "fontdef");
    REQUIRE(pdf::cmap_swap_usable(def));  // libharu 2.3.0 and Liberation's format 4 cmap
    const std::vector<HPDF_UINT16> glyphs = pdf::glyphs_by_code(def);
    REQUIRE(glyphs.size() == 0x10000);
    for (std::uint32_t c = 0; c < 0x10000; ++c) {
        const HPDF_UINT16 expected = HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(c));
        if (glyphs[c] != expected) FAIL("code " << c << ": " << glyphs[c] << " != " << expected);
    }
    CHECK(glyphs[u'A'] != 0);
    CHECK(glyphs[0xE000] == 0);
}

TEST_CASE("pdf: the fast font build gives the objects HPDF_GetFont gives", "[pdf]") {
    auto bytes = [](bool fast) {
        pdf::Doc doc;
        start(doc);
        const char* name = doc.need(
            HPDF_LoadTTFontFromFile(doc.get(), font_path("Bold").c_str(), HPDF_TRUE), "load");
        HPDF_Font font = fast ? pdf::get_utf8_font(doc, name, "font")
                              : doc.need(HPDF_GetFont(doc.get(), name, "UTF-8"), "font");
        HPDF_Page page = doc.need(HPDF_AddPage(doc.get()), "page");
        doc.need(HPDF_Page_GetLocalFontName(page, font), "font");
        for (char16_t c : pdf::utf8_to_codes(bp::test::kSpecial)) HPDF_Font_GetUnicodeWidth(font, c);
        return saved_bytes(doc);
    };
    const std::string plain = bytes(false), fast = bytes(true);
    CHECK(plain.size() > 10000);
    CHECK(fast == plain);
}

TEST_CASE("pdf: fonts made and deflated before save give the same bytes", "[pdf]") {
    const std::vector<std::string> faces = {font_path("Regular"), font_path("Bold"),
                                            font_path("Italic")};
    const std::string text = std::string("Minutes of the meeting ") + bp::test::kSpecial;
    std::size_t embedded = 0;
    const std::string at_save = pack_bytes(faces, text, false);
    const std::string early = pack_bytes(faces, text, true, &embedded);
    CHECK(embedded == faces.size());  // the shortcut is taken on this libharu
    CHECK(early != at_save);          // deflated by the pdf stage, not libharu
    // On one thread the same bytes: the thread count never changes a pack.
    std::size_t embedded_alone = 0;
    CHECK(pack_bytes(faces, text, true, &embedded_alone, 1) == early);
    CHECK(embedded_alone == faces.size());
    // Inflated, the same objects as libharu makes at save.
    bp::test::ScratchDir dir("fonts-early");
    auto inflated = [&](const std::string& bytes, const std::string& name) {
        const std::string in = dir.file(name + ".pdf"), out = dir.file(name + "-inflated.pdf");
        std::ofstream(in, std::ios::binary) << bytes;
        const bp::test::Run r = bp::test::run("qpdf --stream-data=uncompress --object-streams=disable --static-id " +
                                              bp::test::quoted(in) + " " + bp::test::quoted(out));
        REQUIRE(r.status == 0);
        return bp::test::slurp(out);
    };
    const std::string a = inflated(at_save, "at-save"), b = inflated(early, "early");
    CHECK(a.size() > 10000);
    CHECK(a == b);
}
