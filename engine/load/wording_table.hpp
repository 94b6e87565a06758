// The template's <wording>: one attribute for each of the words the engine
// writes itself on the front sheet and when it binds (core/template.hpp
// Wording), the placeholders each may use, and what it is for. The grammar (and so the XML Schema), the loader
// and docs/formats.md are written from this one table.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/template.hpp"

namespace bp::load {

struct WordingEntry {
    std::string_view attribute;                 // paragraph-number
    std::string Wording::*member;               // &Wording::paragraph_number
    std::vector<std::string_view> placeholders; // {n}
    std::string_view doc;                       // what it is, with its default
};

const std::vector<WordingEntry>& wording_entries();

}  // namespace bp::load
