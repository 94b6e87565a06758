#include "report.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

#include "core/diag_render.hpp"
#include "core/sha256.hpp"

namespace bp::cli {
namespace {

std::string quoted(const std::string& s) { return "\"" + json_escape(s) + "\""; }

// The value of the string at `at` (just after its opening quote), unescaped;
// the report is ours, so only the escapes json_escape writes can occur.
std::string unquote(const std::string& line, std::size_t at) {
    std::string out;
    for (std::size_t i = at; i < line.size() && line[i] != '"'; ++i) {
        if (line[i] != '\\' || i + 1 >= line.size()) {
            out += line[i];
            continue;
        }
        const char e = line[++i];
        if (e == 'n') out += '\n';
        else if (e == 't') out += '\t';
        else if (e == 'r') out += '\r';
        else if (e == 'u' && i + 4 < line.size()) {
            out += static_cast<char>(std::stoi(line.substr(i + 1, 4), nullptr, 16));
            i += 4;
        } else out += e;
    }
    return out;
}

// The string value of "key" on a line of the report, if the line has one.
std::optional<std::string> field(const std::string& line, const std::string& key) {
    const std::string k = "\"" + key + "\": \"";
    const std::size_t at = line.find(k);
    if (at == std::string::npos) return std::nullopt;
    return unquote(line, at + k.size());
}

}  // namespace

std::string report_json(const boardpack::BuildRequest& request, const boardpack::BuildResult& result,
                        const std::string& options, bool skipped) {
    std::ostringstream j;
    j << "{\n  \"boardpack\": " << quoted(boardpack::version()) << ",\n";
    j << "  \"pack\": " << quoted(request.pack) << ",\n";
    j << "  \"options\": " << quoted(options) << ",\n";
    j << "  \"ok\": " << (result.exit_code == 0 ? "true" : "false") << ",\n";
    j << "  \"skipped\": " << (skipped ? "true" : "false") << ",\n";
    int pages = 0;
    for (const boardpack::WrittenFile& o : result.outputs)
        if (o.edition == "pack") pages = o.pages;
    j << "  \"pages\": " << pages << ",\n  \"front_pages\": " << result.front_pages << ",\n";
    j << "  \"public_pages\": " << result.public_pages << ",\n  \"full_pages\": " << result.full_pages << ",\n";
    j << "  \"inputs\": [";
    const char* sep = "\n";
    for (const std::string& in : result.inputs) {
        j << sep << "    {\"path\": " << quoted(in) << ", \"sha256\": " << quoted(sha256_file(in).value_or("")) << "}";
        sep = ",\n";
    }
    j << "\n  ],\n  \"outputs\": [";
    sep = "\n";
    for (const boardpack::WrittenFile& o : result.outputs) {
        j << sep << "    {\"output\": " << quoted(o.path) << ", \"edition\": " << quoted(o.edition);
        // A web page has no printed pages.
        if (o.edition != "html") j << ", \"pages\": " << o.pages << ", \"first_page\": " << o.first_page;
        j << "}";
        sep = ",\n";
    }
    // An output asked for but not written says why; its key is not
    // "output", so a skipped supplement is not looked for by up_to_date.
    j << "\n  ],\n  \"not_written\": [";
    sep = "\n";
    for (const boardpack::SkippedOutput& o : result.skipped) {
        j << sep << "    {\"not_written\": " << quoted(o.path) << ", \"edition\": " << quoted(o.edition)
          << ", \"reason\": " << quoted(o.reason) << "}";
        sep = ",\n";
    }
    j << "\n  ],\n  \"removed\": [";
    sep = "\n";
    for (const std::string& path : result.removed) {
        j << sep << "    " << quoted(path);
        sep = ",\n";
    }
    j << "\n  ],\n  \"items\": [";
    sep = "\n";
    for (const boardpack::ItemSummary& it : result.items) {
        j << sep << "    {\"number\": " << it.number << ", \"title\": " << quoted(it.title) << ", \"papers\": [";
        for (std::size_t p = 0; p < it.papers.size(); ++p) j << (p ? ", " : "") << quoted(it.papers[p]);
        j << "]";
        if (it.first_page) j << ", \"first_page\": " << *it.first_page << ", \"last_page\": " << *it.last_page;
        j << ", \"exempt\": " << (it.exempt ? "true" : "false") << ", \"to_follow\": " << (it.to_follow ? "true" : "false")
          << "}";
        sep = ",\n";
    }
    j << "\n  ],\n  \"diagnostics\": [";
    sep = "\n";
    for (const boardpack::Diagnostic& d : result.diagnostics) {
        j << sep << "    {\"file\": " << quoted(d.file) << ", \"line\": " << d.line << ", \"column\": " << d.column
          << ", \"severity\": " << quoted(d.severity) << ", \"rule\": " << quoted(d.rule)
          << ", \"message\": " << quoted(d.message) << ", \"hint\": " << quoted(d.hint) << "}";
        sep = ",\n";
    }
    j << "\n  ],\n  \"stages\": [";
    sep = "\n";
    for (const boardpack::StageTime& s : result.stages) {
        char secs[32];
        std::snprintf(secs, sizeof secs, "%.4f", s.seconds);
        j << sep << "    {\"stage\": " << quoted(s.stage) << ", \"seconds\": " << secs << "}";
        sep = ",\n";
    }
    j << "\n  ]\n}\n";
    return j.str();
}

bool up_to_date(const std::string& path, const std::string& options) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    bool version_ok = false, options_ok = false, ok = false, any_input = false;
    for (std::string line; std::getline(in, line);) {
        if (auto v = field(line, "boardpack")) version_ok = *v == boardpack::version();
        if (auto o = field(line, "options")) options_ok = *o == options;
        if (line.find("\"ok\": true") != std::string::npos) ok = true;
        if (auto p = field(line, "path")) {
            const std::optional<std::string> want = field(line, "sha256");
            if (!want || sha256_file(*p) != *want) return false;
            any_input = true;
        }
        if (auto o = field(line, "output")) {
            std::error_code ec;
            if (*o != "-" && !std::filesystem::exists(*o, ec)) return false;
        }
        // A file where the build wrote none (a supplement with nothing late)
        // may be a stale one: the build that settles it is not skipped.
        if (auto o = field(line, "not_written")) {
            std::error_code ec;
            if (std::filesystem::exists(std::filesystem::symlink_status(*o, ec))) return false;
        }
    }
    return version_ok && options_ok && ok && any_input;
}

}  // namespace bp::cli
