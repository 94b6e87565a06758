// The shaped paper as XML, in the form docs/formats.md gives and the
// samples use: two spaces an indent, one block a line, attributes in a fixed
// order, so that one Word file always gives the same bytes. Records the line
// each place was written at, for the messages. Internal to import/.
#pragma once
#include <cstdint>
#include <map>
#include <string>

#include "import/shape.hpp"

namespace bp::docx {

struct WrittenXml {
    std::string text;
    // The line and column of the element written for each place.
    std::map<int, std::pair<std::uint32_t, std::uint32_t>> places;
    // The lines of the header's elements: "board", "date", "title", "header".
    std::map<std::string, std::uint32_t> header;
};

WrittenXml write_paper(const ShapedPaper& paper);

}  // namespace bp::docx
