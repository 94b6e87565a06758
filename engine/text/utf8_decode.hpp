// Private to text/: the UTF-8 decoder shared by the public helpers and the
// width loop, inline because measure() runs it for every character of a pack.
#pragma once
#include <cstddef>
#include <string_view>

namespace bp::utf8 {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at s[i] (i < s.size()). On success stores it in cp,
// moves i past it and returns true. A malformed, overlong, surrogate or
// truncated sequence returns false and leaves i alone.
inline bool decode(std::string_view s, std::size_t& i, char32_t& cp) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        cp = lead;
        ++i;
        return true;
    }
    std::size_t length = 0;
    char32_t smallest = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, smallest = 0x80, cp = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, smallest = 0x800, cp = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, smallest = 0x10000, cp = lead & 0x07u;
    } else {
        return false;  // continuation byte, C0/C1 (always overlong) or F5..FF
    }
    if (s.size() - i < length) return false;
    for (std::size_t k = 1; k < length; ++k) {
        const unsigned char next = byte(i + k);
        if ((next & 0xC0u) != 0x80u) return false;
        cp = (cp << 6) | (next & 0x3Fu);
    }
    if (cp < smallest || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += length;
    return true;
}

// Decodes like decode(), but turns a bad byte into U+FFFD and steps over it,
// so one bad byte costs one replacement character.
inline char32_t decode_or_replace(std::string_view s, std::size_t& i) {
    char32_t cp = 0;
    if (decode(s, i, cp)) return cp;
    ++i;
    return kReplacement;
}

}  // namespace bp::utf8
