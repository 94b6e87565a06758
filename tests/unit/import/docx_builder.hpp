// Word files built in memory for the import tests: a .docx of a body and
// the parts a test names, through the zip writer of zip_writer.hpp.
#pragma once
#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/diag.hpp"
#include "import/import.hpp"
#include "zip_writer.hpp"

namespace bp::test {

inline const char* kW = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
                        "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
                        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                        "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\" "
                        "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
                        "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
                        "xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\"";

// The styles most tests need: Normal, Heading 1-3, Title, List Paragraph,
// Quote, and a character style "Strong" (bold).
inline std::string default_styles(const std::string& more = "") {
    std::string s = std::string("<w:styles ") + kW + ">"
                    "<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"22\"/></w:rPr></w:rPrDefault></w:docDefaults>"
                    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>";
    for (int i = 1; i <= 3; ++i)
        s += "<w:style w:type=\"paragraph\" w:styleId=\"Heading" + std::to_string(i) + "\"><w:name w:val=\"heading " +
             std::to_string(i) + "\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:outlineLvl w:val=\"" + std::to_string(i - 1) +
             "\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>";
    s += "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"Quote\"><w:name w:val=\"Quote\"/><w:rPr><w:i/></w:rPr></w:style>"
         "<w:style w:type=\"character\" w:styleId=\"Strong\"><w:name w:val=\"Strong\"/><w:rPr><w:b/></w:rPr></w:style>";
    return s + more + "</w:styles>";
}

// A .docx: document.xml holding `body` (inside <w:body>), and any other
// parts given (by name); relationships for styles, numbering, footnotes,
// endnotes and comments when those parts are given, plus `rels`.
struct DocxSpec {
    std::string body;
    std::map<std::string, std::string> parts;  // "word/numbering.xml" -> XML
    std::string rels;                          // more <Relationship/> elements
    bool styles = true;
};

inline std::string docx(const DocxSpec& spec) {
    ZipWriter z;
    z.add("[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
          "</Types>");
    z.add("_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
          "</Relationships>");
    std::string rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    const std::pair<const char*, const char*> known[] = {{"word/styles.xml", "styles"},       {"word/numbering.xml", "numbering"},
                                                         {"word/footnotes.xml", "footnotes"}, {"word/endnotes.xml", "endnotes"},
                                                         {"word/comments.xml", "comments"}};
    int id = 100;
    std::map<std::string, std::string> parts = spec.parts;
    if (spec.styles && !parts.count("word/styles.xml")) parts["word/styles.xml"] = default_styles();
    for (auto [part, type] : known)
        if (parts.count(part))
            rels += "<Relationship Id=\"rId" + std::to_string(id++) +
                    "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + type +
                    "\" Target=\"" + std::string(part).substr(5) + "\"/>";
    rels += spec.rels + "</Relationships>";
    z.add("word/_rels/document.xml.rels", rels);
    z.add("word/document.xml", std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") + kW + "><w:body>" +
                                   spec.body + "</w:body></w:document>");
    for (const auto& [name, data] : parts) z.add(name, data);
    return z.bytes();
}

inline std::string docx(const std::string& body) {
    DocxSpec s;
    s.body = body;
    return docx(s);
}
inline std::string docx(const std::string& body, std::map<std::string, std::string> parts, const std::string& rels = "") {
    DocxSpec s;
    s.body = body;
    s.parts = std::move(parts);
    s.rels = rels;
    return docx(s);
}

// Paragraph helpers: p("text"), p("text", "Heading1"), runs written out.
inline std::string p(const std::string& text, const std::string& style = "", const std::string& ppr = "") {
    std::string s = "<w:p>";
    if (!style.empty() || !ppr.empty())
        s += "<w:pPr>" + (style.empty() ? std::string() : "<w:pStyle w:val=\"" + style + "\"/>") + ppr + "</w:pPr>";
    if (!text.empty()) s += "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
    return s + "</w:p>";
}
inline std::string numbered(const std::string& text, int num, int level, const std::string& style = "") {
    return p(text, style, "<w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"" + std::to_string(num) + "\"/></w:numPr>");
}

// A numbering part: abstract definitions then nums, as XML given.
inline std::string numbering(const std::string& content) {
    return std::string("<w:numbering ") + kW + ">" + content + "</w:numbering>";
}
// A level: <w:lvl ilvl><w:start/><w:numFmt/><w:lvlText/></w:lvl>.
inline std::string level(int ilvl, const std::string& fmt, const std::string& text, int start = 1, const std::string& more = "") {
    return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\"><w:start w:val=\"" + std::to_string(start) + "\"/><w:numFmt w:val=\"" + fmt +
           "\"/><w:lvlText w:val=\"" + text + "\"/>" + more + "</w:lvl>";
}

struct Imported {
    std::optional<ImportedPaper> result;
    Diagnostics diags;
    std::string xml() const { return result ? result->xml : std::string(); }
    // Every diagnostic, one a line: "line: severity: message [rule]".
    std::string messages() const {
        std::string s;
        for (const Diagnostic& d : diags.all())
            s += std::to_string(d.loc.line) + ": " + std::string(severity_name(d.severity)) + ": " + d.message + " [" +
                 std::string(d.rule) + "]\n";
        return s;
    }
};

inline Imported import_bytes(const std::string& bytes, const TemplateDoc* house = nullptr,
                             Paper::Kind as = Paper::Kind::Report) {
    Imported out;
    ImportOptions o;
    o.as = as;
    o.house = house;
    o.xml_path = "out/report.xml";
    out.result = import_docx(bytes, "report.docx", o, out.diags);
    return out;
}

// The XML between the end of </header> and the root's end tag, for tests
// that look at the body alone.
inline std::string body_of(const std::string& xml) {
    const std::size_t a = xml.find("</header>\n");
    const std::size_t start = a == std::string::npos ? xml.find(">\n", xml.find("<report")) + 2 : a + 10;
    const std::size_t end = xml.rfind("</");
    return xml.substr(start, end - start);
}

}  // namespace bp::test
