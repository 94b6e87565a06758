#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace bp;
using namespace bp::test;

TEST_CASE("load: an empty template keeps every default", "[load][template]") {
    TempDir dir;
    Diagnostics d;
    auto t = load_template(dir.write("t.xml", "<template version=\"1\"/>"), d);
    REQUIRE(t);
    CHECK(d.all().empty());
    TemplateDoc def;
    CHECK(t->locale == def.locale);
    CHECK(t->date_pattern == def.date_pattern);
    CHECK(t->portrait.width == kA4Width);
    CHECK(t->portrait.margin_bottom == mm(25));
    CHECK(t->footer == "Page {page}");
    CHECK(t->blank_text == def.blank_text);
    CHECK(t->table_header_fill == Color{217, 217, 217});
    CHECK(t->families.empty());
    CHECK(t->styles.empty());
}

TEST_CASE("load: a full template", "[load][template]") {
    TempDir dir;
    dir.write("fonts/R.ttf", "x");
    dir.write("fonts/B.ttf", "x");
    Diagnostics d;
    auto t = load_template(
        dir.write("templates/t.xml",
                  "<template version=\"1\" name=\"lscsb\">\n"
                  "<locale> en_GB </locale>\n"
                  "<dates paper=\"d MMMM y\" meeting=\"EEEE, d MMMM y\" next-meeting=\"d MMMM\" ordinal=\"true\"/>\n"
                  "<page size=\"A4\" margin-top=\"2cm\" margin-bottom=\"1in\" margin-left=\"20mm\" "
                  "margin-right=\"56.5pt\"/>\n"
                  "<font family=\"sans\" regular=\"../fonts/R.ttf\" bold=\"../fonts/B.ttf\"/>\n"
                  "<style name=\"body\" family=\"sans\" size=\"11pt\" leading=\"1.35\" space-after=\"6pt\" "
                  "colour=\"#102030\" align=\"justify\"/>\n"
                  "<style name=\"h1\" parent=\"body\" bold=\"true\" size=\"12pt\" uppercase=\"false\"/>\n"
                  "<indent paragraph=\"12mm\" list=\"6mm\"/>\n"
                  "<colours rule=\"#000000\" table-header=\"#eeeeee\" red=\"#ff0000\" amber=\"#ffc000\" "
                  "green=\"#00b050\"/>\n"
                  "<footer text=\"Page {page}\"/><stamp text=\"Item {item}\"/>\n"
                  "<blank text=\"Blank\" footer=\"true\"/>\n"
                  "</template>"),
        d);
    REQUIRE(t);
    INFO(messages(d));
    CHECK(d.all().empty());
    CHECK(t->name == "lscsb");
    CHECK(t->locale == "en_GB");
    CHECK(t->next_meeting_pattern == "d MMMM");
    CHECK(t->ordinal_days);
    CHECK(t->portrait.margin_top == mm(20));
    CHECK(t->portrait.margin_bottom == pt(72));
    CHECK(t->portrait.margin_right == pt(56.5));
    REQUIRE(t->families.size() == 1);
    CHECK(t->families[0].regular == dir.path("fonts/R.ttf"));
    CHECK(t->families[0].italic.empty());
    REQUIRE(t->styles.size() == 2);
    CHECK(t->styles[0].size == pt(11));
    CHECK(t->styles[0].leading == 1.35);
    CHECK(t->styles[0].color == Color{0x10, 0x20, 0x30});
    CHECK(t->styles[0].align == Align::Justify);
    CHECK(t->styles[1].parent == "body");
    CHECK(t->styles[1].bold == true);
    CHECK_FALSE(t->styles[1].italic);
    CHECK(t->paragraph_indent == mm(12));
    CHECK(t->table_header_fill == Color{0xee, 0xee, 0xee});
    CHECK(t->stamp == "Item {item}");
    CHECK(t->blank_text == "Blank");
    CHECK(t->footer_on_blank);
}

TEST_CASE("load: template mistakes", "[load][template]") {
    TempDir dir;
    Diagnostics d;
    load_template(dir.write("t.xml", "<template version=\"1\">\n"
                                     "<page size=\"A4\" margin-top=\"20\"/>\n"
                                     "<font family=\"sans\" regular=\"missing.ttf\"/>\n"
                                     "<style name=\"body\" family=\"serif\" size=\"0pt\" color=\"#000000\"/>\n"
                                     "<style name=\"h1\" parent=\"h2\"/><style name=\"h2\" parent=\"h1\"/>\n"
                                     "<footer text=\"Page {page} of {pages}\"/>\n"
                                     "<page/>\n"
                                     "</template>"),
                  d);
    CHECK(messages(d, dir.path()) ==
          "t.xml:7:1: error: a second <page> in <template>; keep one\n"
          "t.xml:2:17: error: margin-top on <page> is \"20\"; write a length with its unit, e.g. 11pt, 20mm, 1.5cm "
          "or 0.5in\n"
          "t.xml:3:21: error: font file \"missing.ttf\" not found (looked for missing.ttf)\n"
          "t.xml:4:46: error: unknown attribute color on <style>; did you mean colour?\n"
          "t.xml:4:35: error: size on <style> is \"0pt\"; it must be more than zero\n"
          "t.xml:6:9: error: text on <footer> uses {pages}; the only placeholder here is {page}\n"
          "t.xml:4:20: error: style \"body\" uses font family \"serif\", which no <font family=...> defines\n"
          "t.xml:5:18: error: style \"h1\" is its own ancestor through parent=; break the loop\n"
          "t.xml:5:48: error: style \"h2\" is its own ancestor through parent=; break the loop\n");
}

TEST_CASE("load: ordinal names which dates write their day as an ordinal", "[load][template]") {
    TempDir dir;
    dir.write("fonts/R.ttf", "x");
    Diagnostics d;
    auto t = load_template(dir.write("templates/t.xml",
                                     "<template version=\"1\" name=\"t\">\n"
                                     "<dates ordinal=\"paper  next-meeting\"/>\n"
                                     "<font family=\"sans\" regular=\"../fonts/R.ttf\"/>\n"
                                     "</template>"),
                           d);
    REQUIRE(t);
    INFO(messages(d));
    CHECK(d.all().empty());
    CHECK(t->ordinal_days);
    CHECK_FALSE(t->ordinal_meeting);
    CHECK(t->ordinal_next_meeting);

    Diagnostics bad;
    load_template(dir.write("templates/u.xml",
                            "<template version=\"1\" name=\"u\">\n<dates ordinal=\"papers\"/>\n"
                            "<font family=\"sans\" regular=\"../fonts/R.ttf\"/>\n</template>"),
                  bad);
    REQUIRE(bad.error_count() == 1);
    CHECK(bad.all()[0].loc.line == 2);
    CHECK(bad.all()[0].message.find("\"papers\"") != std::string::npos);
}

TEST_CASE("load: where appendices start and whether ranges count the padding page", "[load][template]") {
    TempDir dir;
    dir.write("fonts/R.ttf", "x");
    Diagnostics d;
    auto t = load_template(dir.write("templates/t.xml",
                                     "<template version=\"1\" name=\"t\">\n"
                                     "<font family=\"sans\" regular=\"../fonts/R.ttf\"/>\n"
                                     "<appendix start=\"flow\" landscape-start=\"odd-page\"/>\n"
                                     "<blank in-range=\"true\"/>\n"
                                     "</template>"),
                           d);
    REQUIRE(t);
    INFO(messages(d));
    CHECK(d.all().empty());
    CHECK(t->appendix_start == SectionStart::Flow);
    CHECK(t->landscape_start == SectionStart::OddPage);
    CHECK(t->blank_in_range);

    TemplateDoc def;
    CHECK(def.appendix_start == SectionStart::Page);
    CHECK_FALSE(def.blank_in_range);

    Diagnostics bad;
    load_template(dir.write("templates/u.xml",
                            "<template version=\"1\" name=\"u\">\n"
                            "<font family=\"sans\" regular=\"../fonts/R.ttf\"/>\n"
                            "<appendix start=\"odd\" landscape-start=\"flow\"/>\n"
                            "<blank in-range=\"yes please\"/>\n"
                            "</template>"),
                  bad);
    CHECK(messages(bad, dir.path()) ==
          "templates/u.xml:3:11: error: start on <appendix> is \"odd\"; use page, odd-page or flow\n"
          "templates/u.xml:3:23: error: landscape-start on <appendix> is \"flow\"; use page or odd-page\n"
          "templates/u.xml:4:8: error: in-range on <blank> is \"yes please\"; write true or false\n");
}

TEST_CASE("load: the minutes' opening lines and resolution label", "[load][template]") {
    TempDir dir;
    Diagnostics d;
    auto t = load_template(dir.write("t.xml", "<template version=\"1\"><minutes opening=\"Minutes of the {board}, "
                                              "{venue}, {date}.\" opening-online=\"The {board} met on {date} via "
                                              "{venue}.\" resolution-label=\"{label}:-\"/></template>"),
                           d);
    REQUIRE(t);
    INFO(messages(d));
    CHECK(d.all().empty());
    CHECK(t->minutes_opening == "Minutes of the {board}, {venue}, {date}.");
    CHECK(t->minutes_opening_online == "The {board} met on {date} via {venue}.");
    CHECK(t->resolution_label == "{label}:-");

    Diagnostics bad;
    auto u = load_template(dir.write("u.xml", "<template version=\"1\">\n<minutes opening=\"Met at {place} on {date}\""
                                              " opening-online=\"Held online\"\n resolution-label=\"RESOLVED:-\"/>"
                                              "</template>"),
                           bad);
    REQUIRE(u);
    CHECK(messages(bad, dir.path()) ==
          "u.xml:2:10: error: opening on <minutes> uses {place}; the placeholders here are {board}, {venue} and "
          "{date}\n"
          "u.xml:2:45: error: opening-online on <minutes> has no {date}, so the text it stands for would be lost; "
          "write {date} where it goes, e.g. \"... on {date}.\"\n"
          "u.xml:3:2: error: resolution-label on <minutes> has no {label}, so the text it stands for would be lost; "
          "write {label} where it goes, e.g. \"{label}:-\"\n");
    TemplateDoc def;
    CHECK(u->minutes_opening == def.minutes_opening);
    CHECK(u->resolution_label == "{label}:");
}

TEST_CASE("load: the template's wording, each word with its own placeholders", "[load][template]") {
    TempDir dir;
    Diagnostics d;
    auto t = load_template(dir.write("t.xml", "<template version=\"1\"><wording pages=\"pp. {first}-{last}\" "
                                              "time=\"{H}:{mm}\" agenda=\"Order of business\" "
                                              "not-for-publication=\"CONFIDENTIAL\"/></template>"),
                           d);
    REQUIRE(t);
    INFO(messages(d));
    CHECK(d.all().empty());
    CHECK(t->wording.pages == "pp. {first}-{last}");
    CHECK(t->wording.time == "{H}:{mm}");
    CHECK(t->wording.agenda == "Order of business");
    CHECK(t->wording.not_for_publication == "CONFIDENTIAL");
    const Wording def;
    CHECK(t->wording.to_follow == def.to_follow);

    Diagnostics bad;
    auto u = load_template(dir.write("u.xml", "<template version=\"1\">\n<wording pages=\"Pages {from}\" agenda=\"{n}\""
                                              " draft=\"DRAFT\" colour=\"red\"/></template>"),
                           bad);
    REQUIRE(u);
    const std::string got = messages(bad, dir.path());
    CHECK(got.find("u.xml:2:10: error: pages on <wording> uses {from}; the placeholders here are {first} and {last}\n") !=
          std::string::npos);
    CHECK(got.find("u.xml:2:31: error: agenda on <wording> uses {n}; it takes no placeholders\n") != std::string::npos);
    CHECK(got.find("colour") != std::string::npos);
    CHECK(u->wording.pages == def.pages);
    CHECK(u->wording.draft == "DRAFT");
}

TEST_CASE("load: <import> maps a council's Word styles, content controls and heading words", "[load][template]") {
    TempDir dir;
    Diagnostics d;
    auto t = load_template(dir.write("t.xml",
                                     "<template version=\"1\">\n"
                                     "<import>\n"
                                     "  <word-style name=\" Committee  Name \" as=\"board\"/>\n"
                                     "  <content-control tag=\"MeetingDate\" as=\"date\"/>\n"
                                     "  <heading text=\"Background Papers\" as=\"skip\"/>\n"
                                     "  <word-style name=\"Report Title\" as=\"title\"/>\n"
                                     "</import>\n"
                                     "</template>"),
                           d);
    REQUIRE(t);
    INFO(messages(d));
    CHECK(d.all().empty());
    REQUIRE(t->import_rules.size() == 4);
    CHECK(t->import_rules[0].by == ImportRule::By::Style);
    CHECK(t->import_rules[0].name == "Committee Name");
    CHECK(t->import_rules[0].target == ImportTarget::Board);
    CHECK(t->import_rules[0].loc.line == 3);
    CHECK(t->import_rules[1].by == ImportRule::By::Control);
    CHECK(t->import_rules[1].target == ImportTarget::Date);
    CHECK(t->import_rules[2].by == ImportRule::By::Heading);
    CHECK(t->import_rules[2].target == ImportTarget::Skip);
    CHECK(t->import_rules[3].target == ImportTarget::Title);
}

TEST_CASE("load: <import> mistakes", "[load][template]") {
    TempDir dir;
    Diagnostics d;
    auto t = load_template(dir.write("t.xml",
                                     "<template version=\"1\">\n"
                                     "<import>\n"
                                     "  <word-style name=\"X\" as=\"headline\"/>\n"
                                     "  <heading text=\"Summary\" as=\"title\"/>\n"
                                     "  <content-control as=\"date\"/>\n"
                                     "  <word-style name=\"\" as=\"p\"/>\n"
                                     "</import>\n"
                                     "</template>"),
                           d);
    REQUIRE(t);
    CHECK(t->import_rules.empty());
    CHECK(messages(d, dir.path()) ==
          "t.xml:3:24: error: as on <word-style> is \"headline\"; use board, date, title, line, venue, h1, h2, h3, p, "
          "blockquote, recommendations, contact, appendix or skip\n"
          "t.xml:4:27: error: as on <heading> is \"title\"; use recommendations, contact, appendix or skip\n"
          "t.xml:5:3: error: <content-control> needs a tag attribute; e.g. tag=\"MeetingDate\"\n"
          "t.xml:6:15: error: name on <word-style> is empty; write the name Word shows, or delete the mapping\n");
}
