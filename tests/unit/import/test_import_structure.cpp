// Tables, pictures, footnotes, and the parts of a report found by their
// headings: recommendations, officers to contact, appendices, landscape
// sections, page breaks.
#include <catch2/catch.hpp>

#include "docx_builder.hpp"

using namespace bp;
using namespace bp::test;

namespace {

const std::string kHeader = p("THE BOARD") + p("17 September 2015") + p("A REPORT");

std::string cell(const std::string& text, const std::string& tcpr = "", const std::string& ppr = "") {
    return "<w:tc>" + (tcpr.empty() ? std::string() : "<w:tcPr>" + tcpr + "</w:tcPr>") + "<w:p>" +
           (ppr.empty() ? std::string() : "<w:pPr>" + ppr + "</w:pPr>") +
           (text.empty() ? std::string() : "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>") + "</w:p></w:tc>";
}
std::string row(const std::string& cells, bool header = false) {
    return "<w:tr>" + std::string(header ? "<w:trPr><w:tblHeader/></w:trPr>" : "") + cells + "</w:tr>";
}
std::string table(const std::string& rows, const std::string& grid, const std::string& layout = "<w:tblLayout w:type=\"fixed\"/>") {
    return "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/>" + layout + "</w:tblPr><w:tblGrid>" + grid + "</w:tblGrid>" + rows + "</w:tbl>";
}
std::string cols(std::initializer_list<int> widths) {
    std::string g;
    for (int w : widths) g += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
    return g;
}

std::string import_body(const std::string& body, const TemplateDoc* house = nullptr) {
    Imported r = import_bytes(docx(kHeader + body), house);
    INFO(r.messages());
    REQUIRE(r.result);
    return body_of(r.xml());
}

}  // namespace

TEST_CASE("import: a table's header rows, spans across and down, widths, statuses and alignment", "[import][table]") {
    const std::string t = table(
        row(cell("Outcome") + cell("Indicator", "<w:gridSpan w:val=\"2\"/>") + cell("RAG"), true) +
            row(cell("Crime", "<w:vMerge w:val=\"restart\"/>") + cell("Burglary") + cell("3.10", "", "<w:jc w:val=\"right\"/>") +
                cell("", "<w:shd w:val=\"clear\" w:fill=\"00B050\"/>")) +
            row(cell("", "<w:vMerge/>") + cell("Vehicle") + cell("6.35", "", "<w:jc w:val=\"right\"/>") +
                cell("A", "<w:shd w:val=\"clear\" w:fill=\"FFC000\"/>")) +
            row(cell("Harm") + cell("Violence") + cell("3.39", "", "<w:jc w:val=\"right\"/>") +
                cell("Red: behind plan", "<w:shd w:val=\"clear\" w:fill=\"FF0000\"/>")),
        cols({3000, 2000, 1000, 1000}));
    CHECK(import_body(t) ==
          "\n  <table widths=\"3* 2* 1* 1*\">\n"
          "    <thead>\n"
          "      <tr>\n"
          "        <th>Outcome</th>\n"
          "        <th colspan=\"2\">Indicator</th>\n"
          "        <th>RAG</th>\n"
          "      </tr>\n"
          "    </thead>\n"
          "    <tbody>\n"
          "      <tr>\n"
          "        <td rowspan=\"2\">Crime</td>\n"
          "        <td>Burglary</td>\n"
          "        <td align=\"right\">3.10</td>\n"
          "        <td status=\"G\"/>\n"
          "      </tr>\n"
          "      <tr>\n"
          "        <td>Vehicle</td>\n"
          "        <td align=\"right\">6.35</td>\n"
          "        <td status=\"A\"/>\n"
          "      </tr>\n"
          "      <tr>\n"
          "        <td>Harm</td>\n"
          "        <td>Violence</td>\n"
          "        <td align=\"right\">3.39</td>\n"
          "        <td status=\"Red\">behind plan</td>\n"
          "      </tr>\n"
          "    </tbody>\n"
          "  </table>\n");
}

TEST_CASE("import: a table that fits its contents has no widths, one set smaller than the house's table style has a size",
          "[import][table]") {
    TemplateDoc house;
    TextStyleSpec table_style;
    table_style.name = "table";
    table_style.size = pt(8);
    house.styles.push_back(table_style);
    const std::string small = "<w:tc><w:p><w:r><w:rPr><w:sz w:val=\"14\"/></w:rPr><w:t>x</w:t></w:r></w:p></w:tc>";
    CHECK(import_body(table(row(cell("A") + cell("B"), true) + row(cell("1") + cell("2")), cols({1000, 1000}), ""), &house) ==
          "\n  <table>\n    <thead>\n      <tr>\n        <th>A</th>\n        <th>B</th>\n      </tr>\n    </thead>\n"
          "    <tbody>\n      <tr>\n        <td>1</td>\n        <td>2</td>\n      </tr>\n    </tbody>\n  </table>\n");
    CHECK(import_body(table(row(small + small, true) + row(small + small), cols({1000, 1000})), &house)
              .starts_with("\n  <table size=\"7pt\" widths=\"1* 1*\">\n"));
}

TEST_CASE("import: rows that do not fill the grid are filled, a bold first row is the header, with a note", "[import][table]") {
    Imported r = import_bytes(docx(kHeader + table(row("<w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Lead</w:t></w:r></w:p></w:tc>"
                                                       "<w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Action</w:t></w:r></w:p></w:tc>") +
                                                       "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" + cell("only") + "</w:tr>",
                                                   cols({1000, 1000}))));
    INFO(r.messages());
    CHECK(body_of(r.xml()) ==
          "\n  <table widths=\"1* 1*\">\n    <thead>\n      <tr>\n        <th><b>Lead</b></th>\n        <th><b>Action</b></th>\n"
          "      </tr>\n    </thead>\n    <tbody>\n      <tr>\n        <td/>\n        <td>only</td>\n      </tr>\n    </tbody>\n  </table>\n");
    CHECK(r.messages().find("11: note: Word table 1, row 1 (\"Lead Action\"): taken as the table's header row because its text is bold") !=
          std::string::npos);
}

TEST_CASE("import: what a table cell cannot hold moves: footnotes under the table, pictures after it, tables into lines",
          "[import][table]") {
    const std::string notes = std::string("<w:footnotes ") + kW + "><w:footnote w:id=\"1\"><w:p><w:r><w:t>April to June only.</w:t></w:r></w:p></w:footnote></w:footnotes>";
    const std::string inner = table(row(cell("a") + cell("b")) + row(cell("c") + cell("d")), cols({500, 500}));
    const std::string t = table(row(cell("Figure") + cell("Detail"), true) +
                                    row("<w:tc><w:p><w:r><w:t>45.79</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p></w:tc>"
                                        "<w:tc>" + inner + "<w:p/></w:tc>"),
                                cols({1000, 1000}));
    Imported r = import_bytes(docx(kHeader + t, {{"word/footnotes.xml", notes}}));
    INFO(r.messages());
    CHECK(body_of(r.xml()) ==
          "\n  <table widths=\"1* 1*\">\n    <thead>\n      <tr>\n        <th>Figure</th>\n        <th>Detail</th>\n      </tr>\n    </thead>\n"
          "    <tbody>\n      <tr>\n        <td>45.79<sup>a</sup></td>\n        <td>\n          <p>a \u2013 b</p>\n          <p>c \u2013 d</p>\n"
          "        </td>\n      </tr>\n    </tbody>\n    <notes>\n      <p><sup>a</sup> April to June only.</p>\n    </notes>\n  </table>\n");
    CHECK(r.messages().find("warning: Word table 1, row 2, cell 1 (\"45.79\"): a footnote in a table cell was moved under the table, marked a") !=
          std::string::npos);
    CHECK(r.messages().find("a table inside a cell of table 1 was made into lines of text, a row a line") != std::string::npos);
}

TEST_CASE("import: footnotes and endnotes become <fn>", "[import]") {
    const std::string notes = std::string("<w:footnotes ") + kW +
                              "><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                              "<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> Police recorded crime, </w:t></w:r>"
                              "<w:r><w:rPr><w:i/></w:rPr><w:t>April to June</w:t></w:r></w:p><w:p><w:r><w:t>Second paragraph.</w:t></w:r></w:p></w:footnote></w:footnotes>";
    const std::string endnotes = std::string("<w:endnotes ") + kW + "><w:endnote w:id=\"2\"><w:p><w:r><w:t>An endnote.</w:t></w:r></w:p></w:endnote></w:endnotes>";
    Imported r = import_bytes(docx(kHeader + "<w:p><w:r><w:t>Crime fell by 4%</w:t></w:r><w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr>"
                                             "<w:footnoteReference w:id=\"1\"/></w:r><w:r><w:t xml:space=\"preserve\"> across the county.</w:t></w:r>"
                                             "<w:r><w:endnoteReference w:id=\"2\"/></w:r></w:p>",
                                   {{"word/footnotes.xml", notes}, {"word/endnotes.xml", endnotes}}));
    INFO(r.messages());
    CHECK(body_of(r.xml()) == "\n  <p number=\"none\">Crime fell by 4%<fn>Police recorded crime, <i>April to June</i> Second paragraph.</fn> "
                              "across the county.<fn>An endnote.</fn></p>\n");
    CHECK(r.messages().find("9: note: Word paragraph 4 (\"Crime fell by 4% across the\u2026\"): endnotes become footnotes") != std::string::npos);
}

TEST_CASE("import: recommendations and officers to contact are found by their headings", "[import]") {
    CHECK(import_body(p("Introduction", "Heading1") + p("Text.") + p("Recommendation", "Heading1") + p("It is recommended that:") +
                      p("the Board notes the report.") + p("Officers to Contact:", "Heading1") + p("James Fox") + p("Tel: 0116 305 8077") + p("") +
                      p("Jane Doe") + p("Tel: 0116 305 0000") + p("Appendix 1 - The Plan", "Heading1") + p("The plan.")) ==
          "\n  <h1>Introduction</h1>\n  <p number=\"none\">Text.</p>\n"
          "  <recommendations title=\"Recommendation\">\n    <p number=\"none\">It is recommended that:</p>\n"
          "    <p number=\"none\">the Board notes the report.</p>\n  </recommendations>\n"
          "  <contact title=\"Officers to Contact:\">\n    <officer>\n      <line>James Fox</line>\n      <line>Tel: 0116 305 8077</line>\n"
          "    </officer>\n    <officer>\n      <line>Jane Doe</line>\n      <line>Tel: 0116 305 0000</line>\n    </officer>\n  </contact>\n"
          "\n  <appendix title=\"Appendix 1 - The Plan\">\n    <p number=\"none\">The plan.</p>\n  </appendix>\n");
}

TEST_CASE("import: landscape sections, appendices on landscape pages and page breaks", "[import]") {
    const std::string landscape = "<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/></w:sectPr>";
    const std::string portrait = "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr>";
    CHECK(import_body(p("Before the break.") + "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" + p("After the break.", "", portrait) +
                      p("A wide table follows.", "", landscape) + p("Back to portrait.", "", portrait) +
                      "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:pageBreakBefore/></w:pPr><w:r><w:t>Appendix 2 - Dashboard</w:t></w:r></w:p>" +
                      p("Figures.") + "<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/></w:sectPr>") ==
          "\n  <p number=\"none\">Before the break.</p>\n  <page-break/>\n  <p number=\"none\">After the break.</p>\n"
          "\n  <section orientation=\"landscape\" new-page=\"true\">\n    <p number=\"none\">A wide table follows.</p>\n  </section>\n"
          "\n  <p number=\"none\">Back to portrait.</p>\n"
          "\n  <appendix title=\"Appendix 2 - Dashboard\" orientation=\"landscape\">\n    <p number=\"none\">Figures.</p>\n  </appendix>\n");
}

TEST_CASE("import: a template's <import> maps styles and content controls to header fields and blocks", "[import]") {
    TemplateDoc house;
    house.import_rules = {
        ImportRule{{}, ImportRule::By::Style, "Committee Name", ImportTarget::Board},
        ImportRule{{}, ImportRule::By::Control, "MeetingDate", ImportTarget::Date},
        ImportRule{{}, ImportRule::By::Control, "ReportTitle", ImportTarget::Title},
        ImportRule{{}, ImportRule::By::Style, "Stamp", ImportTarget::Skip},
        ImportRule{{}, ImportRule::By::Style, "Contact Details", ImportTarget::Contact},
        ImportRule{{}, ImportRule::By::Heading, "Background Papers", ImportTarget::Skip},
    };
    const std::string styles = default_styles(
        "<w:style w:type=\"paragraph\" w:styleId=\"CommitteeName\"><w:name w:val=\"Committee Name\"/></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Stamp\"><w:name w:val=\"Stamp\"/></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"ContactDetails\"><w:name w:val=\"Contact Details\"/></w:style>");
    const std::string body =
        p("Agenda Item 5", "Stamp") + p("Safer Communities Board", "CommitteeName") +
        "<w:p><w:r><w:t xml:space=\"preserve\">Date of meeting: </w:t></w:r><w:sdt><w:sdtPr><w:tag w:val=\"MeetingDate\"/>"
        "<w:date w:fullDate=\"2015-09-17T00:00:00Z\"/></w:sdtPr><w:sdtContent><w:r><w:t>Thursday 17th September</w:t></w:r></w:sdtContent></w:sdt></w:p>"
        "<w:sdt><w:sdtPr><w:tag w:val=\"ReportTitle\"/></w:sdtPr><w:sdtContent>" + p("PREVENT UPDATE") + "</w:sdtContent></w:sdt>"
        "<w:sdt><w:sdtPr><w:tag w:val=\"Summary\"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent>" + p("Click here to enter text.") + "</w:sdtContent></w:sdt>" +
        p("Purpose", "Heading1") + p("Text.") + p("James Fox, Community Safety Manager", "ContactDetails") + p("Tel: 0116 305 8077", "ContactDetails");
    Imported r = import_bytes(docx(body, {{"word/styles.xml", styles}}), &house);
    INFO(r.messages());
    REQUIRE(r.result);
    CHECK(r.xml() ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report version=\"1\">\n  <header>\n    <board>Safer Communities Board</board>\n"
          "    <date>2015-09-17</date>\n    <title>PREVENT UPDATE</title>\n  </header>\n\n  <h1>Purpose</h1>\n  <p number=\"none\">Text.</p>\n"
          "  <contact heading=\"false\">\n    <line>James Fox, Community Safety Manager</line>\n    <line>Tel: 0116 305 8077</line>\n  </contact>\n"
          "</report>\n");
    CHECK(r.messages() ==
          "9: warning: Word content control \"Summary\": it still shows its placeholder text, so it was left out [import-dropped]\n");
}

TEST_CASE("import: the parts' headings may say more after their words: whom recommendations are for, who wrote the report, an appendix's name",
          "[import]") {
    CHECK(import_body(p("Background", "Heading1") + p("Text.") + p("Recommendations made last year", "Heading1") + p("Kept.") +
                      p("Recommendations for the Board", "Heading1") + p("To note the update.") +
                      p("Report author - DCI Jonny Starbuck (Leicestershire Police)", "Heading1") + p("Telephone 0116 222222") +
                      p("Appendix", "Heading1") + p("A plan follows.") + p("Appendix - Dashboard", "Heading1") + p("Figures.") +
                      p("Appendix: Contacts", "Heading1") + p("Names.")) ==
          "\n  <h1>Background</h1>\n  <p number=\"none\">Text.</p>\n  <h1>Recommendations made last year</h1>\n  <p number=\"none\">Kept.</p>\n"
          "  <recommendations title=\"Recommendations for the Board\">\n    <p number=\"none\">To note the update.</p>\n  </recommendations>\n"
          "  <contact title=\"Report author - DCI Jonny Starbuck (Leicestershire Police)\">\n    <line>Telephone 0116 222222</line>\n  </contact>\n"
          "  <h1>Appendix</h1>\n  <p number=\"none\">A plan follows.</p>\n"
          "\n  <appendix title=\"Appendix - Dashboard\">\n    <p number=\"none\">Figures.</p>\n  </appendix>\n"
          "\n  <appendix title=\"Appendix: Contacts\">\n    <p number=\"none\">Names.</p>\n  </appendix>\n");
    CHECK(import_body(p("Report Author", "Heading2") + p("Paul Weston") + p("Report authorship", "Heading1") + p("Text.") +
                      p("Recommendation to Cabinet:", "Heading1") + p("Agree.")) ==
          "\n  <contact title=\"Report Author\">\n    <line>Paul Weston</line>\n  </contact>\n  <h1>Report authorship</h1>\n"
          "  <p number=\"none\">Text.</p>\n  <recommendations title=\"Recommendation to Cabinet:\">\n    <p number=\"none\">Agree.</p>\n"
          "  </recommendations>\n");
}
