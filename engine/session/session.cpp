// The Session: its state, and the steps that build a pack.
#include "boardpack/session.hpp"

#include "session/state.hpp"

namespace bp::session {

boardpack::BuildResult build_once(const boardpack::BuildRequest& request);

std::vector<std::string> template_dirs(const std::vector<std::string>& asked) {
    std::vector<std::string> dirs = asked;
    for (const std::string& d : boardpack::default_template_dirs()) dirs.push_back(d);
    return dirs;
}

void collect_diagnostics(const Diagnostics& diags, std::vector<boardpack::Diagnostic>& out) {
    for (const bp::Diagnostic& d : diags.sorted())
        out.push_back(boardpack::Diagnostic{d.loc.file, d.loc.line, d.loc.col, std::string(bp::severity_name(d.severity)),
                                            std::string(d.rule), d.message, d.hint});
}

}  // namespace bp::session

namespace boardpack {

Session::Session() : state_(std::make_unique<State>()) {}
Session::~Session() = default;

BuildResult Session::build(const BuildRequest& request) {
    state_->last = request;
    state_->digests.next_step();
    return bp::session::build_once(request);
}

}  // namespace boardpack
