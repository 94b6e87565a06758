// dump: page boxes -> stable text, for golden tests and for looking at a
// layout without a PDF viewer. Numbers are printed in points with three
// decimals, in the classic format, so the text is identical on every machine.
#pragma once
#include <string>

#include "core/boxes.hpp"

namespace bp {

// One line per item, in reading order, each with its mark: "[#12]" for
// content of structure element 12, "[artifact footer]" and the like.
std::string dump_page(const PageBox& page, int number);
// The structure tree, one element a line, indented by depth.
std::string dump_structure(const StructTree& tree);
std::string dump_pack(const PackBox& pack);

}  // namespace bp
