// Sealed pages (pdf/seal.hpp): a page's drawing made into its content stream
// before the edition is bound, then written as it would have been drawn.
#include <catch2/catch.hpp>

#include "load/load.hpp"
#include "pdf/pdf.hpp"
#include "pdf/seal.hpp"
#include "pdf_test_util.hpp"

using namespace bp;
using namespace bp::test;

namespace {

// The sample pack and pages with pictures and links: every kind of item.
PackBox varied_pack(const std::string& png) {
    PackBox pack = sample_pack();
    write_rgba_png(png, 8, 8);
    std::string problem;
    std::optional<RasterImage> r = decode_image(slurp(png), kDefaultMaxImagePixels, &problem);
    REQUIRE(r);
    const auto raster = std::make_shared<const RasterImage>(std::move(*r));
    for (int i = 0; i < 6; ++i) {
        PageBox page;
        page.add(text_run("Body text " + std::to_string(i) + " " + kSpecial, pt(72), pt(72), i % 2), kP);
        const Mark figure = Mark::content(pack.structure.add(Role::Figure, 0));
        page.add(ImageBox{{pt(72), pt(100), pt(40), pt(40)}, png, raster}, figure);
        page.add(RuleLine{pt(72), pt(160), pt(300), pt(160), 500, {}}, Mark::as(Artifact::Layout));
        page.add(ImageBox{{pt(90), pt(200), pt(40), pt(40)}, png, raster}, figure);
        page.add(LinkBox{{pt(72), pt(250), pt(100), pt(14)}, "", i % 3}, kP);
        page.add(text_run("More text", pt(72), pt(300), 1), kP);
        pack.pages.push_back(page);
    }
    return pack;
}

void seal_all(PackBox& pack, const SealOptions& options = {}) {
    for (PageBox& page : pack.pages) seal_page(page, pack.structure, options);
}

// What a binding adds once the pages are numbered.
void add_footers(PackBox& pack) {
    for (std::size_t i = 0; i < pack.pages.size(); ++i)
        pack.pages[i].add(text_run("Page " + std::to_string(i + 1), pt(280), pt(800)), Mark::as(Artifact::Footer));
}

std::string uncompressed(const std::string& pdf) {
    const std::string out = pdf + ".plain.pdf";
    REQUIRE(run("qpdf --object-streams=disable --stream-data=uncompress " + quoted(pdf) + " " + quoted(out)).status == 0);
    return slurp(out);
}

std::string text_of(const std::string& pdf) {
    Run r = run("pdftotext -enc UTF-8 -layout " + quoted(pdf) + " -");
    REQUIRE(r.status == 0);
    return r.out;
}

}  // namespace

TEST_CASE("pdf: a sealed page is written with the bytes it has unsealed", "[pdf]") {
    ScratchDir dir("seal-same");
    const PackBox pack = varied_pack(dir.file("pic.png"));
    PackBox sealed = pack;
    seal_all(sealed);
    // Only what later stages read is left: links, pictures, partner pages.
    for (const PageBox& page : sealed.pages) {
        REQUIRE(page.sealed.content);
        CHECK(page.sealed.items == page.items.size());
        CHECK(page.runs().empty());
        CHECK(page.rules().empty());
        CHECK(page.fills().empty());
    }
    CHECK(sealed.pages.back().images().size() == 2);
    CHECK(sealed.pages.back().links().size() == 1);
    const std::string a = slurp(write_ok(pack, dir.file("unsealed.pdf")));
    const std::string b = slurp(write_ok(sealed, dir.file("sealed.pdf")));
    REQUIRE(a.size() > 1000);
    CHECK(a == b);
}

TEST_CASE("pdf: what is added after sealing is drawn after it, in a stream of its own", "[pdf]") {
    ScratchDir dir("seal-after");
    PackBox pack = varied_pack(dir.file("pic.png"));
    PackBox sealed = pack;
    seal_all(sealed);
    add_footers(pack);
    add_footers(sealed);
    const std::string plain_path = write_ok(pack, dir.file("unsealed.pdf"));
    const std::string sealed_path = write_ok(sealed, dir.file("sealed.pdf"));
    CHECK(text_of(sealed_path) == text_of(plain_path));
    CHECK(text_of(sealed_path).find("Page 9") != std::string::npos);
    const std::string p = uncompressed(plain_path), s = uncompressed(sealed_path);
    CHECK(count(s, "/Contents [") == pack.pages.size());
    CHECK(count(p, "/Contents [") == 0);
    // The same marked content and structure: every MCID, every figure box.
    CHECK(count(s, "/MCID ") == count(p, "/MCID "));
    CHECK(count(s, "/Artifact <</Type /Pagination /Subtype /Footer>> BDC") == pack.pages.size());
    CHECK(count(s, "/BBox [ 72 601.89 130 741.89 ]") == 6);
    CHECK(count(p, "/BBox [ 72 601.89 130 741.89 ]") == 6);
    REQUIRE(run("qpdf --check " + quoted(sealed_path)).status == 0);
}

TEST_CASE("pdf: sealed pages give the same bytes on any number of threads, items kept or not", "[pdf]") {
    ScratchDir dir("seal-threads");
    PackBox pack = varied_pack(dir.file("pic.png"));
    PackBox kept = pack;
    seal_all(pack);
    seal_all(kept, SealOptions{true, true});
    CHECK(kept.pages[0].items.size() == sample_pack().pages[0].items.size());  // kept for a dump
    add_footers(pack);
    add_footers(kept);
    const std::string one = slurp(write_ok(pack, dir.file("1.pdf"), 1));
    CHECK(slurp(write_ok(pack, dir.file("2.pdf"), 2)) == one);
    CHECK(slurp(write_ok(pack, dir.file("4.pdf"), 4)) == one);
    CHECK(slurp(write_ok(kept, dir.file("kept.pdf"), 2)) == one);
}

TEST_CASE("pdf: a sealed page's marks move with its part when the part is bound", "[pdf]") {
    ScratchDir dir("seal-graft");
    // A part of its own: P (0) > Figure-less text; bound under a pack's Document > Part.
    StructTree part;
    part.add(Role::H1, kNoStruct);
    part.add(Role::P, kNoStruct);
    PageBox page;
    page.add(text_run("Heading", pt(72), pt(72), 1), Mark::content(0));
    page.add(text_run("Paragraph", pt(72), pt(100)), Mark::content(1));
    PageBox sealed_page = page;
    seal_page(sealed_page, part, {});

    auto bind = [&](PageBox p) {
        PackBox pack = sample_pack();
        const StructId offset = pack.structure.graft(part, 0);
        p.sealed.node_offset += offset;
        for (PageItem& item : p.items)
            if (item.mark.node != kNoStruct) item.mark.node += offset;
        pack.pages.push_back(p);
        return pack;
    };
    const std::string a = slurp(write_ok(bind(page), dir.file("unsealed.pdf")));
    const std::string b = slurp(write_ok(bind(sealed_page), dir.file("sealed.pdf")));
    CHECK(a == b);
    CHECK(uncompressed(dir.file("sealed.pdf")).find("/S /H1") != std::string::npos);
}
