#include "diag.hpp"

namespace bp {

void Diagnostics::add(Severity s, const SourceLoc& loc, std::string message) {
    if (s == Severity::Error) ++errors_;
    if (s == Severity::Warning) ++warnings_;
    if (items_.size() >= kMaxStored) {
        ++dropped_;
        return;
    }
    items_.push_back(Diagnostic{s, loc, std::move(message)});
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.loc.file.empty() ? std::string("boardpack") : d.loc.file;
    if (d.loc.line > 0) {
        out += ':' + std::to_string(d.loc.line);
        if (d.loc.col > 0) out += ':' + std::to_string(d.loc.col);
    }
    switch (d.severity) {
        case Severity::Error: out += ": error: "; break;
        case Severity::Warning: out += ": warning: "; break;
        case Severity::Note: out += ": note: "; break;
    }
    out += d.message;
    return out;
}

}  // namespace bp
