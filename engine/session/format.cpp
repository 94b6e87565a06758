// The library's diagnostics printed as the engine prints its own.
#include <sys/stat.h>

#include <fstream>
#include <map>

#include "boardpack/build.hpp"
#include "core/diag_render.hpp"

namespace boardpack {

std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics, bool colour) {
    std::vector<bp::Diagnostic> diags;
    diags.reserve(diagnostics.size());
    for (const Diagnostic& d : diagnostics) {
        const bp::Rule* rule = bp::find_rule(d.rule);
        bp::Diagnostic x;
        x.severity = d.severity == "error"     ? bp::Severity::Error
                     : d.severity == "warning" ? bp::Severity::Warning
                                               : bp::Severity::Note;
        x.loc = bp::SourceLoc{d.file, d.line, d.column};
        x.rule = rule ? rule->id : std::string_view("internal-error");
        x.message = d.message;
        x.hint = d.hint;
        diags.push_back(std::move(x));
    }
    // Each file read once, and only for the lines asked for.
    std::map<std::string, std::vector<std::string>> files;
    bp::SourceLineLookup lookup = [&files](const std::string& f, std::uint32_t n) -> std::optional<std::string> {
        auto it = files.find(f);
        if (it == files.end()) {
            std::vector<std::string> lines;
            // Only a regular file: a FIFO would hold the reader up.
            struct stat st {};
            std::ifstream in;
            if (::stat(f.c_str(), &st) == 0 && S_ISREG(st.st_mode)) in.open(f, std::ios::binary);
            for (std::string l; std::getline(in, l);) {
                if (!l.empty() && l.back() == '\r') l.pop_back();
                lines.push_back(std::move(l));
            }
            if (!lines.empty() && lines.front().starts_with("\xEF\xBB\xBF")) lines.front().erase(0, 3);
            it = files.emplace(f, std::move(lines)).first;
        }
        if (n == 0 || n > it->second.size()) return std::nullopt;
        return it->second[n - 1];
    };
    return bp::render_text(diags, lookup, bp::RenderOptions{colour});
}

}  // namespace boardpack
