// Private to html/: escaping, the page shell and the fill-in of wording.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bp::html {

// Text as HTML content: & < > escaped.
void append_text(std::string& out, std::string_view s);
// Text as an attribute value between double quotes: & < > " escaped.
void append_attr(std::string& out, std::string_view s);
inline std::string attr(std::string_view s) {
    std::string out;
    append_attr(out, s);
    return out;
}
inline std::string text(std::string_view s) {
    std::string out;
    append_text(out, s);
    return out;
}

// `pattern` with each {key} replaced by its value.
std::string fill(std::string_view pattern, const std::vector<std::pair<std::string_view, std::string>>& values);

// A file name's part a URL may hold as it is, or percent-escaped.
std::string url_path(std::string_view path);

}  // namespace bp::html
