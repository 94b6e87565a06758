#include <catch2/catch.hpp>

#include "text/text.hpp"

using namespace bp;

namespace {

std::vector<char32_t> decode_all(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) out.push_back(next_code_point(s, i));
    return out;
}

}  // namespace

TEST_CASE("text/utf8: decodes one to four byte sequences", "[text]") {
    CHECK(decode_all("a£–😀") == std::vector<char32_t>{U'a', 0xA3, 0x2013, 0x1F600});
    std::size_t i = 1;
    CHECK(next_code_point("a€b", i) == 0x20AC);
    CHECK(i == 4);
}

TEST_CASE("text/utf8: a malformed byte becomes U+FFFD and costs one byte", "[text]") {
    CHECK(decode_all("\x80z") == std::vector<char32_t>{0xFFFD, U'z'});       // lone continuation
    CHECK(decode_all("\xC3(") == std::vector<char32_t>{0xFFFD, U'('});       // missing continuation
    CHECK(decode_all("\xE2\x82") == std::vector<char32_t>{0xFFFD, 0xFFFD});  // truncated at the end
    CHECK(decode_all("\xC0\xAF") == std::vector<char32_t>{0xFFFD, 0xFFFD});  // overlong '/'
    CHECK(decode_all("\xED\xA0\x80") == std::vector<char32_t>(3, 0xFFFD));   // surrogate D800
    CHECK(decode_all("\xF4\x90\x80\x80") == std::vector<char32_t>(4, 0xFFFD));  // above U+10FFFF
    CHECK(decode_all("\xFF") == std::vector<char32_t>{0xFFFD});
}

TEST_CASE("text/utf8: append_utf8 round-trips and replaces what is not a scalar value", "[text]") {
    for (char32_t cp : {U'\0', U'A', char32_t(0x7F), char32_t(0x80), char32_t(0x7FF),
                        char32_t(0x800), char32_t(0xFFFF), char32_t(0x10000), char32_t(0x10FFFF)}) {
        std::string s;
        append_utf8(s, cp);
        std::size_t i = 0;
        CHECK(next_code_point(s, i) == cp);
        CHECK(i == s.size());
    }
    std::string bad;
    append_utf8(bad, 0xD800);
    append_utf8(bad, 0x110000);
    CHECK(bad == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("text/utf8: is_valid_utf8", "[text]") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("Board 2015–16: £1.2m → 😀"));
    CHECK(is_valid_utf8("\xEF\xBF\xBD"));  // a real U+FFFD is fine
    CHECK_FALSE(is_valid_utf8("abc\xC3"));
    CHECK_FALSE(is_valid_utf8("\xE0\x80\x80"));  // overlong NUL
    CHECK_FALSE(is_valid_utf8("\xED\xBF\xBF"));  // surrogate DFFF
}
