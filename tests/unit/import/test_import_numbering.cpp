// Word's automatic numbering (numbering.xml) and numbers typed by hand:
// paragraphs keep their numbers, lists their labels.
#include <catch2/catch.hpp>

#include "docx_builder.hpp"

using namespace bp;
using namespace bp::test;

namespace {

const std::string kHeader = p("THE BOARD") + p("17 September 2015") + p("A REPORT");

// Paragraph numbering "1." and "1.1" (abstract 1, num 1), a lettered list
// "(a)" (abstract 2, num 2) and bullets (abstract 3, num 3).
const std::string kNumbering = numbering(
    "<w:abstractNum w:abstractNumId=\"1\">" + level(0, "decimal", "%1.") + level(1, "decimal", "%1.%2") +
    level(2, "lowerLetter", "(%3)") + "</w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"2\">" + level(0, "lowerLetter", "(%1)") + level(1, "lowerRoman", "(%2)") + "</w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"3\">" + level(0, "bullet", "\u2022") + level(1, "bullet", "o") + "</w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"2\"/></w:num>"
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"3\"/></w:num>"
    // num 4 restarts the lettered list at (a); num 5 starts paragraph numbering again at 10.
    "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"2\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
    "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"10\"/></w:lvlOverride></w:num>");

std::string import_body(const std::string& body, const std::string& numbering_xml = kNumbering) {
    Imported r = import_bytes(docx(kHeader + body, {{"word/numbering.xml", numbering_xml}}));
    INFO(r.messages());
    REQUIRE(r.result);
    return body_of(r.xml());
}

}  // namespace

TEST_CASE("import: Word's paragraph numbers continue across headings, with sub-numbers under them", "[import][numbering]") {
    CHECK(import_body(p("Introduction", "Heading1") + numbered("One.", 1, 0) + numbered("One point one.", 1, 1) +
                      numbered("One point two.", 1, 1) + p("Not numbered.") + p("Background", "Heading1") +
                      numbered("Two.", 1, 0) + numbered("Two point one.", 1, 1)) ==
          "\n  <h1>Introduction</h1>\n  <p>One.</p>\n  <p number=\"sub\">One point one.</p>\n"
          "  <p number=\"sub\">One point two.</p>\n  <p number=\"none\">Not numbered.</p>\n  <h1>Background</h1>\n"
          "  <p>Two.</p>\n  <p number=\"sub\">Two point one.</p>\n");
}

TEST_CASE("import: a restart in Word's numbering is a restart in the paper", "[import][numbering]") {
    CHECK(import_body(numbered("One.", 1, 0) + numbered("Two.", 1, 0) + numbered("Ten.", 5, 0) + numbered("Ten point one.", 5, 1) +
                      numbered("Eleven.", 5, 0) + numbered("Twelve (num 1 continues the same list).", 1, 0)) ==
          "\n  <p>One.</p>\n  <p>Two.</p>\n  <p number=\"10\">Ten.</p>\n  <p number=\"sub\">Ten point one.</p>\n"
          "  <p>Eleven.</p>\n  <p>Twelve (num 1 continues the same list).</p>\n");
}

TEST_CASE("import: an empty numbered paragraph used a number, so the next says its own", "[import][numbering]") {
    CHECK(import_body(numbered("One.", 1, 0) + numbered("", 1, 0) + numbered("Three.", 1, 0)) ==
          "\n  <p>One.</p>\n  <p number=\"3\">Three.</p>\n");
}

TEST_CASE("import: lists keep their kind, label, level and start", "[import][numbering]") {
    CHECK(import_body(numbered("That:", 1, 0) + numbered("first;", 2, 0) + numbered("second, with:", 2, 0) +
                      numbered("roman one", 2, 1) + numbered("roman two", 2, 1) + numbered("third.", 2, 0) +
                      p("Then bullets:") + numbered("a point", 3, 0) + numbered("a sub-point", 3, 1) +
                      p("And the lettered list goes on:") + numbered("fourth", 2, 0) +
                      p("A new one:") + numbered("first again", 4, 0)) ==
          "\n  <p>That:</p>\n"
          "  <ol type=\"a\">\n"
          "    <li>first;</li>\n"
          "    <li>\n"
          "      <p>second, with:</p>\n"
          "      <ol type=\"i\">\n"
          "        <li>roman one</li>\n"
          "        <li>roman two</li>\n"
          "      </ol>\n"
          "    </li>\n"
          "    <li>third.</li>\n"
          "  </ol>\n"
          "  <p number=\"none\">Then bullets:</p>\n"
          "  <ul>\n"
          "    <li>\n"
          "      <p>a point</p>\n"
          "      <ul>\n"
          "        <li>a sub-point</li>\n"
          "      </ul>\n"
          "    </li>\n"
          "  </ul>\n"
          "  <p number=\"none\">And the lettered list goes on:</p>\n"
          "  <ol type=\"a\" start=\"4\">\n"
          "    <li>fourth</li>\n"
          "  </ol>\n"
          "  <p number=\"none\">A new one:</p>\n"
          "  <ol type=\"a\">\n"
          "    <li>first again</li>\n"
          "  </ol>\n");
}

TEST_CASE("import: list labels Word writes another way keep their form where papers have it", "[import][numbering]") {
    const std::string n = numbering(
        "<w:abstractNum w:abstractNumId=\"1\">" + level(0, "lowerLetter", "%1)") + "</w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"2\">" + level(0, "decimal", "(%1)") + "</w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"3\">" + level(0, "upperLetter", "%1.") + "</w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"4\">" + level(0, "decimal", "[%1]") + "</w:abstractNum>"
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"2\"/></w:num>"
        "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"3\"/></w:num><w:num w:numId=\"4\"><w:abstractNumId w:val=\"4\"/></w:num>");
    Imported r = import_bytes(docx(kHeader + numbered("x", 1, 0, "ListParagraph") + p("-") + numbered("y", 2, 0, "ListParagraph") +
                                   p("-") + numbered("z", 3, 0, "ListParagraph") + p("-") + numbered("w", 4, 0, "ListParagraph"),
                                   {{"word/numbering.xml", n}}));
    const std::string b = body_of(r.xml());
    CHECK(b.find("<ol label=\"a)\">") != std::string::npos);
    CHECK(b.find("<ol label=\"(1)\">") != std::string::npos);
    CHECK(b.find("<ol label=\"A.\">") != std::string::npos);
    // "[1]" is no form of papers': the house form, with a warning that says so.
    CHECK(b.find("<ol type=\"1\">") != std::string::npos);
    CHECK(r.messages().find("Word paragraph 10 (\"[1] w\"): Word labels this list \"[1]\"; papers label it 1., 2. in the house style [import-numbering]") !=
          std::string::npos);
}

TEST_CASE("import: lvlRestart 0 keeps a level counting through its parents", "[import][numbering]") {
    const std::string n = numbering("<w:abstractNum w:abstractNumId=\"1\">" + level(0, "decimal", "%1.") +
                                    level(1, "lowerLetter", "(%2)", 1, "<w:lvlRestart w:val=\"0\"/>") + "</w:abstractNum>"
                                    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>");
    CHECK(import_body(numbered("One.", 1, 0) + numbered("a", 1, 1) + numbered("Two.", 1, 0) + numbered("b", 1, 1), n) ==
          "\n  <p>One.</p>\n  <ol type=\"a\">\n    <li>a</li>\n  </ol>\n  <p>Two.</p>\n  <ol type=\"a\" start=\"2\">\n    <li>b</li>\n  </ol>\n");
}

TEST_CASE("import: numbering a paragraph style carries", "[import][numbering]") {
    const std::string styles = default_styles(
        "<w:style w:type=\"paragraph\" w:styleId=\"NumberedPara\"><w:name w:val=\"Numbered Para\"/>"
        "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"SubPara\"><w:name w:val=\"Sub Para\"/>"
        "<w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>");
    Imported r = import_bytes(docx(kHeader + p("One.", "NumberedPara") + p("One one.", "SubPara") + p("Two.", "NumberedPara") +
                                       p("Off.", "NumberedPara", "<w:numPr><w:numId w:val=\"0\"/></w:numPr>") + p("Three.", "NumberedPara"),
                                   {{"word/numbering.xml", kNumbering}, {"word/styles.xml", styles}}));
    CHECK(body_of(r.xml()) == "\n  <p>One.</p>\n  <p number=\"sub\">One one.</p>\n  <p>Two.</p>\n  <p number=\"none\">Off.</p>\n  <p>Three.</p>\n");
}

TEST_CASE("import: numbers typed by hand are taken out, with a note, when they are the paragraph's number", "[import][numbering]") {
    Imported r = import_bytes(docx(kHeader + p("Introduction", "Heading1") + p("1.\tThe purpose.") + p("1.1 The detail.") +
                                   p("2. The Board is asked to note.") + p("2015 was a good year.") + p("3 members attended.")));
    INFO(r.messages());
    CHECK(body_of(r.xml()) ==
          "\n  <h1>Introduction</h1>\n  <p>The purpose.</p>\n  <p number=\"sub\">The detail.</p>\n  <p>The Board is asked to note.</p>\n"
          "  <p number=\"none\">2015 was a good year.</p>\n  <p number=\"none\">3 members attended.</p>\n");
    CHECK(r.messages().find("10: note: Word paragraph 5 (\"1. The purpose.\"): the number \"1\" typed at its start was taken out: "
                            "boardpack numbers the paragraph 1 itself [import-typed-number]") != std::string::npos);
    CHECK(r.messages().find("11: note: Word paragraph 6 (\"1.1 The detail.\"): the number \"1.1\" typed") != std::string::npos);
}

TEST_CASE("import: headings numbered 1, 2 with paragraphs 1.1, 1.2 under them are numbered through the report", "[import][numbering]") {
    Imported r = import_bytes(docx(kHeader + numbered("Purpose", 1, 0, "Heading1") + numbered("First.", 1, 1) + numbered("Second.", 1, 1) +
                                       numbered("Background", 1, 0, "Heading1") + numbered("Third.", 1, 1) + numbered("Third a.", 1, 2),
                                   {{"word/numbering.xml", kNumbering}}));
    INFO(r.messages());
    CHECK(body_of(r.xml()) == "\n  <h1>Purpose</h1>\n  <p>First.</p>\n  <p>Second.</p>\n  <h1>Background</h1>\n  <p>Third.</p>\n"
                              "  <ol type=\"a\">\n    <li>Third a.</li>\n  </ol>\n");
    CHECK(r.messages().find("warning: Word paragraph 4 (\"1. Purpose\"): Word numbers the headings (1.) and the paragraphs under "
                            "them; papers number paragraphs 1, 2, 3 ... through the report and leave headings unnumbered, so "
                            "the paragraphs are numbered again that way [import-numbering]") != std::string::npos);
}

TEST_CASE("import: a third level of paragraph numbering keeps its number as text, with a warning", "[import][numbering]") {
    const std::string n = numbering("<w:abstractNum w:abstractNumId=\"1\">" + level(0, "decimal", "%1.") + level(1, "decimal", "%1.%2") +
                                    level(2, "decimal", "%1.%2.%3") + "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>");
    Imported r = import_bytes(docx(kHeader + numbered("One.", 1, 0) + numbered("One one.", 1, 1) + numbered("Deep.", 1, 2),
                                   {{"word/numbering.xml", n}}));
    CHECK(body_of(r.xml()) == "\n  <p>One.</p>\n  <p number=\"sub\">One one.</p>\n  <p number=\"none\">1.1.1 Deep.</p>\n");
    CHECK(r.messages().find("Word numbers this paragraph 1.1.1, which papers cannot give") != std::string::npos);
}
