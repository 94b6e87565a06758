// The html stage on papers built in code: what each construct becomes in a
// page (numbers and labels as text, table headers with their scope, notes
// linked both ways, statuses read as words), the plain text the open data
// gets, and the small helpers (sizes, addresses).
#include <catch2/catch.hpp>

#include "html/html.hpp"
#include "html/markup.hpp"
#include "html/site.hpp"

using namespace bp;

namespace {

Inlines text(const std::string& s, std::uint8_t flags = 0) {
    Inline i;
    i.text = s;
    i.flags = flags;
    return {i};
}

template <class T>
Block block(T n) {
    Block b;
    b.loc = SourceLoc{"paper.xml", 1, 1};
    b.node = std::move(n);
    return b;
}

Block para(const std::string& s, Numbering n = Numbering::Auto) {
    Paragraph p;
    p.text = text(s);
    p.numbering = n;
    return block(std::move(p));
}

Paper report(Blocks bs) {
    Paper p;
    p.kind = Paper::Kind::Report;
    p.loc = SourceLoc{"paper.xml", 1, 1};
    p.header.board = "TEST BOARD";
    p.header.title = {text("A Report")};
    Section s;
    s.blocks = std::move(bs);
    p.sections.push_back(std::move(s));
    return p;
}

html::PaperPage page_of(const Paper& paper) {
    TemplateDoc tpl;
    html::PaperPlace place;
    place.file = "05-a-report.html";
    return html::render_paper(realize_paper(paper, tpl), place, html::SiteWording{}, tpl.wording);
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TableCell cell(const std::string& s, bool header = false) {
    TableCell c;
    c.header = header;
    if (!s.empty()) {
        Paragraph p;
        p.text = text(s);
        c.content.push_back(block(std::move(p)));
    }
    return c;
}

}  // namespace

TEST_CASE("html: paragraph numbers, sub-numbers and list labels are text in the page", "[html]") {
    List l;
    l.kind = ListKind::LowerAlpha;
    for (const char* s : {"first", "second"}) {
        ListItem it;
        it.content.push_back(para(s, Numbering::None));
        l.items.push_back(std::move(it));
    }
    Heading h;
    h.level = 1;
    h.text = text("Background");
    const html::PaperPage p =
        page_of(report({block(h), para("One."), para("Two."), para("Two point one.", Numbering::Sub), block(l)}));
    CHECK(has(p.body, "<h1 class=\"paper-title\">A Report</h1>"));
    CHECK(has(p.body, "<h2>Background</h2>"));
    CHECK(has(p.body, "<p id=\"para-1\" class=\"numbered\"><span class=\"num\">1.</span> One.</p>"));
    CHECK(has(p.body, "<p id=\"para-2\" class=\"numbered\"><span class=\"num\">2.</span> Two.</p>"));
    CHECK(has(p.body, "<p id=\"para-2-1\" class=\"numbered sub\"><span class=\"num\">2.1</span> Two point one.</p>"));
    CHECK(has(p.body, "<ol class=\"labelled\">"));
    CHECK(has(p.body, "<li><span class=\"label\">(a)</span> <div class=\"item\">\n<p>first</p>"));
    CHECK(has(p.body, "<span class=\"label\">(b)</span>"));
    // The open data's plain text has the same numbers and labels, in order.
    CHECK(has(p.text, "1. One.\n2. Two.\n2.1 Two point one.\n(a) first\n(b) second\n"));
    CHECK_FALSE(has(p.body, "counter"));
}

TEST_CASE("html: tables keep their header scopes, spans and statuses", "[html]") {
    Table t;
    TableRow head;
    head.cells = {cell("Measure", true), cell("Quarters", true)};
    head.cells[1].colspan = 2;
    t.head.push_back(head);
    TableRow row;
    row.cells = {cell("Crime", true), cell(""), cell("Falling")};
    row.cells[1].status = {Rag::Amber};
    row.cells[0].rowspan = 2;
    row.cells[2].status = {Rag::Green};
    t.body.push_back(row);
    TableRow row2;
    row2.cells = {cell("1"), cell("2")};
    t.body.push_back(row2);
    Heading h;
    h.level = 2;
    h.text = text("Dashboard");
    const html::PaperPage p = page_of(report({block(h), block(t)}));
    // The heading before the table is its caption; the table scrolls in a
    // named box the keyboard reaches.
    CHECK(has(p.body, "<div class=\"table\" role=\"region\" tabindex=\"0\" aria-labelledby=\"table-1-caption\">"));
    CHECK(has(p.body, "<caption id=\"table-1-caption\"><h2>Dashboard</h2></caption>"));
    CHECK(has(p.body, "<th scope=\"col\">Measure</th>"));
    CHECK(has(p.body, "<th scope=\"colgroup\" colspan=\"2\">Quarters</th>"));
    CHECK(has(p.body, "<th scope=\"rowgroup\" rowspan=\"2\">Crime</th>"));
    // A status alone: its letter on its colour, read as its word.
    CHECK(has(p.body, "<td><span class=\"rag rag-amber\" role=\"img\" aria-label=\"Amber\">A</span></td>"));
    // A status with text: the word leads the text, the cell takes the colour.
    CHECK(has(p.body, "<td class=\"rag rag-green\"><b>G: </b>Falling</td>"));
    CHECK(has(p.body, "<thead>"));
    CHECK(has(p.body, "<tbody>"));
}

TEST_CASE("html: a footnote follows the text that calls it, linked both ways", "[html]") {
    Paragraph para_with_note;
    para_with_note.numbering = Numbering::Auto;
    para_with_note.text = text("See the act");
    Inline fn;
    fn.kind = Inline::Kind::Footnote;
    fn.note = text("Section 29.");
    para_with_note.text.push_back(fn);
    para_with_note.text.push_back(text(" for more.")[0]);
    const html::PaperPage p = page_of(report({block(para_with_note), para("Next.")}));
    const std::size_t ref = p.body.find("<sup class=\"note-ref\"><a id=\"ref-1\" href=\"#note-1\" aria-label=\"Note 1\">1</a></sup>");
    const std::size_t note = p.body.find("<div class=\"note\" role=\"note\" id=\"note-1\"><p><a class=\"label\" href=\"#ref-1\" "
                                         "aria-label=\"Note 1, back to the text\">1</a> Section 29.</p></div>");
    const std::size_t next = p.body.find("Next.");
    REQUIRE(ref != std::string::npos);
    REQUIRE(note != std::string::npos);
    CHECK(ref < note);
    CHECK(note < next);
}

TEST_CASE("html: text and attributes are escaped, pictures named after the page", "[html]") {
    Image img;
    img.path = "pictures/Chart One.PNG";
    img.alt = "Crime \"falls\" <sharply> & steadily";
    img.raster = std::make_shared<RasterImage>();
    auto raster = std::make_shared<RasterImage>();
    raster->width = 400;
    raster->height = 200;
    img.raster = raster;
    img.width = 150000;  // 150 pt: 200 CSS pixels
    const html::PaperPage p = page_of(report({para("Tom & Jerry <b>", Numbering::None), block(img)}));
    CHECK(has(p.body, "<p>Tom &amp; Jerry &lt;b&gt;</p>"));
    CHECK(has(p.body, "<img src=\"05-a-report-1.png\" alt=\"Crime &quot;falls&quot; &lt;sharply&gt; &amp; steadily\" "
                      "width=\"200\" height=\"100\">"));
    REQUIRE(p.files.size() == 1);
    CHECK(p.files[0].source == "pictures/Chart One.PNG");
    CHECK(p.files[0].name == "05-a-report-1.png");
}

TEST_CASE("html: sizes as links say them, addresses under the site's", "[html]") {
    const html::SiteWording w;
    CHECK(html::size_text(10, w) == "1 KB");
    CHECK(html::size_text(245'400, w) == "245 KB");
    CHECK(html::size_text(1'250'000, w) == "1.3 MB");
    CHECK(html::site_address("", "../pack.pdf") == "../pack.pdf");
    CHECK(html::site_address("https://example.org/meetings/m1/site/", "index.html") ==
          "https://example.org/meetings/m1/site/index.html");
    CHECK(html::site_address("https://example.org/meetings/m1/site/", "../pack.pdf") ==
          "https://example.org/meetings/m1/pack.pdf");
    CHECK(html::site_address("https://example.org/meetings/m1/site/", "../items/05 a.pdf") ==
          "https://example.org/meetings/m1/items/05%20a.pdf");
    // Never above the host.
    CHECK(html::site_address("https://example.org/site/", "../../../x.pdf") == "https://example.org/x.pdf");
    CHECK(html::site_address("https://example.org", "index.html") == "https://example.org/index.html");
    CHECK(html::paper_page_name("05-prevent-update", 0) == "05-prevent-update.html");
    CHECK(html::paper_page_name("05-prevent-update", 1) == "05-prevent-update-2.html");
}

TEST_CASE("html text and attributes are escaped wherever the special characters stand", "[html]") {
    CHECK(bp::html::text("") == "");
    CHECK(bp::html::text("Pages 3 - 8, \"quoted\"") == "Pages 3 - 8, \"quoted\"");
    CHECK(bp::html::text("<b>&amp;</b>") == "&lt;b&gt;&amp;amp;&lt;/b&gt;");
    CHECK(bp::html::text("a<") == "a&lt;");
    CHECK(bp::html::text("&x") == "&amp;x");
    CHECK(bp::html::attr("say \"5 > 4\" & 'so'") == "say &quot;5 &gt; 4&quot; &amp; 'so'");
    CHECK(bp::html::attr("\"") == "&quot;");
    std::string out = "kept ";
    bp::html::append_text(out, "\xC2\xA3" "5 < \xE2\x80\x93");
    CHECK(out == "kept \xC2\xA3" "5 &lt; \xE2\x80\x93");
}
