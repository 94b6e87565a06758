// Attribute and text values of the XML formats: dates, times, lengths,
// colours, numbers. Pure functions, no XML: each returns the value, or
// nullopt with `why` set to the officer-facing tail of the message ("write
// dates as YYYY-MM-DD, e.g. 2015-09-17").
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/units.hpp"

namespace bp::load {

std::optional<Date> parse_date(std::string_view s, std::string& why);
std::optional<Time> parse_time(std::string_view s, std::string& why);
// "11pt", "20mm", "1.5cm", "0.5in"; never negative.
std::optional<Mpt> parse_length(std::string_view s, std::string& why);
// "#rrggbb"
std::optional<Color> parse_color(std::string_view s, std::string& why);
std::optional<bool> parse_bool(std::string_view s, std::string& why);
// A whole number in [lo, hi], digits only.
std::optional<int> parse_int(std::string_view s, int lo, int hi, std::string& why);
// A positive decimal number ("1.35") in [lo, hi].
std::optional<double> parse_number(std::string_view s, double lo, double hi, std::string& why);
// The tokens of a list value, between runs of XML whitespace (an XML
// Schema list type): "3*  40mm\tauto" -> 3*, 40mm, auto. They view `s`.
std::vector<std::string_view> split_space(std::string_view s);
// Table widths: "3* 2* 40mm auto".
std::optional<std::vector<TableColumn>> parse_widths(std::string_view s, std::string& why);
// A status cell's values: "G", "G A", "Green Amber"; letters or words, not
// both, each once.
struct Statuses {
    std::vector<Rag> values;
    bool words = false;
};
std::optional<Statuses> parse_statuses(std::string_view s, std::string& why);

// XML whitespace: space, tab, CR, LF.
bool is_xml_space(char c);
// Runs of XML whitespace become one space; leading and trailing removed.
std::string collapse_space(std::string_view s);
// "<name>" and "\"value\"" for messages. Built by appending: GCC 12 warns
// falsely (-Wrestrict) on "<" + std::string(...).
std::string tag(std::string_view name);
std::string quoted(std::string_view value);  // quote_value, in double quotes
// A value as quoted in a message: control characters blanked, long values cut.
std::string quote_value(std::string_view s);

}  // namespace bp::load
