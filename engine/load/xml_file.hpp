// One XML file read into our own buffer and parsed by pugixml, with the
// checks pugixml does not make (UTF-8, undefined entities, a second root
// element, text outside the root) and its syntax errors reworded for people.
// Internal to load/.
#pragma once
#include <pugixml.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag.hpp"
#include "core/source.hpp"

namespace bp::load {

struct SourceText {
    FilePath path;      // as given; shared by every SourceLoc in the file
    std::string bytes;  // the file, unchanged: pugixml offsets index it
    std::vector<std::size_t> line_starts;

    void index_lines();
    // 1-based line and column of a byte offset. The column counts characters
    // (code points), as XML and editors do, not bytes: "£" before an error
    // moves it one column, not two. A BOM is not counted.
    SourceLoc at(std::size_t offset) const;
    SourceLoc file_only() const { return SourceLoc{path, 0, 0}; }

private:
    // The last place at() counted to: a file of one long line (100,000
    // misplaced rows) is counted once from its start, not once per error.
    // A file is read on one thread, so this needs no lock.
    mutable std::size_t counted_line_ = 0, counted_offset_ = 0, counted_chars_ = 0;
};

struct XmlFile {
    SourceText src;
    pugi::xml_document doc;
    pugi::xml_node root;
};

// Reads and parses `path` into `out`. Returns false, after reporting, when
// the file cannot be used at all (missing, not UTF-8, not well-formed XML).
// Problems that leave the tree usable (undefined entities, text after the
// root) are reported and true is returned. `root_hint` ends the message for
// an empty file: "a paper starts with <report version=\"1\">, ...".
bool open_xml(const std::string& path, std::string_view root_hint, XmlFile& out, Diagnostics& diags);

// The same for text already in out.src.path and out.src.bytes (standard input).
bool parse_xml(std::string_view root_hint, XmlFile& out, Diagnostics& diags);

// The name of the first element of the file, "" if none can be found.
// Cheap: reads only the start of the file, no parsing beyond that.
std::string sniff_root_name(const std::string& path);
std::string first_element_name(std::string_view text);

}  // namespace bp::load
