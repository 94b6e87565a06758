// import: an officer's Word file (.docx) -> the document model -> paper XML
// (<report>, <document> or <minutes>), with its pictures to put beside it.
// In: the .docx's bytes and the house template (its <import> mapping of the
// council's Word styles and content controls, its status colours, its table
// type size). Out: the XML's text and the pictures' bytes, and diagnostics
// that name the place in the Word file a person can find (the paragraph's
// number and first words, the table and row) and the line of the XML.
// A file with tracked changes, comments or hidden text, a file of another
// kind or protected with a password, is refused: nothing is made.
// Sole libzip user; reads the parts with pugixml, within limits no file can
// pass (sizes, expansion, names leaving the package, DOCTYPEs); never
// fetches what a relationship names outside the file.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag.hpp"
#include "core/model.hpp"
#include "core/template.hpp"

namespace bp {

struct ImportOptions {
    Paper::Kind as = Paper::Kind::Report;  // Report, Document or Minutes
    const TemplateDoc* house = nullptr;     // its <import>, colours and table size; nullptr: the defaults
    // Where the XML will be written: the messages name its lines, and the
    // pictures go in a folder beside it named after it ("report-images").
    std::string xml_path;
};

struct ImportedPicture {
    std::string path;   // beside the XML: "papers/report-images/image1.png"
    std::string bytes;
};

struct ImportedPaper {
    std::string xml;
    std::vector<ImportedPicture> pictures;
};

// nullopt when the file cannot be imported: the reasons are errors in
// `diags`, at `docx_name`. Otherwise the paper, with what the import found
// as warnings and notes at the lines of options.xml_path.
std::optional<ImportedPaper> import_docx(std::string_view bytes, const std::string& docx_name,
                                        const ImportOptions& options, Diagnostics& diags);
// The same for a file: .doc, .odt, .rtf and the like are recognised by
// their content and refused with a request to save as .docx.
std::optional<ImportedPaper> import_docx_file(const std::string& path, const ImportOptions& options, Diagnostics& diags);

// Writes the pictures, then the XML, each through a temporary file renamed
// into place. False, with an error in `diags`, when an output cannot be
// written or would replace the Word file.
bool write_import(const ImportedPaper& result, const std::string& docx_path, const ImportOptions& options,
                  Diagnostics& diags);

// "papers/report.xml" -> "report-images": the pictures' folder, relative to the XML.
std::string import_media_folder(const std::string& xml_path);

}  // namespace bp
