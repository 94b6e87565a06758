#include "html/markup.hpp"

namespace bp::html {

namespace {
// Appends s with each character of `special` replaced by its entity; runs
// between them are copied at once (a paper's text passes through here).
template <std::size_t N>
void append_escaped(std::string& out, std::string_view s, const char (&special)[N]) {
    std::size_t at = 0;
    while (at < s.size()) {
        const std::size_t stop = s.find_first_of(std::string_view(special, N - 1), at);
        out.append(s.data() + at, (stop == std::string_view::npos ? s.size() : stop) - at);
        if (stop == std::string_view::npos) return;
        switch (s[stop]) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            default: out += "&quot;"; break;
        }
        at = stop + 1;
    }
}
}  // namespace

void append_text(std::string& out, std::string_view s) { append_escaped(out, s, "&<>"); }

void append_attr(std::string& out, std::string_view s) { append_escaped(out, s, "&<>\""); }

std::string url_path(std::string_view path) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : path) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                           c == '_' || c == '.' || c == '~' || c == '/';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

}  // namespace bp::html
