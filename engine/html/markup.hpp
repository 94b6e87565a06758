// Private to html/: escaping and the page shell. Wording is filled in by
// realize's fill_wording, as for the PDF.
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

// A file name's part a URL may hold as it is, or percent-escaped.
std::string url_path(std::string_view path);

}  // namespace bp::html
