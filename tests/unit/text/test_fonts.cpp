#include <hpdf.h>
#include <catch2/catch.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>

#include "font_paths.hpp"
#include "text/text.hpp"

using namespace bp;

namespace {

FaceId load(FontTable& fonts, const std::string& style) {
    FaceId id = 0;
    std::string error;
    REQUIRE(fonts.add_face(liberation_sans(style), &id, &error));
    CHECK(error.empty());
    return id;
}

// A file in the temp folder holding `bytes`, removed at scope exit.
struct TempFile {
    std::filesystem::path path;
    explicit TempFile(const std::string& name, const std::string& bytes)
        : path(std::filesystem::temp_directory_path() / (std::to_string(::getpid()) + "-" + name)) {
        std::ofstream(path, std::ios::binary) << bytes;
    }
    ~TempFile() { std::filesystem::remove(path); }
};

std::string file_prefix(const std::string& path, std::size_t bytes) {
    std::ifstream in(path, std::ios::binary);
    std::string data(bytes, '\0');
    in.read(data.data(), static_cast<std::streamsize>(bytes));
    return data;
}

}  // namespace

// Expected numbers were computed independently of libharu, by a Python script
// reading the cmap (format 4) and hmtx tables of fonts/LiberationSans-*.ttf
// with struct: advance * 1000 / 2048 (unitsPerEm), truncated.
//   Regular: H 1479->722, e 1139->556, l 455->222, o 1139->556: sum 2278
//   Bold:    H 1479->722, e 1139->556, l 569->277, o 1251->610: sum 2442
TEST_CASE("text/fonts: widths of Hello are the hmtx advances", "[text]") {
    FontTable fonts;
    const FaceId regular = load(fonts, "Regular");
    const FaceId bold = load(fonts, "Bold");
    CHECK(fonts.advance(regular, U'H') == 722);
    CHECK(fonts.advance(regular, U'l') == 222);
    CHECK(fonts.measure(regular, "Hello", pt(11)) == 2278 * 11);
    CHECK(fonts.measure(bold, "Hello", pt(11)) == 2442 * 11);
    CHECK(fonts.measure(bold, "Hello", pt(11)) > fonts.measure(regular, "Hello", pt(11)));
    CHECK(fonts.measure(regular, "", pt(11)) == 0);
}

TEST_CASE("text/fonts: measure is exact integer arithmetic on the summed advances", "[text]") {
    FontTable fonts;
    const FaceId regular = load(fonts, "Regular");
    // "£1 – é" = £ 556, 1 556, space 277, – 556, space 277, é 556.
    CHECK(fonts.measure(regular, "£1 – é", 10500) == (556 * 4 + 277 * 2) * 10500 / 1000);
    CHECK(fonts.measure(regular, "Hello", 1) == 2);  // 2278 * 1 / 1000, truncated
}

TEST_CASE("text/fonts: the table agrees with libharu's widths for every BMP code point", "[text]") {
    FontTable fonts;
    const FaceId italic = load(fonts, "Italic");
    HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
    REQUIRE(pdf);
    HPDF_UseUTFEncodings(pdf);
    const char* name = HPDF_LoadTTFontFromFile(pdf, liberation_sans("Italic").c_str(), HPDF_TRUE);
    REQUIRE(name);
    HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
    REQUIRE(font);
    int mismatches = 0;
    for (char32_t cp = 0; cp < 0x10000; ++cp) {
        if (fonts.advance(italic, cp) !=
            HPDF_Font_GetUnicodeWidth(font, static_cast<HPDF_UNICODE>(cp)))
            ++mismatches;
    }
    CHECK(mismatches == 0);
    CHECK(fonts.metrics(italic).ascent == HPDF_Font_GetAscent(font));
    CHECK(fonts.metrics(italic).descent == HPDF_Font_GetDescent(font));
    CHECK(fonts.metrics(italic).cap_height == static_cast<int>(HPDF_Font_GetCapHeight(font)));
    HPDF_Free(pdf);
}

TEST_CASE("text/fonts: glyph coverage of the characters the packs use", "[text]") {
    FontTable fonts;
    for (const char* style : {"Regular", "Bold", "Italic", "BoldItalic"}) {
        INFO(style);
        const FaceId face = load(fonts, style);
        for (char32_t cp : {U'£', U'€', U'é', U'–', U'—', U'‘', U'’', U'“', U'”', U'•', U'→', U'↑',
                            U'↓', char32_t(0x00A0), char32_t(0x2010)}) {
            INFO(static_cast<unsigned>(cp));
            CHECK(fonts.has_glyph(face, cp));
        }
        CHECK_FALSE(fonts.has_glyph(face, 0x2011));   // non-breaking hyphen
        CHECK_FALSE(fonts.has_glyph(face, 0x1F600));  // above the BMP
        CHECK_FALSE(fonts.has_glyph(face, U'\n'));
    }
}

TEST_CASE("text/fonts: metrics come from the font", "[text]") {
    FontTable fonts;
    const FaceMetrics& m = fonts.metrics(load(fonts, "Regular"));
    // hhea ascender 1854, descender -434; cap height 1409; post underline
    // position -67, thickness 150; all over 2048 units per em.
    CHECK(m.ascent == 905);
    CHECK(m.descent == -211);
    CHECK(m.cap_height == 687);
    CHECK(m.underline_position == -32);
    CHECK(m.underline_thickness == 73);
}

TEST_CASE("text/fonts: the same path twice gives the same face", "[text]") {
    FontTable fonts;
    const FaceId regular = load(fonts, "Regular");
    const FaceId bold = load(fonts, "Bold");
    CHECK(load(fonts, "Regular") == regular);
    CHECK(regular != bold);
    REQUIRE(fonts.faces().size() == 2);
    CHECK(fonts.faces()[bold].path == liberation_sans("Bold"));
}

TEST_CASE("text/fonts: a file that is not a usable font is an error, not a crash", "[text]") {
    FontTable fonts;
    FaceId id = 99;
    std::string error;

    CHECK_FALSE(fonts.add_face("no/such/font.ttf", &id, &error));
    CHECK(error == "cannot read font file no/such/font.ttf: no such file");

    const TempFile tiny("tiny.ttf", "hello\n");  // crashes libharu 2.3.0 unchecked
    CHECK_FALSE(fonts.add_face(tiny.path.string(), &id, &error));
    CHECK(error.find("it is not a TrueType font") != std::string::npos);

    const TempFile text("not-a-font.ttf", "This is a text file, not a font.\n");
    CHECK_FALSE(fonts.add_face(text.path.string(), &id, &error));
    CHECK(error == "cannot read font file " + text.path.string() + ": it is not a TrueType font");

    const TempFile cut("cut-short.ttf", file_prefix(liberation_sans("Regular"), 3000));
    CHECK_FALSE(fonts.add_face(cut.path.string(), &id, &error));
    CHECK(error.find("cut short") != std::string::npos);

    CHECK_FALSE(fonts.add_face(std::filesystem::temp_directory_path().string(), &id, &error));
    CHECK(error.find("folder") != std::string::npos);

    CHECK(id == 99);
    CHECK(fonts.faces().empty());
    load(fonts, "Regular");  // a failure leaves the table usable
}

TEST_CASE("text/fonts: each face knows its family's name, from the font's name table", "[text]") {
    FontTable fonts;
    CHECK(fonts.family(load(fonts, "Regular")) == "Liberation Sans");
    CHECK(fonts.family(load(fonts, "BoldItalic")) == "Liberation Sans");
}
