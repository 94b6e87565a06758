// Content streams and the ToUnicode CMap, checked as bytes (no PDF written).
#include <catch2/catch.hpp>

#include "pdf/content.hpp"
#include "pdf_test_util.hpp"

using namespace bp;
using namespace std::string_literals;
using bp::test::kP;
using bp::test::test_structure;
using bp::test::text_run;

namespace {

std::string content_of(const PageBox& page, std::vector<pdf::CodeSet>* used_out = nullptr) {
    pdf::PageNames names;
    names.fonts = {"F1", "F2"};
    names.images.assign(page.images().size(), "X1");
    std::vector<pdf::CodeSet> used(2);
    std::string out;
    std::vector<StructId> mcids;
    pdf::build_page_content(page, test_structure(), names, out, used, mcids);
    if (used_out) *used_out = used;
    return out;
}

std::string number(Mpt v) {
    std::string s;
    pdf::append_number(s, v);
    return s;
}

}  // namespace

TEST_CASE("pdf: millipoints print as short exact PDF numbers", "[pdf]") {
    CHECK(number(0) == "0");
    CHECK(number(72000) == "72");
    CHECK(number(72500) == "72.5");
    CHECK(number(595276) == "595.276");
    CHECK(number(841890) == "841.89");
    CHECK(number(-500) == "-0.5");
    CHECK(number(-1) == "-0.001");
    CHECK(number(10) == "0.01");
}

TEST_CASE("pdf: UTF-8 becomes 2-byte codes, bad bytes become U+FFFD", "[pdf]") {
    CHECK(pdf::utf8_to_codes("A£–→") == std::u16string{u'A', 0x00A3, 0x2013, 0x2192});
    CHECK(pdf::utf8_to_codes("a\xFF\x62") == std::u16string{u'a', 0xFFFD, u'b'});
    CHECK(pdf::utf8_to_codes("\xC0\xAF") == std::u16string{0xFFFD, 0xFFFD});  // overlong '/'
    // A surrogate is not a character: each of its three bytes is replaced.
    CHECK(pdf::utf8_to_codes("\xED\xA0\x80") == std::u16string{0xFFFD, 0xFFFD, 0xFFFD});
    CHECK(pdf::utf8_to_codes("x\xE2\x82") == std::u16string{u'x', 0xFFFD, 0xFFFD});  // truncated
    CHECK(pdf::utf8_to_codes("\xF0\x9F\x98\x80") == std::u16string{0xFFFD});  // beyond the BMP
}

TEST_CASE("pdf: a run is drawn at its baseline measured from the page top", "[pdf]") {
    PageBox page;  // A4: 841.89 pt tall
    page.add(text_run("Hi", pt(72), pt(100), 0, pt(12)), kP);
    CHECK(content_of(page) == "BT\n/P <</MCID 0>> BDC\n/F1 12 Tf\n72 741.89 Td (\0H\0i\0 )Tj\nEMC\nET\n"s);
}

TEST_CASE("pdf: font, size and colour are set only when they change", "[pdf]") {
    PageBox page;
    page.add(text_run("a", pt(72), pt(100)), kP);
    page.add(text_run("b", pt(80), pt(100)), kP);
    page.add(text_run("c", pt(90), pt(100), 1), kP);
    page.add(text_run("d", pt(72), pt(114), 1, pt(11), {255, 0, 0}), kP);
    page.add(text_run("e", pt(80), pt(114), 1, pt(11), {255, 0, 0}), kP);
    page.add(text_run("", pt(80), pt(114), 0, pt(30)), kP);  // empty: nothing at all
    const std::string c = content_of(page);
    CHECK(bp::test::count(c, "BT\n") == 1);
    CHECK(bp::test::count(c, "ET\n") == 1);
    CHECK(bp::test::count(c, " Tf\n") == 2);
    CHECK(bp::test::count(c, "/F2 11 Tf") == 1);
    CHECK(bp::test::count(c, "1 0 0 rg\n") == 1);
    CHECK(c.find("30 Tf") == std::string::npos);
    // Td is relative to the previous run's start: 8 pt right, then 10, then
    // back 18 and 14 down.
    CHECK(c.find("8 0 Td") != std::string::npos);
    CHECK(c.find("10 0 Td") != std::string::npos);
    CHECK(c.find("-18 -14 Td") != std::string::npos);
}

TEST_CASE("pdf: string delimiters and CR bytes in codes are escaped", "[pdf]") {
    PageBox page;
    // '(' is 00 28; U+5C29 is the bytes '\' ')'; U+0D0D is two CRs.
    page.add(text_run("(\xE5\xB0\xA9\xE0\xB4\x8D", 0, pt(10)), kP);
    const std::string c = content_of(page);
    CHECK(c.find("(\0\\(\\\\\\)\\r\\r\0 )Tj"s) != std::string::npos);
}

TEST_CASE("pdf: items are painted in their order, in page coordinates", "[pdf]") {
    PageBox page;
    page.width = pt(200);
    page.height = pt(100);
    page.add(FillRect{{pt(10), pt(20), pt(30), pt(40)}, {128, 128, 128}}, kP);
    page.add(ImageBox{{pt(5), pt(10), pt(50), pt(25)}, "logo.png", nullptr}, kP);
    page.add(RuleLine{pt(0), pt(50), pt(200), pt(50), 500, {0, 0, 255}}, kP);
    page.add(text_run("x", pt(1), pt(2)), kP);
    const std::string c = content_of(page);
    const std::string expected =
        "/P <</MCID 0>> BDC\n"
        "0.502 g\n10 40 30 40 re f\n"
        "q 50 0 0 25 5 65 cm /X1 Do Q\n"
        "0.5 w\n0 0 1 RG\n0 50 m 200 50 l S\n"
        "BT\n/F1 11 Tf\n0 g\n1 98 Td (\0x\0 )Tj\nET\nEMC\n"s;
    CHECK(c == expected);
}

TEST_CASE("pdf: the codes drawn are recorded per face", "[pdf]") {
    PageBox page;
    page.add(text_run("ab", 0, pt(10), 0), kP);
    page.add(text_run("£", 0, pt(20), 1), kP);
    std::vector<pdf::CodeSet> used;
    content_of(page, &used);
    // Each run ends a line, so each face also draws the word space after it.
    CHECK(used[0].count() == 3);
    CHECK(used[0].test('a'));
    CHECK(used[0].test(' '));
    CHECK(used[1].count() == 2);
    CHECK(used[1].test(0xA3));
}

TEST_CASE("pdf: the space a line break took is written after the line's last run", "[pdf]") {
    PageBox page;
    GlyphRun held = text_run("meeting held", pt(72), pt(100));
    held.width = pt(60);
    GlyphRun bold = text_run("at", pt(132), pt(100), 1);  // a change of font right where "held" ends
    bold.width = pt(10);
    page.add(held, kP);
    page.add(bold, kP);
    page.add(text_run("County Hall.", pt(72), pt(114)), kP);  // the next line of the paragraph
    page.add(text_run("Page 1", pt(300), pt(800)), Mark::as(Artifact::Footer));
    const std::string c = content_of(page);
    CHECK(c.find("(\0m\0e\0e\0t\0i\0n\0g\0 \0h\0e\0l\0d)Tj"s) != std::string::npos);
    CHECK(c.find("(\0a\0t\0 )Tj"s) != std::string::npos);
    CHECK(c.find("(\0C\0o\0u\0n\0t\0y\0 \0H\0a\0l\0l\0.\0 )Tj"s) != std::string::npos);
    CHECK(c.find("(\0P\0a\0g\0e\0 \0001)Tj"s) != std::string::npos);  // artifacts are not read
}

TEST_CASE("pdf: a raised ordinal is read with its number, no space between", "[pdf]") {
    PageBox page;
    GlyphRun day = text_run("8", pt(72), pt(100));
    day.width = pt(6);
    GlyphRun th = text_run("TH", pt(78), pt(100) - pt(4), 0, pt(8));  // raised a third of 11 pt
    th.width = pt(9);
    GlyphRun month = text_run(" SEPTEMBER 2016", pt(87), pt(100));
    month.width = pt(90);
    page.add(day, kP);
    page.add(th, kP);
    page.add(month, kP);
    const std::string c = content_of(page);
    CHECK(c.find("(\0008)Tj"s) != std::string::npos);  // "8", not "8 "
    CHECK(c.find("(\0T\0H)Tj"s) != std::string::npos);
    CHECK(c.find("(\08 )"s) == std::string::npos);
}

TEST_CASE("pdf: the ToUnicode CMap uses bfchar blocks of at most 100", "[pdf]") {
    pdf::CodeSet codes;
    for (int c = 0x20; c < 0x20 + 150; ++c) codes.set(c);
    codes.set(0x2192);
    const std::string cmap = pdf::to_unicode_cmap(codes);
    CHECK(bp::test::count(cmap, "100 beginbfchar\n") == 1);
    CHECK(bp::test::count(cmap, "51 beginbfchar\n") == 1);
    CHECK(bp::test::count(cmap, "endbfchar\n") == 2);
    CHECK(cmap.find("<2192> <2192>\n") != std::string::npos);
    CHECK(cmap.find("<0020> <0020>\n") != std::string::npos);
    CHECK(cmap.find("cidrange") == std::string::npos);
    CHECK(cmap.find("/CMapType 2 def") != std::string::npos);

    const std::string empty = pdf::to_unicode_cmap(pdf::CodeSet());
    CHECK(empty.find("beginbfchar") == std::string::npos);
    CHECK(empty.find("endcmap") != std::string::npos);
}

TEST_CASE("pdf: each run of items with one mark is one marked-content sequence", "[pdf]") {
    StructTree tree = test_structure();
    const StructId h1 = tree.add(Role::H1, 0);
    PageBox page;
    page.add(text_run("Title", pt(72), pt(80)), Mark::content(h1));
    page.add(text_run("Body", pt(72), pt(100)), Mark::content(1));
    page.add(FillRect{{pt(72), pt(110), pt(128), pt(2)}, {200, 200, 200}}, Mark::as(Artifact::Layout));
    page.add(text_run("more", pt(72), pt(120)), Mark::content(1));
    page.add(text_run("Page 3", pt(72), pt(800)), Mark::as(Artifact::Footer));
    page.add(LinkBox{{pt(72), pt(90), pt(50), pt(12)}, "https://example.org", -1}, Mark::content(1));
    pdf::PageNames names;
    names.fonts = {"F1", "F2"};
    std::vector<pdf::CodeSet> used(2);
    std::vector<StructId> mcids;
    std::string c;
    pdf::build_page_content(page, tree, names, c, used, mcids);
    // Body text before and after the fill gets two MCIDs of the same P.
    CHECK(mcids == std::vector<StructId>{h1, 1, 1});
    // Text-only sequences sit inside one text object, which goes on from
    // one to the next; the fill ends it, outside any sequence.
    CHECK(c.find("BT\n/H1 <</MCID 0>> BDC\n") == 0);
    CHECK(c.find("EMC\n/P <</MCID 1>> BDC\n") != std::string::npos);
    CHECK(c.find("EMC\nET\n/Artifact <</Type /Layout>> BDC\n0.784 g\n") != std::string::npos);
    CHECK(c.find("EMC\nBT\n/P <</MCID 2>> BDC\n") != std::string::npos);
    CHECK(c.find("EMC\n/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n") != std::string::npos);
    CHECK(bp::test::count(c, "BDC\n") == bp::test::count(c, "EMC\n"));
    CHECK(bp::test::count(c, "BT\n") == bp::test::count(c, "ET\n"));
    // The link is an annotation: it paints nothing and opens no sequence.
    CHECK(bp::test::count(c, "BDC\n") == 5);
}

TEST_CASE("pdf: table borders are joined and drawn after the cells, in one artifact sequence", "[pdf]") {
    StructTree tree = test_structure();
    const StructId a = tree.add(Role::TD, 0), b = tree.add(Role::TD, 0);
    PageBox page;
    page.height = pt(822);  // so the rows are at whole numbers from the bottom
    // Two cells side by side, each with its four borders, as layout makes them.
    const Mpt top = pt(100), bottom = pt(120), x0 = pt(72), x1 = pt(150), x2 = pt(228);
    auto cell = [&](Mpt l, Mpt r, StructId node, const char* text) {
        page.add(text_run(text, l + pt(3), top + pt(12)), Mark::content(node));
        page.add(RuleLine{l, top, r, top, 500, {}}, Mark::as(Artifact::Layout));
        page.add(RuleLine{l, bottom, r, bottom, 500, {}}, Mark::as(Artifact::Layout));
        page.add(RuleLine{l, top, l, bottom, 500, {}}, Mark::as(Artifact::Layout));
        page.add(RuleLine{r, top, r, bottom, 500, {}}, Mark::as(Artifact::Layout));
    };
    cell(x0, x1, a, "Left");
    cell(x1, x2, b, "Right");
    // A rule of content (an underline) stays where it is.
    page.add(RuleLine{x0, pt(130), x1, pt(130), 500, {}}, Mark::content(b));
    pdf::PageNames names;
    names.fonts = {"F1", "F2"};
    std::vector<pdf::CodeSet> used(2);
    std::vector<StructId> mcids;
    std::string c;
    pdf::build_page_content(page, tree, names, c, used, mcids);
    CHECK(mcids == std::vector<StructId>{a, b});
    // The cells follow one another with no artifact between them; the
    // second, with its underline, opens outside the text object.
    CHECK(c.find("EMC\nET\n/TD <</MCID 1>> BDC\n") != std::string::npos);
    CHECK(bp::test::count(c, "/Artifact") == 1);
    // Eight segments become five lines: the top and the bottom across both
    // cells, three edges down (the shared one once); and the underline.
    CHECK(bp::test::count(c, " l S\n") == 5 + 1);
    CHECK(c.find("72 722 m 228 722 l S\n") != std::string::npos);  // the top, both cells at once
    CHECK(c.find("72 702 m 228 702 l S\n") != std::string::npos);
    CHECK(c.find("150 722 m 150 702 l S\n") != std::string::npos);
    CHECK(bp::test::count(c, "150 722 m 150 702 l S\n") == 1);
    // The borders come after all the content.
    CHECK(c.rfind("/Artifact") > c.rfind("/TD"));
    CHECK(c.rfind("EMC\n") == c.size() - 4);
}

TEST_CASE("pdf: an item that belongs to nothing is refused", "[pdf]") {
    PageBox page;
    page.add(text_run("stray", pt(72), pt(80)));
    CHECK_THROWS_AS(content_of(page), std::logic_error);
}
