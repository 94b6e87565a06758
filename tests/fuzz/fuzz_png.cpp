#include "fuzz_image.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return bp::fuzz::typeset_picture(data, size, "picture.png");
}
