// Diagnostics: bad input is data. Stages add to a Diagnostics sink and keep
// going, so an officer sees every mistake at once, as file:line:col.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "rules.hpp"
#include "source.hpp"

namespace bp {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
    Severity severity = Severity::Error;
    SourceLoc loc;
    std::string_view rule;  // a Rule's id (static storage)
    std::string message;    // what is wrong, in the reader's words
    std::string hint;       // what to change; may be empty
};

class Diagnostics {
public:
    static constexpr std::size_t kMaxStored = 500;  // cap runaway input
    // Reports of one rule in one file kept at most: a paper with 100,000
    // misplaced rows shows the first of them and how many more, so the log
    // and the memory stay small however bad the input.
    static constexpr std::size_t kMaxPerRule = 20;

    void error(const SourceLoc& loc, const Rule& rule, std::string message, std::string hint = {}) {
        add(Severity::Error, loc, rule, std::move(message), std::move(hint));
    }
    void warning(const SourceLoc& loc, const Rule& rule, std::string message, std::string hint = {}) {
        add(Severity::Warning, loc, rule, std::move(message), std::move(hint));
    }
    void note(const SourceLoc& loc, const Rule& rule, std::string message, std::string hint = {}) {
        add(Severity::Note, loc, rule, std::move(message), std::move(hint));
    }
    void add(Severity s, const SourceLoc& loc, const Rule& rule, std::string message, std::string hint);
    // Appends `other`'s reports after this one's, as if they had been made
    // here (work done on another thread reports in a sink of its own).
    void merge(const Diagnostics& other);
    // Adds what `other` found in the files `wanted` accepts and nothing about
    // the rest: a paper two packs name is reported with the first only.
    void merge_files(const Diagnostics& other, const std::function<bool(const FilePath&)>& wanted);

    bool has_errors() const { return errors_ > 0; }
    std::size_t error_count() const { return errors_; }
    std::size_t warning_count() const { return warnings_; }
    // In the order they were reported (without those held back, below).
    const std::vector<Diagnostic>& all() const { return items_; }
    // By file, then line, then column; reports at one place keep their
    // order. After a file's reports, for each rule that reported more than
    // kMaxPerRule there, a note at the file (no line) with that rule:
    // "... and 99980 more errors of this kind in this file, not shown".
    std::vector<Diagnostic> sorted() const;
    std::size_t dropped() const { return dropped_; }

private:
    // Keeps `d` unless its rule's quota in its file, or kMaxStored, is used up.
    void keep(Diagnostic d);

    struct Repeats {
        std::size_t kept = 0, more = 0;
        Severity severity = Severity::Error;  // of the first held back
    };
    std::vector<Diagnostic> items_;
    std::map<std::pair<FilePath, std::string_view>, Repeats> repeats_;  // by file and rule id
    std::size_t errors_ = 0, warnings_ = 0, dropped_ = 0;
};

std::string_view severity_name(Severity s);  // "error", "warning", "note"

// "file:line:col: error: message [rule-id]" (GCC style, what editors
// understand); without line or column when they are unknown.
std::string format_diagnostic(const Diagnostic& d);
// That line, then "  hint: ..." on the next when there is a hint.
std::string format_with_hint(const Diagnostic& d);

}  // namespace bp
