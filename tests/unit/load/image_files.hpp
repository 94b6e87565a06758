// Small PNG and JPEG files built in memory, so each image test states the
// exact picture it checks. PNG data goes in stored (uncompressed) deflate
// blocks: valid zlib streams without a compressor.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace bp::test {

inline std::uint32_t crc32_of(const std::string& s) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : s) {
        c ^= b;
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return c ^ 0xFFFFFFFFu;
}

inline std::string be32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

inline std::string png_chunk(const std::string& type, const std::string& data) {
    return be32(static_cast<std::uint32_t>(data.size())) + type + data + be32(crc32_of(type + data));
}

// zlib stream of `raw` in stored blocks.
inline std::string zlib_stored(const std::string& raw) {
    std::string z = "\x78\x01";
    std::size_t pos = 0;
    do {
        const std::size_t n = std::min<std::size_t>(raw.size() - pos, 65535);
        const bool last = pos + n == raw.size();
        z += static_cast<char>(last ? 1 : 0);
        z += static_cast<char>(n & 0xFF);
        z += static_cast<char>(n >> 8);
        z += static_cast<char>(~n & 0xFF);
        z += static_cast<char>((~n >> 8) & 0xFF);
        z += raw.substr(pos, n);
        pos += n;
    } while (pos < raw.size());
    std::uint32_t a = 1, b = 0;
    for (unsigned char c : raw) {
        a = (a + c) % 65521;
        b = (b + a) % 65521;
    }
    return z + be32((b << 16) | a);
}

struct PngSpec {
    std::uint32_t width = 2, height = 2;
    int depth = 8;
    int color_type = 2;          // 0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA
    std::string rows;            // packed samples, without filter bytes
    std::string palette, trns;   // PLTE and tRNS chunk data when not empty
};

inline std::string make_png(const PngSpec& s) {
    const int per_pixel[] = {1, 0, 3, 1, 2, 0, 4};
    const std::size_t row_bytes = (s.width * static_cast<std::uint32_t>(per_pixel[s.color_type] * s.depth) + 7) / 8;
    std::string raw;
    for (std::uint32_t y = 0; y < s.height; ++y) raw += '\0' + s.rows.substr(y * row_bytes, row_bytes);
    std::string ihdr = be32(s.width) + be32(s.height);
    ihdr += static_cast<char>(s.depth);
    ihdr += static_cast<char>(s.color_type);
    ihdr += std::string(3, '\0');
    std::string png = "\x89PNG\r\n\x1a\n" + png_chunk("IHDR", ihdr);
    if (!s.palette.empty()) png += png_chunk("PLTE", s.palette);
    if (!s.trns.empty()) png += png_chunk("tRNS", s.trns);
    return png + png_chunk("IDAT", zlib_stored(raw)) + png_chunk("IEND", "");
}

// A JPEG's structure, marker by marker: what check_jpeg walks. The
// entropy-coded bytes are not a real picture; no decoder runs on them.
inline std::string make_jpeg(int width, int height, int precision = 8, unsigned char sof = 0xC0) {
    std::string j = "\xFF\xD8";
    j += std::string("\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 18);
    std::string frame = {static_cast<char>(precision), static_cast<char>(height >> 8), static_cast<char>(height),
                         static_cast<char>(width >> 8), static_cast<char>(width), 1, 1, 0x11, 0};
    j += "\xFF";
    j += static_cast<char>(sof);
    j += std::string("\x00\x0B", 2) + frame;
    j += std::string("\xFF\xDA\x00\x08\x01\x01\x00\x00\x3F\x00", 10);
    j += std::string("\x12\x34\xFF\x00\x56\xFF\xD0\x78", 8);  // data with a stuffed 0xFF and a restart marker
    return j + "\xFF\xD9";
}

}  // namespace bp::test
