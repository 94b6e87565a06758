// Places in the Word file and what the import found there. Every paragraph,
// table, row and note the import reads is a place with words a person can
// find in Word ("paragraph 14 ("3.2 The Board noted…")", "table 2, row 3");
// model nodes carry their place's number in SourceLoc::line until the XML
// is written, when each finding is told at the line its place was written
// to. Internal to import/.
#pragma once
#include <string>
#include <vector>

#include "core/diag.hpp"

namespace bp::docx {

class Places {
public:
    Places() { names_.emplace_back("the Word file"); }
    // A new place; its words may be set later, once its text is known.
    int add(std::string words = {}) {
        names_.push_back(std::move(words));
        return static_cast<int>(names_.size() - 1);
    }
    void name(int place, std::string words) { names_.at(static_cast<std::size_t>(place)) = std::move(words); }
    const std::string& words(int place) const { return names_.at(static_cast<std::size_t>(place)); }
    std::size_t size() const { return names_.size(); }

private:
    std::vector<std::string> names_;  // place 0: the whole file
};

struct Finding {
    Severity severity = Severity::Warning;
    const Rule* rule = nullptr;
    int place = 0;
    std::string message;  // follows the place's words: "... : the number "3.2" typed ..."
    std::string hint;
    // For findings about the header: the element they concern ("board",
    // "date", "title"), told at its line.
    std::string element;
};

class Findings {
public:
    void error(int place, const Rule& r, std::string message, std::string hint = {}) {
        add(Severity::Error, place, r, std::move(message), std::move(hint));
    }
    void warning(int place, const Rule& r, std::string message, std::string hint = {}) {
        add(Severity::Warning, place, r, std::move(message), std::move(hint));
    }
    void note(int place, const Rule& r, std::string message, std::string hint = {}) {
        add(Severity::Note, place, r, std::move(message), std::move(hint));
    }
    void add(Severity s, int place, const Rule& r, std::string message, std::string hint) {
        if (s == Severity::Error) ++errors_;
        items_.push_back(Finding{s, &r, place, std::move(message), std::move(hint), {}});
    }
    Finding& last() { return items_.back(); }
    bool has_errors() const { return errors_ > 0; }
    const std::vector<Finding>& all() const { return items_; }

private:
    std::vector<Finding> items_;
    std::size_t errors_ = 0;
};

// The first words of a text, for naming its place: at most `words` words
// and 48 bytes, with "…" when cut.
std::string first_words(const std::string& text, int words = 6);

}  // namespace bp::docx
