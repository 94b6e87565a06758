// numbering.xml: Word's automatic numbering. Each w:num points at an
// abstract definition of up to nine levels (format, text such as "%1.%2",
// start, when to restart); paragraphs name a num and a level, and the
// counters run through the document in order. This is where "3.2" comes
// from, so that the import can give the paragraph the same number.
// Internal to import/.
#pragma once
#include <pugixml.hpp>

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "import/styles.hpp"

namespace bp::docx {

// What Word shows before a numbered paragraph, and how it was made.
struct NumberLabel {
    int list = 0;               // paragraphs with the same list share counters
    int num_id = 0;
    int level = 0;              // 0..8
    std::string format;         // the level's numFmt: decimal, lowerLetter, upperRoman, bullet, none ...
    std::string pattern;        // its lvlText: "%1.%2", "(%1)"
    std::string text;           // as shown: "3.2", "(c)", "•"
    std::vector<int> counters;  // the counter of each level 0..level
    // The label is the counters of levels 0..level in decimal, joined by
    // dots, perhaps with a closing dot ("3", "3.", "3.2"): paragraph
    // numbering rather than a list's label.
    bool outline = false;
};

class WordNumbering {
public:
    void read(pugi::xml_node numbering_root, const Styles& styles);
    bool empty() const { return nums_.empty(); }

    // The label of the next paragraph numbered (num_id, level), counted:
    // call once for each numbered paragraph, in document order. nullopt
    // when the num is unknown or its level shows nothing.
    std::optional<NumberLabel> next(int num_id, int level);
    // The level of `num_id` tied to paragraph style `style_id` (w:pStyle), if any.
    std::optional<int> level_for_style(int num_id, std::string_view style_id) const;

private:
    struct Level {
        bool defined = false;
        int start = 1;
        std::string format = "decimal";
        std::string text;
        std::optional<int> restart;  // w:lvlRestart
        bool legal = false;          // w:isLgl: every counter shown in decimal
        std::string style;           // w:pStyle
    };
    struct Abstract {
        std::array<Level, 9> levels;
        std::string num_style_link;
    };
    struct Num {
        int abstract = -1;
        std::array<std::optional<int>, 9> start_override;
        std::array<std::optional<Level>, 9> level_override;
        std::array<bool, 9> override_used{};
        bool own_counters = false;  // it redefines a level: its list is its own
    };
    struct Counters {
        std::array<int, 9> value{};
        std::array<bool, 9> set{};
    };

    const Abstract* abstract_of(const Num& n) const;
    const Level* level_of(const Num& n, int level) const;

    std::map<int, Abstract> abstracts_;
    std::map<int, Num> nums_;
    std::map<int, Counters> counters_;  // by list
    const Styles* styles_ = nullptr;
};

// A counter as a numFmt writes it: 3 -> "3", "c", "iii", "C", "III", "03".
std::string format_counter(int value, std::string_view format);

}  // namespace bp::docx
