// styles.xml: what each paragraph and character style is called, which
// heading level it is, the numbering it carries and the run properties it
// gives (hidden text and size count; bold and italic of a paragraph style
// are its look, not the text's emphasis). Internal to import/.
#pragma once
#include <pugixml.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace bp::docx {

// Run properties that matter to the import. Unset: not said at this level.
struct RunProps {
    std::optional<bool> bold, italic, underline, strike, hidden;
    std::optional<int> vert;         // 0 baseline, 1 superscript, 2 subscript
    std::optional<int> half_points;  // w:sz

    // `over`'s settings win where it has them.
    void apply(const RunProps& over);
    // Reads <w:rPr>.
    static RunProps read(pugi::xml_node rpr);
};

struct NumberingRef {
    std::optional<int> num_id;  // 0: numbering removed
    std::optional<int> level;
};

struct ParagraphStyle {
    std::string name;              // as Word shows it
    std::optional<int> outline;    // 0..8: a heading level
    NumberingRef numbering;
    RunProps run;                  // its runs' properties, inherited
    bool page_break_before = false;
};

class Styles {
public:
    void read(pugi::xml_node styles_root);

    // A paragraph style by id, with everything it inherits; the default
    // paragraph style for "" or an id no style has.
    const ParagraphStyle& paragraph(std::string_view id) const;
    // A character style's run properties, with what it inherits.
    RunProps character(std::string_view id) const;
    // The id of the paragraph style whose name is `name` (any case), or "".
    std::string paragraph_id_named(std::string_view name) const;
    // The w:num a numbering style (numStyleLink) stands for.
    std::optional<int> numbering_style_num(std::string_view id) const;
    // docDefaults' run properties.
    const RunProps& defaults() const { return defaults_; }

private:
    struct Raw {
        std::string type, name, based_on;
        std::optional<int> outline;
        NumberingRef numbering;
        RunProps run;
        std::optional<bool> page_break_before;
        bool is_default = false;
    };
    const ParagraphStyle& resolve(const std::string& id) const;

    std::map<std::string, Raw, std::less<>> raw_;
    std::string default_paragraph_;
    RunProps defaults_;
    mutable std::map<std::string, ParagraphStyle, std::less<>> resolved_;
    ParagraphStyle plain_;
};

// "heading 1" -> "Heading 1": Word stores its built-in names in lower case
// and shows them capitalised.
std::string shown_style_name(std::string_view stored);

}  // namespace bp::docx
