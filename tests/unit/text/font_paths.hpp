// The repository's fonts, for the text tests.
#pragma once
#include <string>

inline std::string liberation_sans(const std::string& style) {
    return std::string(BOARDPACK_SOURCE_DIR) + "/fonts/LiberationSans-" + style + ".ttf";
}
