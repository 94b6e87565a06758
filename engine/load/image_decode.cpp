#include "load/image_decode.hpp"

#include <png.h>

#include <csetjmp>
#include <cstring>

namespace bp::load {

namespace {

constexpr const char* kSaveAgain = "save it again as PNG or JPEG";

void too_many_pixels(std::uint64_t w, std::uint64_t h, std::uint64_t max_pixels, ImageRefusal& why) {
    auto mp = [](std::uint64_t px) {
        std::uint64_t tenths = (px + 50'000) / 100'000;
        std::string s = std::to_string(tenths / 10);
        if (tenths % 10 != 0) s += "." + std::to_string(tenths % 10);
        return s;
    };
    why.over_limit = true;
    why.problem = "is " + std::to_string(w) + " x " + std::to_string(h) + " pixels (" + mp(w * h) +
              " megapixels), more than the template allows (" + mp(max_pixels) + " megapixels)";
    why.hint = "downscale it: a full A4 page at 300 dpi needs about 2500 x 3500 pixels";
}

// ---- PNG ------------------------------------------------------------------

struct PngSource {
    std::string_view bytes;
    std::size_t pos = 0;
    char error[200] = {};  // libpng's message; plain storage, safe across longjmp
};

void png_on_error(png_structp png, png_const_charp message) {
    auto* src = static_cast<PngSource*>(png_get_error_ptr(png));
    std::strncpy(src->error, message, sizeof src->error - 1);
    png_longjmp(png, 1);  // never returns into libpng, never abort()
}

void png_on_warning(png_structp, png_const_charp) {}  // ancillary trouble: the picture is still whole

void png_read_bytes(png_structp png, png_bytep out, png_size_t n) {
    auto* src = static_cast<PngSource*>(png_get_io_ptr(png));
    if (n > src->bytes.size() - src->pos) png_error(png, "the file ends early (it is truncated)");
    std::memcpy(out, src->bytes.data() + src->pos, n);
    src->pos += n;
}

// Everything between setjmp and a longjmp back to it is C or trivially
// destructible here: `out` lives in the caller, so no destructor is skipped.
bool run_png_decoder(PngSource& src, png_structp png, png_infop info, std::uint64_t max_pixels, RasterImage& out,
                     ImageRefusal& why) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_set_read_fn(png, &src, png_read_bytes);
    png_set_benign_errors(png, 0);  // missing image data is an error, not a warning
    png_read_info(png, info);

    const png_uint_32 w = png_get_image_width(png, info), h = png_get_image_height(png, info);
    if (static_cast<std::uint64_t>(w) * h > max_pixels) {
        too_many_pixels(w, h, max_pixels, why);
        return false;
    }
    // Every colour type, depth and transparency form becomes 8-bit gray or
    // RGB, with an alpha channel when the picture has any transparency.
    png_set_expand(png);  // palette -> RGB, gray < 8 bits -> 8, tRNS -> alpha
    png_set_strip_16(png);
    const int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);

    const int channels = png_get_channels(png, info);
    const bool has_alpha = channels == 2 || channels == 4;
    const std::size_t row_bytes = png_get_rowbytes(png, info);
    if (row_bytes != static_cast<std::size_t>(w) * static_cast<std::size_t>(channels)) {
        why.problem = "is a PNG file in a form this program cannot read";
        why.hint = "save it again as an 8-bit PNG";
        return false;
    }
    std::vector<std::uint8_t>& samples = out.data;
    samples.assign(row_bytes * h, 0);
    // png_read_row for every pass: interlaced pictures are combined in place.
    for (int pass = 0; pass < passes; ++pass)
        for (png_uint_32 y = 0; y < h; ++y) png_read_row(png, samples.data() + row_bytes * y, nullptr);
    png_read_end(png, nullptr);  // the rest of the file: checksums and IEND

    out.encoding = RasterImage::Encoding::Pixels;
    out.width = static_cast<int>(w);
    out.height = static_cast<int>(h);
    out.channels = has_alpha ? channels - 1 : channels;
    return true;
}

// Moves the alpha samples out of interleaved colour+alpha, in place.
void split_alpha(RasterImage& img) {
    const std::size_t n = static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height);
    const std::size_t c = static_cast<std::size_t>(img.channels);
    img.alpha.resize(n);
    bool opaque = true;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t* px = img.data.data() + i * (c + 1);
        std::memmove(img.data.data() + i * c, px, c);  // writes never overtake reads
        img.alpha[i] = px[c];
        opaque = opaque && px[c] == 255;
    }
    img.data.resize(n * c);
    img.data.shrink_to_fit();
    if (opaque) img.alpha.clear();
}

// ---- JPEG -----------------------------------------------------------------

unsigned be16(std::string_view b, std::size_t i) {
    return (static_cast<unsigned>(static_cast<unsigned char>(b[i])) << 8) | static_cast<unsigned char>(b[i + 1]);
}

}  // namespace

bool decode_png(std::string_view bytes, std::uint64_t max_pixels, RasterImage& out, ImageRefusal& why) {
    std::string& problem = why.problem;
    std::string& hint = why.hint;
    PngSource src{bytes};
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &src, png_on_error, png_on_warning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info) {
        png_destroy_read_struct(&png, &info, nullptr);
        problem = "cannot be read: out of memory";
        return false;
    }
    const bool ok = run_png_decoder(src, png, info, max_pixels, out, why);
    png_destroy_read_struct(&png, &info, nullptr);
    if (!ok) {
        if (problem.empty()) {
            problem = std::string("is a damaged PNG file (") + src.error + ")";
            hint = kSaveAgain;
        }
        out = RasterImage{};
        return false;
    }
    const std::size_t pixels = static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height);
    if (out.data.size() > pixels * static_cast<std::size_t>(out.channels)) split_alpha(out);
    return true;
}

bool check_jpeg(std::string_view b, std::uint64_t max_pixels, RasterImage& out, ImageRefusal& why) {
    std::string& problem = why.problem;
    std::string& hint = why.hint;
    auto damaged = [&](const std::string& what) {
        problem = "is a damaged JPEG file (" + what + ")";
        hint = kSaveAgain;
        return false;
    };
    if (b.size() < 4 || be16(b, 0) != 0xFFD8) return damaged("it does not start with a JPEG marker");
    bool frame = false, scan = false;
    std::size_t i = 2;
    for (;;) {
        // A marker: 0xFF, any number of fill 0xFF bytes, then its code.
        if (i >= b.size() || static_cast<unsigned char>(b[i]) != 0xFF)
            return damaged(i >= b.size() ? "it ends before its end marker; it is truncated" : "a marker is missing");
        while (i < b.size() && static_cast<unsigned char>(b[i]) == 0xFF) ++i;
        if (i >= b.size()) return damaged("it ends before its end marker; it is truncated");
        const unsigned code = static_cast<unsigned char>(b[i++]);
        if (code == 0xD9) break;                                      // EOI
        if (code == 0x01 || (code >= 0xD0 && code <= 0xD7)) continue;  // no length
        if (code == 0x00 || code == 0xD8) return damaged("a marker is missing");
        if (i + 2 > b.size()) return damaged("it ends before its end marker; it is truncated");
        const std::size_t len = be16(b, i);
        if (len < 2 || i + len > b.size()) return damaged("a segment runs past the end of the file; it is truncated");
        const std::size_t body = i + 2;
        const bool sof = code >= 0xC0 && code <= 0xCF && code != 0xC4 && code != 0xC8 && code != 0xCC;
        if (sof) {
            if (frame) return damaged("it has two frame headers");
            if (code != 0xC0 && code != 0xC1 && code != 0xC2) {
                problem = "is a lossless, hierarchical or arithmetic-coded JPEG, which PDF readers do not all show";
                hint = "save it as an ordinary (baseline) JPEG or PNG";
                return false;
            }
            if (len < 8) return damaged("its frame header is too short");
            const unsigned precision = static_cast<unsigned char>(b[body]);
            out.height = static_cast<int>(be16(b, body + 1));
            out.width = static_cast<int>(be16(b, body + 3));
            out.channels = static_cast<unsigned char>(b[body + 5]);
            if (precision != 8) return damaged("it has " + std::to_string(precision) + "-bit samples; PDF takes 8");
            if (out.width == 0 || out.height == 0) return damaged("its frame header gives no size");
            if (out.channels != 1 && out.channels != 3 && out.channels != 4)
                return damaged("it has " + std::to_string(out.channels) + " colour components");
            if (len != 8 + 3 * static_cast<std::size_t>(out.channels)) return damaged("its frame header has the wrong length");
            if (static_cast<std::uint64_t>(out.width) * static_cast<std::uint64_t>(out.height) > max_pixels) {
                too_many_pixels(static_cast<std::uint64_t>(out.width), static_cast<std::uint64_t>(out.height),
                                max_pixels, why);
                return false;
            }
            frame = true;
        }
        i += len;
        if (code != 0xDA) continue;
        // Entropy-coded data follows a scan header: it ends at the first
        // marker that is neither a stuffed 0xFF00 nor a restart marker.
        if (!frame) return damaged("a scan comes before the frame header");
        scan = true;
        for (;;) {
            const void* ff = std::memchr(b.data() + i, 0xFF, b.size() - i);
            if (ff == nullptr) return damaged("its image data ends early; it is truncated");
            i = static_cast<std::size_t>(static_cast<const char*>(ff) - b.data());
            if (i + 1 >= b.size()) return damaged("its image data ends early; it is truncated");
            const unsigned next = static_cast<unsigned char>(b[i + 1]);
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                i += 2;
                continue;
            }
            if (next == 0xFF) {  // fill bytes before a marker
                ++i;
                continue;
            }
            break;
        }
    }
    if (!frame || !scan) return damaged("it has no picture data");
    out.encoding = RasterImage::Encoding::Jpeg;
    out.data.assign(b.begin(), b.end());
    out.alpha.clear();
    return true;
}

bool decode_image_bytes(std::string_view b, std::uint64_t max_pixels, RasterImage& out, ImageRefusal& why) {
    std::string& problem = why.problem;
    std::string& hint = why.hint;
    if (b.starts_with("\x89PNG\r\n\x1a\n")) return decode_png(b, max_pixels, out, why);
    if (b.starts_with("\xFF\xD8\xFF")) return check_jpeg(b, max_pixels, out, why);
    std::string what;
    if (b.starts_with("GIF8")) what = "a GIF image";
    else if (b.starts_with("BM")) what = "a BMP image";
    else if (b.starts_with("RIFF") && b.size() >= 12 && b.substr(8, 4) == "WEBP") what = "a WebP image";
    else if (b.starts_with("II*") || b.starts_with(std::string_view("MM\0*", 4))) what = "a TIFF image";
    else if (b.starts_with("<svg") || b.starts_with("<?xml")) what = "an SVG or XML file";
    else if (b.starts_with("%PDF")) what = "a PDF file";
    else if (b.empty()) what = "an empty file";
    problem = "is not a PNG or JPEG file";
    if (!what.empty()) problem += " (it is " + what + ")";
    hint = "save it as PNG or JPEG";
    return false;
}

}  // namespace bp::load
