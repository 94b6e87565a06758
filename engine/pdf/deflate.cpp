#include "deflate.hpp"

#include <libdeflate.h>

#include <new>

namespace bp::pdf {

namespace {
// Level 6 against 1 to 12: past 6 each step costs several times the time
// for a few per cent of the size; below it the size grows faster than the
// time falls (bench/deflate_levels.py).
constexpr int kLevel = 6;
}  // namespace

Deflater::Deflater() : compressor_(libdeflate_alloc_compressor(kLevel)) {
    if (compressor_ == nullptr) throw std::bad_alloc();
}

Deflater::~Deflater() { libdeflate_free_compressor(compressor_); }

void Deflater::deflate(const std::string& in, std::string& out) {
    const std::size_t at = out.size();
    out.resize(at + libdeflate_zlib_compress_bound(compressor_, in.size()));
    // The bound is enough by definition, so compression cannot run short.
    const std::size_t written = libdeflate_zlib_compress(compressor_, in.data(), in.size(), out.data() + at,
                                                         out.size() - at);
    out.resize(at + written);
}

}  // namespace bp::pdf
