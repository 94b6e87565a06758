#include <catch2/catch.hpp>

#include "../load/helpers.hpp"
#include "validate/validate.hpp"

using namespace bp;
using namespace bp::test;

namespace {

// Load (which must be clean) and validate; the validation messages.
// The paper's diagnostics; the accessibility warnings only where asked for,
// since most fixtures are deliberately bare (their own test is below).
std::string check(const std::string& xml, TempDir& dir, bool accessibility = false) {
    Diagnostics d;
    std::optional<Paper> p = paper_from(dir, xml, d);
    REQUIRE(p);
    INFO(messages(d));
    REQUIRE(d.all().empty());
    validate_paper(*p, d);
    if (accessibility) return messages(d, dir.path());
    Diagnostics kept;
    for (const Diagnostic& x : d.all())
        if (x.rule != rule::image_alt.id && x.rule != rule::heading_level.id && x.rule != rule::table_header.id)
            kept.add(x.severity, x.loc, *find_rule(x.rule), x.message, x.hint);
    return messages(kept, dir.path());
}

std::string check(const std::string& xml) {
    TempDir dir;
    return check(xml, dir);
}

std::string table(const std::string& inner) { return report_xml("\n<table" + inner + "</table>"); }

}  // namespace

TEST_CASE("validate: what a screen reader cannot follow is a warning at its element", "[validate]") {
    TempDir dir;
    // (An image without alt text: tests/diagnostics/accessibility.xml.)
    CHECK(check(report_xml("\n<h1>A</h1>\n<h3>B</h3>\n<table><tbody><tr><td>x</td></tr></tbody></table>\n"
                           "<table><tbody><tr><th>h</th></tr><tr><td>x</td></tr></tbody></table>\n<h2>C</h2>"),
                dir, true) ==
          "paper.xml:3:1: warning: this <h3> follows an <h1>, so a level is skipped; use <h2> here, or add the heading "
          "above it\n"
          "paper.xml:4:1: warning: this table has no header row, so a screen reader cannot say which column a cell is "
          "in; put the column headings in <thead><tr><th>...</th></tr></thead>\n");
}

TEST_CASE("validate: a clean paper has nothing to say", "[validate]") {
    CHECK(check(table(" widths=\"* * *\"><thead><tr><th>a</th><th>b</th><th>c</th></tr></thead>"
                      "<tbody><tr><td rowspan=\"2\">x</td><td colspan=\"2\">y</td></tr>"
                      "<tr><td>z</td><td rowspan=\"2\">w</td></tr><tr><td colspan=\"2\">v</td></tr></tbody>")) == "");
}

TEST_CASE("validate: rows must fill the table's columns", "[validate][table]") {
    CHECK(check(table(" widths=\"* *\"><tbody>\n<tr><td>a</td><td>b</td><td>c</td></tr>\n"
                      "<tr><td>a</td></tr>\n<tr><td colspan=\"3\">a</td></tr></tbody>")) ==
          "paper.xml:3:1: error: this row has 3 cells but the table has 2 columns (from its widths attribute); "
          "remove a cell or make a colspan smaller\n"
          "paper.xml:4:1: error: this row has 1 cell but the table has 2 columns (from its widths attribute); add "
          "a cell (an empty <td/> will do) or widen one with colspan\n"
          "paper.xml:5:1: error: this row fills 3 columns but the table has 2 columns (from its widths attribute); "
          "remove a cell or make a colspan smaller\n");
    CHECK(check(table("><tbody>\n<tr><td>a</td><td>b</td></tr>\n<tr><td rowspan=\"2\">a</td><td>b</td></tr>\n"
                      "<tr><td>b</td><td>c</td></tr></tbody>")) ==
          "paper.xml:5:1: error: this row fills 3 columns (1 held by a rowspan from above) but the table has 2 "
          "columns (from its first row); remove a cell or make a colspan smaller\n");
}

TEST_CASE("validate: a rowspan may not run past its group", "[validate][table]") {
    CHECK(check(table("><thead><tr>\n<th rowspan=\"2\">h</th></tr></thead><tbody><tr><td>x</td></tr>\n"
                      "<tr>\n<td rowspan=\"3\">y</td></tr></tbody>")) ==
          "paper.xml:3:1: error: rowspan=\"2\" runs past the end of the table header: only 1 row is left in the "
          "<thead> from here; make it rowspan=\"1\"\n"
          "paper.xml:5:1: error: rowspan=\"3\" runs past the end of the table body: only 1 row is left in the "
          "<tbody> from here; make it rowspan=\"1\"\n");
}

TEST_CASE("validate: a colspan may not run into a rowspan from above", "[validate][table]") {
    CHECK(check(table("><tbody><tr><td>a</td><td rowspan=\"2\">b</td><td>c</td></tr>\n"
                      "<tr>\n<td colspan=\"2\">x</td></tr></tbody>")) ==
          "paper.xml:4:1: error: this cell's colspan runs into a cell that spans down from a row above (rowspan); "
          "make colspan smaller\n"
          "paper.xml:3:1: error: this row fills 2 columns but the table has 3 columns (from its first row); add a "
          "cell (an empty <td/> will do) or widen one with colspan\n");
}

TEST_CASE("validate: empty things", "[validate]") {
    CHECK(check(report_xml("\n<p> </p>\n<h2/>\n<ol></ol>\n<ul><li> </li></ul>\n<table></table>\n<contact/>")) ==
          "paper.xml:2:1: error: this paragraph is empty; write its text or delete the <p>\n"
          "paper.xml:3:1: error: this heading is empty; write its text or delete it\n"
          "paper.xml:4:1: error: this list has no entries; add <li> entries or delete it\n"
          "paper.xml:5:5: error: this list entry is empty; write its text or delete the <li>\n"
          "paper.xml:6:1: error: this table has no rows; add <tr> rows in <tbody>, or delete the table\n"
          "paper.xml:7:1: error: <contact> has no lines; add a <line> each for name, telephone and e-mail\n");
    CHECK(check(minutes_xml("\n<minute><title> </title><resolved/></minute>")) ==
          "paper.xml:2:1: error: this minute has no title; write its heading in <title>, e.g. "
          "<title>Introductions</title>\n"
          "paper.xml:2:25: error: <resolved> is empty; write what was resolved in a <p> inside it\n");
}

TEST_CASE("load: links must be http(s) or mailto, reported at their href", "[load]") {
    TempDir dir;
    Diagnostics d;
    paper_from(dir, report_xml("\n<p><a href=\"https://ok/\">a</a> <a href=\"MAILTO:x@y\">b</a> <a href=\"www.x.gov.uk\">c "
                           "<b>d</b></a></p>\n<contact><line><a href=\"j.fox@leics.gov.uk\">e</a></line></contact>\n"
                           "<ul><li><a href=\"ftp://x\">f</a></li></ul>"), d);
    CHECK(messages(d, dir.path()) ==
          "paper.xml:2:62: error: the link \"www.x.gov.uk\" needs its scheme; write href=\"https://www.x.gov.uk\"\n"
          "paper.xml:3:19: error: the e-mail link \"j.fox@leics.gov.uk\" needs mailto:; write "
          "href=\"mailto:j.fox@leics.gov.uk\"\n"
          "paper.xml:4:12: error: the link \"ftp://x\" does not start with http://, https:// or mailto:; a pack can "
          "only link to web pages and e-mail addresses\n");
}

TEST_CASE("validate: sub-numbering needs a numbered paragraph first", "[validate]") {
    CHECK(check(report_xml("\n<p number=\"sub\">x</p><p>y</p><p number=\"sub\">z</p>")) ==
          "paper.xml:2:1: error: number=\"sub\" numbers a paragraph under the numbered paragraph before it, and "
          "there is none; remove number=\"sub\"\n");
}

TEST_CASE("validate: minutes without first-minute get a warning", "[validate]") {
    CHECK(check(minutes_xml("<minute><title>a</title></minute>", "")) ==
          "paper.xml:1:1: warning: <minutes> has no first-minute, so its minutes are numbered from 1; set "
          "first-minute to continue from the last meeting's minutes, e.g. first-minute=\"26\"\n");
    CHECK(check(minutes_xml("<minute number=\"4\"><title>a</title></minute>", "")) == "");
}

TEST_CASE("validate: pack rules", "[validate][manifest]") {
    TempDir dir;
    dir.write("house.xml", "<template version=\"1\"/>");
    dir.write("r.xml", report_xml("<p>Text</p>"));
    dir.write("r2.xml", report_xml("<p>Text</p>"));
    Diagnostics d;
    auto pack = load_pack(dir.write("pack.xml",
                                    "<pack version=\"1\" template=\"house\"><meeting><body>B</body><date>2015-09-17"
                                    "</date><venue>V</venue></meeting><agenda>\n"
                                    // A late paper for the supplement: not a mistake.
                                    "<item to-follow=\"true\"><title>A</title><papers src=\"r.xml\"/></item>\n"
                                    "<item exempt=\"  \"><title>B</title><papers src=\"r2.xml\"/></item>\n"
                                    "<item><title>C</title><next-meeting date=\"2015-09-17\"/>"
                                    "<next-meeting date=\"2015-12-10\"/><next-meeting date=\"2014-01-01\"/></item>\n"
                                    "<item><b></b></item>\n"
                                    "</agenda></pack>"),
                          {}, d);
    REQUIRE(pack);
    REQUIRE(d.all().empty());
    validate_pack(*pack, d);
    CHECK(messages(d, dir.path()) ==
          "pack.xml:3:1: error: agenda item 2 is exempt without a reason; write the reason in exempt=\"...\", e.g. "
          "exempt=\"Paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972\"\n"
          "pack.xml:4:1: error: the next meeting (2015-09-17) is not after this meeting (2015-09-17); check the "
          "date in <next-meeting>\n"
          "pack.xml:4:1: error: the next meeting (2014-01-01) is not after this meeting (2015-09-17); check the "
          "date in <next-meeting>\n"
          "pack.xml:5:1: error: agenda item 4 has no title; write its title as the <item>'s text or in <title>\n");
}

TEST_CASE("validate: models built by hand, not only by load", "[validate]") {
    Paper p;
    p.loc = {"hand.xml", 1, 1};
    Section s;
    Block b;
    b.loc = {"hand.xml", 2, 1};
    Table t;
    TableRow r;
    r.loc = {"hand.xml", 3, 1};
    TableCell c;
    c.colspan = 0;  // nonsense values are treated as 1, never trusted
    c.rowspan = -5;
    r.cells.push_back(c);
    t.body.push_back(r);
    t.columns.resize(2);
    b.node = t;
    s.blocks.push_back(b);
    p.sections.push_back(s);
    Diagnostics d;
    validate_paper(p, d);
    CHECK(messages(d) ==
          "hand.xml:2:1: warning: this table has no header row, so a screen reader cannot say which column a cell is "
          "in; put the column headings in <thead><tr><th>...</th></tr></thead>\n"
          "hand.xml:3:1: error: this row has 1 cell but the table has 2 columns (from its widths attribute); add a cell "
          "(an empty <td/> will do) or widen one with colspan\n");
}

TEST_CASE("validate: an item's papers, each checked where first bound, validate_pack in two parts", "[validate][manifest]") {
    TempDir dir;
    Diagnostics d;
    Paper dated = *paper_from(dir, report_xml("<p></p>"), d);
    dated.header.date = Date{2015, 9, 18};
    Paper partner;
    partner.kind = Paper::Kind::Partner;
    partner.loc = {"pack.xml", 7, 3};
    Section pdf;
    pdf.loc = partner.loc;
    pdf.partner = PartnerPdf{};
    partner.sections.push_back(pdf);
    PackManifest m;
    m.meeting.date = Date{2015, 9, 17};
    const std::vector<Paper> papers{dated, partner};

    Diagnostics first, again;
    validate_item(m, papers, [](std::size_t) { return true; }, first);
    validate_item(m, papers, [](std::size_t) { return false; }, again);
    CHECK(first.error_count() == 1);    // the empty paragraph
    CHECK(first.warning_count() == 2);  // the date, the PDF's alt text
    // Bound before: only the PDF's alt text, which belongs to each binding.
    CHECK(again.error_count() == 0);
    REQUIRE(again.warning_count() == 1);
    CHECK(again.all()[0].rule == rule::partner_alt.id);

    // validate_pack is validate_manifest, then each item with each paper once.
    PackDocument pack;
    pack.manifest = m;
    pack.manifest.items.resize(2);
    pack.papers = {papers, papers};
    Diagnostics whole, parts;
    validate_pack(pack, whole);
    validate_manifest(pack.manifest, parts);
    validate_item(m, papers, [](std::size_t) { return true; }, parts);
    validate_item(m, papers, [](std::size_t) { return false; }, parts);
    CHECK(messages(whole) == messages(parts));
}
