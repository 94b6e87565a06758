// Reading the XML parts of a .docx with pugixml. Element and attribute names
// are rewritten to the prefixes ECMA-376 uses (w:, r:, wp:, a:, pic:, v:,
// ...) whatever prefixes the file declared, Strict OOXML's namespaces are
// taken as Transitional's, and markup-compatibility choices
// (mc:AlternateContent) are settled, so the readers can match names as
// text. A part with a DOCTYPE is refused: OOXML has none, and entity
// declarations are how an XML file is made to expand without end.
// Internal to import/.
#pragma once
#include <pugixml.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace bp::docx {

// nullptr with `problem` (words that follow the part's name) when the part
// is not well-formed XML or declares a DOCTYPE.
std::unique_ptr<pugi::xml_document> parse_part(std::string bytes, std::string& problem);

// The attribute `name` of `n` ("" when absent).
inline std::string_view attr(pugi::xml_node n, const char* name) { return n.attribute(name).value(); }
// `n`'s w:val.
inline std::string_view val(pugi::xml_node n) { return n.attribute("w:val").value(); }
// An on/off property (<w:b/>, <w:b w:val="0"/>): nullopt when `n` is absent.
std::optional<bool> on_off(pugi::xml_node n);
// A whole number from text; nullopt when it is not one (or out of range).
std::optional<long long> to_int(std::string_view s);

}  // namespace bp::docx
