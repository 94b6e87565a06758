// What a Session holds between its steps, and what its steps share.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "boardpack/session.hpp"
#include "core/diag.hpp"
#include "session/file_digests.hpp"
#include "session/house_style.hpp"

namespace boardpack {

struct Session::State {
    bp::session::FileDigests digests;
    bp::session::HouseStyles styles{digests};
    std::optional<BuildRequest> last;  // what rebuild() builds again
};

}  // namespace boardpack

namespace bp::session {

constexpr int kOk = 0, kInputErrors = 1, kOutputRefused = 2, kOutputFailed = 3;

// The request's template folders, then the installed ones.
std::vector<std::string> template_dirs(const std::vector<std::string>& asked);

// The engine's diagnostics as the header's, sorted by file and position.
void collect_diagnostics(const Diagnostics& diags, std::vector<boardpack::Diagnostic>& out);

}  // namespace bp::session
