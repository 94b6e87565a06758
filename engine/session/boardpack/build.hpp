// boardpack's library entry point: one request in, the documents of a
// meeting out. The command line and the tests call this; so can a council's
// own program, after find_package(boardpack). Only standard types cross
// this header, so nothing of the engine's insides leaks into a caller.
//
//   boardpack::BuildRequest r;
//   r.pack = "meeting/pack.xml";
//   r.output = "pack.pdf";
//   boardpack::BuildResult out = boardpack::build(r);
//   if (out.exit_code != 0) ... out.diagnostics says why
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace boardpack {

// "0.1.0": the version of the library (and of the command line).
std::string version();

enum class Audience {
    Public,  // the pack on the website: exempt (Part B) papers left out, their items listed
    Full,    // the members' pack: exempt papers bound after the public ones, every page
             // headed NOT FOR PUBLICATION
};

struct BuildRequest {
    std::string pack;                        // the pack manifest (pack.xml)
    std::string output;                      // the pack PDF; "-" is standard output; empty: none
    Audience audience = Audience::Public;    // of every edition written
    std::string split_dir;                   // if set: 00-agenda.pdf and NN-title.pdf per item there
    // If set: the HTML edition in this folder (index.html, a page per paper,
    // style.css, print.css, meeting.json), linking to the PDFs written
    // beside it; see docs/html.md.
    std::string html_dir;
    // The address the HTML edition is published at ("https://example.org/
    // meetings/2015-09-17/"): the open data's ids are URLs under it. Empty:
    // they are relative to the site.
    std::string site_url;
    std::string supplement;                  // if set: the supplementary pack of late papers
    std::string dump;                        // if set: the pack's page boxes as text ("-": stdout)
    std::vector<std::string> template_dirs;  // searched before the installed templates
    // The module that reads and binds partner PDFs (boardpack-partner.so);
    // empty: the one installed with the library, PREFIX/lib/boardpack/.
    std::string partner_module;
    // Files the caller writes itself after the build (a build report): never
    // written here, but refused like the outputs when one names an input of
    // the build or another output.
    std::vector<std::string> caller_outputs;
    int jobs = 0;                            // threads laying out items and compressing pages;
                                             // 0: the machine's cores, at most 4. The PDF is the
                                             // same for any.
    bool tagged = true;                      // false only to measure what tagging costs
    // Budgets for reading and binding partner PDFs raised (or lowered) from
    // their defaults, each "NAME=N": time=20 (seconds), memory=1024,
    // stream=128, page=256, pack=1024 (megabytes), elements=200000,
    // bookmarks=20000. A budget named wrongly makes the build fail (exit 2).
    std::vector<std::string> partner_budgets;
    // Called as the build moves on ("checking", "laying out", "writing
    // pack.pdf"), for a progress line; may be empty.
    std::function<void(const std::string& stage)> progress;
};

struct Diagnostic {
    std::string file;
    unsigned line = 0, column = 0;  // 1-based; 0 when unknown
    std::string severity;           // "error", "warning", "note"
    std::string rule;               // "unknown-element", ...
    std::string message, hint;
};

struct WrittenFile {
    std::string path;
    std::string edition;  // "pack", "agenda", "item", "supplement", "dump", "html"
    int pages = 0;        // 0 for a file of the HTML edition
    int first_page = 1;   // the number printed on its first page
};

// An output asked for that this build had nothing to put in, so did not write.
struct SkippedOutput {
    std::string path;
    std::string edition;  // "supplement"
    std::string reason;   // "no item marked to-follow=\"true\" has its papers yet"
};

// One paper the manifest names, as the step found it.
struct PaperSummary {
    std::string file;
    bool received = false;        // a file is there; false: named, but missing (or not a file)
    int errors = 0, warnings = 0; // located in its file
};

struct ItemSummary {
    int number = 0;
    std::string title;
    std::vector<std::string> papers;  // the files its papers came from
    std::optional<int> first_page, last_page;  // where the pack for the audience binds them
    bool exempt = false, to_follow = false;
    std::vector<PaperSummary> paper_files;  // each of `papers`
    // Its papers' diagnostics and those located in its lines of the manifest.
    int errors = 0, warnings = 0;
};

struct StageTime {
    std::string stage;  // "manifest", "style", "load and layout", "assemble", "write"
    double seconds = 0;
};

struct BuildResult {
    // 0 done; 1 the input has errors (nothing written); 2 an output names an
    // input of the build or another output (nothing written); 3 an output
    // could not be written.
    int exit_code = 0;
    std::vector<Diagnostic> diagnostics;  // sorted by file and position
    std::size_t dropped = 0;              // diagnostics past the cap, counted but not kept
    std::vector<std::string> inputs;      // every file read: manifest, papers, template, fonts, images
    std::vector<WrittenFile> outputs;
    std::vector<SkippedOutput> skipped;
    // Files an earlier build wrote that this one removed because it does not
    // write them again: per-item PDFs of items renumbered or gone (--split
    // keeps a record of what it wrote, .boardpack-files, and removes only
    // those, unchanged), a supplement when no late paper is left to bind.
    std::vector<std::string> removed;
    std::vector<ItemSummary> items;       // every agenda item (pages only when the pack numbers)
    std::vector<StageTime> stages;
    int public_pages = 0, full_pages = 0;
    // Agenda items with papers whose papers this step read and laid out, and
    // those a session had kept from an earlier step (nothing they came from
    // had changed).
    int items_made = 0, items_kept = 0;
    int front_pages = 0;  // pages the front sheet itself takes
};

// Runs the whole pipeline. Never throws for bad input: problems come back as
// diagnostics and an exit code. Every file is written whole or not at all.
BuildResult build(const BuildRequest& request);

// Diagnostics as the command line prints them for people: each as
// `file:line:col: severity: message [rule]`, then the line of its file (read
// now) with a caret under the column, then its hint; with `colour`, in
// ANSI colours for a terminal.
std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics, bool colour = false);

// The folders searched for templates by name, in order, after the
// request's own: share/boardpack/templates where the library is installed
// (in a program linking boardpack::boardpack, where its package is; for
// bin/boardpack, beside it), or in the build folder it was built in.
std::vector<std::string> default_template_dirs();

}  // namespace boardpack
