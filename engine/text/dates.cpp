#include <unicode/dtfmtsym.h>
#include <unicode/fpositer.h>
#include <unicode/gregocal.h>
#include <unicode/rbnf.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <cstdlib>
#include <cstdio>
#include <map>
#include <memory>
#include <tuple>
#include <stdexcept>
#include <vector>

#include "text/text.hpp"

namespace bp {
namespace {

void check(UErrorCode status, const std::string& what) {
    if (U_FAILURE(status)) throw std::invalid_argument(what + " (" + u_errorName(status) + ")");
}

std::string date_text(const Date& date) {
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
    return text;
}

// Meetings happen in the UK: the date is fixed in London time, at noon so no
// DST change or machine TZ can move it to another day.
UDate noon_in(const Date& date, const icu::TimeZone& zone) {
    UErrorCode status = U_ZERO_ERROR;
    icu::GregorianCalendar calendar(zone, status);
    check(status, "ICU cannot create a calendar");
    calendar.setLenient(false);  // 2015-02-30 is an error, not 2 March
    calendar.clear();
    calendar.set(date.year, date.month - 1, date.day, 12, 0, 0);
    const UDate when = calendar.getTime(status);
    check(status, "not a calendar date: " + date_text(date));
    return when;
}

// ICU silently skips letters it does not know and an unclosed quote, so a
// typo in a template would vanish from the page instead of being reported.
std::string pattern_problem(const icu::UnicodeString& pattern) {
    const icu::UnicodeString field_letters(icu::DateFormatSymbols::getPatternUChars());
    bool quoted = false;
    for (int32_t i = 0; i < pattern.length(); ++i) {
        const char16_t c = pattern[i];
        if (c == u'\'') {
            quoted = !quoted;  // "''" toggles twice: a literal quote
        } else if (!quoted && ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')) &&
                   field_letters.indexOf(c) < 0) {
            return std::string("'") + static_cast<char>(c) +
                   "' is not a date field letter; put literal text in quotes";
        }
    }
    return quoted ? "a quote (') is not closed" : "";
}

icu::UnicodeString ordinal(int day, const icu::Locale& locale) {
    UErrorCode status = U_ZERO_ERROR;
    icu::RuleBasedNumberFormat ordinals(icu::URBNF_ORDINAL, locale, status);
    check(status, "ICU has no ordinal numbers for this locale");
    icu::UnicodeString text;
    ordinals.format(static_cast<int32_t>(day), text);
    return text;
}

// Replaces every day-of-month field of `text` with `replacement`; splicing at
// ICU's own field positions keeps the pattern's quoting out of the way.
void replace_day_fields(icu::UnicodeString& text, icu::FieldPositionIterator& fields,
                        const icu::UnicodeString& replacement) {
    std::vector<icu::FieldPosition> days;
    for (icu::FieldPosition field; fields.next(field);) {
        if (field.getField() == UDAT_DATE_FIELD) days.push_back(field);
    }
    std::sort(days.begin(), days.end(),
              [](const auto& a, const auto& b) { return a.getBeginIndex() > b.getBeginIndex(); });
    for (const icu::FieldPosition& day : days) {
        text.replace(day.getBeginIndex(), day.getEndIndex() - day.getBeginIndex(), replacement);
    }
}

}  // namespace

namespace {

std::string format_date_uncached(const Date& date, const std::string& pattern, const std::string& locale,
                                 bool ordinal_days) {
    const icu::Locale where(locale.c_str());
    const std::unique_ptr<icu::TimeZone> london(icu::TimeZone::createTimeZone("Europe/London"));
    const UDate when = noon_in(date, *london);

    const icu::UnicodeString icu_pattern = icu::UnicodeString::fromUTF8(pattern);
    const std::string bad_pattern = "invalid date pattern \"" + pattern + "\"";
    if (const std::string problem = pattern_problem(icu_pattern); !problem.empty())
        throw std::invalid_argument(bad_pattern + ": " + problem);
    UErrorCode status = U_ZERO_ERROR;
    icu::SimpleDateFormat format(icu_pattern, where, status);
    check(status, bad_pattern);
    format.setTimeZone(*london);
    icu::UnicodeString text;
    icu::FieldPositionIterator fields;
    format.format(when, text, &fields, status);
    check(status, bad_pattern);

    if (ordinal_days) replace_day_fields(text, fields, ordinal(date.day, where));
    std::string out;
    return text.toUTF8String(out);
}

}  // namespace

std::string format_date(const Date& date, const std::string& pattern, const std::string& locale,
                        bool ordinal_days) {
    // A pack prints the same few dates on every paper; an ICU formatter and
    // time zone cost more than the rest of a header, so each thread keeps
    // what it has formatted. Rejected patterns throw and are not kept.
    using Key = std::tuple<int, int, int, std::string, std::string, bool>;
    thread_local std::map<Key, std::string> formatted;
    Key key{date.year, date.month, date.day, pattern, locale, ordinal_days};
    if (auto it = formatted.find(key); it != formatted.end()) return it->second;
    std::string text = format_date_uncached(date, pattern, locale, ordinal_days);
    if (formatted.size() < 256) formatted.emplace(std::move(key), text);
    return text;
}

std::string iso_date_time(const Date& date, const Time& time) {
    const std::unique_ptr<icu::TimeZone> london(icu::TimeZone::createTimeZone("Europe/London"));
    UErrorCode status = U_ZERO_ERROR;
    icu::GregorianCalendar calendar(*london, status);
    check(status, "ICU cannot create a calendar");
    calendar.setLenient(false);
    calendar.clear();
    calendar.set(date.year, date.month - 1, date.day, time.hour, time.minute, 0);
    calendar.getTime(status);  // resolves the fields, the zone's offset among them
    check(status, "not a calendar date and time: " + date_text(date));
    const int offset_ms = calendar.get(UCAL_ZONE_OFFSET, status) + calendar.get(UCAL_DST_OFFSET, status);
    check(status, "ICU cannot give London's offset on " + date_text(date));
    const int minutes = offset_ms / 60000;
    char text[40];
    std::snprintf(text, sizeof text, "%sT%02d:%02d:00%c%02d:%02d", date_text(date).c_str(), time.hour, time.minute,
                  minutes < 0 ? '-' : '+', std::abs(minutes) / 60, std::abs(minutes) % 60);
    return text;
}

bool check_date_pattern(const std::string& pattern, const std::string& locale, std::string* error) {
    try {
        format_date(Date{2015, 9, 17}, pattern, locale, true);
        return true;
    } catch (const std::invalid_argument& e) {
        if (error) *error = e.what();
        return false;
    }
}

}  // namespace bp
