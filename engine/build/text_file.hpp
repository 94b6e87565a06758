// Text outputs (the page dump, the build report) written whole or not at
// all: to a temporary name beside the target, then renamed over it.
#pragma once
#include <string>

namespace bp {

// False, with no temporary file left, if the text could not be written.
bool write_text_file(const std::string& path, const std::string& text);

}  // namespace bp
