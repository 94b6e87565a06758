// `boardpack import` as a step of the session: the house style's <import>
// maps the Word file, the import stage makes the paper and its pictures,
// they are written, and the paper is validated as `validate` would.
#include <algorithm>
#include <filesystem>

#include "boardpack/session.hpp"
#include "core/output_file.hpp"
#include "import/import.hpp"
#include "session/state.hpp"

namespace fs = std::filesystem;

namespace boardpack {

using bp::session::kInputErrors;
using bp::session::kOk;
using bp::session::kOutputFailed;
using bp::session::kOutputRefused;

ImportResult Session::import_word(const ImportRequest& request) {
    ImportResult out;
    bp::Diagnostics diags;
    auto finish = [&](int code) {
        out.exit_code = code;
        out.dropped += diags.dropped();
        out.errors += diags.error_count();
        out.warnings += diags.warning_count();
        bp::session::collect_diagnostics(diags, out.diagnostics);
        std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
            if (a.file != b.file) return a.file < b.file;
            if (a.line != b.line) return a.line < b.line;
            return a.column < b.column;
        });
        return out;
    };
    bp::ImportOptions options;
    if (request.as == "report") options.as = bp::Paper::Kind::Report;
    else if (request.as == "document") options.as = bp::Paper::Kind::Document;
    else if (request.as == "minutes") options.as = bp::Paper::Kind::Minutes;
    else {
        diags.error(bp::SourceLoc{request.word, 0, 0}, bp::rule::output, "a Word file is imported as a report, a document or minutes, not \"" + request.as + "\"",
                    "--as report, --as document or --as minutes");
        return finish(kOutputRefused);
    }
    options.xml_path = request.output.empty() ? fs::path(request.word).replace_extension(".xml").string() : request.output;
    if (bp::file_identity(options.xml_path) == bp::file_identity(request.word)) {
        diags.error(bp::SourceLoc{options.xml_path, 0, 0}, bp::rule::output,
                    "the paper would replace the Word file it is imported from", "name another file for it, e.g. report.xml");
        return finish(kOutputRefused);
    }
    state_->digests.next_step();
    const std::vector<std::string> dirs = bp::session::template_dirs(request.template_dirs);
    const std::string template_path = bp::session::find_template(request.house_style, dirs);
    const bp::session::HouseStyle& style = state_->styles.get(template_path);
    diags.merge(style.template_diags);
    if (!style.doc || diags.has_errors()) return finish(kInputErrors);
    options.house = &*style.doc;

    std::optional<bp::ImportedPaper> paper = bp::import_docx_file(request.word, options, diags);
    if (!paper) return finish(kInputErrors);
    if (!bp::write_import(*paper, request.word, options, diags)) return finish(kOutputFailed);
    out.paper = options.xml_path;
    for (const bp::ImportedPicture& p : paper->pictures) out.pictures.push_back(p.path);

    ValidateRequest check;
    check.files = {options.xml_path};
    check.paper_house_style = request.house_style;
    check.template_dirs = request.template_dirs;
    ValidateResult v = validate(check);
    out.diagnostics = std::move(v.diagnostics);
    out.dropped = v.dropped;
    out.errors = v.errors;
    out.warnings = v.warnings;
    return finish(v.exit_code != kOk || diags.has_errors() ? kInputErrors : kOk);
}

}  // namespace boardpack
