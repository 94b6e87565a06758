#include "diag.hpp"

#include <algorithm>

namespace bp {

void Diagnostics::add(Severity s, const SourceLoc& loc, const Rule& rule, std::string message, std::string hint) {
    if (s == Severity::Error) ++errors_;
    if (s == Severity::Warning) ++warnings_;
    if (items_.size() >= kMaxStored) {
        ++dropped_;
        return;
    }
    items_.push_back(Diagnostic{s, loc, rule.id, std::move(message), std::move(hint)});
}

void Diagnostics::merge(const Diagnostics& other) {
    errors_ += other.errors_;
    warnings_ += other.warnings_;
    dropped_ += other.dropped_;
    for (const Diagnostic& d : other.items_) {
        if (items_.size() >= kMaxStored) {
            ++dropped_;
            continue;
        }
        items_.push_back(d);
    }
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> out = items_;
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.loc.file != b.loc.file) return a.loc.file < b.loc.file;
        if (a.loc.line != b.loc.line) return a.loc.line < b.loc.line;
        return a.loc.col < b.loc.col;
    });
    return out;
}

std::string_view severity_name(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Note: return "note";
    }
    return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.loc.file.empty() ? std::string("boardpack") : d.loc.file.str();
    if (d.loc.line > 0) {
        out += ':' + std::to_string(d.loc.line);
        if (d.loc.col > 0) out += ':' + std::to_string(d.loc.col);
    }
    out += ": ";
    out += severity_name(d.severity);
    out += ": ";
    out += d.message;
    if (!d.rule.empty()) {
        out += " [";
        out += d.rule;
        out += ']';
    }
    return out;
}

std::string format_with_hint(const Diagnostic& d) {
    std::string out = format_diagnostic(d);
    if (!d.hint.empty()) out += "\n  hint: " + d.hint;
    return out;
}

}  // namespace bp
