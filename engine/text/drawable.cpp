#include "text/text.hpp"
#include "text/utf8_decode.hpp"

namespace bp {
namespace {

// Look-alikes to try, in order, for code points a face may lack.
struct LookAlike {
    char32_t missing;
    char32_t first, second;  // 0: none
};
constexpr LookAlike kLookAlikes[] = {
    {0x2011, 0x2010, U'-'},  // non-breaking hyphen: Liberation has none
    {0x2010, U'-', 0},       // hyphen
    {0x2012, 0x2013, U'-'},  // figure dash
    {0x2015, 0x2014, U'-'},  // horizontal bar
    {0x2212, U'-', 0},       // minus sign
};

char32_t look_alike_for(const FontTable& fonts, FaceId face, char32_t cp) {
    for (const LookAlike& l : kLookAlikes) {
        if (l.missing != cp) continue;
        if (l.first && fonts.has_glyph(face, l.first)) return l.first;
        if (l.second && fonts.has_glyph(face, l.second)) return l.second;
    }
    return 0;
}

// Invisible format characters: without a glyph they are best left out.
bool is_invisible_format(char32_t cp) {
    return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064) ||
           (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF;
}

bool all_drawable(const FontTable& fonts, FaceId face, std::string_view utf8) {
    char32_t cp = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        if (!utf8::decode(utf8, i, cp) || !fonts.has_glyph(face, cp)) return false;
    }
    return true;
}

}  // namespace

bool can_draw(const FontTable& fonts, FaceId face, char32_t cp) {
    return fonts.has_glyph(face, cp) || look_alike_for(fonts, face, cp) != 0 || is_invisible_format(cp);
}

std::size_t make_drawable(const FontTable& fonts, FaceId face, std::string& utf8) {
    if (all_drawable(fonts, face, utf8)) return 0;  // the usual case: no copy
    std::string out;
    out.reserve(utf8.size());
    std::size_t questions = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const char32_t cp = utf8::decode_or_replace(utf8, i);
        if (fonts.has_glyph(face, cp)) {
            append_utf8(out, cp);
        } else if (const char32_t look_alike = look_alike_for(fonts, face, cp)) {
            append_utf8(out, look_alike);
        } else if (!is_invisible_format(cp)) {
            out.push_back('?');
            ++questions;
        }
    }
    utf8.swap(out);
    return questions;
}

}  // namespace bp
