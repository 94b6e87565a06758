// text: fonts and words. In: TrueType files, UTF-8 strings. Out: advance
// widths in millipoints, glyph coverage, line-break opportunities, dates.
// Metrics are read with libharu's own TrueType loader into the engine's
// tables, so the widths layout measures are exactly the widths pdf/ writes.
// Sole ICU user. Never draws anything.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/boxes.hpp"
#include "core/diag.hpp"
#include "core/model.hpp"
#include "core/units.hpp"

namespace bp {

struct FaceMetrics {
    int ascent = 0;      // 1/1000 em, positive
    int descent = 0;     // 1/1000 em, negative
    int cap_height = 0;  // 1/1000 em
    // From the post table, 1/1000 em: the top edge of the underline
    // (negative: below the baseline) and its thickness.
    int underline_position = 0, underline_thickness = 0;
};

// The faces of one build. FaceIds are indexes in load order. Once loaded, the
// table is read-only: its const members may be called from several threads.
class FontTable {
public:
    FontTable();
    ~FontTable();
    FontTable(const FontTable&) = delete;
    FontTable& operator=(const FontTable&) = delete;

    // Loads a TrueType file; the same path twice gives the same id. On
    // failure returns false and sets *error to a sentence for the user.
    bool add_face(const std::string& path, FaceId* id, std::string* error);

    const std::vector<FontFace>& faces() const;
    const FaceMetrics& metrics(FaceId face) const;
    // The family the face belongs to, as the font names it ("Liberation
    // Sans"); empty if it names none.
    const std::string& family(FaceId face) const;

    // Advance width of one code point in 1/1000 em (libharu's /W integers;
    // a code point above U+FFFF measures as the space libharu draws for it).
    int advance(FaceId face, char32_t cp) const;
    bool has_glyph(FaceId face, char32_t cp) const;

    // Width of UTF-8 text at `size`: sum of advances * size / 1000, exact.
    Mpt measure(FaceId face, std::string_view utf8, Mpt size) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Decodes one code point from UTF-8 at s[i], advancing i; U+FFFD on bad bytes.
char32_t next_code_point(std::string_view s, std::size_t& i);
void append_utf8(std::string& out, char32_t cp);
bool is_valid_utf8(std::string_view s);

// Replaces code points a face cannot draw with a close equivalent the face
// has (U+2011 -> U+2010, U+00A0 -> space is NOT done: nbsp is kept), or with
// '?' as a last resort. Returns how many were replaced with '?'.
std::size_t make_drawable(const FontTable& fonts, FaceId face, std::string& utf8);
// Whether make_drawable keeps `cp` in `face` as something other than '?'.
bool can_draw(const FontTable& fonts, FaceId face, char32_t cp);

// Reports, once per file and character (with how often it occurs), each
// character of the text that a face of `fonts` cannot draw, located at its
// first occurrence in the source: rule unprintable-character.
void report_unprintable(const Paper& paper, const FontTable& fonts, Diagnostics& diags);
void report_unprintable(const PackManifest& manifest, const FontTable& fonts, Diagnostics& diags);
// The manifest and each of its papers, each file once.
void report_unprintable(const PackDocument& pack, const FontTable& fonts, Diagnostics& diags);

// A place where a line may end: after byte `offset` (exclusive end of the
// segment). `hard` for a mandatory break (U+000A, U+2028).
struct BreakPoint {
    std::uint32_t offset = 0;
    bool hard = false;
};

// UAX #14 line-break opportunities of UTF-8 text (ICU), with the breaks ICU
// allows that a typesetter of English must not take removed: none inside
// "2015–16" or "10 - 17"-style number ranges written without spaces, none
// beside a non-breaking space; none after the "/" of "2015/16" either. The
// last entry is always text.size() (no entries for empty text).
class LineBreaker {
public:
    explicit LineBreaker(const std::string& locale = "en_GB");
    ~LineBreaker();
    LineBreaker(const LineBreaker&) = delete;
    LineBreaker& operator=(const LineBreaker&) = delete;

    void breaks(std::string_view utf8, std::vector<BreakPoint>& out);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Formats a date with an ICU pattern in a locale ("EEEE, d MMMM y",
// "en_GB" -> "Thursday, 17 September 2015"). With ordinal_days, the day
// number is written as an ordinal ("8th September 2016"). The date is taken
// in Europe/London time. Throws std::invalid_argument, with a sentence, for a
// pattern ICU rejects or a day the calendar does not have.
std::string format_date(const Date& date, const std::string& pattern, const std::string& locale,
                        bool ordinal_days);

// "2015-09-17T10:00:00+01:00": a date and time of day in London as RFC 3339
// writes it, with the offset London had then. Throws std::invalid_argument
// for a day the calendar does not have.
std::string iso_date_time(const Date& date, const Time& time);

// Whether format_date accepts `pattern`; if not, *error says why. For
// checking a template before layout needs the pattern.
bool check_date_pattern(const std::string& pattern, const std::string& locale, std::string* error);

// Upper-cases UTF-8 text in the locale (ICU full case mapping).
std::string to_upper(std::string_view utf8, const std::string& locale);

}  // namespace bp
