// Deflate for the streams the pdf stage finishes itself (page contents, font
// files, object streams), with libdeflate at level 6: on a pack's streams it
// takes under half zlib's time at its default level, and writes 2 % fewer
// bytes (bench/deflate_levels.py).
#pragma once
#include <string>

struct libdeflate_compressor;

namespace bp::pdf {

// One per thread: a compressor holds its own working memory, so threads
// share nothing. Throws std::bad_alloc if it cannot have it.
class Deflater {
public:
    Deflater();
    ~Deflater();
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    // Appends the deflated form of `in` (a zlib stream, as /FlateDecode
    // reads it) to `out`.
    void deflate(const std::string& in, std::string& out);

private:
    libdeflate_compressor* compressor_;
    std::string scratch_;
};

}  // namespace bp::pdf
