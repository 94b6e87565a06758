// Paths named inside the XML: resolved against the naming file's folder,
// and kept inside the pack's folder. Containment is judged on the real
// location, symbolic links resolved, so a link cannot reach outside.
#pragma once
#include <string>

namespace bp::load {

// The folder of a file path as given: "." for a bare file name.
std::string folder_of(const std::string& file);
// `rel` taken relative to the folder of `base_file`, lexically normalised
// ("a/b/../c.xml" -> "a/c.xml"); an absolute `rel` stays absolute.
std::string resolve_relative(const std::string& base_file, const std::string& rel);
// Whether `path` lies inside folder `root` ("" = anywhere), both with
// every symbolic link in them resolved.
bool is_inside(const std::string& root, const std::string& path);

// Whether a paper's path names a PDF (a partner's paper) rather than XML:
// by its extension, in any case.
bool is_pdf_path(const std::string& path);

// NotAFile: a folder. Special: a FIFO, device or socket, which an input
// may never be (opening one can block or stream forever).
enum class FileState { Ok, Missing, NotAFile, Special };
FileState file_state(const std::string& path);

}  // namespace bp::load
