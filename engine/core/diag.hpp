// Diagnostics: bad input is data. Stages add to a Diagnostics sink and keep
// going, so an officer sees every mistake at once, as file:line:col.
#pragma once
#include <string>
#include <vector>

#include "source.hpp"

namespace bp {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
    Severity severity = Severity::Error;
    SourceLoc loc;
    std::string message;  // says what to change, in the reader's words
};

class Diagnostics {
public:
    static constexpr std::size_t kMaxStored = 500;  // cap runaway input

    void error(const SourceLoc& loc, std::string message) { add(Severity::Error, loc, std::move(message)); }
    void warning(const SourceLoc& loc, std::string message) { add(Severity::Warning, loc, std::move(message)); }
    void note(const SourceLoc& loc, std::string message) { add(Severity::Note, loc, std::move(message)); }
    void add(Severity s, const SourceLoc& loc, std::string message);

    bool has_errors() const { return errors_ > 0; }
    std::size_t error_count() const { return errors_; }
    std::size_t warning_count() const { return warnings_; }
    const std::vector<Diagnostic>& all() const { return items_; }
    std::size_t dropped() const { return dropped_; }

private:
    std::vector<Diagnostic> items_;
    std::size_t errors_ = 0, warnings_ = 0, dropped_ = 0;
};

// "file:line:col: error: message" (GCC style, what editors understand).
std::string format_diagnostic(const Diagnostic& d);

}  // namespace bp
