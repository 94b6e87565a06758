// WordDocument -> the document model of a paper: report, document or
// minutes. Here Word's structure becomes the format's: header fields,
// numbered paragraphs with Word's numbers, lists with their labels,
// recommendations and officers to contact found by their headings,
// appendices and landscape sections, tables with their spans and statuses,
// pictures placed beside the XML. Internal to import/.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/template.hpp"
#include "import/findings.hpp"
#include "import/word.hpp"

namespace bp::docx {

struct ShapeOptions {
    Paper::Kind kind = Paper::Kind::Report;
    std::vector<ImportRule> rules;        // the template's <import>
    Color red{255, 0, 0}, amber{255, 192, 0}, green{0, 176, 80};  // the template's status colours
    std::optional<Mpt> table_size;        // the template's table style size
    std::string media_dir;                // where pictures go, relative to the XML: "report-images"
    // What an embedded picture's part holds, by its first bytes: "png",
    // "jpeg", or another word for another format ("emf", "wmf", "gif" ...);
    // "" when it cannot be read.
    std::function<std::string(const std::string& part)> media_format;
};

// A picture to write beside the XML: the part whose bytes it is, and its
// name in the media folder.
struct MediaFile {
    std::string part;
    std::string name;  // "image1.png"
};

struct ShapedPaper {
    Paper paper;  // model nodes' SourceLoc::line holds their place
    // The recommendations: blocks [first, end) of section `section`, the
    // first being their heading, written as <recommendations>.
    struct Span {
        std::size_t section = 0, first = 0, end = 0;
        std::string title;  // "" when it is the default word
    };
    std::optional<Span> recommendations;
    std::vector<MediaFile> media;
    // Where the header fields came from, for the line a finding about them is told at.
    int header_place = 0;
};

ShapedPaper shape_paper(WordDocument& doc, const ShapeOptions& options, Findings& findings);

}  // namespace bp::docx
