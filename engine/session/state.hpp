// What a Session holds between its steps, and what its steps share.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "assemble/assemble.hpp"
#include "boardpack/session.hpp"
#include "core/diag.hpp"
#include "html/html.hpp"
#include "load/load.hpp"
#include "session/file_digests.hpp"
#include "session/house_style.hpp"

namespace bp::session {

// The stages an item's papers go through, in the order a build reports
// them: read and checked, pictures loaded, text checked against the fonts,
// laid out. An error in a stage, in any item, makes the later ones moot.
enum Stage : int { kChecks, kImages, kPrintable, kLayout };

// One agenda item as the stages left it: what each said, and its papers
// laid out (once the stages got that far).
struct CachedItem {
    Diagnostics xml, partners, checks;
    std::vector<ImageFile> images;
    std::vector<std::pair<std::string, Diagnostics>> unprintable;  // per paper: its file, what it cannot print
    Diagnostics layout;
    LaidOutItem laid_out;
    std::vector<html::PaperPage> pages;  // its papers' web pages, when the step made them
    Stage ran_to = kChecks;   // the last stage the step wanted
    Stage reached = kChecks;  // the last stage run
    // Every file it was made from, with its digest before it was read: the
    // papers, their pictures, partners' PDFs shown as appendices.
    std::vector<std::pair<std::string, std::string>> files;
    bool cacheable = false;   // kept for the next step
};

}  // namespace bp::session

namespace boardpack {

struct Session::State {
    bp::session::FileDigests digests;
    bp::session::HouseStyles styles{digests};
    std::optional<BuildRequest> last;  // what rebuild() builds again
    // The pack's items as the last step left them, by their key.
    std::map<std::string, std::shared_ptr<const bp::session::CachedItem>> items;
    // Pictures read, shared by every item that shows one (the PDF embeds
    // each once), for the house style `images_style`.
    std::unique_ptr<bp::ImageFiles> images;
    std::string images_style;
    std::map<std::string, std::string> image_files;  // the pictures items show now, and their digests
    std::set<std::string> dependencies;  // of the last build or status
};

}  // namespace boardpack

namespace bp::session {

constexpr int kOk = 0, kInputErrors = 1, kOutputRefused = 2, kOutputFailed = 3;

// A build of `request` on the session's state; with `write` false, nothing
// is written (status).
boardpack::BuildResult build_step(boardpack::Session::State& state, const boardpack::BuildRequest& request, bool write);

// The request's template folders, then the installed ones.
std::vector<std::string> template_dirs(const std::vector<std::string>& asked);

// The engine's diagnostics as the header's, sorted by file and position.
void collect_diagnostics(const Diagnostics& diags, std::vector<boardpack::Diagnostic>& out);

// How partner PDFs are read: `module` (empty: the installed one) within the
// default budgets raised by `budgets` ("NAME=N" each). False, with an error
// in `diags`, for a budget that is not one.
bool partner_options(const std::string& module, const std::vector<std::string>& budgets, PartnerOptions& out,
                     Diagnostics& diags);

}  // namespace bp::session
