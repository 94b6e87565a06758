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
    // Into scratch room of the worst case's size, then only what was
    // written into `out`: a page's deflated stream waits there until it is
    // written, and should not hold its bound's capacity meanwhile.
    const std::size_t bound = libdeflate_zlib_compress_bound(compressor_, in.size());
    if (scratch_.size() < bound) scratch_.resize(bound);
    const std::size_t written =
        libdeflate_zlib_compress(compressor_, in.data(), in.size(), scratch_.data(), scratch_.size());
    out.append(scratch_.data(), written);
}

}  // namespace bp::pdf
