#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace bp;
using namespace bp::test;

TEST_CASE("load: report header", "[load][paper]") {
    TempDir dir;
    Diagnostics d;
    auto p = paper_from(dir,
                        "<report version=\"1\"><header><board> LSCSB\n BOARD </board><date>2015-09-17</date>"
                        "<title>First</title><title>Second <i>line</i></title><line>REPORT OF X</line></header>"
                        "</report>",
                        d);
    REQUIRE(p);
    CHECK(d.all().empty());
    CHECK(p->kind == Paper::Kind::Report);
    CHECK(p->header.board == "LSCSB BOARD");
    REQUIRE(p->header.date);
    CHECK(*p->header.date == Date{2015, 9, 17});
    REQUIRE(p->header.title.size() == 2);
    CHECK(runs(p->header.title[1]) == "{Second }{i:line}");
    REQUIRE(p->header.lines.size() == 1);
    CHECK(p->sections.empty());
}

TEST_CASE("load: paragraph numbering defaults by where the paragraph is", "[load][paper]") {
    Blocks b = first_blocks(report_xml(
        "<p>auto</p><p number=\"none\">none</p><p number=\"sub\">sub</p><p number=\"5\">five</p>"
        "<blockquote><p>q</p></blockquote><ul><li><p>li</p></li></ul><keep><p>kept</p></keep>"
        "<table><tbody><tr><td><p>cell</p></td></tr></tbody><notes><p>note</p></notes></table>"));
    REQUIRE(b.size() == 8);
    CHECK(node<Paragraph>(b[0]).numbering == Numbering::Auto);
    CHECK(node<Paragraph>(b[1]).numbering == Numbering::None);
    CHECK(node<Paragraph>(b[2]).numbering == Numbering::Sub);
    CHECK(node<Paragraph>(b[3]).numbering == Numbering::Auto);
    CHECK(node<Paragraph>(b[3]).restart == 5);
    CHECK(node<Paragraph>(node<BlockQuote>(b[4]).content[0]).numbering == Numbering::None);
    CHECK(node<Paragraph>(node<List>(b[5]).items[0].content[0]).numbering == Numbering::None);
    CHECK(node<Paragraph>(node<KeepTogether>(b[6]).content[0]).numbering == Numbering::Auto);
    const Table& t = node<Table>(b[7]);
    CHECK(node<Paragraph>(t.body[0].cells[0].content[0]).numbering == Numbering::None);
    CHECK(node<Paragraph>(t.notes[0]).numbering == Numbering::None);
}

TEST_CASE("load: recommendations become a heading and numbered paragraphs", "[load][paper]") {
    Blocks b = first_blocks(report_xml(
        "<recommendations><p>That:</p><ol type=\"a\"><li>notes;</li></ol></recommendations>"));
    REQUIRE(b.size() == 3);
    CHECK(node<Heading>(b[0]).level == 1);
    CHECK(runs(node<Heading>(b[0]).text) == "{Recommendations}");
    CHECK(node<Paragraph>(b[1]).numbering == Numbering::Auto);
    CHECK(node<List>(b[2]).kind == ListKind::LowerAlpha);
    Blocks titled = first_blocks(report_xml("<recommendations title=\"Recommendation\"><p>x</p></recommendations>"));
    REQUIRE(titled.size() == 2);
    CHECK(runs(node<Heading>(titled[0]).text) == "{Recommendation}");
}

TEST_CASE("load: sections, appendices and the implicit first section", "[load][paper]") {
    TempDir dir;
    Diagnostics d;
    auto p = paper_from(dir,
                        report_xml("<p>one</p><section orientation=\"landscape\" new-page=\"true\"><p>two</p>"
                                   "</section><p>three</p><appendix title=\"Appendix 1 -\n Dashboard\" "
                                   "orientation=\"landscape\"><cover><title>C</title><date>2016-06-01</date></cover>"
                                   "<table><tbody><tr><td>x</td></tr></tbody></table></appendix>"),
                        d);
    REQUIRE(p);
    INFO(messages(d));
    CHECK(d.all().empty());
    REQUIRE(p->sections.size() == 4);
    CHECK(p->sections[0].orientation == Orientation::Portrait);
    CHECK_FALSE(p->sections[0].new_page);
    CHECK(p->sections[1].orientation == Orientation::Landscape);
    CHECK(p->sections[1].new_page);
    CHECK(p->sections[2].blocks.size() == 1);
    CHECK(p->sections[3].new_page);
    CHECK(p->sections[3].orientation == Orientation::Landscape);
    CHECK(runs(p->sections[3].title) == "{Appendix 1 - Dashboard}");
    REQUIRE(p->sections[3].blocks.size() == 2);
    const Cover& c = node<Cover>(p->sections[3].blocks[0]);
    CHECK(runs(c.title) == "{C}");
    CHECK(c.date == Date{2016, 6, 1});
}

TEST_CASE("load: lists", "[load][paper]") {
    Blocks b = first_blocks(report_xml(
        "<ol type=\"A\" start=\"3\"><li>text <b>bold</b><ul><li>nested</li></ul>after</li></ol>"
        "<ol type=\"i\"><li/></ol><ol type=\"1\"><li>x</li></ol><ol><li>x</li></ol><ul><li>x</li></ul>"));
    REQUIRE(b.size() == 5);
    const List& l = node<List>(b[0]);
    CHECK(l.kind == ListKind::UpperAlpha);
    CHECK(l.start == 3);
    REQUIRE(l.items.size() == 1);
    const Blocks& c = l.items[0].content;
    REQUIRE(c.size() == 3);
    CHECK(runs(node<Paragraph>(c[0]).text) == "{text }{b:bold}");
    CHECK(node<List>(c[1]).kind == ListKind::Bullet);
    CHECK(runs(node<Paragraph>(c[2]).text) == "{after}");
    CHECK(node<List>(b[1]).kind == ListKind::LowerRoman);
    CHECK(node<List>(b[1]).items[0].content.empty());
    CHECK(node<List>(b[2]).kind == ListKind::Decimal);
    CHECK(node<List>(b[3]).kind == ListKind::LowerAlpha);
    CHECK(node<List>(b[4]).kind == ListKind::Bullet);
}

TEST_CASE("load: tables", "[load][table]") {
    Blocks b = first_blocks(report_xml(
        "<table widths=\"3* * 40mm auto\">"
        "<thead><tr><th>A</th><th>B</th><th>C</th><th>D</th></tr></thead>"
        "<tbody><tr style=\"italic\"><td colspan=\"4\">group</td></tr>"
        "<tr><td rowspan=\"2\">span</td><td status=\"A\"/><td fill=\"#D9d9d9\" align=\"right\">  1 </td>"
        "<td><p>para</p><ul><li>x</li></ul></td></tr>"
        "<tr><td status=\"G\">g</td><td status=\"R\"/><td/></tr></tbody>"
        "<notes>* April to June only.</notes></table>"));
    const Table& t = node<Table>(b[0]);
    REQUIRE(t.columns.size() == 4);
    CHECK(t.columns[0].kind == TableColumn::Kind::Proportional);
    CHECK(t.columns[0].weight == 3);
    CHECK(t.columns[1].weight == 1);
    CHECK(t.columns[2].kind == TableColumn::Kind::Fixed);
    CHECK(t.columns[2].fixed == mm(40));
    CHECK(t.columns[3].kind == TableColumn::Kind::Auto);
    REQUIRE(t.head.size() == 1);
    CHECK(t.head[0].cells[0].header);
    REQUIRE(t.body.size() == 3);
    CHECK(t.body[0].flags == kItalic);
    CHECK(t.body[0].cells[0].colspan == 4);
    const TableRow& r = t.body[1];
    CHECK(r.cells[0].rowspan == 2);
    CHECK_FALSE(r.cells[0].header);
    CHECK(r.cells[1].status == std::vector{Rag::Amber});
    CHECK(r.cells[1].content.empty());
    REQUIRE(r.cells[2].fill);
    CHECK(*r.cells[2].fill == Color{0xd9, 0xd9, 0xd9});
    CHECK(r.cells[2].align == Align::Right);
    REQUIRE(r.cells[2].content.size() == 1);
    CHECK(runs(node<Paragraph>(r.cells[2].content[0]).text) == "{1}");
    REQUIRE(r.cells[3].content.size() == 2);
    CHECK(t.body[2].cells[0].status == std::vector{Rag::Green});
    CHECK(t.body[2].cells[1].status == std::vector{Rag::Red});
    REQUIRE(t.notes.size() == 1);
    CHECK(runs(node<Paragraph>(t.notes[0]).text) == "{* April to June only.}");
}

TEST_CASE("load: a table's own type size and several statuses in a cell", "[load][table]") {
    Blocks b = first_blocks(report_xml(
        "<table size=\"7.5pt\"><tbody><tr><td status=\"G A\"/><td status=\"Red\">Late</td></tr></tbody></table>"
        "<table><tbody><tr><td>x</td></tr></tbody></table>"));
    REQUIRE(b.size() == 2);
    const Table& t = node<Table>(b[0]);
    REQUIRE(t.type_size);
    CHECK(*t.type_size == pt(7.5));
    CHECK(t.body[0].cells[0].status == std::vector{Rag::Green, Rag::Amber});
    CHECK_FALSE(t.body[0].cells[0].status_words);
    CHECK(t.body[0].cells[1].status == std::vector{Rag::Red});
    CHECK(t.body[0].cells[1].status_words);
    CHECK_FALSE(node<Table>(b[1]).type_size);
}

TEST_CASE("load: footnotes in paragraphs and list entries", "[load][footnote]") {
    Blocks b = first_blocks(report_xml(
        "<p>Crime fell <fn>Police <b>recorded</b> crime.</fn> across the county.</p>"
        "<ul><li>Entry<fn>In a list.</fn></li></ul>"));
    REQUIRE(b.size() == 2);
    const Inlines& t = node<Paragraph>(b[0]).text;
    REQUIRE(t.size() == 3);
    CHECK(t[0].text == "Crime fell");  // the space before the note is dropped
    CHECK(t[1].kind == Inline::Kind::Footnote);
    CHECK(runs(t[1].note) == "{Police }{b:recorded}{ crime.}");
    CHECK(t[2].text == " across the county.");
    const Inlines& li = node<Paragraph>(node<List>(b[1]).items[0].content[0]).text;
    REQUIRE(li.size() == 2);
    CHECK(li[1].kind == Inline::Kind::Footnote);
    CHECK(plain_text(t) == "Crime fell across the county.");
}

TEST_CASE("load: images resolve against the paper's folder", "[load][paper]") {
    TempDir dir;
    dir.write("papers/img/chart.png", kPngBytes);
    Diagnostics d;
    auto p = load_paper(dir.write("papers/r.xml", report_xml("<img src=\"img/chart.png\" alt=\" A  chart \" "
                                                               "width=\"80mm\" align=\"center\"/>")),
                        dir.path(), d);
    REQUIRE(p);
    CHECK(d.all().empty());
    const Image& img = node<Image>(p->sections[0].blocks[0]);
    CHECK(img.path == dir.path("papers/img/chart.png"));
    CHECK(img.alt == "A chart");
    CHECK(img.width == mm(80));
    CHECK(img.align == Align::Center);
}

TEST_CASE("load: paths may not leave the pack's folder", "[load][paths]") {
    TempDir dir;
    dir.write("outside.png", kPngBytes);
    dir.write("pack/inside.png", kPngBytes);
    Diagnostics d;
    std::string xml = report_xml("<img src=\"../outside.png\"/>\n<img src=\"sub/../inside.png\"/>\n"
                                 "<img src=\"missing.png\"/>");
    auto p = load_paper(dir.write("pack/r.xml", xml), dir.path("pack"), d);
    REQUIRE(p);
    // messages() cuts the temp folder out of paths.
    CHECK(messages(d, dir.path()) ==
          "pack/r.xml:1:106: error: the image \"../outside.png\" lies outside the pack's folder (pack); copy it "
          "into the folder\n"
          "pack/r.xml:3:6: error: image file \"missing.png\" not found (looked for pack/missing.png)\n");

    Diagnostics abs;
    load_paper(dir.write("pack/a.xml", report_xml("<img src=\"" + dir.path("outside.png") + "\"/>")),
               dir.path("pack"), abs);
    REQUIRE(abs.all().size() == 1);
    CHECK_THAT(abs.all()[0].message, Catch::Contains("lies outside the pack's folder"));

    Diagnostics anywhere;
    load_paper(dir.write("pack/b.xml", report_xml("<img src=\"../outside.png\"/>")), "", anywhere);
    CHECK(anywhere.all().empty());
}

TEST_CASE("load: minutes", "[load][paper]") {
    Blocks b = first_blocks(minutes_xml(
        "<attendance><group title=\"Present\"><person><name>Cllr A</name><role>Council</role></person>"
        "<person><name>B</name></person></group><group><person><name>C</name></person></group></attendance>"
        "<minute><title>Introductions</title><p>Welcome.</p><p class=\"chair\">Mr X in the Chair</p>"
        "<p number=\"3\">n</p><resolved label=\"AGREED\"><p>That it be noted.</p></resolved></minute>"
        "<minute number=\"40\"><title>Next</title><resolved><ol><li>a</li></ol></resolved></minute>"
        "<signature times=\"2.00 - 3.10 pm\" date=\"2015-06-18\"/>"));
    REQUIRE(b.size() == 4);
    const Attendance& a = node<Attendance>(b[0]);
    REQUIRE(a.groups.size() == 2);
    CHECK(a.groups[0].title == "Present");
    REQUIRE(a.groups[0].people.size() == 2);
    CHECK(runs(a.groups[0].people[0].role) == "{Council}");
    CHECK(a.groups[0].people[1].role.empty());
    CHECK(a.groups[1].title.empty());
    const Minute& m = node<Minute>(b[1]);
    CHECK(runs(m.title) == "{Introductions}");
    CHECK_FALSE(m.number);
    REQUIRE(m.content.size() == 4);
    CHECK(node<Paragraph>(m.content[0]).numbering == Numbering::None);
    CHECK(node<Paragraph>(m.content[1]).role == "chair");
    CHECK(node<Paragraph>(m.content[2]).numbering == Numbering::Auto);
    CHECK(node<Paragraph>(m.content[2]).restart == 3);
    const Resolution& r = node<Resolution>(m.content[3]);
    CHECK(r.label == "AGREED");
    CHECK(node<Minute>(b[2]).number == 40);
    CHECK(node<Resolution>(node<Minute>(b[2]).content[0]).label == "RESOLVED");
    const Signature& s = node<Signature>(b[3]);
    CHECK(s.times == "2.00 - 3.10 pm");
    CHECK(s.date == Date{2015, 6, 18});
    CHECK(s.role == "CHAIRMAN");
}

TEST_CASE("load: minutes header and first minute", "[load][paper]") {
    TempDir dir;
    Diagnostics d;
    auto p = paper_from(dir, minutes_xml(""), d);
    REQUIRE(p);
    CHECK(p->kind == Paper::Kind::Minutes);
    CHECK(p->first_minute == 26);
    CHECK(p->venue == "County Hall");
    CHECK(p->header.board == "Board");
    CHECK(p->header.date == Date{2015, 6, 18});
}

TEST_CASE("load: documents: cover, blocks, sections, unnumbered paragraphs", "[load][paper]") {
    TempDir dir;
    Diagnostics d;
    auto p = paper_from(dir,
                        "<document version=\"1\"><cover><title>Review</title><subtitle>S</subtitle>"
                        "<author>A</author></cover><h1>H</h1><p>x</p><p number=\"1\">y</p>"
                        "<section orientation=\"landscape\"><p>z</p></section>"
                        "<appendix title=\"Appendix A\"><p>w</p></appendix></document>",
                        d);
    REQUIRE(p);
    INFO(messages(d));
    CHECK(d.all().empty());
    CHECK(p->kind == Paper::Kind::Document);
    REQUIRE(p->sections.size() == 3);
    const Blocks& b = p->sections[0].blocks;
    REQUIRE(b.size() == 4);
    CHECK(runs(node<Cover>(b[0]).subtitle) == "{S}");
    CHECK(node<Paragraph>(b[2]).numbering == Numbering::None);
    CHECK(node<Paragraph>(b[3]).numbering == Numbering::Auto);
    CHECK(p->sections[2].new_page);
}

TEST_CASE("load: a cover with several authors and its own orientation", "[load][paper]") {
    TempDir dir;
    Diagnostics d;
    auto p = paper_from(dir,
                        "<document version=\"1\"><cover orientation=\"landscape\"><title>Review</title>"
                        "<author>Rik Basra</author><author>Gurjit <i>Samra-Rai</i></author><date>2016-06</date>"
                        "</cover><p>x</p></document>",
                        d);
    REQUIRE(p);
    INFO(messages(d));
    CHECK(d.all().empty());
    const Cover& c = node<Cover>(p->sections.at(0).blocks.at(0));
    CHECK(c.orientation == Orientation::Landscape);
    REQUIRE(c.authors.size() == 2);
    CHECK(runs(c.authors[1]) == "{Gurjit }{i:Samra-Rai}");

    Diagnostics bad;
    paper_from(dir,
               "<document version=\"1\">\n<cover orientation=\"wide\"><title>R</title>\n<author> </author>"
               "<date>2016-06</date>\n<author>Late</author></cover></document>",
               bad);
    CHECK(messages(bad, dir.path()) ==
          "paper.xml:2:8: error: orientation on <cover> is \"wide\"; use portrait or landscape\n"
          "paper.xml:4:1: error: <author> comes after <date> in <cover>; move it above <date> at line 3: <cover> holds title, "
          "subtitle, author, date in that order\n"
          "paper.xml:3:1: error: this <author> is empty; write the author's name, or delete the <author>\n");
}

TEST_CASE("load: a paper chooses how it writes ordinal days", "[load][paper]") {
    TempDir dir;
    auto ordinal_of = [&](const std::string& attr, Diagnostics& d) {
        auto p = paper_from(dir, "<report version=\"1\"" + attr + "><header><board>B</board><date>2015-09-17"
                                 "</date><title>T</title></header><p>x</p></report>", d);
        REQUIRE(p);
        return p->ordinal;
    };
    Diagnostics d;
    CHECK_FALSE(ordinal_of("", d));
    CHECK(ordinal_of(" ordinal=\"true\"", d) == OrdinalDays::Yes);
    CHECK(ordinal_of(" ordinal=\"false\"", d) == OrdinalDays::No);
    CHECK(ordinal_of(" ordinal=\"superscript\"", d) == OrdinalDays::Raised);
    CHECK(d.all().empty());
    Diagnostics bad;
    CHECK_FALSE(ordinal_of(" ordinal=\"th\"", bad));
    CHECK(messages(bad, dir.path()) == "paper.xml:1:21: error: ordinal on <report> is \"th\"; use false, true or superscript\n");
}

TEST_CASE("load: contact, page break, keep", "[load][paper]") {
    Blocks b = first_blocks(report_xml(
        "<contact title=\"Officers to Contact\"><line>James Fox</line><line>E-mail: <a "
        "href=\"mailto:j@x.gov.uk\">j@x.gov.uk</a></line></contact><page-break/><keep><h2>h</h2><p>p</p></keep>"));
    REQUIRE(b.size() == 3);
    const Contact& c = node<Contact>(b[0]);
    CHECK(c.title == "Officers to Contact");
    CHECK(c.heading);
    REQUIRE(c.officers.size() == 1);
    REQUIRE(c.officers[0].lines.size() == 2);
    CHECK(runs(c.officers[0].lines[1]) == "{E-mail: }{@mailto:j@x.gov.uk:j@x.gov.uk}");
    CHECK(std::holds_alternative<PageBreak>(b[1].node));
    CHECK(node<KeepTogether>(b[2]).content.size() == 2);
}

TEST_CASE("load: a contact block without a heading, and one naming several officers", "[load][paper]") {
    Blocks bare = first_blocks(report_xml("<contact heading=\"false\"><line><b>James Fox</b></line></contact>"));
    const Contact& c = node<Contact>(bare.at(0));
    CHECK_FALSE(c.heading);
    CHECK(c.title.empty());
    REQUIRE(c.officers.size() == 1);
    CHECK(runs(c.officers[0].lines[0]) == "{b:James Fox}");

    Blocks two = first_blocks(report_xml("<contact title=\"Officers to contact\"><officer><line>DCI Jonathan "
                                         "Starbuck</line><line>Tel: 101</line></officer><officer><line>James Fox"
                                         "</line></officer></contact>"));
    const Contact& both = node<Contact>(two.at(0));
    REQUIRE(both.officers.size() == 2);
    CHECK(both.officers[0].lines.size() == 2);
    CHECK(runs(both.officers[1].lines[0]) == "{James Fox}");
    CHECK(both.officers[1].loc.col > both.officers[0].loc.col);

    TempDir dir;
    Diagnostics d;
    paper_from(dir,
               report_xml("<contact title=\"Officers\" heading=\"false\">\n<officer><line>A</line></officer>\n"
                          "<line>B</line>\n<officer/>\n</contact>"),
               d);
    CHECK(messages(d, dir.path()) ==
          "paper.xml:1:127: error: <contact> has a title and heading=\"false\"; leave title out for a block "
          "without a heading, or heading=\"false\" out to print it\n"
          "paper.xml:3:1: error: <contact> mixes <line> and <officer>; put every line in an <officer>, one "
          "<officer> for each person\n"
          "paper.xml:4:1: error: <officer> needs a <line>; One line of a contact block.\n");
}

TEST_CASE("load: every node carries its line and column", "[load][paper]") {
    TempDir dir;
    Diagnostics d;
    auto p = paper_from(dir,
                        "<report version=\"1\">\n<header><board>B</board><date>2015-09-17</date><title>T</title>"
                        "</header>\n  <p>one</p>\n  <table><tbody>\n    <tr><td>x</td>\n      <td>y</td></tr>"
                        "</tbody></table>\n<ul>\n <li>a</li></ul>\n<p>\n   text</p>\n<para>x</para>\n</report>",
                        d);
    REQUIRE(p);
    const Blocks& b = p->sections[0].blocks;
    CHECK(p->loc.line == 1);
    CHECK(p->loc.col == 1);
    CHECK(b[0].loc.line == 3);
    CHECK(b[0].loc.col == 3);
    const Table& t = node<Table>(b[1]);
    CHECK(t.body[0].loc.line == 5);
    CHECK(t.body[0].loc.col == 5);
    CHECK(t.body[0].cells[1].loc.line == 6);
    CHECK(t.body[0].cells[1].loc.col == 7);
    CHECK(node<List>(b[2]).items[0].loc.line == 8);
    CHECK(node<List>(b[2]).items[0].loc.col == 2);
    CHECK(messages(d, dir.path()) == "paper.xml:11:1: error: unknown element <para> inside <report>; did you mean <p>?\n");
}

TEST_CASE("load: the exempt-information resolution is worded from its paragraphs and items", "[load][paper]") {
    Blocks b = first_blocks(minutes_xml(
        "<minute><title>Exclusion of the press and public</title><exclusion paragraphs=\"3\"/></minute>"
        "<minute><title>Two grounds</title><exclusion paragraphs=\"1, 3\"><item>Contract <b>award</b></item>"
        "</exclusion></minute>"
        "<minute><title>Two items</title><exclusion paragraphs=\"2\"><item>A</item><item>B</item></exclusion>"
        "</minute>"));
    REQUIRE(b.size() == 3);
    const Resolution& rest = node<Resolution>(node<Minute>(b[0]).content[0]);
    CHECK(rest.label == "RESOLVED");
    REQUIRE(rest.content.size() == 1);
    CHECK(runs(node<Paragraph>(rest.content[0]).text) ==
          "{That under Section 100(A)(4) of the Local Government Act 1972 the public be excluded from the meeting "
          "for the remaining items of business on the grounds that they involve the likely disclosure of exempt "
          "information as defined in paragraph 3 of Part 1 of Schedule 12A of the Act and that, in all the "
          "circumstances of the case, the public interest in maintaining the exemption outweighs the public "
          "interest in disclosing the information.}");
    const Resolution& one = node<Resolution>(node<Minute>(b[1]).content[0]);
    REQUIRE(one.content.size() == 2);
    const std::string one_text = runs(node<Paragraph>(one.content[0]).text);
    CHECK(one_text.find("for the following item of business on the grounds that it involves the likely") !=
          std::string::npos);
    CHECK(one_text.find("paragraphs 1 and 3 of Part 1") != std::string::npos);
    CHECK(one_text.ends_with(" disclosing the information:}"));
    const List& items = node<List>(one.content[1]);
    CHECK(items.kind == ListKind::Bullet);
    REQUIRE(items.items.size() == 1);
    CHECK(runs(node<Paragraph>(items.items[0].content[0]).text) == "{Contract }{b:award}");
    const Resolution& two = node<Resolution>(node<Minute>(b[2]).content[0]);
    CHECK(runs(node<Paragraph>(two.content[0]).text).find("the following items of business on the grounds that "
                                                          "they involve") != std::string::npos);
    CHECK(node<List>(two.content[1]).items.size() == 2);
}

TEST_CASE("load: minutes of a meeting held online, and a chair line in an attendance group", "[load][paper]") {
    TempDir dir;
    Diagnostics d;
    auto p = paper_from(dir,
                        "<minutes version=\"1\"><header><board>Board</board><date>2021-02-04</date>"
                        "<venue online=\"true\">Microsoft Teams</venue></header><attendance><group "
                        "title=\"Present\"><chair>Mr J. T. Orson CC (in the Chair)</chair><person><name>A</name>"
                        "</person></group><group><person><name>B</name></person></group></attendance></minutes>",
                        d);
    REQUIRE(p);
    INFO(messages(d));
    CHECK(d.all().empty());
    CHECK(p->online);
    CHECK(p->venue == "Microsoft Teams");
    const Attendance& a = node<Attendance>(p->sections[0].blocks[0]);
    REQUIRE(a.groups.size() == 2);
    CHECK(runs(a.groups[0].chair) == "{Mr J. T. Orson CC (in the Chair)}");
    CHECK(a.groups[0].people.size() == 1);
    CHECK(a.groups[1].chair.empty());
}

TEST_CASE("load: a misplaced, repeated or empty chair line and an empty exclusion item are located", "[load][paper]") {
    TempDir dir;
    Diagnostics d;
    paper_from(dir,
               "<minutes version=\"1\">\n<header><board>B</board><date>2021-02-04</date><venue>\n</venue></header>\n"
               "<attendance><group>\n<person><name>A</name></person>\n<chair>late</chair>\n</group>\n"
               "<group><chair>X</chair>\n<chair>Y</chair>\n</group><group><chair> </chair></group></attendance>\n"
               "<minute><title>T</title><exclusion paragraphs=\"3\">\n<item/>\ntext</exclusion></minute>\n"
               "</minutes>",
               d);
    CHECK(messages(d, dir.path()) ==
          "paper.xml:2:48: error: <venue> is empty; write where the meeting was held, e.g. County Hall, Glenfield\n"
          "paper.xml:6:1: error: <chair> must come first in <group>; move it above <person> at line 5\n"
          "paper.xml:9:1: error: a second <chair> in <group>; keep one\n"
          "paper.xml:10:16: error: <chair> is empty; write who chaired, e.g. Mr J. T. Orson CC (in the Chair), or "
          "delete it\n"
          "paper.xml:13:1: error: text is not allowed directly inside <exclusion>; name each item of business in an "
          "<item>\n"
          "paper.xml:12:1: error: this <item> of <exclusion> is empty; write the title of the item the public is "
          "excluded from, or delete the <item>\n");
}

TEST_CASE("load: a list chooses how its labels are written", "[load][paper]") {
    Blocks b = first_blocks(report_xml(
        "<ol label=\"a)\"><li>x</li></ol><ol label=\"i.\"><li>x</li></ol><ol type=\"1\" label=\"(1)\"><li>x</li></ol>"
        "<ol><li>x</li></ol>"));
    REQUIRE(b.size() == 4);
    CHECK(node<List>(b[0]).kind == ListKind::LowerAlpha);
    CHECK(node<List>(b[0]).punctuation == std::pair<std::string, std::string>("", ")"));
    CHECK(node<List>(b[1]).kind == ListKind::LowerRoman);
    CHECK(node<List>(b[1]).punctuation == std::pair<std::string, std::string>("", "."));
    CHECK(node<List>(b[2]).kind == ListKind::Decimal);
    CHECK(node<List>(b[2]).punctuation == std::pair<std::string, std::string>("(", ")"));
    CHECK_FALSE(node<List>(b[3]).punctuation);

    TempDir dir;
    Diagnostics d;
    paper_from(dir, report_xml("\n<ol label=\"a]\"><li>x</li></ol>\n<ol type=\"1\" label=\"(a)\"><li>x</li></ol>"), d);
    CHECK(messages(d, dir.path()) ==
          "paper.xml:2:5: error: label on <ol> is \"a]\"; use 1., 1), (1), a., a), (a), A., A), (A), i., i) or (i)\n"
          "paper.xml:3:14: error: type and label on <ol> name different counters; keep label=\"(a)\" alone\n");
}

TEST_CASE("load: markup in an element of plain text is reported once, at the markup, and its text left out",
          "[load][paper]") {
    TempDir dir;
    Diagnostics d;
    auto p = paper_from(dir,
                        "<report version=\"1\">\n<header><board>Safer <b>Communities</b> <i>Board</i></board>"
                        "<date>2015-09-17</date><title>T</title></header>\n</report>",
                        d);
    REQUIRE(p);
    CHECK(messages(d, dir.path()) == "paper.xml:2:22: error: <board> holds plain text only; remove <b>\n");
    CHECK(p->header.board == "Safer");
}
