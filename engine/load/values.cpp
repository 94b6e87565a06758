#include "load/values.hpp"

#include <algorithm>
#include <charconv>

namespace bp::load {

namespace {

constexpr const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!is_digit(c)) return false;
    return true;
}

int digits_value(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

int days_in_month(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// "12", "1.5", ".5": plain decimal, no sign or exponent (strtod would accept
// "1e3", "inf" and locale commas).
std::optional<double> decimal(std::string_view s) {
    if (s.empty() || s.size() > 20) return std::nullopt;
    double whole = 0, frac = 0, scale = 1;
    bool dot = false, any = false;
    for (char c : s) {
        if (c == '.') {
            if (dot) return std::nullopt;
            dot = true;
        } else if (is_digit(c)) {
            any = true;
            if (dot) {
                scale /= 10;
                frac += (c - '0') * scale;
            } else {
                whole = whole * 10 + (c - '0');
            }
        } else {
            return std::nullopt;
        }
    }
    if (!any || s.back() == '.') return std::nullopt;
    return whole + frac;
}

// Locale-independent, shortest form ("0.5", "5").
std::string format_number(double v) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

}  // namespace

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string collapse_space(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (is_xml_space(c)) {
            space = !out.empty();
        } else {
            if (space) out += ' ';
            space = false;
            out += c;
        }
    }
    return out;
}

std::string tag(std::string_view name) {
    std::string s;
    s.reserve(name.size() + 2);
    s += '<';
    s += name;
    s += '>';
    return s;
}

std::string quoted(std::string_view value) {
    std::string s(1, '"');
    s += quote_value(value);
    s += '"';
    return s;
}

std::string quote_value(std::string_view s) {
    std::string out;
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (n >= 40 && (c & 0xC0) != 0x80) {
            out += "...";
            break;
        }
        out += c < 0x20 ? ' ' : static_cast<char>(c);
        if ((c & 0xC0) != 0x80) ++n;
    }
    return out;
}

std::optional<Date> parse_date(std::string_view s, std::string& why) {
    why = "write dates as YYYY-MM-DD, e.g. 2015-09-17";
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    std::string_view ys = s.substr(0, 4), ms = s.substr(5, 2), ds = s.substr(8, 2);
    if (!all_digits(ys) || !all_digits(ms) || !all_digits(ds)) return std::nullopt;
    Date d{digits_value(ys), digits_value(ms), digits_value(ds)};
    if (d.year < 1) {
        why = "there is no year 0000";
        return std::nullopt;
    }
    if (d.month < 1 || d.month > 12) {
        why = "there is no month " + std::string(ms) + "; write dates as YYYY-MM-DD, e.g. 2015-09-17";
        return std::nullopt;
    }
    int last = days_in_month(d.year, d.month);
    if (d.day < 1 || d.day > last) {
        why = std::string("that is not a real date: ") + kMonthNames[d.month - 1] + ' ' + std::string(ys) +
              " has " + std::to_string(last) + " days";
        return std::nullopt;
    }
    why.clear();
    return d;
}

std::optional<Time> parse_time(std::string_view s, std::string& why) {
    why = "write times as HH:MM on the 24-hour clock, e.g. 10:00 or 14:30";
    if (s.size() != 5 || s[2] != ':') return std::nullopt;
    std::string_view hs = s.substr(0, 2), ms = s.substr(3, 2);
    if (!all_digits(hs) || !all_digits(ms)) return std::nullopt;
    Time t{digits_value(hs), digits_value(ms)};
    if (t.hour > 23 || t.minute > 59) {
        why = "that is not a time of day; " + why;
        return std::nullopt;
    }
    why.clear();
    return t;
}

std::optional<Mpt> parse_length(std::string_view s, std::string& why) {
    why = "write a length with its unit, e.g. 11pt, 20mm, 1.5cm or 0.5in";
    if (s.size() < 3) return std::nullopt;
    std::string_view unit = s.substr(s.size() - 2);
    std::optional<double> v = decimal(s.substr(0, s.size() - 2));
    if (!v) return std::nullopt;
    double points;
    if (unit == "pt")
        points = *v;
    else if (unit == "mm")
        points = *v * 72.0 / 25.4;
    else if (unit == "cm")
        points = *v * 720.0 / 25.4;
    else if (unit == "in")
        points = *v * 72.0;
    else
        return std::nullopt;
    if (points > 14400) {  // 200 inches: more than any page
        why = "that is longer than any page";
        return std::nullopt;
    }
    why.clear();
    return pt(points);
}

std::optional<Color> parse_color(std::string_view s, std::string& why) {
    why = "write colours as # and six hex digits, e.g. #d9d9d9";
    if (s.size() != 7 || s[0] != '#') return std::nullopt;
    int v[6];
    for (int i = 0; i < 6; ++i) {
        v[i] = hex_digit(s[static_cast<std::size_t>(i) + 1]);
        if (v[i] < 0) return std::nullopt;
    }
    why.clear();
    return Color{static_cast<std::uint8_t>(v[0] * 16 + v[1]), static_cast<std::uint8_t>(v[2] * 16 + v[3]),
                 static_cast<std::uint8_t>(v[4] * 16 + v[5])};
}

std::optional<bool> parse_bool(std::string_view s, std::string& why) {
    why.clear();
    if (s == "true") return true;
    if (s == "false") return false;
    why = "write true or false";
    return std::nullopt;
}

std::optional<int> parse_int(std::string_view s, int lo, int hi, std::string& why) {
    why = "use a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
    if (!all_digits(s)) return std::nullopt;
    std::size_t i = 0;
    while (i + 1 < s.size() && s[i] == '0') ++i;
    if (s.size() - i > 9) return std::nullopt;
    int v = digits_value(s.substr(i));
    if (v < lo || v > hi) return std::nullopt;
    why.clear();
    return v;
}

std::optional<double> parse_number(std::string_view s, double lo, double hi, std::string& why) {
    why = "use a number from " + format_number(lo) + " to " + format_number(hi);
    std::optional<double> v = decimal(s);
    if (!v || *v < lo || *v > hi) return std::nullopt;
    why.clear();
    return v;
}

std::vector<std::string_view> split_space(std::string_view s) {
    std::vector<std::string_view> tokens;
    std::size_t i = 0;
    while (i < s.size()) {
        if (is_xml_space(s[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && !is_xml_space(s[j])) ++j;
        tokens.push_back(s.substr(i, j - i));
        i = j;
    }
    return tokens;
}

std::optional<std::vector<TableColumn>> parse_widths(std::string_view s, std::string& why) {
    std::vector<TableColumn> cols;
    for (std::string_view tok : split_space(s)) {
        TableColumn col;
        if (tok == "auto") {
            col.kind = TableColumn::Kind::Auto;
        } else if (tok.back() == '*') {
            col.kind = TableColumn::Kind::Proportional;
            std::string_view n = tok.substr(0, tok.size() - 1);
            if (!n.empty()) {
                std::string ignored;
                std::optional<int> w = parse_int(n, 1, 1000, ignored);
                if (!w) {
                    why = quoted(tok) + " is not a share of the width: write a whole number and *, e.g. 2*";
                    return std::nullopt;
                }
                col.weight = *w;
            }
        } else {
            std::string ignored;
            std::optional<Mpt> len = parse_length(tok, ignored);
            if (!len) {
                why = quoted(tok) + " is not a column width: use a share such as 2*, a length such as 40mm, or auto";
                return std::nullopt;
            }
            col.kind = TableColumn::Kind::Fixed;
            col.fixed = *len;
        }
        if (cols.size() >= 1000) {
            why = "a table has at most 1000 columns";
            return std::nullopt;
        }
        cols.push_back(col);
    }
    why.clear();
    return cols;
}

std::optional<Statuses> parse_statuses(std::string_view s, std::string& why) {
    static constexpr std::string_view kLetters[] = {"R", "A", "G"};
    static constexpr std::string_view kWords[] = {"Red", "Amber", "Green"};
    static constexpr Rag kRags[] = {Rag::Red, Rag::Amber, Rag::Green};
    const std::string kHow = "write R, A or G, or Red, Amber or Green; several separated by spaces, e.g. G A";
    Statuses out;
    bool letters = false;
    for (std::string_view tok : split_space(s)) {
        std::optional<std::size_t> k;
        for (std::size_t n = 0; n < 3; ++n) {
            if (tok == kLetters[n]) {
                k = n;
                letters = true;
            } else if (tok == kWords[n]) {
                k = n;
                out.words = true;
            }
        }
        if (!k) {
            why = quoted(tok) + " is not a status: " + kHow;
            return std::nullopt;
        }
        if (std::ranges::find(out.values, kRags[*k]) != out.values.end()) {
            why = quoted(tok) + " is given twice; name each status once";
            return std::nullopt;
        }
        out.values.push_back(kRags[*k]);
    }
    if (out.values.empty()) {
        why = "no status is given: " + kHow;
        return std::nullopt;
    }
    if (letters && out.words) {
        why = "letters and words are mixed; write letters (G A) or words (Green Amber)";
        return std::nullopt;
    }
    return out;
}

}  // namespace bp::load
