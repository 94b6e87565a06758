// Paths named inside the XML: resolved against the naming file's folder,
// and kept inside the pack's folder. Lexical only (no symlink resolution),
// so the answer depends on the text of the paths, not on the machine.
#pragma once
#include <string>

namespace bp::load {

// The folder of a file path as given: "." for a bare file name.
std::string folder_of(const std::string& file);
// `rel` taken relative to the folder of `base_file`, lexically normalised
// ("a/b/../c.xml" -> "a/c.xml"); an absolute `rel` stays absolute.
std::string resolve_relative(const std::string& base_file, const std::string& rel);
// Whether `path` lies inside folder `root` ("" = anywhere).
bool is_inside(const std::string& root, const std::string& path);

enum class FileState { Ok, Missing, NotAFile };
FileState file_state(const std::string& path);

}  // namespace bp::load
