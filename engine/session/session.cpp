// The Session: its state, and the steps that build a pack.
#include "boardpack/session.hpp"

#include <algorithm>

#include "session/state.hpp"

namespace bp::session {

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

bool partner_options(const std::string& module, const std::vector<std::string>& budgets, PartnerOptions& out,
                     Diagnostics& diags) {
    out.module = module;
    for (const std::string& spec : budgets)
        if (std::string problem; !set_partner_budget(out.budgets, spec, problem)) {
            diags.error(SourceLoc{"--partner-budget", 0, 0}, rule::bad_value, problem);
            return false;
        }
    return true;
}

}  // namespace bp::session

namespace boardpack {

Session::Session() : state_(std::make_unique<State>()) {}
Session::~Session() = default;

BuildResult Session::build(const BuildRequest& request) {
    state_->last = request;
    state_->digests.next_step();
    return bp::session::build_step(*state_, request, true);
}

BuildResult Session::rebuild(const std::vector<std::string>& changed) {
    if (!state_->last) return build(BuildRequest{});
    // Whatever was made from a changed file is made again, even if the file
    // reads the same now: it may have changed again after its digest was
    // taken and before it was read.
    for (const std::string& path : changed) {
        state_->digests.forget(path);
        std::erase_if(state_->items, [&](const auto& kept) {
            const auto& files = kept.second->files;
            return std::any_of(files.begin(), files.end(), [&](const auto& f) { return f.first == path; });
        });
        if (state_->images) state_->images->forget(path);
        state_->image_files.erase(path);
    }
    return build(*state_->last);
}

BuildResult Session::status(const BuildRequest& request) {
    state_->digests.next_step();
    return bp::session::build_step(*state_, request, false);
}

std::vector<std::string> Session::dependencies() const {
    return {state_->dependencies.begin(), state_->dependencies.end()};
}

}  // namespace boardpack
