// Page content streams as bytes, with no libharu in sight: pdf.cpp hands
// each page's operators to libharu ready-made, because building them through
// libharu's page calls costs a call (and a float round trip) per operator.
// Also the ToUnicode CMap text, which libharu 2.3.0 writes wrongly.
#pragma once
#include <bitset>
#include <string>
#include <vector>

#include "core/boxes.hpp"

namespace bp::pdf {

// The UCS-2 codes drawn with one face: the glyphs to keep in its subset and
// the entries of its ToUnicode CMap.
using CodeSet = std::bitset<0x10000>;

// Resource names (without the slash) a page's content refers to.
struct PageNames {
    std::vector<std::string> fonts;   // by FaceId; empty for faces the page does not use
    std::vector<std::string> images;  // by index among the page's ImageBox items
};

// Appends the operators that draw `page`, item by item in reading order, to
// `out`. Each run of items with the same mark is one marked-content sequence:
// "/P <</MCID n>> BDC ... EMC" for content, "/Artifact <<...>> BDC ... EMC"
// for artifacts. mcids[n] receives the structure element of MCID n; every
// code drawn is marked in used[face] (one entry per face). An item without a
// mark is a bug of the stages before: std::logic_error. With an empty `tree`
// nothing is marked (the untagged PDF that tagging's cost is measured
// against). Identical input gives identical bytes.
void build_page_content(const PageBox& page, const StructTree& tree, const PageNames& names,
                        std::string& out, std::vector<CodeSet>& used, std::vector<StructId>& mcids);

// Millipoints as a PDF number in points: 595276 -> "595.276", -500 -> "-0.5".
void append_number(std::string& out, Mpt mpt);

// UTF-8 to the 2-byte codes of an Identity-H font whose CIDs are Unicode.
// Malformed bytes and code points beyond U+FFFF become U+FFFD.
std::u16string utf8_to_codes(const std::string& utf8);

// A ToUnicode CMap (CMapType 2) mapping each code in `codes` to itself, in
// bfchar blocks of at most 100 entries as the CMap syntax requires.
std::string to_unicode_cmap(const CodeSet& codes);

}  // namespace bp::pdf
