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

struct PageMaster {
    Mpt width = kA4Width, height = kA4Height;
    Mpt margin_top = mm(20), margin_bottom = mm(25), margin_left = mm(20), margin_right = mm(20);
};

struct TemplateDoc {
    SourceLoc loc;
    std::string name;
    std::string locale = "en_GB";
    std::string date_pattern = "d MMMM y";                 // ICU pattern for dates in papers
    std::string meeting_date_pattern = "EEEE, d MMMM y";   // agenda front sheet
    std::string next_meeting_pattern = "d MMMM y";         // "Date of the next meeting" list
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
};

}  // namespace bp
