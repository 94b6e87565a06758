// Images are checked once, in load: every PNG form decodes to 8-bit gray or
// RGB plus an optional alpha mask; JPEGs are walked to their end marker;
// damaged, truncated and oversized pictures are errors in words.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "helpers.hpp"
#include "image_files.hpp"
#include "load/load.hpp"

using namespace bp;
using namespace bp::test;

namespace {

RasterImage decoded(const std::string& bytes, std::uint64_t max_pixels = kDefaultMaxImagePixels) {
    std::string problem;
    std::optional<RasterImage> r = decode_image(bytes, max_pixels, &problem);
    INFO(problem);
    REQUIRE(r);
    return std::move(*r);
}

std::string refused(const std::string& bytes, std::uint64_t max_pixels = kDefaultMaxImagePixels) {
    std::string problem;
    CHECK_FALSE(decode_image(bytes, max_pixels, &problem));
    return problem;
}

std::string bytes(std::initializer_list<int> v) {
    std::string s;
    for (int b : v) s += static_cast<char>(b);
    return s;
}

std::string str(const std::vector<std::uint8_t>& v) { return std::string(v.begin(), v.end()); }

}  // namespace

TEST_CASE("images: gray PNGs of every depth become 8-bit gray", "[load][images]") {
    // 2 x 2, top-left black, the rest white, at 1, 2, 4, 8 and 16 bits.
    struct Case { int depth; std::string rows; };
    for (const Case& c : {Case{1, bytes({0x40, 0xC0})}, Case{2, bytes({0x30, 0xF0})}, Case{4, bytes({0x0F, 0xFF})},
                          Case{8, bytes({0, 255, 255, 255})}, Case{16, bytes({0, 0, 255, 255, 255, 255, 255, 255})}}) {
        INFO("depth " << c.depth);
        RasterImage r = decoded(make_png({2, 2, c.depth, 0, c.rows, "", ""}));
        CHECK(r.encoding == RasterImage::Encoding::Pixels);
        CHECK(r.width == 2);
        CHECK(r.height == 2);
        CHECK(r.channels == 1);
        CHECK(str(r.data) == bytes({0, 255, 255, 255}));
        CHECK(r.alpha.empty());
    }
}

TEST_CASE("images: RGB, palette and 16-bit PNGs become 8-bit RGB", "[load][images]") {
    RasterImage rgb = decoded(make_png({1, 1, 8, 2, bytes({10, 20, 30}), "", ""}));
    CHECK(rgb.channels == 3);
    CHECK(str(rgb.data) == bytes({10, 20, 30}));

    RasterImage rgb16 = decoded(make_png({1, 1, 16, 2, bytes({10, 0, 20, 0, 30, 0}), "", ""}));
    CHECK(str(rgb16.data) == bytes({10, 20, 30}));

    // Palette of two colours, 1 bit per pixel: pixels 0, 1.
    RasterImage pal = decoded(make_png({2, 1, 1, 3, bytes({0x40}), bytes({255, 0, 0, 0, 0, 255}), ""}));
    CHECK(pal.channels == 3);
    CHECK(str(pal.data) == bytes({255, 0, 0, 0, 0, 255}));
    CHECK(pal.alpha.empty());
}

TEST_CASE("images: every transparency form gives an alpha mask", "[load][images]") {
    // RGBA and gray+alpha, 8 and 16 bits.
    RasterImage rgba = decoded(make_png({2, 1, 8, 6, bytes({1, 2, 3, 0, 4, 5, 6, 255}), "", ""}));
    CHECK(rgba.channels == 3);
    CHECK(str(rgba.data) == bytes({1, 2, 3, 4, 5, 6}));
    CHECK(str(rgba.alpha) == bytes({0, 255}));
    RasterImage ga16 = decoded(make_png({1, 1, 16, 4, bytes({200, 0, 128, 0}), "", ""}));
    CHECK(ga16.channels == 1);
    CHECK(str(ga16.data) == bytes({200}));
    CHECK(str(ga16.alpha) == bytes({128}));

    // tRNS on RGB (the form that crashed libharu's own loader), on gray and
    // on a palette.
    RasterImage rgb_trns = decoded(make_png({2, 1, 8, 2, bytes({9, 9, 9, 7, 7, 7}), "", bytes({0, 9, 0, 9, 0, 9})}));
    CHECK(str(rgb_trns.data) == bytes({9, 9, 9, 7, 7, 7}));
    CHECK(str(rgb_trns.alpha) == bytes({0, 255}));
    RasterImage gray_trns = decoded(make_png({2, 1, 8, 0, bytes({5, 6}), "", bytes({0, 6})}));
    CHECK(str(gray_trns.alpha) == bytes({255, 0}));
    RasterImage pal_trns =
        decoded(make_png({2, 1, 8, 3, bytes({0, 1}), bytes({255, 0, 0, 0, 255, 0}), bytes({64})}));
    CHECK(str(pal_trns.data) == bytes({255, 0, 0, 0, 255, 0}));
    CHECK(str(pal_trns.alpha) == bytes({64, 255}));

    // Alpha that is opaque everywhere is dropped: no mask to embed.
    CHECK(decoded(make_png({1, 1, 8, 6, bytes({1, 2, 3, 255}), "", ""})).alpha.empty());
}

TEST_CASE("images: damaged and truncated PNGs are errors, never an abort", "[load][images]") {
    const std::string good = make_png({2, 2, 8, 0, bytes({0, 255, 255, 255}), "", ""});
    decoded(good);

    std::string bad_crc = good;
    bad_crc[bad_crc.size() - 13] ^= 0x55;  // the last byte of IDAT's CRC
    CHECK(refused(bad_crc) == "is a damaged PNG file (IDAT: CRC error); save it again as PNG or JPEG");

    for (std::size_t cut : {std::size_t{12}, std::size_t{40}, good.size() - 14, good.size() - 1}) {
        INFO("cut at " << cut);
        const std::string why = refused(good.substr(0, cut));
        CHECK(why.starts_with("is a damaged PNG file ("));
    }
    CHECK(refused(good.substr(0, 30)).find("truncated") != std::string::npos);
}

TEST_CASE("images: a picture over the pixel limit is refused before decoding", "[load][images]") {
    // The header claims 20000 x 20000; the data is never unpacked.
    PngSpec huge{20000, 20000, 8, 0, "", "", ""};
    std::string png = "\x89PNG\r\n\x1a\n" +
                      png_chunk("IHDR", be32(huge.width) + be32(huge.height) + bytes({8, 0, 0, 0, 0})) +
                      png_chunk("IDAT", zlib_stored(std::string(100, '\0'))) + png_chunk("IEND", "");
    CHECK(refused(png) ==
          "is 20000 x 20000 pixels (400 megapixels), more than the template allows (50 megapixels); downscale it: "
          "a full A4 page at 300 dpi needs about 2500 x 3500 pixels");
    CHECK(refused(make_jpeg(10000, 6000), 50'000'000).starts_with("is 10000 x 6000 pixels (60 megapixels)"));
    // The limit is the template's to set.
    CHECK(refused(make_png({3, 2, 8, 0, std::string(6, 'x'), "", ""}), 5).starts_with("is 3 x 2 pixels"));
    decoded(make_png({3, 2, 8, 0, std::string(6, 'x'), "", ""}), 6);
}

TEST_CASE("images: JPEGs are walked marker by marker to their end", "[load][images]") {
    const std::string jpeg = make_jpeg(640, 480);
    RasterImage r = decoded(jpeg);
    CHECK(r.encoding == RasterImage::Encoding::Jpeg);
    CHECK(r.width == 640);
    CHECK(r.height == 480);
    CHECK(r.channels == 1);
    CHECK(r.data == std::vector<std::uint8_t>(jpeg.begin(), jpeg.end()));

    CHECK(refused(jpeg.substr(0, jpeg.size() - 2)) ==
          "is a damaged JPEG file (its image data ends early; it is truncated); save it again as PNG or JPEG");
    CHECK(refused(jpeg.substr(0, 30)).find("truncated") != std::string::npos);
    CHECK(refused(make_jpeg(640, 480, 12)).starts_with("is a damaged JPEG file (it has 12-bit samples"));
    CHECK(refused(make_jpeg(0, 480)).starts_with("is a damaged JPEG file (its frame header gives no size"));
    CHECK(refused(make_jpeg(640, 480, 8, 0xC9)).starts_with("is a lossless, hierarchical or arithmetic-coded JPEG"));
    std::string no_frame = jpeg;
    no_frame.erase(no_frame.find("\xFF\xC0"), 13);
    CHECK(refused(no_frame) == "is a damaged JPEG file (a scan comes before the frame header); save it again as PNG or JPEG");
}

TEST_CASE("images: other formats are named", "[load][images]") {
    CHECK(refused("GIF89a....") == "is not a PNG or JPEG file (it is a GIF image); save it as PNG or JPEG");
    CHECK(refused("hello") == "is not a PNG or JPEG file; save it as PNG or JPEG");
    CHECK(refused("") == "is not a PNG or JPEG file (it is an empty file); save it as PNG or JPEG");
}

TEST_CASE("images: load_images reads each file once and reports at the <img>", "[load][images]") {
    TempDir dir;
    dir.write("ok.png", make_png({1, 1, 8, 2, bytes({1, 2, 3}), "", ""}));
    dir.write("cut.jpg", make_jpeg(8, 8).substr(0, 40));
    dir.write("gif.png", "GIF89a....");
    Diagnostics d;
    std::optional<Paper> p = load_paper(
        dir.write("paper.xml", report_xml("\n<img src=\"ok.png\"/><img src=\"ok.png\"/>\n<img src=\"gif.png\"/>\n"
                                          "<img src=\"cut.jpg\"/>")),
        dir.path(), d);
    REQUIRE(p);
    REQUIRE(messages(d).empty());
    load_images(*p, kDefaultMaxImagePixels, d);
    const std::string dir_prefix = dir.path() + "/";
    std::string shown = messages(d, dir.path());
    for (std::size_t at; (at = shown.find(dir_prefix)) != std::string::npos;) shown.erase(at, dir_prefix.size());
    CHECK(shown ==
          "paper.xml:3:1: error: the image gif.png is not a PNG or JPEG file (it is a GIF image); save it as PNG or JPEG\n"
          "paper.xml:4:1: error: the image cut.jpg is a damaged JPEG file (a segment runs past the end of the "
          "file; it is truncated); save it again as PNG or JPEG\n");
    const Blocks& blocks = p->sections.at(0).blocks;
    const auto& first = std::get<Image>(blocks.at(0).node);
    const auto& second = std::get<Image>(blocks.at(1).node);
    REQUIRE(first.raster);
    CHECK(first.raster == second.raster);  // the same file decoded once
    CHECK_FALSE(std::get<Image>(blocks.at(2).node).raster);
}

TEST_CASE("images: items read apart share each file's raster, its problem is reported with the first item", "[load][images]") {
    TempDir dir;
    dir.write("ok.png", make_png({1, 1, 8, 2, bytes({1, 2, 3}), "", ""}));
    dir.write("gif.png", "GIF89a....");
    Diagnostics ignored;
    std::vector<Paper> item1, item2;
    item1.push_back(*load_paper(dir.write("a.xml", report_xml("<img src=\"ok.png\"/>\n<img src=\"gif.png\"/>")), dir.path(), ignored));
    item2.push_back(*load_paper(dir.write("b.xml", report_xml("<img src=\"gif.png\"/>\n<img src=\"ok.png\"/>")), dir.path(), ignored));
    REQUIRE(messages(ignored).empty());
    ImageFiles images(kDefaultMaxImagePixels);
    // Read in either order, as threads would: the second item first.
    std::vector<std::vector<ImageFile>> found(2);
    found[1] = images.load(item2);
    found[0] = images.load(item1);
    REQUIRE(found[1].size() == 2);
    CHECK(found[1][0].path == dir.path("gif.png"));
    CHECK(found[1][0].problems.has_errors());
    const auto& a = std::get<Image>(item1[0].sections.at(0).blocks.at(0).node);
    const auto& b = std::get<Image>(item2[0].sections.at(0).blocks.at(1).node);
    REQUIRE(a.raster);
    CHECK(a.raster == b.raster);  // one raster, so the PDF embeds it once
    Diagnostics d;
    CHECK(report_image_files(found, d) == std::vector<std::string>{dir.path("ok.png"), dir.path("gif.png")});
    CHECK(messages(d, dir.path()).starts_with("a.xml:2:1: error: the image "));
    CHECK(d.error_count() == 1);
}
