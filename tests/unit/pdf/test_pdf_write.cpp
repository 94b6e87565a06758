// write_pdf end to end, read back the way a person would: pdfinfo,
// pdftotext, pdffonts, pdfimages (poppler-utils) and qpdf.
#include <catch2/catch.hpp>

#include "load/load.hpp"
#include "pdf/pdf.hpp"
#include "pdf_test_util.hpp"

using namespace bp;
using namespace bp::test;

namespace {

// A picture as load/ hands it on: checked and decoded from the file.
std::shared_ptr<const RasterImage> raster_of(const std::string& path) {
    std::string problem;
    std::optional<RasterImage> r = decode_image(slurp(path), kDefaultMaxImagePixels, &problem);
    INFO(path << ": " << problem);
    REQUIRE(r);
    return std::make_shared<const RasterImage>(std::move(*r));
}

std::string page_text(const std::string& pdf, int page) {
    const std::string n = std::to_string(page);
    Run r =
        run(std::string("pdftotext -enc UTF-8 -f ") + n + " -l " + n + " " + quoted(pdf) + " -");
    REQUIRE(r.status == 0);
    return r.out;
}

// qpdf's QDF form: uncompressed, one object per block, easy to search.
std::string qdf(const std::string& pdf) {
    const std::string out = pdf + ".qdf";
    Run r =
        run(std::string("qpdf --qdf --object-streams=disable ") + quoted(pdf) + " " + quoted(out));
    INFO(r.out);
    REQUIRE(r.status == 0);
    return slurp(out);
}

// The text of object `ref` ("12 0 R") in QDF output, up to its endobj.
std::string qdf_object(const std::string& q, const std::string& ref) {
    const std::string head = std::string("\n") + ref.substr(0, ref.size() - 1) + "obj\n";
    const std::size_t at = q.find(head);
    if (at == std::string::npos) return "";
    return q.substr(at, q.find("endobj", at) - at);
}

// The reference of the first object after `marker` (e.g. "%% Page 3").
std::string qdf_ref_after(const std::string& q, const std::string& marker) {
    std::size_t at = q.find(marker);
    if (at == std::string::npos) return "";
    at = q.find(" 0 obj\n", at);
    const std::size_t line = q.rfind('\n', at) + 1;
    return q.substr(line, at - line) + " 0 R";
}

// The destination ("22 0 R") of the first link annotation that has one;
// outline items carry a /Dest too, so the enclosing object is checked.
std::string link_dest(const std::string& q) {
    for (std::size_t at = q.find("/Dest "); at != std::string::npos;
         at = q.find("/Dest ", at + 1)) {
        const std::size_t begin = q.rfind(" obj\n", at), end = q.find("endobj", at);
        if (q.substr(begin, end - begin).find("/Subtype /Link") == std::string::npos) continue;
        const std::size_t start = at + 6;
        return q.substr(start, q.find(" R", start) + 2 - start);
    }
    return "";
}

// Lines of `pdfimages -list` output that describe an image placement.
int image_rows(const std::string& list) {
    std::istringstream in(list);
    std::string line;
    int rows = 0;
    while (std::getline(in, line)) {
        std::istringstream cols(line);
        std::string page, num, type;
        cols >> page >> num >> type;
        if (type == "image") ++rows;
    }
    return rows;
}

// Leading spaces of the line holding `needle` in pretty-printed JSON.
std::size_t indent_of(const std::string& json, const std::string& needle) {
    const std::size_t at = json.find(needle);
    if (at == std::string::npos) return 0;
    const std::size_t line = json.rfind('\n', at) + 1;
    return json.find_first_not_of(' ', line) - line;
}

}  // namespace

TEST_CASE("pdf: pages, sizes and text read back with pdfinfo and pdftotext", "[pdf]") {
    ScratchDir dir("text");
    const std::string pdf = write_ok(sample_pack(), dir.file("pack.pdf"));

    Run info = run(std::string("pdfinfo -isodates -f 1 -l 3 ") + quoted(pdf));
    REQUIRE(info.status == 0);
    CHECK(info.out.find("Pages:           3") != std::string::npos);
    CHECK(info.out.find("Page    1 size:  595.276 x 841.89 pts (A4)") != std::string::npos);
    CHECK(info.out.find("Page    2 size:  841.89 x 595.276 pts (A4)") != std::string::npos);
    CHECK(info.out.find("Page    3 size:  595.276 x 841.89 pts (A4)") != std::string::npos);
    CHECK(info.out.find("Title:           Board pack – May") != std::string::npos);
    CHECK(info.out.find("Subject:         Council meeting") != std::string::npos);
    CHECK(info.out.find("Author:          Clerk’s office") != std::string::npos);
    CHECK(info.out.find("Creator:         boardpack") != std::string::npos);
    CHECK(info.out.find("CreationDate:    2024-05-17T00:00:00") != std::string::npos);

    const std::string p1 = page_text(pdf, 1);
    CHECK(p1.find("Agenda") != std::string::npos);
    CHECK(p1.find(kSpecial) != std::string::npos);
    CHECK(p1.find("Back to (the) \\ start") != std::string::npos);
    CHECK(page_text(pdf, 2).find("Landscape budget table") != std::string::npos);
    CHECK(page_text(pdf, 3).find("Appendix page") != std::string::npos);
    // Poppler says nothing about the ToUnicode CMap (2.3.0's own draws a warning).
    CHECK(p1.find("Warning") == std::string::npos);
    CHECK(p1.find("Error") == std::string::npos);
}

TEST_CASE("pdf: qpdf --check passes without warnings", "[pdf]") {
    ScratchDir dir("check");
    const std::string pdf = write_ok(sample_pack(), dir.file("pack.pdf"));
    Run r = run(std::string("qpdf --check ") + quoted(pdf));
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK(r.out.find("No syntax or stream encoding errors found") != std::string::npos);
    CHECK(r.out.find("WARNING") == std::string::npos);

    const std::string q = qdf(pdf);
    CHECK(q.find("beginbfchar") != std::string::npos);
    CHECK(q.find("begincidrange") == std::string::npos);
    CHECK(q.find("/PageMode /UseOutlines") != std::string::npos);
}

TEST_CASE("pdf: links are borderless URI and page annotations", "[pdf]") {
    ScratchDir dir("links");
    const std::string pdf = write_ok(sample_pack(), dir.file("pack.pdf"));
    const std::string q = qdf(pdf);
    CHECK(count(q, "/Subtype /Link") == 2);
    CHECK(q.find("/URI (https://example.org/papers?id=42)") != std::string::npos);
    CHECK(count(q, "/Border [\n    0\n    0\n    0\n  ]") == 2);

    // The internal link opens the top of the third page at the reader's zoom.
    const std::string dest = qdf_object(q, link_dest(q));
    const std::string page3 = qdf_ref_after(q, "%% Page 3\n");
    REQUIRE(page3.size() > 4);
    CHECK(dest.find(std::string("[\n  ") + page3 + "\n  /XYZ\n  0\n  841.89") != std::string::npos);
    CHECK(dest.find("null\n]") != std::string::npos);
}

TEST_CASE("pdf: bookmarks nest by level and keep UTF-8 titles", "[pdf]") {
    ScratchDir dir("outlines");
    const std::string pdf = write_ok(sample_pack(), dir.file("pack.pdf"));
    Run r = run(std::string("qpdf --json --json-key=outlines ") + quoted(pdf));
    REQUIRE(r.status == 0);
    const std::string& j = r.out;
    CHECK(count(j, "\"title\":") == 2);
    const std::string first = "\"title\": \"1. Finance – “budget”\"";
    const std::string second = "\"title\": \"Appendix A\"";
    REQUIRE(j.find(first) != std::string::npos);
    REQUIRE(j.find(second) != std::string::npos);
    CHECK(indent_of(j, second) > indent_of(j, first));  // a kid of the first
    CHECK(j.find("\"destpageposfrom1\": 1") != std::string::npos);
    CHECK(j.find("\"destpageposfrom1\": 3") != std::string::npos);
    // The first points 90 pt below the top of page 1: 841.89 - 90.
    CHECK(j.find("751.89") != std::string::npos);
}

TEST_CASE("pdf: used fonts are embedded as subsets, unused ones not at all", "[pdf]") {
    ScratchDir dir("fonts");
    PackBox pack = sample_pack();
    pack.faces.push_back({font_path("Italic")});  // never drawn
    const std::string pdf = write_ok(pack, dir.file("pack.pdf"));
    Run r = run(std::string("pdffonts ") + quoted(pdf));
    REQUIRE(r.status == 0);
    CHECK(count(r.out, "CID TrueType      Identity-H       yes yes yes") == 2);
    CHECK(r.out.find("LiberationSans-Bold") != std::string::npos);
    CHECK(r.out.find("Italic") == std::string::npos);
}

TEST_CASE("pdf: the glyphs drawn are in the font subsets", "[pdf]") {
    // pdftotext reads the ToUnicode map, not the glyphs: only a rendering
    // shows that the subset kept them.
    ScratchDir dir("glyphs");
    PackBox pack;
    pack.faces = {{font_path("Regular")}, {font_path("Bold")}};
    pack.structure = test_structure();
    PageBox page;
    page.width = pt(200);
    page.height = pt(60);
    page.add(text_run("£ – “→”", pt(10), pt(40), 0, pt(30)), kP);
    page.add(text_run("Bold", pt(110), pt(40), 1, pt(30)), kP);
    pack.pages = {page};
    const std::string pdf = write_ok(pack, dir.file("glyphs.pdf"));
    Run r = run(std::string("pdftoppm -r 36 -gray -singlefile ") + quoted(pdf) + " " +
                quoted(dir.file("glyphs")));
    REQUIRE(r.status == 0);
    const std::string pgm = slurp(dir.file("glyphs.pgm"));
    REQUIRE(pgm.compare(0, 3, "P5\n") == 0);
    std::istringstream head(pgm.substr(3));
    int w = 0, h = 0, maxval = 0;
    head >> w >> h >> maxval;
    REQUIRE(w == 100);
    REQUIRE(h == 30);
    const std::string pixels = pgm.substr(pgm.size() - static_cast<std::size_t>(w * h));
    auto dark_in = [&](int x0, int x1) {
        int n = 0;
        for (int y = 0; y < h; ++y)
            for (int x = x0; x < x1; ++x)
                if (static_cast<unsigned char>(pixels[static_cast<std::size_t>(y * w + x)]) < 128)
                    ++n;
        return n;
    };
    CHECK(dark_in(0, 50) > 20);    // the regular face's symbols
    CHECK(dark_in(50, 100) > 20);  // the bold word
}

TEST_CASE("pdf: identical input gives identical bytes, whatever the thread count", "[pdf]") {
    CHECK(pdf_parallel_deflate_available());  // fails loudly if libharu's internals moved
    ScratchDir dir("repro");
    PackBox pack = sample_pack();
    for (int i = 0; i < 20; ++i) {  // enough pages for threads to share them out
        PageBox page;
        page.add(text_run(std::string("Page ") + std::to_string(i) + " " + kSpecial, pt(72), pt(72)), kP);
        pack.pages.push_back(page);
    }
    const std::string a = slurp(write_ok(pack, dir.file("a.pdf"), 1));
    const std::string b = slurp(write_ok(pack, dir.file("b.pdf"), 2));
    const std::string c = slurp(write_ok(pack, dir.file("c.pdf"), 4));
    const std::string d = slurp(write_ok(pack, dir.file("d.pdf"), 4));
    REQUIRE(a.size() > 1000);
    CHECK(a == b);
    CHECK(b == c);
    CHECK(c == d);
    CHECK(a.find("/ID") == std::string::npos);
}

TEST_CASE("pdf: a pack given up is written as a kept one is, its pages freed as they are written", "[pdf]") {
    ScratchDir dir("given");
    PackBox pack = sample_pack();
    const std::string png = dir.file("pic.png");
    write_rgba_png(png, 8, 8);
    const std::shared_ptr<const RasterImage> raster = raster_of(png);
    // Links, pictures and text on every page, so each step after the content
    // streams (annotations, figure boxes, the structure) has items to read.
    for (int i = 0; i < 20; ++i) {
        PageBox page;
        page.add(text_run(std::string("Page ") + std::to_string(i) + " " + kSpecial, pt(72), pt(72)), kP);
        const Mark figure = Mark::content(pack.structure.add(Role::Figure, 0));
        page.add(ImageBox{{pt(72), pt(100), pt(40), pt(40)}, png, raster}, figure);
        page.add(ImageBox{{pt(90), pt(120), pt(40), pt(40)}, png, raster}, figure);
        page.add(LinkBox{{pt(72), pt(150), pt(100), pt(14)}, "", i % 3}, kP);
        page.add(LinkBox{{pt(72), pt(170), pt(100), pt(14)}, "https://example.org/" + std::to_string(i), -1}, kP);
        pack.pages.push_back(page);
    }
    const std::string kept_path = write_ok(pack, dir.file("kept.pdf"), 1);
    const std::string kept = slurp(kept_path);
    REQUIRE(kept.size() > 1000);
    // Each figure's box holds both its pictures.
    const std::string plain = dir.file("kept-plain.pdf");
    REQUIRE(run("qpdf --object-streams=disable --stream-data=uncompress " + quoted(kept_path) + " " +
                quoted(plain)).status == 0);
    CHECK(count(slurp(plain), "/BBox [ 72 681.89 130 741.89 ]") == 20);
    for (int threads : {1, 3}) {
        INFO("threads " << threads);
        PackBox given = pack;
        std::string error;
        const std::string path = dir.file("given-" + std::to_string(threads) + ".pdf");
        REQUIRE(write_pdf(std::move(given), path, PdfOptions{threads}, &error));
        CHECK(slurp(path) == kept);
        REQUIRE(given.pages.size() == pack.pages.size());
        for (const PageBox& page : given.pages) CHECK(page.items.empty());
    }
}

TEST_CASE("pdf: each checked picture is embedded once however often it is drawn", "[pdf]") {
    ScratchDir dir("images");
    // Real PNG and JPEG files, made by poppler from a page of our own.
    const std::string src = write_ok(sample_pack(), dir.file("src.pdf"));
    for (const char* fmt : {"png", "jpeg"}) {
        Run r = run(std::string("pdftoppm -r 12 -f 1 -l 1 -singlefile -") + fmt + " " +
                    quoted(src) + " " + quoted(dir.file(std::string("img-") + fmt)));
        REQUIRE(r.status == 0);
    }
    const std::string png = dir.file("img-png.png"), jpeg = dir.file("img-jpeg.jpg");
    const std::string misnamed = dir.file("really-a-png.jpg");
    fs::copy_file(png, misnamed);

    const auto png_raster = raster_of(png), jpeg_raster = raster_of(jpeg), misnamed_raster = raster_of(misnamed);
    CHECK(png_raster->encoding == RasterImage::Encoding::Pixels);
    CHECK(jpeg_raster->encoding == RasterImage::Encoding::Jpeg);
    CHECK(misnamed_raster->encoding == RasterImage::Encoding::Pixels);  // the signature decides, not the name

    PackBox pack = sample_pack();
    pack.pages[0].add(ImageBox{{pt(300), pt(200), pt(100), pt(141)}, png, png_raster}, kP);
    pack.pages[0].add(ImageBox{{pt(300), pt(400), pt(100), pt(141)}, jpeg, jpeg_raster}, kP);
    pack.pages[1].add(ImageBox{{pt(300), pt(200), pt(50), pt(70)}, png, png_raster}, kP);
    pack.pages[2].add(ImageBox{{pt(300), pt(200), pt(50), pt(70)}, misnamed, misnamed_raster}, kP);
    const std::string pdf = write_ok(pack, dir.file("pack.pdf"));

    Run list = run(std::string("pdfimages -list ") + quoted(pdf));
    REQUIRE(list.status == 0);
    CHECK(image_rows(list.out) == 4);  // four placements
    CHECK(count(list.out, " jpeg ") == 1);
    // ...of three image objects: the PNG drawn twice is stored once.
    const std::string q = qdf(pdf);
    CHECK(count(q, "/Subtype /Image") == 3);
    Run check = run(std::string("qpdf --check ") + quoted(pdf));
    CHECK(check.status == 0);
}

TEST_CASE("pdf: a transparent PNG keeps its alpha, compressed", "[pdf]") {
    ScratchDir dir("alpha");
    const std::string png = dir.file("fade.png");
    write_rgba_png(png, 64, 32);
    PackBox pack = sample_pack();
    pack.pages[0].add(ImageBox{{pt(300), pt(200), pt(128), pt(64)}, png, raster_of(png)}, kP);
    const std::string pdf = write_ok(pack, dir.file("pack.pdf"));

    Run list = run(std::string("pdfimages -list ") + quoted(pdf));
    REQUIRE(list.status == 0);
    CHECK(image_rows(list.out) == 1);
    CHECK(list.out.find(" smask ") != std::string::npos);
    // libharu alone would store the 2 KB of alpha raw.
    const std::string raw = slurp(pdf);
    const std::size_t gray = raw.find("/ColorSpace /DeviceGray");
    REQUIRE(gray != std::string::npos);
    const std::size_t begin = raw.rfind("<<", gray), end = raw.find(">>", gray);
    CHECK(raw.substr(begin, end - begin).find("/FlateDecode") != std::string::npos);
    CHECK(run(std::string("qpdf --check ") + quoted(pdf)).status == 0);
}

TEST_CASE("pdf: an unwritable path fails with a message and leaves nothing", "[pdf]") {
    std::string error;
    CHECK_FALSE(write_pdf(sample_pack(), "/nonexistent/dir/x.pdf", {}, &error));
    // The words follow the path in the caller's message.
    CHECK(error == "cannot be written: its folder /nonexistent/dir does not exist");
    CHECK_FALSE(fs::exists("/nonexistent/dir"));

    // A folder in the way of the output: refused before anything is made.
    ScratchDir dir("unwritable");
    fs::create_directory(dir.file("taken.pdf"));
    error.clear();
    CHECK_FALSE(write_pdf(sample_pack(), dir.file("taken.pdf"), {}, &error));
    CHECK(error == "is a folder, not a file");
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
}

TEST_CASE("pdf: a failed build leaves the previous file untouched", "[pdf]") {
    ScratchDir dir("keep");
    const std::string pdf = write_ok(sample_pack(), dir.file("pack.pdf"));
    const std::string before = slurp(pdf);

    PackBox bad = sample_pack();
    bad.faces[1].path = dir.file("missing.ttf");
    std::string error;
    CHECK_FALSE(write_pdf(bad, pdf, {}, &error));
    CHECK(error.find("cannot load font") != std::string::npos);
    CHECK(error.find("missing.ttf") != std::string::npos);
    CHECK(slurp(pdf) == before);
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
}

TEST_CASE("pdf: bad boxes are reported, not written", "[pdf]") {
    ScratchDir dir("bad");
    const std::string out = dir.file("x.pdf");
    std::string error;
    auto fails = [&](const PackBox& pack) {
        error.clear();
        const bool ok = write_pdf(pack, out, {}, &error);
        return !ok && !fs::exists(out) && !error.empty();
    };

    PackBox p = sample_pack();
    std::get<GlyphRun>(p.pages[1].items[0].what).face = 7;
    CHECK(fails(p));
    CHECK(error.find("page 2: text uses font face 7 but the pack has 2") != std::string::npos);

    p = sample_pack();
    std::get<LinkBox>(p.pages[0].items[6].what).target_page = 3;
    CHECK(fails(p));
    CHECK(error.find("page 1: a link points to page 4 of 3") != std::string::npos);

    p = sample_pack();
    std::get<LinkBox>(p.pages[0].items[6].what).target_page = -1;
    CHECK(fails(p));
    CHECK(error.find("page 1: a link has neither an address nor a target page") !=
          std::string::npos);

    p = sample_pack();
    p.outlines[1].page = -1;
    CHECK(fails(p));
    CHECK(error.find("bookmark 'Appendix A' points to page 0 of 3") != std::string::npos);

    p = sample_pack();
    p.pages[2].width = 0;
    CHECK(fails(p));
    CHECK(error.find("page 3: size 0 x 841.89 pt") != std::string::npos);

    p = sample_pack();
    p.pages.clear();
    CHECK(fails(p));

    p = sample_pack();  // pdf/ never reads a file itself
    p.pages[0].add(ImageBox{{0, 0, pt(10), pt(10)}, dir.file("nothing.png"), nullptr}, kP);
    CHECK(fails(p));
    CHECK(error.find("the image " + dir.file("nothing.png") + " was not loaded") != std::string::npos);

    p = sample_pack();
    p.meta.month = 13;
    CHECK(fails(p));
    CHECK(error.find("not a date") != std::string::npos);
}
