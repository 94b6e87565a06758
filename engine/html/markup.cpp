#include "html/markup.hpp"

namespace bp::html {

void append_text(std::string& out, std::string_view s) {
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            default: out += c;
        }
    }
}

void append_attr(std::string& out, std::string_view s) {
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
}

std::string fill(std::string_view pattern, const std::vector<std::pair<std::string_view, std::string>>& values) {
    std::string out;
    std::size_t at = 0;
    while (at < pattern.size()) {
        bool filled = false;
        if (pattern[at] == '{')
            for (const auto& [key, value] : values)
                if (pattern.substr(at, key.size()) == key) {
                    out += value;
                    at += key.size();
                    filled = true;
                    break;
                }
        if (!filled) out += pattern[at++];
    }
    return out;
}

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
