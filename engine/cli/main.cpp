// boardpack: the command line. `build` turns a pack manifest into the agenda
// pack PDF; `validate` checks papers, packs and templates for an officer;
// `dump` prints the laid-out page boxes as text.
//
// Exit codes: 0 done; 1 the input has errors (nothing written); 2 bad
// command line; 3 the output could not be written.
#include <boost/program_options.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "assemble/assemble.hpp"
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

void print_diagnostics(const Diagnostics& d) {
    for (const auto& x : d.all()) std::cerr << format_diagnostic(x) << '\n';
    if (d.dropped() > 0) std::cerr << "boardpack: " << d.dropped() << " more diagnostics not shown\n";
}

std::string json_escape(const std::string& s) {
    std::string o;
    for (char c : s) {
        switch (c) {
            case '"': o += "\\\""; break;
            case '\\': o += "\\\\"; break;
            case '\n': o += "\\n"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    o += buf;
                } else {
                    o += c;
                }
        }
    }
    return o;
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
    for (const auto& d : diags.all()) {
        j << (first ? "\n" : ",\n") << "    {\"file\": \"" << json_escape(d.loc.file) << "\", \"line\": " << d.loc.line
          << ", \"column\": " << d.loc.col << ", \"severity\": \""
          << (d.severity == Severity::Error ? "error" : d.severity == Severity::Warning ? "warning" : "note")
          << "\", \"message\": \"" << json_escape(d.message) << "\"}";
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
};

int run_build(const BuildArgs& a) {
    Diagnostics diags;
    LoadOptions lo;
    if (!a.templates.empty()) lo.template_dirs.push_back(a.templates);
    lo.template_dirs.push_back(BOARDPACK_TEMPLATES_DIR);

    auto finish = [&](int code, const AssembledPack* result) {
        print_diagnostics(diags);
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

int run_validate(const std::vector<std::string>& files, const std::string& templates) {
    Diagnostics diags;
    LoadOptions lo;
    if (!templates.empty()) lo.template_dirs.push_back(templates);
    lo.template_dirs.push_back(BOARDPACK_TEMPLATES_DIR);
    for (const std::string& f : files) {
        FileKind kind = sniff_file_kind(f);
        if (kind == FileKind::Pack) {
            if (auto doc = load_pack(f, lo, diags)) validate_pack(*doc, diags);
        } else if (kind == FileKind::Template) {
            load_template(f, diags);
        } else {
            std::string root_dir = fs::path(f).parent_path().string();
            if (auto p = load_paper(f, root_dir, diags)) validate_paper(*p, diags);
        }
    }
    print_diagnostics(diags);
    if (diags.has_errors()) {
        std::cerr << diags.error_count() << (diags.error_count() == 1 ? " error" : " errors") << '\n';
        return kInputErrors;
    }
    return kOk;
}

const char* kUsageText =
    "usage: boardpack <command> [options]\n"
    "\n"
    "commands:\n"
    "  build PACK.xml -o OUT.pdf   assemble the agenda pack\n"
    "  validate FILE.xml...        check reports, minutes, packs and templates\n"
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
            opts.add_options()("pack", po::value(&a.pack), "pack manifest")(
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
            return run_build(a);
        }
        if (cmd == "validate") {
            std::vector<std::string> files;
            std::string templates;
            po::options_description opts("boardpack validate FILE.xml...");
            opts.add_options()("files", po::value(&files), "files to check")(
                "templates", po::value(&templates), "folder of templates named by packs");
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
            return run_validate(files, templates);
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
