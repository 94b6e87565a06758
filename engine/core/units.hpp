// Lengths in integer millipoints (1/1000 pt): layout arithmetic is exact and
// identical on every machine, so the same input always breaks the same way.
#pragma once
#include <cstdint>

namespace bp {

using Mpt = std::int64_t;

constexpr Mpt pt(double v) { return static_cast<Mpt>(v * 1000.0 + (v < 0 ? -0.5 : 0.5)); }
constexpr Mpt mm(double v) { return pt(v * 72.0 / 25.4); }
constexpr double to_pt(Mpt v) { return static_cast<double>(v) / 1000.0; }

// A4 in millipoints (595.276 x 841.89 pt).
constexpr Mpt kA4Width = 595276;
constexpr Mpt kA4Height = 841890;

struct Rect {
    Mpt x = 0, y = 0, w = 0, h = 0;  // top-left origin, y grows downwards
};

struct Color {
    std::uint8_t r = 0, g = 0, b = 0;
    friend bool operator==(const Color&, const Color&) = default;
};

}  // namespace bp
