#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "text/text.hpp"

namespace bp {

std::string to_upper(std::string_view utf8, const std::string& locale) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    text.toUpper(icu::Locale(locale.c_str()));
    std::string out;
    return text.toUTF8String(out);
}

}  // namespace bp
