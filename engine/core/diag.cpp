#include "diag.hpp"

#include <algorithm>

namespace bp {

void Diagnostics::add(Severity s, const SourceLoc& loc, const Rule& rule, std::string message, std::string hint) {
    if (s == Severity::Error) ++errors_;
    if (s == Severity::Warning) ++warnings_;
    keep(Diagnostic{s, loc, rule.id, std::move(message), std::move(hint)});
}

void Diagnostics::keep(Diagnostic d) {
    Repeats& r = repeats_[{d.loc.file, d.rule}];
    if (r.kept >= kMaxPerRule) {
        if (r.more++ == 0) r.severity = d.severity;
        return;
    }
    if (items_.size() >= kMaxStored) {
        ++dropped_;
        return;
    }
    ++r.kept;
    items_.push_back(std::move(d));
}

void Diagnostics::merge(const Diagnostics& other) {
    errors_ += other.errors_;
    warnings_ += other.warnings_;
    dropped_ += other.dropped_;
    for (const Diagnostic& d : other.items_) keep(d);
    for (const auto& [key, theirs] : other.repeats_) {
        if (theirs.more == 0) continue;
        Repeats& r = repeats_[key];
        if (r.more == 0) r.severity = theirs.severity;
        r.more += theirs.more;
    }
}

void Diagnostics::merge_files(const Diagnostics& other, const std::function<bool(const FilePath&)>& wanted) {
    std::size_t errors_left = 0, warnings_left = 0;
    auto leave = [&](Severity s, std::size_t n) {
        if (s == Severity::Error) errors_left += n;
        if (s == Severity::Warning) warnings_left += n;
    };
    for (const Diagnostic& d : other.items_) {
        if (wanted(d.loc.file))
            keep(d);
        else
            leave(d.severity, 1);
    }
    for (const auto& [key, theirs] : other.repeats_) {
        if (theirs.more == 0) continue;
        if (!wanted(key.first)) {
            leave(theirs.severity, theirs.more);
            continue;
        }
        Repeats& r = repeats_[key];
        if (r.more == 0) r.severity = theirs.severity;
        r.more += theirs.more;
    }
    // Counts of those past kMaxStored cannot be told apart by file; they stay.
    errors_ += other.errors_ - std::min(errors_left, other.errors_);
    warnings_ += other.warnings_ - std::min(warnings_left, other.warnings_);
    dropped_ += other.dropped_;
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> in_place = items_;
    std::stable_sort(in_place.begin(), in_place.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.loc.file != b.loc.file) return a.loc.file < b.loc.file;
        if (a.loc.line != b.loc.line) return a.loc.line < b.loc.line;
        return a.loc.col < b.loc.col;
    });
    // The notes of what was held back, by file and rule (the map's order).
    std::vector<Diagnostic> more;
    for (const auto& [key, r] : repeats_) {
        if (r.more == 0) continue;
        const char* kind = r.severity == Severity::Error     ? (r.more == 1 ? "error" : "errors")
                           : r.severity == Severity::Warning ? (r.more == 1 ? "warning" : "warnings")
                                                             : (r.more == 1 ? "note" : "notes");
        more.push_back(Diagnostic{Severity::Note, SourceLoc{key.first, 0, 0}, key.second,
                                  "... and " + std::to_string(r.more) + " more " + kind + " of this kind in this file, not shown",
                                  "fix the ones shown and check again: one mistake often repeats, or causes the rest"});
    }
    // Each file's notes after its last report.
    std::vector<Diagnostic> out;
    out.reserve(in_place.size() + more.size());
    std::size_t j = 0;
    for (Diagnostic& d : in_place) {
        for (; j < more.size() && more[j].loc.file < d.loc.file; ++j) out.push_back(std::move(more[j]));
        out.push_back(std::move(d));
    }
    for (; j < more.size(); ++j) out.push_back(std::move(more[j]));
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
