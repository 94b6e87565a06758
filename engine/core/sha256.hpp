// SHA-256 (FIPS 180-4), for the build report's fingerprints of its inputs:
// a rebuild whose inputs are byte-identical can be skipped.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace bp {

// Lower-case hex digest of `data`.
std::string sha256_hex(std::string_view data);

// The digest of a file's bytes; nullopt if it cannot be read.
std::optional<std::string> sha256_file(const std::string& path);

}  // namespace bp
