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

// For the tests: the digest without the processor's SHA instructions, and
// whether sha256_hex uses them here.
std::string sha256_hex_portable(std::string_view data);
bool sha256_uses_cpu();

}  // namespace bp
