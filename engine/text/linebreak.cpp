#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <limits>
#include <stdexcept>

#include "text/text.hpp"
#include "text/utf8_decode.hpp"

namespace bp {
namespace {

bool is_hard_break(int32_t rule_status) {
    return rule_status >= UBRK_LINE_HARD && rule_status < UBRK_LINE_HARD_LIMIT;
}

bool is_no_break_space(char32_t cp) { return cp == 0x00A0 || cp == 0x202F; }

// Separators of a number range or fraction written without spaces.
bool is_range_separator(char32_t cp) {
    return cp == U'-' || cp == 0x2010 || cp == 0x2013 || cp == U'/';
}

bool is_digit(char32_t cp) { return u_isdigit(static_cast<UChar32>(cp)); }

// Offset where the code point ending at `end` starts (end > 0).
std::size_t start_of_code_point_before(std::string_view s, std::size_t end) {
    std::size_t start = end - 1;
    while (start > 0 && end - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0u) == 0x80u)
        --start;
    return start;
}

char32_t code_point_before(std::string_view s, std::size_t end) {
    std::size_t start = start_of_code_point_before(s, end);
    return utf8::decode_or_replace(s, start);
}

char32_t code_point_at(std::string_view s, std::size_t start) {
    return utf8::decode_or_replace(s, start);
}

// A soft break ICU allows at `offset` that English typesetting forbids:
// beside a no-break space, or after the dash of "2015–16".
bool is_forbidden_break(std::string_view text, std::size_t offset) {
    if (offset == 0 || offset >= text.size()) return false;
    const char32_t before = code_point_before(text, offset);
    const char32_t after = code_point_at(text, offset);
    if (is_no_break_space(before) || is_no_break_space(after)) return true;
    if (!is_range_separator(before) || !is_digit(after)) return false;
    const std::size_t separator = start_of_code_point_before(text, offset);
    return separator > 0 && is_digit(code_point_before(text, separator));
}

}  // namespace

struct LineBreaker::Impl {
    std::unique_ptr<icu::BreakIterator> iterator;
    UText* text = nullptr;  // reopened over each paragraph's bytes: no UTF-16 copy

    ~Impl() { utext_close(text); }
};

LineBreaker::LineBreaker(const std::string& locale) : impl_(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;  // en_GB answers with a warning, not an error
    impl_->iterator.reset(
        icu::BreakIterator::createLineInstance(icu::Locale(locale.c_str()), status));
    if (U_FAILURE(status) || !impl_->iterator)
        throw std::runtime_error("ICU cannot break lines for locale " + locale + ": " +
                                 u_errorName(status));
}

LineBreaker::~LineBreaker() = default;

void LineBreaker::breaks(std::string_view utf8, std::vector<BreakPoint>& out) {
    out.clear();
    if (utf8.empty()) return;
    if (utf8.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max()))
        throw std::length_error("paragraph too long to break into lines");
    UErrorCode status = U_ZERO_ERROR;
    impl_->text =
        utext_openUTF8(impl_->text, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    impl_->iterator->setText(impl_->text, status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("ICU line breaking failed: ") + u_errorName(status));

    icu::BreakIterator& iterator = *impl_->iterator;
    iterator.first();
    for (int32_t end = iterator.next(); end != icu::BreakIterator::DONE; end = iterator.next()) {
        const bool hard = is_hard_break(iterator.getRuleStatus());
        const auto offset = static_cast<std::size_t>(end);
        if (!hard && is_forbidden_break(utf8, offset)) continue;
        out.push_back({static_cast<std::uint32_t>(offset), hard});
    }
    if (out.empty() || out.back().offset != utf8.size())
        out.push_back({static_cast<std::uint32_t>(utf8.size()), false});
}

}  // namespace bp
