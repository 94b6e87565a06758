// The template model: a council's house style, typed, with source locations.
// Every visual decision lives here; papers carry content only. Built by
// load/ from <template version="1">; defaults below are the house style of
// the published Leicestershire packs, so a template states only what differs.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model.hpp"
#include "source.hpp"
#include "units.hpp"

namespace bp {

// Pictures above this many pixels are refused unless the template says more.
inline constexpr std::uint64_t kDefaultMaxImagePixels = 50'000'000;

struct FontFamily {
    SourceLoc loc;
    std::string name;  // "sans"
    std::string regular, bold, italic, bold_italic;  // resolved TTF paths
    // Where each face's file is named (the attribute), for messages about
    // the file itself; a face not given takes regular's.
    SourceLoc regular_loc, bold_loc, italic_loc, bold_italic_loc;
};

// A named text style. Unset fields inherit from the style named in `parent`
// (and finally from "body").
struct TextStyleSpec {
    SourceLoc loc;
    std::string name;
    std::string parent;
    std::optional<std::string> family;
    std::optional<Mpt> size;
    std::optional<double> leading;  // line pitch as a multiple of size
    SourceLoc size_loc, leading_loc;  // where size= and leading= are written, if they are
    std::optional<bool> bold, italic, underline;
    std::optional<Color> color;
    std::optional<Mpt> space_before, space_after;
    std::optional<Align> align;
    std::optional<bool> uppercase;
};

enum class SectionStart : std::uint8_t { Page, OddPage, Flow };

// <import>: how a council's own Word template maps onto the papers, for
// `boardpack import`. A paragraph in a named Word style, or inside a
// content control with a named tag, becomes a header field or a kind of
// block; a heading with the named words opens the recommendations or the
// officers to contact.
enum class ImportTarget : std::uint8_t {
    Board, Date, Title, Line, Venue,  // header fields
    H1, H2, H3, Paragraph, Quote,     // blocks
    Recommendations, Contact,         // the heading that opens them; a style: the block's lines
    Appendix,                         // the heading that opens an appendix
    Skip,                             // left out (a "Agenda Item" stamp, a logo's caption)
};
struct ImportRule {
    enum class By : std::uint8_t { Style, Control, Heading };
    SourceLoc loc;
    By by = By::Style;
    std::string name;  // the style's name, the control's tag or the heading's words, as Word shows them
    ImportTarget target = ImportTarget::Paragraph;
};

struct PageMaster {
    Mpt width = kA4Width, height = kA4Height;
    Mpt margin_top = mm(20), margin_bottom = mm(25), margin_left = mm(20), margin_right = mm(20);
};

// The words the engine writes itself, each with its {placeholders}, filled
// in by the realize stage. Defaults are the published Leicestershire packs'
// words. Numbers are filled in as digits; {n} of a
// list label is its counter in the list's own system (a, A, i, 1).
struct Wording {
    // Labels and numbers.
    std::string paragraph_number = "{n}.";          // a numbered paragraph: "3."
    std::string sub_paragraph_number = "{n}.{sub}"; // a sub-numbered one: "3.1"
    std::string minute_number = "{n}.";             // "26."
    std::string note_number = "{n}";                // a footnote's number
    std::string agenda_number = "{n}.";             // an agenda item's number on the front sheet
    std::string list_lower_alpha = "({n})", list_upper_alpha = "({n})", list_lower_roman = "({n})";
    std::string list_decimal = "{n}.";
    std::string bullet = "\u2022";
    // Times of day: {h} 1-12, {H} 0-23, {mm} the minutes in two digits, {ampm} the am or pm word.
    std::string time = "{h}.{mm} {ampm}";             // the meeting's time on the front sheet
    std::string next_meeting_time = "{h}.{mm}{ampm}"; // a next meeting's time
    std::string am = "am", pm = "pm";
    // The agenda front sheet.
    std::string agenda = "Agenda";
    std::string supplementary_agenda = "Supplementary agenda";
    std::string meeting_when = "{date} at {time}";
    std::string pages = "(Pages {first} - {last})";
    std::string to_follow = "(Paper to follow)";
    std::string agenda_link = "Agenda item {n}, {title}, pages {first} to {last}";  // what the line's link says
    std::string exempt = "Exempt: {reason}";
    std::string next_meeting_at = "{date} at {time}";
    std::string next_meeting_weekday = "{weekday} {date}";
    // Papers.
    std::string minutes_title = "Minutes of {date}";  // the minutes' bookmark and section title
    std::string contact = "Officer to contact";        // <contact> without a title
    std::string recommendations = "Recommendations";   // <recommendations> without a title
    std::string signature_role = "CHAIRMAN";           // <signature> without a role
    std::string red = "Red", amber = "Amber", green = "Green";       // statuses as words
    std::string red_letter = "R", amber_letter = "A", green_letter = "G";
    std::string status_text = "{status}: {text}";  // a status cell's text after its status
    std::string status_join = "{first}/{second}";  // several statuses in one cell
    // The exclusion resolution: {business} one of the three below,
    // {paragraphs} the paragraphs of Schedule 12A, {end} a colon when the
    // items follow, a full stop when none do.
    std::string exclusion =
        "That under Section 100(A)(4) of the Local Government Act 1972 the public be excluded from the meeting for "
        "{business} the likely disclosure of exempt information as defined in {paragraphs} of Part 1 of Schedule 12A "
        "of the Act and that, in all the circumstances of the case, the public interest in maintaining the exemption "
        "outweighs the public interest in disclosing the information{end}";
    std::string exclusion_rest = "the remaining items of business on the grounds that they involve";
    std::string exclusion_one = "the following item of business on the grounds that it involves";
    std::string exclusion_some = "the following items of business on the grounds that they involve";
    std::string exclusion_paragraph = "paragraph {n}";
    std::string exclusion_paragraphs = "paragraphs {n}";
    std::string list_join = "{first}, {second}";       // "1, 3"
    std::string list_join_last = "{first} and {second}"; // "1, 3 and 5"
    // Binding.
    std::string item_title = "{n}. {title}";  // an item's bookmark and section title
    std::string not_for_publication = "NOT FOR PUBLICATION";
    std::string pack_title = "{body} - {date}";  // the PDF's title
    std::string pack_subject = "Agenda pack";
    std::string draft = "DRAFT";                  // a preview's stamp
    std::string draft_title = "DRAFT - {title}";  // a preview's PDF title
    std::string draft_untitled = "Draft";         // {title} of a paper without one
    std::string draft_subject = "Draft paper";
};

struct TemplateDoc {
    SourceLoc loc;
    std::string name;
    std::string locale = "en_GB";
    std::string date_pattern = "d MMMM y";                 // ICU pattern for dates in papers
    std::string meeting_date_pattern = "EEEE, d MMMM y";   // agenda front sheet
    std::string next_meeting_pattern = "d MMMM y";         // "Date of the next meeting" list
    std::string month_pattern = "MMMM y";                  // a date given by month only ("June 2016")
    // Which dates write their day as an ordinal ("8th September 2016").
    bool ordinal_days = false;          // dates in paper headers
    bool ordinal_meeting = false;       // the agenda's meeting date
    bool ordinal_next_meeting = false;  // the "Date of the next meeting" list
    PageMaster portrait;        // landscape = portrait with the sides swapped
    std::vector<FontFamily> families;
    std::vector<TextStyleSpec> styles;
    std::string footer = "Page {page}";           // {page} = pack page number
    std::string stamp = "Agenda Item {item}";     // {item} = agenda item number
    std::string blank_text = "This page is intentionally left blank";
    // The minutes' own words: the opening line ({board}, {venue}, {date}),
    // for a meeting at a venue and one held online, and the word before a
    // resolution ({label}: RESOLVED, AGREED, NOTED).
    std::string minutes_opening = "Minutes of a meeting of the {board} held at {venue} on {date}.";
    std::string minutes_opening_online = "Minutes of a meeting of the {board} held via {venue} on {date}.";
    std::string resolution_label = "{label}:";
    Wording wording;
    bool footer_on_blank = false;
    // "(Pages X - Y)" counts the padding page that follows an item ending on
    // an odd page, as the published LSCSB agendas do ("3 - 8", 8 blank).
    bool blank_in_range = false;
    // Where an appendix begins: on a new page, on the next odd page (so a
    // landscape appendix is never printed on the back of the report), or
    // straight after the text before it. `landscape_start` is for landscape
    // appendices and sections, which always need a new page.
    SectionStart appendix_start = SectionStart::Page;
    SectionStart landscape_start = SectionStart::Page;
    Mpt paragraph_indent = mm(10);  // body text starts here; numbers hang left of it
    Mpt list_indent = mm(8);        // each list level indents this much more
    SourceLoc paragraph_indent_loc, list_indent_loc;  // where <indent> sets them, if it does
    Color rule_color{0, 0, 0};
    Color table_header_fill{217, 217, 217};
    Color rag_red{255, 0, 0}, rag_amber{255, 192, 0}, rag_green{0, 176, 80};
    // <images max-megapixels="50"/>: a larger picture is refused before it
    // is decoded (a 1 MB PNG can unpack to gigabytes).
    std::uint64_t max_image_pixels = kDefaultMaxImagePixels;
    std::vector<ImportRule> import_rules;  // in the order written
};

}  // namespace bp
