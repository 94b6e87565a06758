// document.xml (with its notes and comments) -> WordDocument: the text with
// its emphasis, links and notes; pictures; tables; sections. Refusals
// (tracked changes, comments, hidden text) and what is dropped (fields'
// workings, text boxes, shapes, macros) are reported as findings at their
// places. Internal to import/.
#pragma once
#include <pugixml.hpp>

#include <map>
#include <string>

#include "import/findings.hpp"
#include "import/numbering.hpp"
#include "import/package.hpp"
#include "import/styles.hpp"
#include "import/word.hpp"

namespace bp::docx {

struct Relationship {
    std::string target;  // a part ("word/media/image1.png"), or the URL of an external target
    std::string type;    // the relationship type's last word: "image", "hyperlink", "chart" ...
    bool external = false;
};
using Relationships = std::map<std::string, Relationship, std::less<>>;

// Reads a .rels part; targets are resolved against `source_part`.
Relationships read_relationships(pugi::xml_node root, const std::string& source_part);

struct ReadContext {
    const Styles& styles;
    WordNumbering& numbering;
    const Relationships& rels;  // the main part's
    pugi::xml_node footnotes;   // <w:footnotes>, may be empty
    pugi::xml_node endnotes;
    pugi::xml_node comments;
    Places& places;
    Findings& findings;
};

WordDocument read_document(pugi::xml_node body, ReadContext& ctx);

}  // namespace bp::docx
