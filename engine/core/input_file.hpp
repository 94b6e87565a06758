// Reading an input (paper, template, font, image) safely: only a regular
// file is read, and opening never blocks, so a FIFO, a device or a folder
// named as an input is refused instead of hanging or streaming forever.
#pragma once
#include <sys/types.h>

#include <cstddef>
#include <string>

namespace bp {

// Reads the whole of `path` into `bytes`. On failure returns false and sets
// `problem` to words that finish "the file ...": "is a folder, not a file",
// "is a FIFO (named pipe), not a regular file", "cannot be opened (...)",
// "is larger than 256 MB".
bool read_input_file(const std::string& path, std::size_t max_bytes, std::string& bytes, std::string& problem);

// Why `path` is not a regular file that can be read ("" when it is one),
// in the same words, without reading it.
std::string input_file_problem(const std::string& path);

// Why a file of this type (stat's st_mode) is not a regular file, in the
// same words; "" for a regular file. Outputs are judged by it too.
std::string file_kind_problem(mode_t mode);

}  // namespace bp
