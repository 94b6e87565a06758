// `boardpack import WORD.docx [-o PAPER.xml] [--template NAME] [--as KIND]`:
// an officer's Word file made into a paper, its pictures beside it, then
// checked as `validate` checks it. Returns the exit code.
#pragma once
#include <string>
#include <vector>

namespace bp::cli {

int run_import(const std::vector<std::string>& args, bool help);

}  // namespace bp::cli
