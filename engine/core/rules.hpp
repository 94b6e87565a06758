// Rule ids: every diagnostic names the rule it breaks, so an officer can look
// it up, a tool can filter on it, and the corpus can prove each one fires.
// Ids are stable once released; add new rules at the end of their group and
// to kAllRules.
#pragma once
#include <span>
#include <string_view>

namespace bp {

struct Rule {
    std::string_view id;       // "unknown-element": lower case, hyphenated
    std::string_view summary;  // one line, for docs and --list-rules
};

namespace rule {
// ---- reading the file ----
inline constexpr Rule file_unreadable{"file-unreadable", "the file is missing, a folder, too large or cannot be read"};
inline constexpr Rule encoding{"encoding", "the file is not UTF-8, or declares another encoding"};
inline constexpr Rule forbidden_character{"forbidden-character", "a character XML does not allow"};
inline constexpr Rule xml_syntax{"xml-syntax", "the file is not well-formed XML"};
inline constexpr Rule empty_file{"empty-file", "the file holds no elements"};
inline constexpr Rule entity{"entity", "an & that does not start a character or entity XML defines"};
inline constexpr Rule doctype{"doctype", "a <!DOCTYPE> declaration, which boardpack does not read"};
inline constexpr Rule nesting_depth{"nesting-depth", "elements nested deeper than any paper needs"};
// ---- the grammar of each format ----
inline constexpr Rule wrong_root{"wrong-root", "the top-level element is not the one this kind of file needs"};
inline constexpr Rule version{"version", "version=\"1\" missing or different on the top-level element"};
inline constexpr Rule unknown_element{"unknown-element", "an element no boardpack format has"};
inline constexpr Rule misplaced_element{"misplaced-element", "a known element where it may not appear"};
inline constexpr Rule element_order{"element-order", "an element out of the order its parent holds them in"};
inline constexpr Rule duplicate_element{"duplicate-element", "an element that may appear once appears again"};
inline constexpr Rule missing_element{"missing-element", "a required child element is missing"};
inline constexpr Rule stray_text{"stray-text", "text where only elements may be"};
inline constexpr Rule holds_nothing{"holds-nothing", "content inside an element that must be empty"};
inline constexpr Rule unknown_attribute{"unknown-attribute", "an attribute the element does not take"};
inline constexpr Rule duplicate_attribute{"duplicate-attribute", "an attribute given twice"};
inline constexpr Rule missing_attribute{"missing-attribute", "a required attribute is missing"};
inline constexpr Rule bad_value{"bad-value", "an attribute or element value of the wrong form"};
inline constexpr Rule empty_value{"empty-value", "an attribute or element that must hold text is empty"};
// ---- files a file names ----
inline constexpr Rule missing_file{"missing-file", "a named paper, image, template or font file does not exist"};
inline constexpr Rule outside_pack{"outside-pack", "a path leaves the pack's folder"};
inline constexpr Rule image_format{"image-format", "an image that is not a readable PNG or JPEG"};
inline constexpr Rule image_size{"image-size", "an image with more pixels than the template allows"};
inline constexpr Rule bad_font{"bad-font", "a font file that cannot be used"};
inline constexpr Rule partner_pdf{"partner-pdf", "a partner PDF that cannot be bound: encrypted, damaged, no pages, a page of zero size, no title"};
// ---- meaning ----
inline constexpr Rule link{"link", "a link that is not an http, https or mailto address"};
inline constexpr Rule numbering{"numbering", "paragraph numbering that cannot apply here"};
inline constexpr Rule table_shape{"table-shape", "rows and cells that do not make a rectangular table"};
inline constexpr Rule first_minute{"first-minute", "minutes that do not say where their numbering starts"};
inline constexpr Rule agenda{"agenda", "an agenda item whose settings contradict each other"};
inline constexpr Rule date_order{"date-order", "a date that comes before the meeting it follows"};
inline constexpr Rule image_alt{"image-alt", "an image without alt text, which a screen reader cannot describe"};
inline constexpr Rule heading_level{"heading-level", "a heading that skips a level (an <h3> right after an <h1>)"};
inline constexpr Rule table_header{"table-header", "a table without a header row or header cells"};
inline constexpr Rule unprintable_character{"unprintable-character", "a character no font of the template can print"};
inline constexpr Rule paper_bound_twice{"paper-bound-twice", "one paper file bound into the pack more than once"};
inline constexpr Rule date_mismatch{"date-mismatch", "a report dated differently from the meeting it goes to"};
inline constexpr Rule repeated_section{"repeated-section", "a part a paper has once (recommendations, attendance) given twice"};
inline constexpr Rule partner_dropped{"partner-dropped", "parts of a partner PDF a pack cannot carry (comments, forms, scripts, attachments), left out"};
inline constexpr Rule partner_restricted{"partner-restricted", "a partner PDF whose owner restricts printing or copying, which a published pack cannot keep"};
inline constexpr Rule partner_alt{"partner-alt", "a partner PDF without alt text, so its pages cannot be read aloud"};
inline constexpr Rule appendix_reference{"appendix-reference", "an appendix mentioned but missing, or present but never mentioned"};
// ---- templates ----
inline constexpr Rule duplicate_definition{"duplicate-definition", "a font family or style defined twice"};
inline constexpr Rule unknown_reference{"unknown-reference", "a style or font family that is not defined"};
inline constexpr Rule unused_style{"unused-style", "a style name the engine never uses"};
inline constexpr Rule style_cycle{"style-cycle", "styles that inherit from each other in a loop"};
inline constexpr Rule placeholder{"placeholder", "a {placeholder} the text cannot hold"};
inline constexpr Rule page_geometry{"page-geometry", "page margins, indents or text sizes that leave no room for text"};
// ---- laying out ----
inline constexpr Rule rowspan_too_tall{"rowspan-too-tall", "rows joined by rowspan taller than a page"};
inline constexpr Rule front_sheet{"front-sheet", "the agenda front sheet does not settle on a length"};
inline constexpr Rule output{"output", "an output file that cannot be written"};
inline constexpr Rule internal_error{"internal-error", "a fault inside boardpack (please report it)"};
inline constexpr Rule table_too_wide{"table-too-wide", "a table whose columns cannot hold their longest words across the page"};
// ---- importing a Word file ----
inline constexpr Rule import_unreadable{"import-unreadable", "a Word file that cannot be imported: another format, protected with a password, damaged or past a size limit"};
inline constexpr Rule import_revisions{"import-revisions", "tracked changes or comments in a Word file, to be accepted, rejected or deleted in Word first"};
inline constexpr Rule import_hidden_text{"import-hidden-text", "hidden text in a Word file, which would be published unseen"};
inline constexpr Rule import_typed_number{"import-typed-number", "a paragraph number typed by hand in Word, taken out so that boardpack numbers the paragraph"};
inline constexpr Rule import_numbering{"import-numbering", "Word numbering that the papers number in another way"};
inline constexpr Rule import_picture{"import-picture", "a picture that is not a PNG or JPEG (a drawing, chart or embedded object), left as a placeholder"};
inline constexpr Rule import_dropped{"import-dropped", "something of a Word file that papers do not carry: macros, fields' workings, text boxes, shapes"};
inline constexpr Rule import_header{"import-header", "a header field (board, date, title) found by guessing, or not found"};
inline constexpr Rule import_moved{"import-moved", "content moved to where the format allows it: a footnote in a table, a picture in a cell"};
}  // namespace rule

// Every rule, in the order above.
std::span<const Rule* const> all_rules();
// The rule with this id, or nullptr.
const Rule* find_rule(std::string_view id);

}  // namespace bp
