// partner: PDFs sent by other organisations (partner papers), read and bound
// with qpdf. In: a partner PDF's path; a finished pack PDF in memory. Out:
// the facts layout needs (pages, their boxes and turns, what will be
// dropped); the pack with each partner page drawn where the pdf stage left
// room for it. Sole qpdf user: no qpdf type crosses this header.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/partner_page.hpp"

namespace bp::partner {

// What a partner PDF holds, as far as binding it is concerned.
struct Facts {
    std::vector<PartnerPage> pages;
    std::vector<PartnerBookmark> outline;  // entries that open a page of it
    // It has a structure tree a screen reader can follow, which binding
    // grafts into the pack's; or, when it has one that cannot be carried
    // over, why not (its pages are then tagged as figures).
    bool tagged = false;
    std::string structure_problem;
    // What binding drops, because a pack must not run or hide anything:
    int annotations = 0;  // annotations that are not links (comments, stamps, widgets)
    int other_links = 0;  // links to anything but a web or e-mail address or a page of the PDF (kept: PartnerPage::links)
    bool form = false;    // interactive form fields
    bool javascript = false;
    bool open_action = false;
    bool embedded_files = false;
    int hidden_pages = 0;  // pages with content in a layer the PDF shows switched off (left out)
    int long_texts = 0;    // structure elements' strings left out for their length
    int cut_titles = 0;    // bookmark titles cut short
    // What its owner does not allow ("printing", "copying its text"), which
    // the pack, a public document, cannot keep from its readers.
    std::vector<std::string> restrictions;
    std::uint64_t decoded_bytes = 0;  // the content its pages draw, decoded
};

// The qpdf side of this stage is a module, boardpack-partner.so, which the
// program never loads: the partner reader, boardpack-partner-reader beside
// it, opens it in a process of its own for each PDF read and each pack
// bound (loader.cpp says why). PartnerOptions::module names the module in
// the calls below (BuildRequest::partner_module); empty, it is looked for
// as find_module looks.

// Where the module is: `module` as it is when given, else the first
// PREFIX/lib/boardpack/boardpack-partner.so of installation::prefixes().
// The one place it is looked for; the reader is the one beside it.
struct ModuleLookup {
    std::string path;                    // empty when not found
    std::vector<std::string> looked_at;  // every path tried, in order
};
ModuleLookup find_module(const std::string& module);

// Why partner PDFs cannot be read with the module, in plain words naming
// the paths looked at (it is not there, or the reader is not beside it);
// empty when they can. (A module of another version is refused by the
// reader, as the reason a PDF cannot be read.)
std::string module_problem(const std::string& module);

// Why a PDF cannot be bound, in plain words (as after "cannot be bound: "),
// quoting at most a short excerpt of anything from the file; and, when it
// is a budget it exceeds, that budget's name ("stream", "time", ...).
struct Refusal {
    std::string reason;
    std::string budget;
};

// The facts of the PDF at `path`, or nullopt with `why`: encrypted with a
// password, damaged or truncated, no pages, a page of zero size, a page
// tree or content the PDF library cannot be trusted with, past a budget;
// or module_problem. Checks everything binding will do with its pages.
// Never throws. Read in a process of its own, within the budgets' processor
// time (three times that of wall time) and memory: a PDF that crashes or
// hangs the PDF library is only refused.
std::optional<Facts> read_facts(const PartnerOptions& options, const std::string& path, Refusal& why);

// The resource name under which a pack page's content draws its partner
// page ("/BPPartner Do"); bind_pages supplies the object.
inline constexpr const char* kResourceName = "BPPartner";

// One pack page that shows a partner page.
struct Placement {
    std::size_t pack_page = 0;  // 0-based page of the pack PDF
    std::string path;           // the partner PDF
    int page = 0;               // 0-based page of it
    PartnerPage source;         // its box as layout placed it
    std::array<double, 6> matrix{};  // how the pack page draws it (placement_matrix)
    // The object number of the pack's structure element that the partner
    // page's own structure goes under; 0 when the page is a Figure.
    std::uint32_t graft_under = 0;
};

// The pack PDF `pack` with each placement's partner page given to its pack
// page as a form XObject named kResourceName: the page content (text,
// images, fonts), never its annotations, forms or actions. Where placements
// have graft_under, the partner's structure elements for those pages are
// copied under that element, their marked content referred to in the forms
// (MCR /Stm, the forms' /StructParents in the pack's parent tree). Output is
// the same bytes for the same input. Bound in a process of its own, within
// the budgets' memory and, for each partner file, their processor time.
// Throws BindFailure when a partner file can no longer be bound (it changed
// since it was read, or binding it exceeds a budget), or module_problem.
struct BindFailure : std::runtime_error {
    BindFailure(std::size_t at, const Refusal& why) : std::runtime_error(why.reason), placement(at), refusal(why) {}
    std::size_t placement;  // the first placement of the file at fault
    Refusal refusal;
};
std::string bind_pages(const PartnerOptions& options, const std::string& pack, const std::vector<Placement>& placements);

}  // namespace bp::partner
