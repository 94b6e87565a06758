// `boardpack watch` and `boardpack serve`: the clerk's desk on the command
// line. Each parses its arguments, runs the desk (engine/desk) and prints a
// line per build; serve also runs the desk's web page (engine/serve).
// Returns the exit code.
#pragma once
#include <string>
#include <vector>

namespace bp::cli {

int run_watch(const std::vector<std::string>& args, bool help);
int run_serve(const std::vector<std::string>& args, bool help);

}  // namespace bp::cli
