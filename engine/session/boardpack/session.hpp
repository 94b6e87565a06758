// A resident build: what a clerk's desk keeps open while papers arrive.
// Build, rebuild, status, preview and validate are steps of one session,
// which keeps what every step needs and would otherwise read again: each
// house style (template, styles, fonts) while its files are unchanged, and
// each agenda item's papers laid out, with what the stages said of them,
// keyed by a digest of the manifest's binding, the house style and every
// file the item was made from. A step reads and lays out only the items
// whose files changed, then numbers, binds and writes the pack again.
// Each step gives the same bytes and the same diagnostics as the same
// step in a session of its own.
//
//   boardpack::Session desk;
//   boardpack::BuildResult r = desk.build(request);    // everything read
//   ... a paper is saved ...
//   r = desk.rebuild({"meeting/report-budget.xml"});   // that item again
//
// Only standard types cross this header, as with build.hpp. A session is
// used from one thread at a time; a step may use several threads inside.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "boardpack/build.hpp"

namespace boardpack {

// `boardpack preview`: one paper laid out in a house style, pages from 1,
// marked DRAFT.
struct PreviewRequest {
    std::string paper;                       // report, minutes or document XML
    std::string output;                      // the PDF to write
    std::string house_style = "lscsb";       // a template's name, or a path ending in .xml
    std::vector<std::string> template_dirs;  // searched for the name before the installed templates
    std::string partner_module;              // as BuildRequest's, for a partner PDF appendix
    std::vector<std::string> partner_budgets;  // as BuildRequest's, for a PDF appendix
};

// `boardpack validate`: papers, packs and templates checked for an officer.
struct ValidateRequest {
    std::vector<std::string> files;          // "-": a paper or template read from `standard_input`
    std::string standard_input;              // what "-" stands for
    std::string paper_house_style = "lscsb"; // whose fonts papers are checked against (a pack uses its own)
    std::vector<std::string> template_dirs;
    std::string partner_module;              // as BuildRequest's, for partner PDFs
    std::vector<std::string> partner_budgets;  // as BuildRequest's, for the partner PDFs read
};

struct ValidateResult {
    int exit_code = 0;                    // 0 no errors; 1 errors
    std::vector<Diagnostic> diagnostics;  // sorted by file and position
    std::size_t dropped = 0;              // diagnostics past the cap, counted but not kept
    std::size_t errors = 0, warnings = 0; // counted with those past the cap
    std::size_t files = 0;                // files read: each file named, and a pack's papers
};

// `boardpack import`: an officer's Word file made into a paper, its
// pictures written beside it, the paper then checked as validate checks it.
struct ImportRequest {
    std::string word;                        // the .docx
    std::string output;                      // the paper to write; "" the Word file's name with .xml
    std::string as = "report";               // report, document or minutes
    std::string house_style = "lscsb";       // whose <import> maps the council's Word template
    std::vector<std::string> template_dirs;
};

struct ImportResult {
    // 0 written and valid; 1 the Word file refused (nothing written) or the
    // paper needs changes; 2 a bad request (an output named as the Word
    // file); 3 an output could not be written.
    int exit_code = 0;
    std::vector<Diagnostic> diagnostics;  // the import's and validation's, sorted by file and position
    std::size_t dropped = 0;
    std::size_t errors = 0, warnings = 0;
    std::string paper;                    // the paper written ("" when none)
    std::vector<std::string> pictures;    // the pictures written beside it
};

// The name standard input goes by in diagnostics.
inline constexpr const char* kStandardInputName = "<stdin>";

class Session {
public:
    Session();
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Builds what the request asks for, as build() does. Every file the
    // session holds something of is looked at again (its size and times;
    // its bytes when they moved), and only what changed is read again.
    BuildResult build(const BuildRequest& request);

    // The last build's request again, after a watcher saw `changed` (paths
    // as the build names them): whatever was made from those files is made
    // again whatever their times say; the rest is checked as by build().
    BuildResult rebuild(const std::vector<std::string>& changed);

    // What build() would find, without writing anything: every item's
    // papers, the diagnostics, and where the pack would bind each item.
    // exit_code 0 when the pack would build, 1 when not.
    BuildResult status(const BuildRequest& request);

    BuildResult preview(const PreviewRequest& request);
    ValidateResult validate(const ValidateRequest& request);
    ImportResult import_word(const ImportRequest& request);

    // Every file the last build or status depends on, whether it exists
    // yet or not (a paper the manifest names before it arrives): what a
    // watcher watches.
    std::vector<std::string> dependencies() const;

    struct State;  // what the steps share (engine/session/state.hpp)

private:
    std::unique_ptr<State> state_;
};

}  // namespace boardpack
