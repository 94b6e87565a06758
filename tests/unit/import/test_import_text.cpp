// Paragraphs, headings and inline markup: what a Word body becomes.
#include <catch2/catch.hpp>

#include "docx_builder.hpp"

using namespace bp;
using namespace bp::test;

namespace {

const std::string kHeader = p("LEICESTERSHIRE SAFER COMMUNITIES STRATEGY BOARD") + p("17 September 2015") +
                            p("SAFER COMMUNITIES PERFORMANCE") + p("REPORT OF THE DIRECTOR");

}  // namespace

TEST_CASE("import: the header's lines are found by their place above the date", "[import]") {
    Imported r = import_bytes(docx(kHeader + p("Introduction", "Heading1") + p("The purpose.")));
    INFO(r.messages());
    REQUIRE(r.result);
    CHECK(r.xml() ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<report version=\"1\">\n"
          "  <header>\n"
          "    <board>LEICESTERSHIRE SAFER COMMUNITIES STRATEGY BOARD</board>\n"
          "    <date>2015-09-17</date>\n"
          "    <title>SAFER COMMUNITIES PERFORMANCE</title>\n"
          "    <line>REPORT OF THE DIRECTOR</line>\n"
          "  </header>\n"
          "\n"
          "  <h1>Introduction</h1>\n"
          "  <p number=\"none\">The purpose.</p>\n"
          "</report>\n");
    // Each guess is a note at the line it was written to, naming the Word paragraph.
    CHECK(r.messages() ==
          "5: note: Word paragraph 2 (\"17 September 2015\"): taken as the <date> by its place at the top of the document [import-header]\n"
          "4: note: Word paragraph 1 (\"LEICESTERSHIRE SAFER COMMUNITIES STRATEGY BOARD\"): taken as the <board> by its place at the top of the document [import-header]\n"
          "6: note: Word paragraph 3 (\"SAFER COMMUNITIES PERFORMANCE\"): taken as the <title> by its place at the top of the document [import-header]\n"
          "7: note: Word paragraph 4 (\"REPORT OF THE DIRECTOR\"): taken as the <line> by its place at the top of the document [import-header]\n");
}

TEST_CASE("import: a date with an ordinal day makes the report's dates ordinal", "[import]") {
    Imported a = import_bytes(docx(p("BOARD") + p("17th SEPTEMBER 2015") + p("Title") + p("Text.")));
    CHECK(a.xml().find("<report version=\"1\" ordinal=\"true\">") != std::string::npos);
    Imported b = import_bytes(docx(p("BOARD") +
                                    "<w:p><w:r><w:t>17</w:t></w:r><w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>th</w:t></w:r>"
                                    "<w:r><w:t xml:space=\"preserve\"> September 2015</w:t></w:r></w:p>" +
                                    p("Title") + p("Text.")));
    CHECK(b.xml().find("<report version=\"1\" ordinal=\"superscript\">") != std::string::npos);
    CHECK(b.xml().find("<date>2015-09-17</date>") != std::string::npos);
}

TEST_CASE("import: bold, italic, underline, superscript and subscript, and links", "[import]") {
    const std::string body =
        kHeader +
        "<w:p><w:r><w:t xml:space=\"preserve\">Plain </w:t></w:r>"
        "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">bold </w:t></w:r>"
        "<w:r><w:rPr><w:b/><w:i/></w:rPr><w:t>both</w:t></w:r>"
        "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\"> bold again</w:t></w:r>"
        "<w:r><w:rPr><w:u w:val=\"single\"/></w:rPr><w:t xml:space=\"preserve\"> under</w:t></w:r>"
        "<w:r><w:t xml:space=\"preserve\"> 8</w:t></w:r>"
        "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>th</w:t></w:r>"
        "<w:r><w:t xml:space=\"preserve\"> H</w:t></w:r>"
        "<w:r><w:rPr><w:vertAlign w:val=\"subscript\"/></w:rPr><w:t>2</w:t></w:r>"
        "<w:r><w:t xml:space=\"preserve\">O, </w:t></w:r>"
        "<w:r><w:rPr><w:rStyle w:val=\"Strong\"/></w:rPr><w:t>strong</w:t></w:r>"
        "<w:r><w:rPr><w:rStyle w:val=\"Strong\"/><w:b w:val=\"0\"/></w:rPr><w:t xml:space=\"preserve\"> not</w:t></w:r>"
        "<w:r><w:t xml:space=\"preserve\"> see </w:t></w:r>"
        "<w:hyperlink r:id=\"rIdL\"><w:r><w:rPr><w:u/></w:rPr><w:t>the site</w:t></w:r></w:hyperlink>"
        "<w:r><w:t xml:space=\"preserve\"> or </w:t></w:r>"
        "<w:hyperlink r:id=\"rIdM\"><w:r><w:t>mail</w:t></w:r></w:hyperlink>"
        "<w:r><w:br/><w:t>Next line.</w:t></w:r></w:p>";
    const std::string spec = docx(body, {}, "<Relationship Id=\"rIdL\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" "
                             "Target=\"https://www.leics.gov.uk/a?b=1&amp;c=2\" TargetMode=\"External\"/>"
                             "<Relationship Id=\"rIdM\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" "
                             "Target=\"mailto:james.fox@leics.gov.uk\" TargetMode=\"External\"/>");
    Imported r = import_bytes(spec);
    INFO(r.messages());
    CHECK(body_of(r.xml()) ==
          "\n  <p number=\"none\">Plain <b>bold <i>both</i> bold again</b><u> under</u> 8<sup>th</sup> H<sub>2</sub>O, "
          "<b>strong</b> not see <a href=\"https://www.leics.gov.uk/a?b=1&amp;c=2\">the site</a> or "
          "<a href=\"mailto:james.fox@leics.gov.uk\">mail</a><br/>Next line.</p>\n");
}

TEST_CASE("import: headings from Word's outline levels, and a heading style of the template's mapping", "[import]") {
    TemplateDoc house;
    house.import_rules.push_back(ImportRule{{}, ImportRule::By::Style, "Council Heading", ImportTarget::H2});
    const std::string spec = docx(kHeader + p("One", "Heading1") + p("Two", "Heading2") + p("Three", "Heading3") +
                      p("Mapped", "CouncilHeading") + p("Outline", "", "<w:outlineLvl w:val=\"0\"/>") + p("Body text."),
                  {{"word/styles.xml", default_styles("<w:style w:type=\"paragraph\" w:styleId=\"CouncilHeading\"><w:name w:val=\"Council Heading\"/></w:style>")}});
    Imported r = import_bytes(spec, &house);
    INFO(r.messages());
    CHECK(body_of(r.xml()) ==
          "\n  <h1>One</h1>\n  <h2>Two</h2>\n  <h3>Three</h3>\n  <h2>Mapped</h2>\n  <h1>Outline</h1>\n"
          "  <p number=\"none\">Body text.</p>\n");
}

TEST_CASE("import: characters XML cannot hold are dropped, and special characters escaped", "[import]") {
    Imported r = import_bytes(docx(kHeader + "<w:p><w:r><w:t>A &lt;b&gt; &amp; &#x1;\"q\"</w:t><w:tab/><w:t>tab</w:t>"
                                              "<w:noBreakHyphen/><w:t>x</w:t><w:softHyphen/><w:t>y.</w:t></w:r></w:p>"));
    CHECK(body_of(r.xml()) == "\n  <p number=\"none\">A &lt;b&gt; &amp; \"q\" tab\u2011xy.</p>\n");
}

TEST_CASE("import: bytes that are not UTF-8 in a Word file's text become U+FFFD, one for each", "[import]") {
    // 0xF5 to 0xFF start no UTF-8 sequence, however many continuation bytes follow them.
    Imported r = import_bytes(docx(kHeader + p("Introduction", "Heading1") + "<w:p><w:r><w:t>a\xFF\x80\x80" "b\xF8\x88\x80\x80" "c\xC0\xAF" "d\xE2\x82" "e\xF0\x9F\x98\x80</w:t></w:r></w:p>"));
    INFO(r.messages());
    CHECK(body_of(r.xml()) == "\n  <h1>Introduction</h1>\n  <p number=\"none\">a\uFFFD\uFFFD\uFFFDb\uFFFD\uFFFD\uFFFD\uFFFDc\uFFFD\uFFFDd\uFFFD\uFFFDe\U0001F600</p>\n");
}

TEST_CASE("import: the same Word file gives the same bytes", "[import]") {
    const std::string d = docx(kHeader + p("One", "Heading1") + p("Text."));
    CHECK(import_bytes(d).xml() == import_bytes(d).xml());
}
