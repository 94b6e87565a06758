// boardpack: the command line. `build` turns a pack manifest into the agenda
// pack PDF; `validate` checks papers, packs and templates for an officer;
// `dump` prints the laid-out page boxes as text.
//
// Exit codes: 0 done; 1 the input has errors (nothing written); 2 bad
// command line; 3 the output could not be written.
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/program_options.hpp>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "assemble/assemble.hpp"
#include "boardpack/build.hpp"
#include "core/diag_render.hpp"
#include "core/output_file.hpp"
#include "load/load.hpp"
#include "pdf/pdf.hpp"
#include "report.hpp"
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

// Source lines for the caret display, each file read once, at once (a
// pack with a warning per paper reads a hundred files here).
class SourceLines {
public:
    explicit SourceLines(const std::string& stdin_text) { add(kStdinName, stdin_text); }

    std::optional<std::string> line(const std::string& file, std::uint32_t n) {
        auto it = files_.find(file);
        if (it == files_.end()) it = add(file, read_whole(file));
        const File& f = it->second;
        if (n == 0 || n > f.starts.size()) return std::nullopt;
        const std::size_t start = f.starts[n - 1];
        std::size_t end = n < f.starts.size() ? f.starts[n] - 1 : f.text.size();
        if (end > start && f.text[end - 1] == '\r') --end;
        return f.text.substr(start, end - start);
    }

private:
    struct File {
        std::string text;
        std::vector<std::size_t> starts;  // where each line begins
    };

    static std::string read_whole(const std::string& path) {
        std::ifstream in(path, std::ios::binary | std::ios::ate);
        if (!in) return {};
        const std::streamoff size = in.tellg();
        if (size <= 0) return {};
        std::string text(static_cast<std::size_t>(size), '\0');
        in.seekg(0);
        in.read(text.data(), size);
        text.resize(static_cast<std::size_t>(in.gcount()));
        return text;
    }

    std::map<std::string, File>::iterator add(const std::string& file, std::string text) {
        File f;
        f.text = std::move(text);
        const std::size_t first = f.text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
        for (std::size_t at = first; at < f.text.size();) {
            f.starts.push_back(at);
            const void* nl = std::memchr(f.text.data() + at, '\n', f.text.size() - at);
            if (nl == nullptr) break;
            at = static_cast<std::size_t>(static_cast<const char*>(nl) - f.text.data()) + 1;
        }
        return files_.insert_or_assign(file, std::move(f)).first;
    }

    std::map<std::string, File> files_;
};

bool colour_wanted() {
    const char* no_colour = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return isatty(STDERR_FILENO) && !(no_colour && *no_colour) && !(term && std::string(term) == "dumb");
}

// JSON goes to `json_out` (stdout unless it holds other output); text to stderr.
void print_sorted(const std::vector<Diagnostic>& sorted, const Reporting& how, std::ostream& json_out = std::cout) {
    if (how.json) {
        json_out << render_json(sorted);
    } else {
        SourceLines lines(how.stdin_text);
        SourceLineLookup lookup = [&lines](const std::string& f, std::uint32_t n) { return lines.line(f, n); };
        std::cerr << render_text(sorted, lookup, RenderOptions{colour_wanted()});
    }
}

void print_diagnostics(const Diagnostics& d, const Reporting& how, std::ostream& json_out = std::cout) {
    print_sorted(d.sorted(), how, json_out);
    if (d.dropped() > 0) std::cerr << "boardpack: " << d.dropped() << " more diagnostics not shown\n";
}

// A template named on the command line: a path ending in .xml as it is,
// else NAME.xml in the first template folder that has it.
std::string find_template(const std::string& name_or_path, const LoadOptions& lo) {
    if (name_or_path.ends_with(".xml")) return name_or_path;
    for (const std::string& dir : lo.template_dirs)
        if (fs::is_regular_file(fs::path(dir) / (name_or_path + ".xml")))
            return (fs::path(dir) / (name_or_path + ".xml")).string();
    return name_or_path + ".xml";
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

struct BuildArgs {
    std::vector<std::string> packs;
    std::string output, out_dir, report, dump, templates, audience = "public", split, supplement;
    bool include_exempt = false, force = false, verbose = false;
    int jobs = 0;
    bool untagged = false;
    Reporting reporting;
};

// What was asked, in words: a report written for other options never makes
// a rebuild look unnecessary.
std::string describe_options(const boardpack::BuildRequest& r) {
    std::string s = "output=" + r.output + ";audience=" + (r.audience == boardpack::Audience::Full ? "full" : "public");
    s += ";split=" + r.split_dir + ";supplement=" + r.supplement + ";dump=" + r.dump;
    for (const std::string& d : r.template_dirs) s += ";templates=" + d;
    if (!r.tagged) s += ";untagged";
    return s;
}

std::vector<Diagnostic> engine_diagnostics(const boardpack::BuildResult& result) {
    std::vector<Diagnostic> out;
    for (const boardpack::Diagnostic& d : result.diagnostics) {
        const Rule* r = find_rule(d.rule);
        Diagnostic x;
        x.severity = d.severity == "error" ? Severity::Error : d.severity == "warning" ? Severity::Warning : Severity::Note;
        x.loc = SourceLoc{d.file, d.line, d.column};
        x.rule = r ? r->id : std::string_view("internal-error");
        x.message = d.message;
        x.hint = d.hint;
        out.push_back(std::move(x));
    }
    return out;
}

// One pack: build it, print its diagnostics, write its report.
int build_one(const BuildArgs& a, boardpack::BuildRequest request, bool chatty) {
    const std::string options = describe_options(request);
    if (!a.report.empty() && !a.force && cli::up_to_date(a.report, options)) {
        if (chatty) std::cerr << "boardpack: " << request.pack << " is up to date (nothing it reads has changed; --force rebuilds)\n";
        return kOk;
    }
    const bool progress = isatty(STDERR_FILENO) && !a.reporting.json;
    if (progress)
        request.progress = [&](const std::string& stage) {
            std::cerr << "\r\033[Kboardpack: " << request.pack << ": " << stage << std::flush;
        };
    if (!a.report.empty()) request.caller_outputs.push_back(a.report);
    const boardpack::BuildResult result = boardpack::build(request);
    if (progress) std::cerr << "\r\033[K" << std::flush;
    int code = result.exit_code;
    std::vector<Diagnostic> diags = engine_diagnostics(result);
    const bool warnings = std::any_of(diags.begin(), diags.end(), [](const Diagnostic& d) { return d.severity == Severity::Warning; });
    if (code == kOk && a.reporting.werror && warnings) code = kInputErrors;
    print_sorted(diags, a.reporting, request.dump == "-" || request.output == "-" ? std::cerr : std::cout);
    // A report refused before the build (it names an input, another output,
    // or a device) is not written at all.
    if (!a.report.empty() && code != kUsage && output_target_problem(a.report).empty()) {
        boardpack::BuildResult reported = result;
        reported.exit_code = code;
        if (std::string error; !write_whole_file(a.report, cli::report_json(request, reported, options, false), &error)) {
            std::cerr << a.report << ": error: the build report " << error << '\n';
            if (code == kOk) code = kOutputFailed;
        }
    }
    if (code == kOk && chatty) {
        double seconds = 0;
        for (const auto& s : result.stages) seconds += s.seconds;
        // Every item on the agenda, and those whose papers this edition binds.
        int with_papers = 0;
        for (const auto& it : result.items) with_papers += it.first_page ? 1 : 0;
        for (const boardpack::WrittenFile& o : result.outputs) {
            char secs[32];
            std::snprintf(secs, sizeof secs, "%.2f", seconds);
            std::cerr << "wrote " << o.path << ": " << o.pages << " pages";
            if (o.edition == "pack")
                std::cerr << ", " << result.items.size() << (result.items.size() == 1 ? " item, " : " items, ") << with_papers
                          << " with papers";
            std::cerr << ", " << secs << " s\n";
        }
        for (const std::string& path : result.removed)
            std::cerr << "removed " << path << ": an earlier build wrote it, this one does not\n";
    }
    return code;
}

// "meetings/2015-09-17/pack.xml" -> "2015-09-17.pdf": a name per pack in --out-dir.
std::string pdf_name_for(const std::string& manifest) {
    fs::path p(manifest);
    std::string stem = p.stem().string();
    if (stem == "pack" && p.has_parent_path() && !p.parent_path().filename().empty())
        stem = p.parent_path().filename().string();
    return stem + ".pdf";
}

// Two packs whose PDFs --out-dir would give one name (cabinet/2024-06-12/
// and scrutiny/2024-06-12/ both make 2024-06-12.pdf): refused before
// anything is built, naming both, so neither is lost. True when all differ.
bool out_dir_names_apart(const std::vector<boardpack::BuildRequest>& requests, const Reporting& how) {
    std::map<std::string, const boardpack::BuildRequest*> taken;
    std::vector<Diagnostic> clashes;
    for (const boardpack::BuildRequest& r : requests) {
        auto [first, fresh] = taken.emplace(file_identity(r.output), &r);
        if (fresh) continue;
        Diagnostic d;
        d.loc = SourceLoc{r.output, 0, 0};
        d.rule = rule::output.id;
        d.message = "the packs " + first->second->pack + " and " + r.pack + " would both be written to this file";
        d.hint = "build them into separate --out-dir folders, or one at a time with -o";
        clashes.push_back(std::move(d));
    }
    print_sorted(clashes, how);
    return clashes.empty();
}

int run_build(const BuildArgs& a) {
    // Progress and a closing line for a person at a terminal; silence in cron
    // unless asked; errors always.
    const bool chatty = a.verbose || (isatty(STDERR_FILENO) && !a.reporting.json);
    std::vector<boardpack::BuildRequest> requests;
    for (const std::string& pack : a.packs) {
        boardpack::BuildRequest r;
        r.pack = pack;
        r.output = a.output;
        if (!a.out_dir.empty()) r.output = (fs::path(a.out_dir) / pdf_name_for(pack)).string();
        r.audience = a.audience == "full" || a.include_exempt ? boardpack::Audience::Full : boardpack::Audience::Public;
        r.split_dir = a.split;
        r.supplement = a.supplement;
        r.dump = a.dump;
        if (!a.templates.empty()) r.template_dirs.push_back(a.templates);
        r.jobs = a.jobs;
        r.tagged = !a.untagged;
        requests.push_back(std::move(r));
    }
    if (requests.size() == 1) return build_one(a, requests.front(), chatty);
    if (!out_dir_names_apart(requests, a.reporting)) return kUsage;

    // Several packs: built side by side, each reported on its own; the exit
    // status is the worst of them.
    std::error_code ec;
    fs::create_directories(a.out_dir, ec);
    std::vector<int> codes(requests.size(), kOk);
    std::atomic<std::size_t> next{0};
    std::mutex print;
    auto worker = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < requests.size();) {
            BuildArgs one = a;
            one.report.clear();
            boardpack::BuildRequest r = requests[i];
            r.jobs = 1;
            const boardpack::BuildResult result = boardpack::build(r);
            std::lock_guard<std::mutex> lock(print);
            std::vector<Diagnostic> diags = engine_diagnostics(result);
            print_sorted(diags, a.reporting, std::cout);
            codes[i] = result.exit_code;
            if (result.exit_code == kOk && a.reporting.werror &&
                std::any_of(diags.begin(), diags.end(), [](const Diagnostic& d) { return d.severity == Severity::Warning; }))
                codes[i] = kInputErrors;
            if (codes[i] == kOk && chatty)
                for (const auto& o : result.outputs) std::cerr << "wrote " << o.path << ": " << o.pages << " pages\n";
            if (codes[i] != kOk) std::cerr << "boardpack: " << r.pack << ": failed (exit " << codes[i] << ")\n";
        }
    };
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < std::min<std::size_t>(cores, requests.size()); ++t) pool.emplace_back(worker);
    worker();
    for (std::thread& t : pool) t.join();
    return *std::max_element(codes.begin(), codes.end());
}

// preview: one paper laid out in the house style, pages from 1, marked DRAFT.
int run_preview(const std::string& paper_path, const std::string& output, const std::string& templates,
                const std::string& template_name, const Reporting& how) {
    Diagnostics diags;
    LoadOptions lo;
    if (!templates.empty()) lo.template_dirs.push_back(templates);
    for (const std::string& d : boardpack::default_template_dirs()) lo.template_dirs.push_back(d);
    auto finish = [&](int code) {
        if (code == kOk && how.failed(diags)) code = kInputErrors;
        print_diagnostics(diags, how);
        return code;
    };
    if (const std::string problem = output_target_problem(output); !problem.empty()) {
        diags.error(SourceLoc{output, 0, 0}, rule::output, "the PDF " + problem, "name a regular file for it");
        return finish(kOutputFailed);
    }
    std::optional<Paper> paper = load_paper(paper_path, fs::path(paper_path).parent_path().string(), diags);
    if (paper) validate_paper(*paper, diags);
    std::optional<TemplateDoc> tpl;
    const std::string template_path = find_template(template_name, lo);
    if (!diags.has_errors()) tpl = load_template(template_path, diags);
    if (!paper || !tpl || diags.has_errors()) return finish(kInputErrors);
    std::vector<std::string> inputs = load_images(*paper, tpl->max_image_pixels, diags);
    if (diags.has_errors()) return finish(kInputErrors);
    FontTable fonts;
    StyleSheet styles = resolve_styles(*tpl, fonts, diags);
    if (!diags.has_errors()) report_unprintable(*paper, fonts, diags);
    if (diags.has_errors()) return finish(kInputErrors);
    inputs.push_back(paper_path);
    inputs.push_back(template_path);
    for (const FontFace& f : fonts.faces()) inputs.push_back(f.path);
    for (const std::string& in : inputs)
        if (file_identity(in) == file_identity(output)) {
            diags.error(SourceLoc{output, 0, 0}, rule::output, "the PDF would be written over " + in + ", which the preview reads",
                        "name another file for the PDF");
            return finish(kUsage);
        }
    LineBreaker breaker(tpl->locale);
    LayoutContext ctx{styles, fonts, breaker, diags};
    PackBox box = assemble_preview(*paper, ctx);
    if (diags.has_errors()) return finish(kInputErrors);
    std::string error;
    if (!write_pdf(box, output, PdfOptions{}, &error)) {
        diags.error(SourceLoc{output, 0, 0}, rule::output, error);
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
        if (const FontTable* t = fonts.get(doc->manifest.template_ref)) report_unprintable(*doc, *t, diags);
        // Without the build's template, images get the default pixel limit.
        load_images(*doc, kDefaultMaxImagePixels, diags);
        std::set<std::string> papers;
        for (const auto& item : doc->papers)
            for (const Paper& p : item) papers.insert(p.loc.file);
        return 1 + papers.size();
    }
    if (kind == FileKind::Template) {
        // Resolving the styles finds what only the whole template shows: a
        // font that cannot be read, text too big for the page.
        const std::size_t errors_before = diags.error_count();
        if (auto t = load_template(f, diags); t && diags.error_count() == errors_before) {
            FontTable ft;
            resolve_styles(*t, ft, diags);
        }
    } else {
        std::string root_dir = fs::path(f).parent_path().string();
        if (auto p = load_paper(f, root_dir, diags)) {
            check_paper(*p);
            load_images(*p, kDefaultMaxImagePixels, diags);
        }
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
    for (const std::string& d : boardpack::default_template_dirs()) lo.template_dirs.push_back(d);
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
    "\n"
    "options:\n"
    "  --help                      show this help\n"
    "  --version                   show the version\n"
    "\n"
    "Run 'boardpack <command> --help' for its options.\n";

}  // namespace

int main(int argc, char** argv) {
    // An interrupted or terminated build leaves no temporary file behind.
    remove_temporaries_on_signals();
#ifdef M_ARENA_MAX
    // Two malloc arenas. With one, the layout threads, which read, lay out
    // and free whole papers side by side, queue for its lock: a 2,244-page
    // pack took 0.45 to 0.69 s by how they met, 0.44 s with two. glibc's
    // default (eight a core) holds more apart for nothing: measured, two
    // cost 1.4 MB at 750 pages and 4 MB at 2,244 over one (bench/README.md).
    mallopt(M_ARENA_MAX, 2);
#endif
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
            std::cout << "boardpack " << boardpack::version() << '\n';
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
            po::options_description opts(cmd == "build" ? "boardpack build PACK.xml... (-o OUT.pdf | --out-dir DIR)"
                                                        : "boardpack dump PACK.xml");
            std::string format = "text";
            opts.add_options()("pack", po::value(&a.packs), "pack manifest(s)")(
                "format", po::value(&format), "diagnostics as text (default) or json")(
                "werror", po::bool_switch(&a.reporting.werror), "treat warnings as errors")(
                "templates", po::value(&a.templates), "folder of templates named by packs")(
                "audience", po::value(&a.audience), "public (default: exempt papers left out) or full (members)")(
                "include-exempt", po::bool_switch(&a.include_exempt), "the same as --audience full");
            if (cmd == "build")
                opts.add_options()("output,o", po::value(&a.output), "the pack PDF to write (- for standard output)")(
                    "out-dir", po::value(&a.out_dir), "with several packs: write each as DIR/<its folder>.pdf")(
                    "split", po::value(&a.split), "also write the front sheet and one PDF per item to this folder")(
                    "supplement", po::value(&a.supplement), "also write the supplementary pack of late papers")(
                    "report", po::value(&a.report), "write a JSON build report; skip the build if nothing changed")(
                    "force", po::bool_switch(&a.force), "build even when the report says nothing changed")(
                    "verbose,v", po::bool_switch(&a.verbose), "say what was written even when not on a terminal")(
                    "jobs,j", po::value(&a.jobs), "threads laying out items and compressing pages (0: the machine's cores, at most 4); the PDF is the same for any")(
                    "threads", po::value(&a.jobs), "the same as --jobs")(
                    "dump", po::value(&a.dump), "also write the page boxes as text to this file");
            // Not in --help: an untagged, inaccessible PDF, only for the
            // benchmark that measures what tagging costs.
            po::options_description hidden;
            hidden.add_options()("untagged", po::bool_switch(&a.untagged));
            po::options_description all;
            all.add(opts).add(hidden);
            po::positional_options_description bp_pos;
            bp_pos.add("pack", -1);
            if (help) {
                std::cout << opts;
                return kOk;
            }
            po::variables_map bvm;
            po::store(po::command_line_parser(rest).options(all).positional(bp_pos).run(), bvm);
            po::notify(bvm);
            if (a.packs.empty()) {
                std::cerr << "boardpack: " << cmd << " needs a pack manifest\n" << opts;
                return kUsage;
            }
            if (cmd == "dump") {
                if (a.packs.size() > 1) {
                    std::cerr << "boardpack: dump takes one pack manifest\n";
                    return kUsage;
                }
                a.dump = "-";
            }
            if (cmd == "build" && a.output.empty() && a.out_dir.empty() && a.split.empty() && a.supplement.empty()) {
                std::cerr << "boardpack: build needs -o OUT.pdf (or --out-dir, --split or --supplement)\n";
                return kUsage;
            }
            if (a.packs.size() > 1 && (a.out_dir.empty() || !a.output.empty() || !a.split.empty() ||
                                       !a.supplement.empty() || !a.report.empty() || !a.dump.empty())) {
                std::cerr << "boardpack: several packs are built with --out-dir DIR, which names each pack's PDF; "
                             "-o, --split, --supplement, --report and --dump take one pack\n";
                return kUsage;
            }
            if (a.audience != "public" && a.audience != "full") {
                std::cerr << "boardpack: --audience is public or full, not '" << a.audience << "'\n";
                return kUsage;
            }
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
