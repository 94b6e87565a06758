// A Word file as an officer might give `boardpack import`: the importer
// (the zip and its limits, the parts, styles, numbering, tables, notes,
// pictures), then the XML it wrote, read back by the loader. An
// input is either a .docx's bytes as they are (which reach the zip layer),
// or the parts of one as text, each after a line "### NAME" (the input
// starts with one), zipped here with correct checksums and the
// relationships the parts need, so mutations reach the XML readers instead
// of stopping at a checksum. What the importer writes must always be XML
// the loader reads without a complaint about its form or grammar, and each
// of its messages must point at a line of it: otherwise the harness stops.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "harness.hpp"
#include "import/import.hpp"
#include "load/load.hpp"
#include "../unit/import/zip_writer.hpp"

namespace {

using namespace bp;

const TemplateDoc& lscsb_template() {
    static const TemplateDoc doc = [] {
        Diagnostics d;
        std::optional<TemplateDoc> t = load_template(fuzz::source_dir() + "/templates/lscsb.xml", d);
        if (!t || d.has_errors()) std::abort();
        return *t;
    }();
    return doc;
}

struct Part {
    std::string name, bytes;
};

std::vector<Part> split_parts(std::string_view in) {
    std::vector<Part> parts;
    std::size_t at = 0;
    while (at < in.size() && in.substr(at, 4) == "### ") {
        const std::size_t name_end = in.find('\n', at + 4);
        if (name_end == std::string_view::npos) break;
        Part p;
        p.name = std::string(in.substr(at + 4, name_end - at - 4));
        const std::size_t next = in.find("\n### ", name_end + 1);
        p.bytes = std::string(in.substr(name_end + 1, next == std::string_view::npos ? std::string_view::npos : next - name_end - 1));
        parts.push_back(std::move(p));
        if (next == std::string_view::npos) break;
        at = next + 1;
    }
    return parts;
}

bool has(const std::vector<Part>& parts, std::string_view name) {
    for (const Part& p : parts)
        if (p.name == name) return true;
    return false;
}

// The parts zipped, with the package's own parts added where the input
// gives none: content types, the main part's relationship, and the main
// part's relationships to the styles, numbering, notes, comments and
// pictures given.
std::string package(const std::vector<Part>& parts) {
    test::ZipWriter z;
    const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    if (!has(parts, "[Content_Types].xml"))
        z.add("[Content_Types].xml",
              "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" "
              "ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/"
              "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
    if (!has(parts, "_rels/.rels"))
        z.add("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
                             "Type=\"" + rel + "officeDocument\" Target=\"word/document.xml\"/></Relationships>");
    if (!has(parts, "word/_rels/document.xml.rels")) {
        std::string rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
        int n = 0;
        for (const Part& p : parts) {
            std::string type;
            if (p.name == "word/styles.xml") type = "styles";
            else if (p.name == "word/numbering.xml") type = "numbering";
            else if (p.name == "word/footnotes.xml") type = "footnotes";
            else if (p.name == "word/endnotes.xml") type = "endnotes";
            else if (p.name == "word/comments.xml") type = "comments";
            else if (p.name.starts_with("word/media/")) type = "image";
            if (type.empty()) continue;
            // Pictures are named rIdImg1, rIdImg2 ... in the order given, as the seeds' drawings name them.
            const std::string id = type == "image" ? "rIdImg" + std::to_string(++n) : "rId" + type;
            rels += "<Relationship Id=\"" + id + "\" Type=\"" + rel + type + "\" Target=\"" + p.name.substr(5) + "\"/>";
        }
        z.add("word/_rels/document.xml.rels", rels + "</Relationships>");
    }
    for (const Part& p : parts) z.add(p.name, p.bytes);
    return z.bytes();
}

// What the loader may say of a paper the importer wrote: that it does not
// validate yet (an empty <date>, a picture to supply) is the import working;
// that it is not XML, or not the format's grammar, is a fault of the import.
bool form_or_grammar(std::string_view rule) {
    for (const Rule* r : {&rule::xml_syntax, &rule::encoding, &rule::forbidden_character, &rule::entity, &rule::doctype,
                          &rule::empty_file, &rule::wrong_root, &rule::version, &rule::unknown_element, &rule::misplaced_element,
                          &rule::element_order, &rule::duplicate_element, &rule::stray_text, &rule::unknown_attribute,
                          &rule::duplicate_attribute, &rule::missing_attribute, &rule::holds_nothing})
        if (r->id == rule) return true;
    return false;
}

[[noreturn]] void fault(const std::string& what, const std::string& xml) {
    std::fprintf(stderr, "fuzz_import: %s\n--- the XML written ---\n%s\n", what.c_str(), xml.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    const std::string bytes = in.starts_with("### ") ? package(split_parts(in)) : std::string(in);
    ImportOptions o;
    o.house = &lscsb_template();
    o.xml_path = "papers/report.xml";
    Diagnostics diags;
    std::optional<ImportedPaper> paper = import_docx(bytes, "report.docx", o, diags);
    if (!paper) return 0;
    std::size_t lines = 0;
    for (char c : paper->xml) lines += c == '\n';
    for (const Diagnostic& d : diags.all())
        if (d.loc.file.str() == o.xml_path && (d.loc.line == 0 || d.loc.line > lines))
            fault("a message points at no line of the XML: " + format_diagnostic(d), paper->xml);
    Diagnostics loaded;
    load_paper_text(o.xml_path, paper->xml, loaded);
    for (const Diagnostic& d : loaded.all())
        if (form_or_grammar(d.rule)) fault("the XML written does not load: " + format_diagnostic(d), paper->xml);
    return 0;
}
