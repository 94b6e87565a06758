// Image files -> RasterImage, checked to the end of their data. Internal to
// load/. The libraries' errors come back as words, never as abort().
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/raster.hpp"

namespace bp::load {

// Why a picture was refused.
struct ImageRefusal {
    std::string problem;      // finishes "the image FILE ...": "is a damaged PNG file (IDAT: CRC error)"
    std::string hint;         // what the officer can do about it
    bool over_limit = false;  // too many pixels, rather than damaged or of another format
};

// Each returns false and fills `why` when the picture cannot be used.
bool decode_png(std::string_view bytes, std::uint64_t max_pixels, RasterImage& out, ImageRefusal& why);
bool check_jpeg(std::string_view bytes, std::uint64_t max_pixels, RasterImage& out, ImageRefusal& why);

// PNG or JPEG by signature; anything else is named ("a GIF image") in
// `why`.
bool decode_image_bytes(std::string_view bytes, std::uint64_t max_pixels, RasterImage& out, ImageRefusal& why);

}  // namespace bp::load
