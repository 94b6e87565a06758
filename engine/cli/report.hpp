// The build report (--report FILE): what a scheduled job needs to know
// about a run, as JSON, and whether a rebuild can be skipped because
// nothing it read has changed since the report was written.
#pragma once
#include <string>

#include "boardpack/build.hpp"

namespace bp::cli {

// `options` is the command line's own description of what was asked (so a
// different audience or output is never taken for an unchanged build).
std::string report_json(const boardpack::BuildRequest& request, const boardpack::BuildResult& result,
                        const std::string& options, bool skipped);

// True when the report at `path` came from this version of boardpack, with
// the same options, succeeded, lists inputs whose bytes are all unchanged,
// every output it lists still exists, and nothing is where it wrote none.
bool up_to_date(const std::string& path, const std::string& options);

}  // namespace bp::cli
