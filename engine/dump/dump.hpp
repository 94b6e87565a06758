// dump: page boxes -> stable text, for golden tests and for looking at a
// layout without a PDF viewer. Numbers are printed in points with three
// decimals, in the classic format, so the text is identical on every machine.
#pragma once
#include <string>

#include "core/boxes.hpp"

namespace bp {

std::string dump_page(const PageBox& page, int number);
std::string dump_pack(const PackBox& pack);

}  // namespace bp
