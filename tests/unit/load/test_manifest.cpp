#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace bp;
using namespace bp::test;

namespace {

std::string pack_xml(const std::string& agenda, const std::string& tmpl = "house") {
    return "<pack version=\"1\" template=\"" + tmpl +
           "\"><meeting><body>LSCSB</body><date>2015-09-17</date><time>10:00</time>"
           "<venue>County Hall</venue></meeting><agenda>" +
           agenda + "</agenda></pack>";
}

const char* kTemplate = "<template version=\"1\"/>";

}  // namespace

TEST_CASE("load: manifest meeting and items", "[load][manifest]") {
    TempDir dir;
    dir.write("house.xml", kTemplate);
    dir.write("minutes.xml", minutes_xml(""));
    dir.write("r1.xml", report_xml("<p>a</p>"));
    dir.write("r2.xml", report_xml("<p>b</p>"));
    Diagnostics d;
    auto m = load_manifest(
        dir.write("pack.xml",
                  pack_xml("<item>Introductions</item>"
                           "<item><title>Minutes</title><papers src=\"minutes.xml\"/></item>"
                           "<item><title>Nitrox</title><note>Supt X.</note><note>Verbal</note></item>"
                           "<item to-follow=\"true\"><title>Budget</title></item>"
                           "<item exempt=\" Paragraph 3 \"><title>Contract</title><papers src=\"r1.xml\"/>"
                           "<papers src=\"./r2.xml\"/></item>"
                           "<item><title>Next</title><next-meeting date=\"2015-12-10\"/>"
                           "<next-meeting date=\"2016-03-10\"/></item>")),
        {}, d);
    INFO(messages(d));
    REQUIRE(m);
    CHECK(d.all().empty());
    CHECK(m->meeting.body == "LSCSB");
    CHECK(m->meeting.date == Date{2015, 9, 17});
    CHECK(m->meeting.time == Time{10, 0});
    CHECK(m->meeting.venue == "County Hall");
    CHECK(m->template_ref == dir.path("house.xml"));
    REQUIRE(m->items.size() == 6);
    CHECK(runs(m->items[0].title) == "{Introductions}");
    CHECK(m->items[1].papers == std::vector<std::string>{dir.path("minutes.xml")});
    CHECK(m->items[1].paper_locs.size() == 1);
    CHECK(m->items[2].notes.size() == 2);
    CHECK(m->items[3].to_follow);
    CHECK(m->items[4].exempt == "Paragraph 3");
    CHECK(m->items[4].papers.size() == 2);
    CHECK(m->items[4].papers[1] == dir.path("r2.xml"));
    CHECK(m->items[5].next_meetings.size() == 2);
}

TEST_CASE("load: pack loads every paper, aligned with the items", "[load][manifest]") {
    TempDir dir;
    dir.write("house.xml", kTemplate);
    dir.write("r1.xml", report_xml("<p>a</p>"));
    dir.write("bad.xml", "<report version=\"1\"><oops></report>");
    Diagnostics d;
    auto pack = load_pack(dir.write("pack.xml", pack_xml("<item>Intro</item>"
                                                         "<item><title>A</title><papers src=\"r1.xml\"/>"
                                                         "<papers src=\"bad.xml\"/></item>"
                                                         "<item><title>B</title><papers src=\"r1.xml\"/></item>")),
                          {}, d);
    REQUIRE(pack);
    REQUIRE(pack->papers.size() == 3);
    CHECK(pack->papers[0].empty());
    CHECK(pack->papers[1].size() == 1);  // bad.xml reported and left out
    CHECK(pack->papers[2].size() == 1);
    CHECK(messages(d, dir.path()) ==
          "bad.xml:1:27: error: the closing tag </report> does not match <oops> opened at line 1; close </oops> "
          "first\n");
}

TEST_CASE("load: template lookup: beside the pack, then the template folders", "[load][manifest]") {
    TempDir dir;
    dir.write("tpl/house.xml", kTemplate);
    dir.write("tpl/other.xml", kTemplate);
    dir.write("pack/other.xml", kTemplate);
    LoadOptions opts;
    opts.template_dirs = {dir.path("none"), dir.path("tpl")};
    std::string agenda = "<item>x</item>";

    Diagnostics d;
    auto m = load_manifest(dir.write("pack/a.xml", pack_xml(agenda, "house")), opts, d);
    REQUIRE(m);
    CHECK(m->template_ref == dir.path("tpl/house.xml"));
    m = load_manifest(dir.write("pack/b.xml", pack_xml(agenda, "other")), opts, d);
    CHECK(m->template_ref == dir.path("pack/other.xml"));
    m = load_manifest(dir.write("pack/c.xml", pack_xml(agenda, "other.xml")), opts, d);
    CHECK(m->template_ref == dir.path("pack/other.xml"));
    CHECK(d.all().empty());

    m = load_manifest(dir.write("pack/d.xml", pack_xml(agenda, "missing")), opts, d);
    m = load_manifest(dir.write("pack/e.xml", pack_xml(agenda, "../tpl/house.xml")), opts, d);
    CHECK(messages(d, dir.path()) ==
          "pack/d.xml:1:19: error: template \"missing\" not found (looked for pack/missing.xml, none/missing.xml, "
          "tpl/missing.xml)\n"
          "pack/e.xml:1:19: error: the template \"../tpl/house.xml\" lies outside the pack's folder; name it "
          "without .xml (template=\"NAME\") to use the template folder\n");
}

TEST_CASE("load: papers must exist inside the pack's folder", "[load][manifest][paths]") {
    TempDir dir;
    dir.write("pack/house.xml", kTemplate);
    dir.write("elsewhere.xml", report_xml(""));
    Diagnostics d;
    auto pack = load_pack(dir.write("pack/pack.xml", pack_xml("<item><title>A</title>\n<papers src=\"../elsewhere.xml\"/>\n"
                                                              "<papers src=\"gone.xml\"/>\n<papers src=\"\"/></item>")),
                          {}, d);
    REQUIRE(pack);
    CHECK(pack->papers[0].empty());
    CHECK(messages(d, dir.path()) ==
          "pack/pack.xml:2:9: error: the paper \"../elsewhere.xml\" lies outside the pack's folder (pack); keep a "
          "pack's papers inside its folder\n"
          "pack/pack.xml:3:9: error: paper file \"gone.xml\" not found (looked for pack/gone.xml); check the file's name; to build the pack without the paper, mark its item to-follow=\"true\" and leave out "
          "this <papers> until the paper arrives\n"
          "pack/pack.xml:4:9: error: src on <papers> is empty; name the paper's file, e.g. src=\"report.xml\"\n");
}

TEST_CASE("load: an item holds plain text or parts, not both", "[load][manifest]") {
    TempDir dir;
    dir.write("house.xml", kTemplate);
    Diagnostics d;
    load_manifest(dir.write("pack.xml", pack_xml("<item>Intro <b>bold</b></item>\n"
                                                 "<item>Loose <title>T</title></item>\n"
                                                 "<item><note>n</note></item>\n"  // no title: validate's
                                                 "<item>x<para/></item>")),
                  {}, d);
    CHECK(messages(d, dir.path()) ==
          "pack.xml:2:7: error: an <item> holds either plain text (its title) or <title>, <note>, <papers> and "
          "<next-meeting>; put this text in <title>\n"
          "pack.xml:4:8: error: unknown element <para> inside <item>; expected one of: title, note, papers, "
          "next-meeting, b, i, u, sup, sub, a, br\n");
}

TEST_CASE("load: a next meeting's weekday, time and sentence", "[load][manifest]") {
    TempDir dir;
    dir.write("house.xml", kTemplate);
    Diagnostics d;
    auto m = load_manifest(
        dir.write("pack.xml", pack_xml("<item><title>Next</title><next-meeting date=\"2015-12-10\" time=\"14:00\" "
                                       "weekday=\"true\">The next meeting of the Board will be held on {date} at "
                                       "{time}.</next-meeting><next-meeting date=\"2016-03-10\"/></item>")),
        {}, d);
    INFO(messages(d));
    REQUIRE(m);
    CHECK(d.all().empty());
    REQUIRE(m->items.at(0).next_meetings.size() == 2);
    const NextMeeting& n = m->items[0].next_meetings[0];
    CHECK(n.date == Date{2015, 12, 10});
    CHECK(n.time == Time{14, 0});
    CHECK(n.weekday);
    CHECK(n.sentence == "The next meeting of the Board will be held on {date} at {time}.");
    const NextMeeting& plain = m->items[0].next_meetings[1];
    CHECK_FALSE(plain.time);
    CHECK_FALSE(plain.weekday);
    CHECK(plain.sentence.empty());
    CHECK(plain.loc.col > n.loc.col);
}

TEST_CASE("load: an agenda item's title comes first and once, what goes in a structured item", "[load][manifest]") {
    TempDir dir;
    dir.write("house.xml", kTemplate);
    Diagnostics d;
    auto m = load_manifest(dir.write("pack.xml", pack_xml("\n<item><note>Supt X.</note><title>Nitrox</title></item>"
                                                          "\n<item><title>A</title><title>B</title></item>"
                                                          "\n<item><title>C</title><b>bold</b> loose</item>"
                                                          "\n<item><papers src=\"x.xml\">text</papers></item>")),
                           {}, d);
    REQUIRE(m);
    CHECK(messages(d, dir.path()) ==
          "pack.xml:2:27: error: <title> must come first in <item>; move it above <note> at line 2, column 7\n"
          "pack.xml:3:23: error: a second <title> in <item>; keep one\n"
          "pack.xml:4:23: error: <b> is not allowed inside <item>; expected one of: title, note, papers, next-meeting\n"
          "pack.xml:4:35: error: an <item> holds either plain text (its title) or <title>, <note>, <papers> and "
          "<next-meeting>; put this text in <title>\n"
          "pack.xml:5:27: error: <papers/> holds nothing; give src, title and alt as attributes\n"
          "pack.xml:5:15: error: paper file \"x.xml\" not found (looked for x.xml); check the file's name; to build the pack without the paper, mark its item to-follow=\"true\" and leave out "
          "this <papers> until the paper arrives\n");
    REQUIRE(m->items.size() == 4);
    // Out of order, the title is read all the same; a second one is not.
    CHECK(runs(m->items[0].title) == "{Nitrox}");
    CHECK(runs(m->items[1].title) == "{A}");
}

TEST_CASE("load: a pack's papers read item by item, as load_pack binds them", "[load][manifest]") {
    TempDir dir;
    dir.write("house.xml", kTemplate);
    dir.write("r1.xml", report_xml("<p>a</p>"));
    dir.write("bad.xml", "<report version=\"1\"><oops></report>");
    const std::string path = dir.write("pack.xml", pack_xml("<item>Intro</item>"
                                                            "<item><title>A</title><papers src=\"bad.xml\"/>"
                                                            "<papers src=\"r1.xml\"/></item>"
                                                            "<item><title>B</title><papers src=\"r1.xml\"/>"
                                                            "<papers src=\"bad.xml\"/><papers src=\"r1.xml\"/></item>"));
    Diagnostics d;
    std::optional<PackManifest> m = load_manifest(path, {}, d);
    REQUIRE(m);
    const PackPapers reader(*m, path);
    // Item B first, as another thread might.
    ItemPapers b = reader.read(2), a = reader.read(1), intro = reader.read(0);
    CHECK(intro.papers.empty());
    REQUIRE(a.papers.size() == 1);
    CHECK(a.first_bound == std::vector<bool>{true});
    CHECK(messages(a.xml, dir.path()).starts_with("bad.xml:1:27: error: "));
    // Read again where bound again, but reported only where first bound.
    REQUIRE(b.papers.size() == 2);
    CHECK(b.first_bound == std::vector<bool>{false, false});
    CHECK(b.xml.all().empty());
    CHECK(b.papers[0].loc.file == a.papers[0].loc.file);

    auto pack = load_pack(path, {}, d);
    REQUIRE(pack);
    REQUIRE(pack->papers.size() == 3);
    CHECK(pack->papers[2].size() == 2);
    CHECK(d.error_count() == 1);
}
