// Deflate for the streams the pdf stage finishes itself (page contents, font
// files, object streams), with libharu's own deflate: the same bytes libharu
// would write, and no second compression library to keep in step.
#pragma once
#include <string>

#include "haru.hpp"

namespace bp::pdf {

// One per thread: each owns a private libharu document, so threads share
// nothing. Throws Failure if libharu cannot compress.
class Deflater {
public:
    // Appends the deflated form of `in` to `out`.
    void deflate(const std::string& in, std::string& out);

private:
    Doc doc_;
};

}  // namespace bp::pdf
