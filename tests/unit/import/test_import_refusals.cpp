// What the import refuses, each with its exact message: tracked changes,
// comments, hidden text, other formats, protected files, and packages
// made to hurt (names leaving the package, sizes that lie, zip bombs,
// DOCTYPEs).
#include <catch2/catch.hpp>

#include "docx_builder.hpp"

using namespace bp;
using namespace bp::test;

namespace {

const std::string kHeader = p("THE BOARD") + p("17 September 2015") + p("A REPORT");

// The single error of a refused file, as "file:line: message [rule]\n  hint".
std::string refusal(const std::string& bytes) {
    Imported r = import_bytes(bytes);
    CHECK_FALSE(r.result);
    std::string s;
    for (const Diagnostic& d : r.diags.all())
        s += format_diagnostic(d) + "\n" + (d.hint.empty() ? std::string() : "  hint: " + d.hint + "\n");
    return s;
}

}  // namespace

TEST_CASE("import refuses tracked changes, naming each paragraph that holds one", "[import][refusal]") {
    CHECK(refusal(docx(kHeader + p("Introduction", "Heading1") +
                       "<w:p><w:r><w:t xml:space=\"preserve\">The Board </w:t></w:r><w:ins w:id=\"1\" w:author=\"Jane Smith\" "
                       "w:date=\"2015-09-01T10:00:00Z\"><w:r><w:t>noted</w:t></w:r></w:ins><w:r><w:t xml:space=\"preserve\"> the report.</w:t></w:r></w:p>" +
                       "<w:p><w:del w:id=\"2\" w:author=\"Tom Brown\"><w:r><w:delText>Gone.</w:delText></w:r></w:del><w:r><w:t>Kept.</w:t></w:r></w:p>" +
                       "<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id=\"3\" w:author=\"Jane Smith\"><w:rPr/></w:rPrChange></w:rPr><w:t>Bolder.</w:t></w:r></w:p>")) ==
          "report.docx: error: paragraph 5 (\"The Board noted the report.\"): a tracked change (text inserted by Jane Smith) [import-revisions]\n"
          "  hint: accept or reject every change in Word (Review > Accept > Accept All Changes), turn off Track Changes, save, and import again\n"
          "report.docx: error: paragraph 6 (\"Kept.\"): a tracked change (text deleted by Tom Brown) [import-revisions]\n"
          "  hint: accept or reject every change in Word (Review > Accept > Accept All Changes), turn off Track Changes, save, and import again\n"
          "report.docx: error: paragraph 7 (\"Bolder.\"): a tracked change (a formatting change by Jane Smith) [import-revisions]\n"
          "  hint: accept or reject every change in Word (Review > Accept > Accept All Changes), turn off Track Changes, save, and import again\n");
}

TEST_CASE("import refuses tracked changes in a table row and in a footnote", "[import][refusal]") {
    const std::string table = "<w:tbl><w:tblGrid><w:gridCol w:w=\"2000\"/></w:tblGrid>"
                              "<w:tr><w:tc><w:p><w:r><w:t>Head</w:t></w:r></w:p></w:tc></w:tr>"
                              "<w:tr><w:trPr><w:ins w:id=\"5\" w:author=\"Ann\"/></w:trPr><w:tc><w:p><w:r><w:t>New row</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
    const std::string notes = std::string("<w:footnotes ") + kW + "><w:footnote w:id=\"1\"><w:p><w:r><w:t xml:space=\"preserve\">Source: </w:t></w:r>"
                              "<w:ins w:id=\"6\" w:author=\"Bob\"><w:r><w:t>police.uk</w:t></w:r></w:ins></w:p></w:footnote></w:footnotes>";
    CHECK(refusal(docx(kHeader + table + "<w:p><w:r><w:t>Crime fell.</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>",
                       {{"word/footnotes.xml", notes}})) ==
          "report.docx: error: table 1, row 2 (\"New row\"): a tracked change (a row inserted by Ann) [import-revisions]\n"
          "  hint: accept or reject every change in Word (Review > Accept > Accept All Changes), turn off Track Changes, save, and import again\n"
          "report.docx: error: footnote 1 (\"Source: police.uk\"): a tracked change (text inserted by Bob) [import-revisions]\n"
          "  hint: accept or reject every change in Word (Review > Accept > Accept All Changes), turn off Track Changes, save, and import again\n");
}

TEST_CASE("import refuses comments, with their author and words", "[import][refusal]") {
    const std::string comments = std::string("<w:comments ") + kW +
                                 "><w:comment w:id=\"0\" w:author=\"Jane Smith\"><w:p><w:r><w:t>Check these figures with the police first</w:t></w:r></w:p></w:comment></w:comments>";
    CHECK(refusal(docx(kHeader + "<w:p><w:commentRangeStart w:id=\"0\"/><w:r><w:t>Crime fell by 4%.</w:t></w:r><w:commentRangeEnd w:id=\"0\"/>"
                                 "<w:r><w:commentReference w:id=\"0\"/></w:r></w:p>",
                       {{"word/comments.xml", comments}})) ==
          "report.docx: error: paragraph 4 (\"Crime fell by 4%.\"): a comment by Jane Smith: \"Check these figures with the police first\" [import-revisions]\n"
          "  hint: delete the comments in Word (Review > Delete > Delete All Comments in Document), save, and import again\n");
}

TEST_CASE("import refuses hidden text, direct or from a style", "[import][refusal]") {
    const std::string styles = default_styles("<w:style w:type=\"character\" w:styleId=\"Secret\"><w:name w:val=\"Secret\"/><w:rPr><w:vanish/></w:rPr></w:style>");
    CHECK(refusal(docx(kHeader + "<w:p><w:r><w:t xml:space=\"preserve\">Visible. </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>Draft figures only.</w:t></w:r></w:p>" +
                           "<w:p><w:r><w:rPr><w:rStyle w:val=\"Secret\"/></w:rPr><w:t>Not for publication</w:t></w:r><w:r><w:t>Shown.</w:t></w:r></w:p>" +
                           // A hidden paragraph mark alone hides no text.
                           "<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t>Joined.</w:t></w:r></w:p>",
                       {{"word/styles.xml", styles}})) ==
          "report.docx: error: paragraph 4 (\"Visible.\"): hidden text: \"Draft figures only.\" [import-hidden-text]\n"
          "  hint: show it in Word (Home > Show/Hide), then delete it or make it visible (Font > Hidden), save, and import again\n"
          "report.docx: error: paragraph 5 (\"Shown.\"): hidden text: \"Not for publication\" [import-hidden-text]\n"
          "  hint: show it in Word (Home > Show/Hide), then delete it or make it visible (Font > Hidden), save, and import again\n");
}

TEST_CASE("import refuses other formats with a request to save as .docx", "[import][refusal]") {
    const std::string save = "  hint: open it in Word (or LibreOffice) and save it as a Word Document (.docx) (File > Save As), then import that\n";
    // An OLE compound file holding a WordDocument stream: Word 97-2003.
    std::string doc = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(504, '\0');
    for (char c : std::string("WordDocument")) doc += std::string(1, c) + '\0';
    CHECK(refusal(doc) == "report.docx: error: the file is a Word 97-2003 document (.doc), which boardpack cannot import [import-unreadable]\n" + save);
    CHECK(refusal("{\\rtf1\\ansi Hello}") ==
          "report.docx: error: the file is a Rich Text Format document (.rtf), which boardpack cannot import [import-unreadable]\n" + save);
    ZipWriter odt;
    odt.add("mimetype", "application/vnd.oasis.opendocument.text");
    odt.add("content.xml", "<office:document-content/>");
    CHECK(refusal(odt.bytes()) ==
          "report.docx: error: the file is an OpenDocument file (.odt), not a Word document, which boardpack cannot import [import-unreadable]\n" + save);
    ZipWriter xlsx;
    xlsx.add("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r\" "
                            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    xlsx.add("xl/workbook.xml", "<workbook/>");
    CHECK(refusal(xlsx.bytes()) ==
          "report.docx: error: the file is an Excel workbook, not a Word document, which boardpack cannot import [import-unreadable]\n" + save);
    CHECK(refusal("Just some text.") == "report.docx: error: the file is not a Word .docx document, which boardpack cannot import [import-unreadable]\n" + save);
}

TEST_CASE("import refuses a file protected with a password", "[import][refusal]") {
    const std::string hint = "  hint: open it in Word, remove the password (File > Info > Protect Document > Encrypt with Password, "
                             "and clear it), save, and import again\n";
    // Word encrypts the whole package into an OLE compound file.
    std::string ole = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(504, '\0');
    for (char c : std::string("EncryptedPackage")) ole += std::string(1, c) + '\0';
    CHECK(refusal(ole) == "report.docx: error: the file is protected with a password, so it cannot be read [import-unreadable]\n" + hint);
}

TEST_CASE("import refuses packages made to hurt: names that leave it, sizes that lie, bombs, DOCTYPEs", "[import][refusal]") {
    const std::string again = "  hint: save it again from Word as a Word Document (.docx) and import that\n";
    auto with = [](const std::string& name, const std::string& data, std::optional<std::uint32_t> declared = {}) {
        ZipWriter z;
        z.add(name, data, declared);
        return z.bytes();
    };
    CHECK(refusal(with("../../etc/evil", "x")) ==
          "report.docx: error: the file holds a part named \"../../etc/evil\", a path that leaves the package; Word never writes one, "
          "so the file is refused [import-unreadable]\n" + again);
    CHECK(refusal(with("/etc/evil", "x")) ==
          "report.docx: error: the file holds a part named \"/etc/evil\", a path that leaves the package; Word never writes one, "
          "so the file is refused [import-unreadable]\n" + again);
    ZipWriter twice;
    twice.add("word/document.xml", "a");
    twice.add("Word/Document.xml", "b");
    CHECK(refusal(twice.bytes()) ==
          "report.docx: error: the file holds two parts named \"Word/Document.xml\", so which one is meant is unclear [import-unreadable]\n" + again);

    // A main part that says it unpacks to 500 MB from a few bytes.
    const std::string base = docx(kHeader);
    auto replace_document = [&](const std::string& data, std::optional<std::uint32_t> declared) {
        ZipWriter z;
        z.add("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r\" "
                             "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
        z.add("word/document.xml", data, declared);
        return z.bytes();
    };
    CHECK(refusal(replace_document("<w:document/>", 500u << 20)) ==
          "report.docx: error: the part word/document.xml of the file unpacks to more than 128 MB [import-unreadable]\n" + again);
    CHECK(refusal(replace_document(std::string(2000, ' '), 100u << 20)) ==
          "report.docx: error: the part word/document.xml of the file unpacks to 52428 times its packed size, as a zip bomb does [import-unreadable]\n" + again);
    CHECK(refusal(replace_document("<w:document/>", 20)).starts_with(
          "report.docx: error: the part word/document.xml of the file is damaged: it does not unpack to the size the zip records"));
    // Entities declared in a DOCTYPE are how an XML file is made to expand without end.
    CHECK(refusal(replace_document("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                                   "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>",
                                   {})) ==
          "report.docx: error: the part word/document.xml of the file declares a DOCTYPE, which Word never writes (it is how an XML "
          "file is made to expand without end) [import-unreadable]\n" + again);
    CHECK(refusal(replace_document("<w:document><w:body>", {})) ==
          "report.docx: error: the part word/document.xml of the file is not well-formed XML (Start-end tags mismatch at byte 19) [import-unreadable]\n" + again);
    ZipWriter no_main;
    no_main.add("word/document.xml", "<w:document/>");
    CHECK(refusal(no_main.bytes()) ==
          "report.docx: error: the file is a zip, but not a Word document: it names no main document part [import-unreadable]\n" + again);
    CHECK(refusal(std::string("PK\x03\x04", 4) + "garbage").starts_with("report.docx: error: the file is not a readable zip package, as a .docx is ("));
}

TEST_CASE("import never fetches a picture linked from outside the file", "[import][refusal]") {
    const std::string drawing =
        "<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"914400\" cy=\"914400\"/><wp:docPr id=\"1\" name=\"P\" descr=\"Crime chart\"/>"
        "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:blipFill>"
        "<a:blip r:link=\"rIdX\"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>";
    Imported r = import_bytes(docx(kHeader + drawing, {},
                                   "<Relationship Id=\"rIdX\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
                                   "Target=\"http://127.0.0.1:1/never.png\" TargetMode=\"External\"/>"));
    REQUIRE(r.result);
    CHECK(body_of(r.xml()) == "\n  <img src=\"report-images/linked.png\" alt=\"Crime chart\" width=\"25.4mm\"/>\n");
    CHECK(r.result->pictures.empty());
    CHECK(r.messages().find("9: warning: Word paragraph 4 (empty): a picture linked from outside the file (never fetched) cannot be carried") !=
          std::string::npos);
}

// ---- what is flagged, not refused: the paper is written, and each message
// names the place in the Word file and the line of the XML it went to ----

namespace {

// Every message of an import that went through, with its hint, but the
// notes that the header's lines were found by their place (the files here
// all open with them; test_import_text.cpp proves those).
std::string flagged(const Imported& r) {
    std::string s;
    for (const Diagnostic& d : r.diags.all())
        if (d.rule != rule::import_header.id) s += format_with_hint(d) + "\n";
    return s;
}

const std::string kVml = "<w:r><w:pict><v:shape style=\"width:120pt;height:40pt\"><v:textbox><w:txbxContent>";
const std::string kVmlEnd = "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>";

// A text box as Word 2010 and later write it: a DrawingML shape for those
// who understand it, the same box in VML for those who do not.
std::string word_text_box(const std::string& paragraphs) {
    return "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><wp:extent cx=\"1524000\" cy=\"508000\"/>"
           "<wp:docPr id=\"5\" name=\"Text Box 5\"/><a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
           "<wps:wsp><wps:txbx><w:txbxContent>" + paragraphs + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
           "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape style=\"width:120pt\"><v:textbox><w:txbxContent>" +
           paragraphs + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>";
}

}  // namespace

TEST_CASE("import leaves a file's macros out, with a note at the paper's root", "[import][refusal]") {
    for (const char* part : {"word/vbaProject.bin", "word/VBAPROJECT.BIN"}) {
        INFO(part);
        Imported r = import_bytes(docx(kHeader + p("Introduction", "Heading1") + p("The text."), {{part, std::string("\xD0\xCF\x11\xE0 macros", 10)}}));
        REQUIRE(r.result);
        CHECK(body_of(r.xml()) == "\n  <h1>Introduction</h1>\n  <p number=\"none\">The text.</p>\n");
        CHECK(flagged(r) == "out/report.xml:2:1: note: the file's macros were left out: papers hold no programs [import-dropped]\n");
    }
    // Without them, nothing is said.
    CHECK(flagged(import_bytes(docx(kHeader + p("The text.")))).empty());
}

TEST_CASE("import keeps the text a field shows, with a note naming the field's kind at its paragraph", "[import][refusal]") {
    const std::string ref = "<w:p><w:r><w:t xml:space=\"preserve\">As set out in paragraph </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                            "<w:r><w:instrText xml:space=\"preserve\"> REF _Ref4711 \\r \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                            "<w:r><w:t>3.2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>, the Board agreed.</w:t></w:r></w:p>";
    const std::string two = "<w:p><w:r><w:t xml:space=\"preserve\">Printed on </w:t></w:r><w:fldSimple w:instr=\" DATE \\@ &quot;d MMMM yyyy&quot; \">"
                            "<w:r><w:t>1 September 2015</w:t></w:r></w:fldSimple><w:r><w:t xml:space=\"preserve\"> for </w:t></w:r>"
                            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> DOCPROPERTY Company </w:instrText></w:r>"
                            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>Leicestershire County Council</w:t></w:r>"
                            "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>.</w:t></w:r></w:p>";
    // A page number and a link are all their text says: nothing to note.
    const std::string quiet = "<w:p><w:r><w:t xml:space=\"preserve\">Page </w:t></w:r><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>4</w:t></w:r></w:fldSimple>"
                              "<w:r><w:t xml:space=\"preserve\"> of the </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                              "<w:r><w:instrText xml:space=\"preserve\"> HYPERLINK \"https://www.leics.gov.uk/\" </w:instrText></w:r>"
                              "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>council's site</w:t></w:r>"
                              "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>";
    Imported r = import_bytes(docx(kHeader + p("Background", "Heading1") + ref + two + quiet));
    REQUIRE(r.result);
    CHECK(body_of(r.xml()) == "\n  <h1>Background</h1>\n  <p number=\"none\">As set out in paragraph 3.2, the Board agreed.</p>\n"
                              "  <p number=\"none\">Printed on 1 September 2015 for Leicestershire County Council.</p>\n"
                              "  <p number=\"none\">Page 4 of the <a href=\"https://www.leics.gov.uk/\">council's site</a></p>\n");
    CHECK(flagged(r) ==
          "out/report.xml:10:3: note: Word paragraph 5 (\"As set out in paragraph 3.2,\u2026\"): a field (REF) kept as the text Word "
          "shows; it will not update [import-dropped]\n"
          "  hint: check the text is what you want published\n"
          "out/report.xml:11:3: note: Word paragraph 6 (\"Printed on 1 September 2015 for\u2026\"): fields (DATE, DOCPROPERTY) kept as "
          "the text Word shows; it will not update [import-dropped]\n"
          "  hint: check the text is what you want published\n");
}

TEST_CASE("import keeps the text of text boxes after their anchor and leaves shapes out, each with a warning at its paragraph",
          "[import][refusal]") {
    const std::string line_shape = "<w:r><w:drawing><wp:anchor><wp:extent cx=\"914400\" cy=\"0\"/><wp:docPr id=\"7\" name=\"Straight Connector 7\"/>"
                                   "<a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
                                   "<wps:wsp><wps:spPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>";
    Imported r = import_bytes(docx(kHeader + p("Summary", "Heading1") +
                                   "<w:p><w:r><w:t>Crime fell across the county.</w:t></w:r>" +
                                   word_text_box(p("Key fact") + p("Burglary down 12%")) + "</w:p>" +
                                   "<w:p><w:r><w:t>Older boxes were drawn in VML.</w:t></w:r>" + kVml + p("A VML box") + kVmlEnd + "</w:p>" +
                                   "<w:p>" + line_shape + "<w:r><w:t>A rule under this line.</w:t></w:r></w:p>"));
    REQUIRE(r.result);
    // The box's text once, from the shape Word chose, not again from its VML fallback.
    CHECK(body_of(r.xml()) == "\n  <h1>Summary</h1>\n  <p number=\"none\">Crime fell across the county.</p>\n"
                              "  <p number=\"none\">Key fact</p>\n  <p number=\"none\">Burglary down 12%</p>\n"
                              "  <p number=\"none\">Older boxes were drawn in VML.</p>\n  <p number=\"none\">A VML box</p>\n"
                              "  <p number=\"none\">A rule under this line.</p>\n");
    const std::string kept_hint = "  hint: check the text reads in its place, or move it into the text in Word\n";
    CHECK(flagged(r) ==
          "out/report.xml:10:3: warning: Word paragraph 5 (\"Crime fell across the county.\"): the text of a text box or shape was kept "
          "as paragraphs after this one; the box itself was left out [import-dropped]\n" + kept_hint +
          "out/report.xml:13:3: warning: Word paragraph 6 (\"Older boxes were drawn in VML.\"): the text of a text box or shape was kept "
          "as paragraphs after this one; the box itself was left out [import-dropped]\n" + kept_hint +
          "out/report.xml:15:3: warning: Word paragraph 7 (\"A rule under this line.\"): a shape (a line, arrow or box without text) was "
          "left out [import-dropped]\n"
          "  hint: if it carries meaning, say it in the text or put a picture in its place\n");
}

TEST_CASE("import refuses tracked changes of every kind: moves, paragraph marks, numbering, rows and cells", "[import][refusal]") {
    const std::string hint = "  hint: accept or reject every change in Word (Review > Accept > Accept All Changes), turn off Track Changes, save, and import again\n";
    const std::string table = "<w:tbl><w:tblGrid><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/></w:tblGrid>"
                              "<w:tr><w:tc><w:p><w:r><w:t>Lead</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Action</w:t></w:r></w:p></w:tc></w:tr>"
                              "<w:tr><w:trPr><w:del w:id=\"9\" w:author=\"Ann Lee\"/></w:trPr><w:tc><w:p><w:r><w:t>Old lead</w:t></w:r></w:p></w:tc>"
                              "<w:tc><w:p><w:r><w:t>Old action</w:t></w:r></w:p></w:tc></w:tr>"
                              "<w:tr><w:tc><w:p><w:r><w:t>J Fox</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:cellIns w:id=\"10\" w:author=\"Ann Lee\"/></w:tcPr>"
                              "<w:p><w:r><w:t>Report</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
    CHECK(refusal(docx(kHeader +
                       "<w:p><w:moveFrom w:id=\"1\" w:author=\"Tom Brown\"><w:r><w:t>Moved away.</w:t></w:r></w:moveFrom><w:r><w:t>Stays.</w:t></w:r></w:p>" +
                       "<w:p><w:moveTo w:id=\"2\" w:author=\"Tom Brown\"><w:r><w:t>Moved here.</w:t></w:r></w:moveTo></w:p>" +
                       "<w:p><w:pPr><w:rPr><w:ins w:id=\"3\" w:author=\"Jane Smith\"/></w:rPr></w:pPr><w:r><w:t>A new paragraph.</w:t></w:r></w:p>" +
                       "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"0\"/></w:numPr><w:pPrChange w:id=\"4\" w:author=\"Jane Smith\">"
                       "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Numbering taken off.</w:t></w:r></w:p>" +
                       table)) ==
          "report.docx: error: paragraph 4 (\"Stays.\"): a tracked change (text moved by Tom Brown) [import-revisions]\n" + hint +
          "report.docx: error: paragraph 5 (\"Moved here.\"): a tracked change (text moved by Tom Brown) [import-revisions]\n" + hint +
          "report.docx: error: paragraph 6 (\"A new paragraph.\"): a tracked change (a paragraph inserted by Jane Smith) [import-revisions]\n" + hint +
          "report.docx: error: paragraph 7 (\"Numbering taken off.\"): a tracked change (a change to the paragraph's layout by Jane Smith) "
          "[import-revisions]\n" + hint +
          "report.docx: error: table 1, row 2 (\"Old lead Old action\"): a tracked change (a row deleted by Ann Lee) [import-revisions]\n" + hint +
          "report.docx: error: table 1, row 3, cell 2: a tracked change (a cell inserted, deleted or merged by Ann Lee) [import-revisions]\n" + hint);
}

TEST_CASE("import refuses comments in tables and notes, and one whose comments part is missing", "[import][refusal]") {
    const std::string hint = "  hint: delete the comments in Word (Review > Delete > Delete All Comments in Document), save, and import again\n";
    const std::string comments = std::string("<w:comments ") + kW +
                                 "><w:comment w:id=\"3\" w:author=\"Tom Brown\"><w:p><w:r><w:t>Is this the 2015 figure?</w:t></w:r></w:p></w:comment>"
                                 "<w:comment w:id=\"4\" w:author=\"Ann Lee\"><w:p><w:r><w:t>Cite the source</w:t></w:r></w:p></w:comment></w:comments>";
    const std::string notes = std::string("<w:footnotes ") + kW + "><w:footnote w:id=\"1\"><w:p><w:commentRangeStart w:id=\"4\"/>"
                              "<w:r><w:t>Police data.</w:t></w:r><w:commentRangeEnd w:id=\"4\"/><w:r><w:commentReference w:id=\"4\"/></w:r></w:p></w:footnote></w:footnotes>";
    const std::string table = "<w:tbl><w:tblGrid><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/></w:tblGrid><w:tr>"
                              "<w:tc><w:p><w:r><w:t>Burglary</w:t></w:r></w:p></w:tc><w:tc><w:p><w:commentRangeStart w:id=\"3\"/><w:r><w:t>3.10</w:t></w:r>"
                              "<w:commentRangeEnd w:id=\"3\"/><w:r><w:commentReference w:id=\"3\"/></w:r></w:p></w:tc></w:tr></w:tbl>";
    CHECK(refusal(docx(kHeader + table + "<w:p><w:r><w:t>Crime fell.</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>",
                       {{"word/comments.xml", comments}, {"word/footnotes.xml", notes}})) ==
          "report.docx: error: table 1, row 1, cell 2 (\"3.10\"): a comment by Tom Brown: \"Is this the 2015 figure?\" [import-revisions]\n" + hint +
          "report.docx: error: footnote 1 (\"Police data.\"): a comment by Ann Lee: \"Cite the source\" [import-revisions]\n" + hint);
    // The mark of a comment whose words the file no longer holds is still a comment.
    CHECK(refusal(docx(kHeader + "<w:p><w:r><w:t>Agreed.</w:t></w:r><w:r><w:commentReference w:id=\"8\"/></w:r></w:p>")) ==
          "report.docx: error: paragraph 4 (\"Agreed.\"): a comment [import-revisions]\n" + hint);
}

TEST_CASE("import refuses hidden text in a table, in a footnote and from a paragraph's style", "[import][refusal]") {
    const std::string hint = "  hint: show it in Word (Home > Show/Hide), then delete it or make it visible (Font > Hidden), save, and import again\n";
    const std::string styles = default_styles("<w:style w:type=\"paragraph\" w:styleId=\"DraftNote\"><w:name w:val=\"Draft Note\"/>"
                                              "<w:rPr><w:vanish/></w:rPr></w:style>");
    const std::string notes = std::string("<w:footnotes ") + kW + "><w:footnote w:id=\"1\"><w:p><w:r><w:t xml:space=\"preserve\">Police data. </w:t></w:r>"
                              "<w:r><w:rPr><w:vanish/></w:rPr><w:t>Not yet verified.</w:t></w:r></w:p></w:footnote></w:footnotes>";
    const std::string table = "<w:tbl><w:tblGrid><w:gridCol w:w=\"2000\"/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t xml:space=\"preserve\">45.79 </w:t></w:r>"
                              "<w:r><w:rPr><w:vanish w:val=\"true\"/></w:rPr><w:t>(provisional)</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
    CHECK(refusal(docx(kHeader + table + "<w:p><w:r><w:t>Crime fell.</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>" +
                           p("Remember to check with the police before sending.", "DraftNote") +
                           // Hidden switched off again is shown.
                           "<w:p><w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>Shown after all.</w:t></w:r></w:p>",
                       {{"word/styles.xml", styles}, {"word/footnotes.xml", notes}})) ==
          "report.docx: error: table 1, row 1, cell 1 (\"45.79\"): hidden text: \"(provisional)\" [import-hidden-text]\n" + hint +
          "report.docx: error: footnote 1 (\"Police data.\"): hidden text: \"Not yet verified.\" [import-hidden-text]\n" + hint +
          "report.docx: error: paragraph 5 (empty): hidden text: \"Remember to check with the police before…\" [import-hidden-text]\n" + hint);
}
