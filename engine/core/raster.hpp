// A picture as load/ checked it: either JPEG bytes verified marker by marker
// to their end, or decoded 8-bit samples with an optional alpha mask. pdf/
// embeds exactly this and never opens or parses an image file itself.
#pragma once
#include <cstdint>
#include <vector>

namespace bp {

struct RasterImage {
    enum class Encoding : std::uint8_t {
        Jpeg,    // data: the whole JPEG file, embedded unchanged (DCTDecode)
        Pixels,  // data: width * height * channels samples, rows top to bottom
    };
    Encoding encoding = Encoding::Pixels;
    int width = 0, height = 0;
    int channels = 3;                 // 1 gray, 3 RGB (JPEG also 4: CMYK)
    std::vector<std::uint8_t> data;
    std::vector<std::uint8_t> alpha;  // Pixels only: width * height, empty when opaque
};

}  // namespace bp
