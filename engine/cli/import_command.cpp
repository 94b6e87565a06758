#include "import_command.hpp"

#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>

#include "boardpack/session.hpp"
#include "core/diag_render.hpp"

namespace po = boost::program_options;

namespace bp::cli {

namespace {

constexpr int kOk = 0, kInputErrors = 1, kUsage = 2;

// The session's diagnostics printed as validate prints them: the XML's
// source line and a caret for people, a JSON array for tools.
void print(const boardpack::ImportResult& r, bool json) {
    std::vector<Diagnostic> diags;
    for (const boardpack::Diagnostic& d : r.diagnostics) {
        const Rule* rule = find_rule(d.rule);
        Diagnostic x;
        x.severity = d.severity == "error" ? Severity::Error : d.severity == "warning" ? Severity::Warning : Severity::Note;
        x.loc = SourceLoc{d.file, d.line, d.column};
        x.rule = rule ? rule->id : std::string_view("internal-error");
        x.message = d.message;
        x.hint = d.hint;
        diags.push_back(std::move(x));
    }
    if (json) {
        std::cout << render_json(diags);
        return;
    }
    std::map<std::string, std::vector<std::string>> files;
    SourceLineLookup lookup = [&files](const std::string& f, std::uint32_t n) -> std::optional<std::string> {
        auto it = files.find(f);
        if (it == files.end()) {
            std::vector<std::string> lines;
            // Only the paper written has lines to show; the Word file is a zip.
            if (f.ends_with(".xml")) {
                std::ifstream in(f, std::ios::binary);
                for (std::string l; std::getline(in, l);) lines.push_back(l);
            }
            it = files.emplace(f, std::move(lines)).first;
        }
        if (n == 0 || n > it->second.size()) return std::nullopt;
        return it->second[n - 1];
    };
    const char* no_colour = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    const bool colour = isatty(STDERR_FILENO) && !(no_colour && *no_colour) && !(term && std::string(term) == "dumb");
    std::cerr << render_text(diags, lookup, RenderOptions{colour});
    if (r.dropped > 0) std::cerr << "boardpack: " << r.dropped << " more diagnostics not shown\n";
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

int run_import(const std::vector<std::string>& args, bool help) {
    boardpack::ImportRequest request;
    std::string templates, format = "text";
    bool werror = false;
    po::options_description opts("boardpack import WORD.docx [-o PAPER.xml]");
    opts.add_options()("word", po::value(&request.word), "the Word file (.docx)")(
        "output,o", po::value(&request.output), "the paper to write (default: the Word file's name with .xml)")(
        "as", po::value(&request.as), "report (default), document or minutes")(
        "template", po::value(&request.house_style),
        "house style whose <import> maps the council's Word template (default lscsb)")(
        "templates", po::value(&templates), "folder of templates")(
        "format", po::value(&format), "diagnostics as text (default) or json")(
        "werror", po::bool_switch(&werror), "treat warnings as errors");
    po::positional_options_description pos;
    pos.add("word", 1);
    if (help) {
        std::cout << opts;
        return kOk;
    }
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(opts).positional(pos).run(), vm);
    po::notify(vm);
    if (request.word.empty()) {
        std::cerr << "boardpack: import needs a Word file\n" << opts;
        return kUsage;
    }
    if (request.as != "report" && request.as != "document" && request.as != "minutes") {
        std::cerr << "boardpack: --as is report, document or minutes, not '" << request.as << "'\n";
        return kUsage;
    }
    if (format != "text" && format != "json") {
        std::cerr << "boardpack: --format is text or json, not '" << format << "'\n";
        return kUsage;
    }
    if (!templates.empty()) request.template_dirs.push_back(templates);
    boardpack::Session session;
    const boardpack::ImportResult r = session.import_word(request);
    print(r, format == "json");
    int code = r.exit_code;
    if (code == kOk && werror && r.warnings > 0) code = kInputErrors;
    if (format != "json" && !r.paper.empty()) {
        std::cerr << "wrote " << r.paper;
        if (!r.pictures.empty()) {
            const std::string& first = r.pictures.front();
            std::cerr << " and " << plural(r.pictures.size(), "picture", "pictures") << " in "
                      << first.substr(0, first.rfind('/') + 1);
        }
        std::cerr << ": " << plural(r.errors, "error", "errors") << ", " << plural(r.warnings, "warning", "warnings") << '\n';
    }
    return code;
}

}  // namespace bp::cli
