// Where boardpack's own files are: the partner module, and the shared data
// (the templates with their schemas, the fonts). Found from where the
// library is, never from a path compiled in, so an installed tree can be
// moved and a build tree can be anywhere.
#pragma once
#include <string>
#include <vector>

namespace bp::installation {

// Folders that may be boardpack's prefix, each holding its files as they are
// installed (lib/boardpack/, share/boardpack/), most likely first:
//  1. the installed package a program was built against. The library is
//     static: in a program that links it, its code is the program's own,
//     wherever that was put, so find_package(boardpack) records the
//     package's prefix in the program (boardpack_package_prefix, below).
//  2. the folder above the file that holds the library's code: PREFIX for
//     PREFIX/bin/boardpack, the build folder for its tests' programs.
//  3. the folder of that file: a build folder, which stages lib/boardpack/
//     and share/boardpack/ beside the program it builds.
std::vector<std::string> prefixes();

// Where, under a prefix, the partner module is (PREFIX/lib/boardpack) and
// the shared data (PREFIX/share/boardpack).
std::string module_dir(const std::string& prefix);
std::string data_dir(const std::string& prefix);

}  // namespace bp::installation

// Defined in a program that links boardpack::boardpack, by the installed
// package (boardpackConfig.cmake): the package's prefix. Weak: a program
// linked otherwise does without.
extern "C" const char* boardpack_package_prefix() __attribute__((weak));
