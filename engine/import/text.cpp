#include "import/text.hpp"

#include <vector>

#include "import/findings.hpp"

namespace bp::docx {

namespace {

void put_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// The code point at `at`, and its length; length 0 for a byte that does not
// start a well-formed sequence.
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t at) {
    const auto b = static_cast<unsigned char>(s[at]);
    if (b < 0x80) return {b, 1};
    // 0xC0, 0xC1 and 0xF5 to 0xFF start no sequence.
    std::size_t len = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0;
    if (len == 0 || at + len > s.size()) return {0, 0};
    char32_t c = len == 2 ? b & 0x1F : len == 3 ? b & 0x0F : b & 0x07;
    for (std::size_t i = 1; i < len; ++i) {
        const auto k = static_cast<unsigned char>(s[at + i]);
        if ((k & 0xC0) != 0x80) return {0, 0};
        c = (c << 6) | (k & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) || (c >= 0xD800 && c <= 0xDFFF))
        return {0, 0};
    return {c, len};
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0; }

}  // namespace

std::string clean_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        auto [c, len] = decode(s, i);
        if (len == 0) {
            put_utf8(out, 0xFFFD);
            ++i;
            continue;
        }
        i += len;
        if (c == '\t') out += '\t';
        else if (c == '\n' || c == '\r') out += ' ';
        else if (c < 0x20 || c == 0xFFFE || c == 0xFFFF || (c >= 0x7F && c < 0xA0)) continue;
        // Symbol fonts' private-use bullets, typed straight into the text.
        else if (c == 0xF0B7 || c == 0xF0A7) put_utf8(out, 0x2022);
        else out.append(s.substr(i - len, len));
    }
    return out;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string squeeze(std::string_view s) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < s.size();) {
        auto [c, len] = decode(s, i);
        if (len == 0) len = 1;
        if (is_space(c)) {
            space = !out.empty();
        } else {
            if (space) out += ' ';
            space = false;
            out.append(s.substr(i, len));
        }
        i += len;
    }
    return out;
}

std::string first_words(const std::string& text, int words) {
    const std::string s = squeeze(text);
    std::size_t end = 0;
    int count = 0;
    while (end < s.size() && count < words) {
        std::size_t next = s.find(' ', end);
        if (next == std::string::npos) next = s.size();
        if (next > 48 && count > 0) break;
        end = next;
        ++count;
        if (end < s.size()) ++end;
    }
    std::string out = s.substr(0, end);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (out.size() > 48) {
        std::size_t cut = 48;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out.resize(cut);
    }
    if (out.size() < s.size()) out += "\u2026";
    return out;
}

std::optional<Date> parse_written_date(std::string_view text, bool* ordinal) {
    static const char* const kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                          "july",    "august",   "september", "october", "november", "december"};
    const std::string s = ascii_lower(squeeze(text));
    // Split into words of letters and of digits; punctuation separates.
    std::vector<std::string> words;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) words.push_back(cur);
        cur.clear();
    };
    for (char c : s) {
        const bool digit = c >= '0' && c <= '9', letter = c >= 'a' && c <= 'z';
        if (!digit && !letter) {
            flush();
            continue;
        }
        if (!cur.empty() && ((cur.back() >= '0' && cur.back() <= '9') != digit)) {
            // "17th": digits then letters stay together as one word.
            if (!(letter && cur.back() >= '0' && cur.back() <= '9')) flush();
        }
        cur += c;
    }
    flush();
    if (words.empty() || words.size() > 6) return std::nullopt;
    auto month_of = [&](const std::string& w) -> int {
        if (w.size() < 3) return 0;
        for (int m = 0; m < 12; ++m)
            if (std::string_view(kMonths[m]).starts_with(w) && (w.size() >= 3)) return m + 1;
        return 0;
    };
    auto number = [](const std::string& w, std::size_t digits_max) -> int {
        std::size_t i = 0;
        int v = 0;
        while (i < w.size() && w[i] >= '0' && w[i] <= '9' && i < digits_max) v = v * 10 + (w[i++] - '0');
        return i == 0 ? -1 : v;
    };
    static const char* const kWeekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    std::vector<std::string> rest;
    for (const std::string& w : words) {
        bool weekday = false;
        for (const char* d : kWeekdays) weekday = weekday || (w.size() >= 3 && std::string_view(d).starts_with(w));
        if (!weekday) rest.push_back(w);
    }
    Date d;
    bool suffix = false;
    if (rest.size() == 3 && month_of(rest[1]) > 0) {
        // 17 September 2015, 17th September 2015
        const std::string& day = rest[0];
        const int v = number(day, 2);
        std::string tail = day.substr(day.find_first_not_of("0123456789") == std::string::npos ? day.size()
                                                                                             : day.find_first_not_of("0123456789"));
        if (v < 1 || (!tail.empty() && tail != "st" && tail != "nd" && tail != "rd" && tail != "th")) return std::nullopt;
        suffix = !tail.empty();
        d.day = v;
        d.month = month_of(rest[1]);
        d.year = number(rest[2], 4);
        if (rest[2].size() != 4) return std::nullopt;
    } else if (rest.size() == 3 && month_of(rest[0]) > 0) {
        // September 17, 2015
        d.month = month_of(rest[0]);
        d.day = number(rest[1], 2);
        d.year = number(rest[2], 4);
        if (rest[2].size() != 4 || d.day < 1) return std::nullopt;
    } else if (rest.size() == 3 && rest[0].size() == 4) {
        // 2015-09-17
        d.year = number(rest[0], 4);
        d.month = number(rest[1], 2);
        d.day = number(rest[2], 2);
        if (rest[1].size() > 2 || rest[2].size() > 2) return std::nullopt;
    } else if (rest.size() == 3 && rest[2].size() == 4) {
        // 17/09/2015, as written in Britain
        d.day = number(rest[0], 2);
        d.month = number(rest[1], 2);
        d.year = number(rest[2], 4);
        if (rest[0].size() > 2 || rest[1].size() > 2) return std::nullopt;
    } else {
        return std::nullopt;
    }
    static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.year < 1900 || d.year > 2200 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > kDays[d.month - 1])
        return std::nullopt;
    const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    if (d.month == 2 && d.day == 29 && !leap) return std::nullopt;
    if (ordinal) *ordinal = suffix;
    return d;
}

}  // namespace bp::docx
