// The PDF is written as every output is (core/output_file.hpp): to a
// temporary file beside the target, renamed into place only when complete.
#pragma once
#include "core/output_file.hpp"

namespace bp::pdf {

using OutputFile = bp::OutputFile;

}  // namespace bp::pdf
