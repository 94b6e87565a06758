// Where a thing came from in the XML: every model node and diagnostic has one.
#pragma once
#include <cstdint>
#include <string>

namespace bp {

struct SourceLoc {
    std::string file;  // path as the user named it (relative to the working dir)
    std::uint32_t line = 0;  // 1-based; 0 = unknown
    std::uint32_t col = 0;   // 1-based, in bytes
};

}  // namespace bp
