// boardpack: the command line. `build` turns a pack manifest into the agenda
// pack PDF; `validate` checks papers, packs and templates for an officer;
// `dump` prints the laid-out page boxes as text.
//
// Exit codes: 0 done; 1 the input has errors (nothing written); 2 bad
// command line; 3 the output could not be written.
#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include "assemble/assemble.hpp"
#include "core/diag_render.hpp"
#include "dump/dump.hpp"
#include "layout/layout.hpp"
#include "load/load.hpp"
#include "pdf/pdf.hpp"
#include "style/style.hpp"
#include "text/text.hpp"
#include "validate/validate.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;
using namespace bp;

namespace {

constexpr int kOk = 0, kInputErrors = 1, kUsage = 2, kOutputFailed = 3;

constexpr const char* kStdinName = "<stdin>";

// How diagnostics are printed: for people (source line, caret, hint) or as
// JSON for tools; --werror makes warnings fail the run.
struct Reporting {
    bool json = false;
    bool werror = false;
    std::string stdin_text;  // what `validate -` read, for its source lines

    bool failed(const Diagnostics& d) const { return d.has_errors() || (werror && d.warning_count() > 0); }
};

// Source lines for the caret display, each file read once.
class SourceLines {
public:
    explicit SourceLines(const std::string& stdin_text) { split(kStdinName, stdin_text); }

    std::optional<std::string> line(const std::string& file, std::uint32_t n) {
        auto it = files_.find(file);
        if (it == files_.end()) {
            std::ifstream in(file, std::ios::binary);
            split(file, in ? std::string(std::istreambuf_iterator<char>(in), {}) : std::string());
            it = files_.find(file);
        }
        if (n == 0 || n > it->second.size()) return std::nullopt;
        return it->second[n - 1];
    }

private:
    void split(const std::string& file, const std::string& text) {
        std::vector<std::string>& lines = files_[file];
        std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            std::size_t stop = end > start && text[end - 1] == '\r' ? end - 1 : end;
            lines.push_back(text.substr(start, stop - start));
            start = end + 1;
        }
    }

    std::map<std::string, std::vector<std::string>> files_;
};

bool colour_wanted() {
    const char* no_colour = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return isatty(STDERR_FILENO) && !(no_colour && *no_colour) && !(term && std::string(term) == "dumb");
}

// JSON goes to `json_out` (stdout unless it holds other output); text to stderr.
void print_diagnostics(const Diagnostics& d, const Reporting& how, std::ostream& json_out = std::cout) {
    std::vector<Diagnostic> sorted = d.sorted();
    if (how.json) {
        json_out << render_json(sorted);
    } else {
        SourceLines lines(how.stdin_text);
        SourceLineLookup lookup = [&lines](const std::string& f, std::uint32_t n) { return lines.line(f, n); };
        std::cerr << render_text(sorted, lookup, RenderOptions{colour_wanted()});
    }
    if (d.dropped() > 0) std::cerr << "boardpack: " << d.dropped() << " more diagnostics not shown\n";
}

std::string build_report_json(const std::string& pack, const std::string& out, const Diagnostics& diags,
                              const AssembledPack* result, bool ok) {
    std::ostringstream j;
    j << "{\n  \"pack\": \"" << json_escape(pack) << "\",\n  \"output\": \"" << json_escape(out) << "\",\n";
    j << "  \"ok\": " << (ok ? "true" : "false") << ",\n";
    if (result) {
        j << "  \"pages\": " << result->box.pages.size() << ",\n  \"front_pages\": " << result->front_pages
          << ",\n  \"blank_pages\": " << result->blank_pages << ",\n  \"items\": [";
        bool first = true;
        for (const auto& e : result->entries) {
            j << (first ? "\n" : ",\n") << "    {\"number\": " << e.number;
            if (e.first_page) j << ", \"first_page\": " << *e.first_page << ", \"last_page\": " << *e.last_page;
            j << "}";
            first = false;
        }
        j << "\n  ],\n";
    }
    j << "  \"diagnostics\": [";
    bool first = true;
    for (const auto& d : diags.sorted()) {
        j << (first ? "\n" : ",\n") << "    {\"file\": \"" << json_escape(d.loc.file) << "\", \"line\": " << d.loc.line
          << ", \"column\": " << d.loc.col << ", \"severity\": \"" << severity_name(d.severity)
          << "\", \"rule\": \"" << json_escape(d.rule) << "\", \"message\": \"" << json_escape(d.message)
          << "\", \"hint\": \"" << json_escape(d.hint) << "\"}";
        first = false;
    }
    j << "\n  ]\n}\n";
    return j.str();
}

bool write_text_file(const std::string& path, const std::string& text) {
    std::string tmp = path + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary);
        if (!f) return false;
        f << text;
        if (!f) return false;
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    return !ec;
}

struct BuildArgs {
    std::string pack, output, report, dump, templates;
    bool include_exempt = false;
    Reporting reporting;
};

// A template named on the command line: a path ending in .xml as it is,
// else NAME.xml in the first template folder that has it.
std::string find_template(const std::string& name_or_path, const LoadOptions& lo) {
    if (name_or_path.ends_with(".xml")) return name_or_path;
    for (const std::string& dir : lo.template_dirs)
        if (fs::is_regular_file(fs::path(dir) / (name_or_path + ".xml")))
            return (fs::path(dir) / (name_or_path + ".xml")).string();
    return name_or_path + ".xml";
}

// Characters the fonts cannot print, in the manifest and each paper once.
void report_unprintable_text(const PackDocument& doc, const FontTable& fonts, Diagnostics& diags) {
    report_unprintable(doc.manifest, fonts, diags);
    std::set<std::string> seen;
    for (const auto& papers : doc.papers)
        for (const Paper& p : papers)
            if (seen.insert(p.loc.file).second) report_unprintable(p, fonts, diags);
}

// The fonts of the templates papers are checked against in validate, each
// loaded once. A template that cannot be loaded gives no fonts: its own
// problems are reported when it is validated itself.
class TemplateFonts {
public:
    explicit TemplateFonts(const LoadOptions& lo) : lo_(lo) {}

    // NAME (looked up in the template folders) or a path ending in .xml.
    const FontTable* get(const std::string& name_or_path) {
        std::string path = find_template(name_or_path, lo_);
        auto it = loaded_.find(path);
        if (it != loaded_.end()) return it->second.get();
        Diagnostics ignored;
        std::unique_ptr<FontTable> fonts;
        if (std::optional<TemplateDoc> tpl = load_template(path, ignored); tpl && !ignored.has_errors()) {
            fonts = std::make_unique<FontTable>();
            resolve_styles(*tpl, *fonts, ignored);
            if (ignored.has_errors()) fonts.reset();
        }
        return loaded_.emplace(path, std::move(fonts)).first->second.get();
    }

private:
    const LoadOptions& lo_;
    std::map<std::string, std::unique_ptr<FontTable>> loaded_;
};

int run_build(const BuildArgs& a) {
    Diagnostics diags;
    LoadOptions lo;
    if (!a.templates.empty()) lo.template_dirs.push_back(a.templates);
    lo.template_dirs.push_back(BOARDPACK_TEMPLATES_DIR);

    auto finish = [&](int code, const AssembledPack* result) {
        if (code == kOk && a.reporting.failed(diags)) code = kInputErrors;
        print_diagnostics(diags, a.reporting, a.dump == "-" ? std::cerr : std::cout);
        if (!a.report.empty() && !write_text_file(a.report, build_report_json(a.pack, a.output, diags, result, code == kOk))) {
            std::cerr << "boardpack: cannot write the build report " << a.report << '\n';
            if (code == kOk) code = kOutputFailed;
        }
        return code;
    };

    std::optional<PackDocument> doc = load_pack(a.pack, lo, diags);
    if (!doc) return finish(kInputErrors, nullptr);
    validate_pack(*doc, diags);
    std::optional<TemplateDoc> tpl;
    if (!diags.has_errors()) tpl = load_template(doc->manifest.template_ref, diags);
    if (diags.has_errors() || !tpl) return finish(kInputErrors, nullptr);

    FontTable fonts;
    StyleSheet styles = resolve_styles(*tpl, fonts, diags);
    if (!diags.has_errors()) report_unprintable_text(*doc, fonts, diags);
    if (diags.has_errors()) return finish(kInputErrors, nullptr);
    LineBreaker breaker(tpl->locale);
    LayoutContext ctx{styles, fonts, breaker, diags};
    AssembleOptions ao;
    ao.include_exempt = a.include_exempt;
    std::optional<AssembledPack> result = assemble_pack(*doc, ctx, ao);
    if (!result || diags.has_errors()) return finish(kInputErrors, result ? &*result : nullptr);

    if (a.dump == "-") {
        std::cout << dump_pack(result->box);
    } else if (!a.dump.empty() && !write_text_file(a.dump, dump_pack(result->box))) {
        std::cerr << "boardpack: cannot write " << a.dump << '\n';
        return finish(kOutputFailed, &*result);
    }
    if (!a.output.empty()) {
        std::string error;
        if (!write_pdf(result->box, a.output, PdfOptions{}, &error)) {
            std::cerr << "boardpack: " << error << '\n';
            return finish(kOutputFailed, &*result);
        }
    }
    return finish(kOk, &*result);
}

// preview: one paper laid out in the house style, pages from 1, marked DRAFT.
int run_preview(const std::string& paper_path, const std::string& output, const std::string& templates,
                const std::string& template_name, const Reporting& how) {
    Diagnostics diags;
    LoadOptions lo;
    if (!templates.empty()) lo.template_dirs.push_back(templates);
    lo.template_dirs.push_back(BOARDPACK_TEMPLATES_DIR);
    auto finish = [&](int code) {
        if (code == kOk && how.failed(diags)) code = kInputErrors;
        print_diagnostics(diags, how);
        return code;
    };
    std::optional<Paper> paper = load_paper(paper_path, fs::path(paper_path).parent_path().string(), diags);
    if (paper) validate_paper(*paper, diags);
    std::optional<TemplateDoc> tpl;
    if (!diags.has_errors()) tpl = load_template(find_template(template_name, lo), diags);
    if (!paper || !tpl || diags.has_errors()) return finish(kInputErrors);
    FontTable fonts;
    StyleSheet styles = resolve_styles(*tpl, fonts, diags);
    if (!diags.has_errors()) report_unprintable(*paper, fonts, diags);
    if (diags.has_errors()) return finish(kInputErrors);
    LineBreaker breaker(tpl->locale);
    LayoutContext ctx{styles, fonts, breaker, diags};
    PackBox box = assemble_preview(*paper, ctx);
    if (diags.has_errors()) return finish(kInputErrors);
    std::string error;
    if (!write_pdf(box, output, PdfOptions{}, &error)) {
        std::cerr << "boardpack: " << error << '\n';
        return finish(kOutputFailed);
    }
    return finish(kOk);
}

std::string read_stdin() {
    std::cin >> std::noskipws;
    return std::string(std::istreambuf_iterator<char>(std::cin), {});
}

// One file, or standard input for "-". Returns the number of files read.
std::size_t validate_one(const std::string& f, const LoadOptions& lo, const std::string& paper_template,
                         TemplateFonts& fonts, Reporting& how, Diagnostics& diags) {
    auto check_paper = [&](const Paper& p) {
        validate_paper(p, diags);
        if (const FontTable* t = fonts.get(paper_template)) report_unprintable(p, *t, diags);
    };
    if (f == "-") {
        how.stdin_text = read_stdin();
        FileKind kind = text_kind(how.stdin_text);
        if (kind == FileKind::Pack) {
            diags.error(SourceLoc{kStdinName, 0, 0}, rule::file_unreadable,
                        "a pack manifest names its papers by path, so it cannot be checked from standard input",
                        "give the manifest's file name instead of -");
        } else if (kind == FileKind::Template) {
            load_template_text(kStdinName, how.stdin_text, diags);
        } else if (auto p = load_paper_text(kStdinName, how.stdin_text, diags)) {
            check_paper(*p);
        }
        return 1;
    }
    FileKind kind = sniff_file_kind(f);
    if (kind == FileKind::Pack) {
        auto doc = load_pack(f, lo, diags);
        if (!doc) return 1;
        validate_pack(*doc, diags);
        if (const FontTable* t = fonts.get(doc->manifest.template_ref)) report_unprintable_text(*doc, *t, diags);
        std::set<std::string> papers;
        for (const auto& item : doc->papers)
            for (const Paper& p : item) papers.insert(p.loc.file);
        return 1 + papers.size();
    }
    if (kind == FileKind::Template) {
        load_template(f, diags);
    } else {
        std::string root_dir = fs::path(f).parent_path().string();
        if (auto p = load_paper(f, root_dir, diags)) check_paper(*p);
    }
    return 1;
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

int run_validate(const std::vector<std::string>& files, const std::string& templates,
                 const std::string& paper_template, Reporting how) {
    Diagnostics diags;
    LoadOptions lo;
    if (!templates.empty()) lo.template_dirs.push_back(templates);
    lo.template_dirs.push_back(BOARDPACK_TEMPLATES_DIR);
    TemplateFonts fonts(lo);
    std::size_t read = 0;
    for (const std::string& f : files) read += validate_one(f, lo, paper_template, fonts, how, diags);
    print_diagnostics(diags, how);
    if (!how.json)
        std::cerr << plural(read, "file", "files") << ": " << plural(diags.error_count(), "error", "errors") << ", "
                  << plural(diags.warning_count(), "warning", "warnings") << '\n';
    return how.failed(diags) ? kInputErrors : kOk;
}

const char* kUsageText =
    "usage: boardpack <command> [options]\n"
    "\n"
    "commands:\n"
    "  build PACK.xml -o OUT.pdf   assemble the agenda pack\n"
    "  validate FILE.xml...        check reports, minutes, packs and templates (- for stdin)\n"
    "  preview PAPER.xml -o OUT.pdf  one paper in the house style, marked DRAFT\n"
    "  dump PACK.xml               print the laid-out pages as text\n"
    "\n"
    "Run 'boardpack <command> --help' for its options.\n";

}  // namespace

int main(int argc, char** argv) {
    try {
        po::options_description global("options");
        global.add_options()("help,h", "show this help")("version", "show the version")(
            "command", po::value<std::string>(), "command")("subargs", po::value<std::vector<std::string>>(), "arguments");
        po::positional_options_description pos;
        pos.add("command", 1).add("subargs", -1);
        po::parsed_options parsed =
            po::command_line_parser(argc, argv).options(global).positional(pos).allow_unregistered().run();
        po::variables_map vm;
        po::store(parsed, vm);
        if (vm.count("version")) {
            std::cout << "boardpack " << BOARDPACK_VERSION << '\n';
            return kOk;
        }
        if (!vm.count("command")) {
            std::cout << kUsageText;
            return vm.count("help") ? kOk : kUsage;
        }
        const std::string cmd = vm["command"].as<std::string>();
        std::vector<std::string> rest = po::collect_unrecognized(parsed.options, po::include_positional);
        rest.erase(rest.begin());
        const bool help = vm.count("help") > 0;

        if (cmd == "build" || cmd == "dump") {
            BuildArgs a;
            po::options_description opts(cmd == "build" ? "boardpack build PACK.xml -o OUT.pdf" : "boardpack dump PACK.xml");
            std::string format = "text";
            opts.add_options()("pack", po::value(&a.pack), "pack manifest")(
                "format", po::value(&format), "diagnostics as text (default) or json")(
                "werror", po::bool_switch(&a.reporting.werror), "treat warnings as errors")(
                "templates", po::value(&a.templates), "folder of templates named by packs")(
                "include-exempt", po::bool_switch(&a.include_exempt), "bind exempt (Part B) papers too")(
                "report", po::value(&a.report), "write a JSON build report to this file");
            if (cmd == "build")
                opts.add_options()("output,o", po::value(&a.output), "PDF to write")(
                    "dump", po::value(&a.dump), "also write the page boxes as text to this file");
            po::positional_options_description bp_pos;
            bp_pos.add("pack", 1);
            if (help) {
                std::cout << opts;
                return kOk;
            }
            po::variables_map bvm;
            po::store(po::command_line_parser(rest).options(opts).positional(bp_pos).run(), bvm);
            po::notify(bvm);
            if (a.pack.empty()) {
                std::cerr << "boardpack: " << cmd << " needs a pack manifest\n" << opts;
                return kUsage;
            }
            if (cmd == "build" && a.output.empty()) {
                std::cerr << "boardpack: build needs -o OUT.pdf\n";
                return kUsage;
            }
            if (cmd == "dump") a.dump = "-";
            if (format != "text" && format != "json") {
                std::cerr << "boardpack: --format is text or json, not '" << format << "'\n";
                return kUsage;
            }
            a.reporting.json = format == "json";
            return run_build(a);
        }
        if (cmd == "preview") {
            std::string paper, output, templates, template_name = "lscsb", format = "text";
            Reporting how;
            po::options_description opts("boardpack preview PAPER.xml -o OUT.pdf");
            opts.add_options()("paper", po::value(&paper), "the report, minutes or document")(
                "output,o", po::value(&output), "PDF to write")(
                "template", po::value(&template_name), "house style: a template name (default lscsb) or a path")(
                "templates", po::value(&templates), "folder of templates")(
                "format", po::value(&format), "diagnostics as text (default) or json")(
                "werror", po::bool_switch(&how.werror), "treat warnings as errors");
            po::positional_options_description ppos;
            ppos.add("paper", 1);
            if (help) {
                std::cout << opts;
                return kOk;
            }
            po::variables_map pvm;
            po::store(po::command_line_parser(rest).options(opts).positional(ppos).run(), pvm);
            po::notify(pvm);
            if (paper.empty() || output.empty()) {
                std::cerr << "boardpack: preview needs a paper and -o OUT.pdf\n" << opts;
                return kUsage;
            }
            if (format != "text" && format != "json") {
                std::cerr << "boardpack: --format is text or json, not '" << format << "'\n";
                return kUsage;
            }
            how.json = format == "json";
            return run_preview(paper, output, templates, template_name, how);
        }
        if (cmd == "validate") {
            std::vector<std::string> files;
            std::string templates, paper_template = "lscsb", format = "text";
            Reporting how;
            po::options_description opts("boardpack validate FILE.xml... (- reads a paper from standard input)");
            opts.add_options()("files", po::value(&files), "files to check")(
                "templates", po::value(&templates), "folder of templates named by packs")(
                "template", po::value(&paper_template),
                "house style whose fonts papers are checked against (default lscsb; a pack uses its own)")(
                "format", po::value(&format), "diagnostics as text (default) or json")(
                "werror", po::bool_switch(&how.werror), "treat warnings as errors");
            po::positional_options_description vpos;
            vpos.add("files", -1);
            if (help) {
                std::cout << opts;
                return kOk;
            }
            po::variables_map vvm;
            po::store(po::command_line_parser(rest).options(opts).positional(vpos).run(), vvm);
            po::notify(vvm);
            if (files.empty()) {
                std::cerr << "boardpack: validate needs at least one file\n";
                return kUsage;
            }
            if (format != "text" && format != "json") {
                std::cerr << "boardpack: --format is text or json, not '" << format << "'\n";
                return kUsage;
            }
            if (std::count(files.begin(), files.end(), "-") > 1) {
                std::cerr << "boardpack: standard input (-) can be read once\n";
                return kUsage;
            }
            how.json = format == "json";
            return run_validate(files, templates, paper_template, how);
        }
        std::cerr << "boardpack: unknown command '" << cmd << "'\n" << kUsageText;
        return kUsage;
    } catch (const po::error& e) {
        std::cerr << "boardpack: " << e.what() << '\n';
        return kUsage;
    } catch (const std::exception& e) {
        std::cerr << "boardpack: internal error: " << e.what() << '\n';
        return 4;
    }
}
