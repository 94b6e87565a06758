// Text as the import needs it: made safe for XML and UTF-8, cut to its first
// words for naming places, and read as a date the way report headers write
// one. Internal to import/.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/model.hpp"

namespace bp::docx {

// `s` with bytes that are not UTF-8 replaced by U+FFFD and characters XML
// does not allow (control characters, U+FFFE, U+FFFF) dropped; a tab, a line
// feed and a carriage return are kept as a tab or a space.
std::string clean_text(std::string_view s);

// Lower case for ASCII letters.
std::string ascii_lower(std::string_view s);

// Whitespace (spaces, tabs, no-break spaces) trimmed from both ends and
// runs of it made one space.
std::string squeeze(std::string_view s);

// A date as a report header writes it: "17 September 2015", "17th
// SEPTEMBER 2015", "Thursday, 17 September 2015", "17/09/2015",
// "2015-09-17". `ordinal` is set when the day had a suffix ("17th").
std::optional<Date> parse_written_date(std::string_view s, bool* ordinal = nullptr);

}  // namespace bp::docx
