// Private to text/: a structural check of a TrueType file before libharu
// parses it. libharu 2.3.0 trusts the tables it reads (a short text file
// renamed .ttf crashes it; a truncated font fails without any error), so a
// font must pass this check before it gets near libharu.
#pragma once
#include <string>

namespace bp {

// Values libharu's loader does not keep, read from the file itself.
struct TrueTypeFacts {
    int units_per_em = 0;
    int underline_position = 0;   // post table, font units: top of the underline
    int underline_thickness = 0;  // post table, font units
    std::string family;           // name table: the family's name ("Liberation Sans")
};

// Reads `path` and checks that every table libharu reads lies inside the file
// and is consistent. On failure returns false and sets *problem to the end of
// a sentence ("it is not a TrueType font").
bool inspect_truetype_file(const std::string& path, TrueTypeFacts* facts, std::string* problem);

}  // namespace bp
