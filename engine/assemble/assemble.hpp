// assemble: laid-out parts -> editions. In: the loaded pack, styles, fonts.
// Out: finished PackBoxes, one per edition, all sharing one page numbering.
//
//   1. lay_out_parts: every item's papers are laid out once, exempt ones too,
//      from the loaded pack or read item by item as they are laid out.
//   2. number_pack: the one numbering every edition uses. The front sheet,
//      then the public items, each from a right-hand page, then the exempt
//      items (Part B), so a public item's pages carry the same numbers in
//      the public pack, the full pack and its own PDF. The front sheet's
//      ranges are resolved to a fixed point (it is laid out again only while
//      its own length changes).
//   3. plan_edition: what an audience's editions hold (which items are
//      bound, in what order, on which pages, under which file names), made
//      once and read by the binder and the HTML edition alike.
//   4. bind_pack / bind_item / bind_front_sheet / bind_supplement: an
//      edition's pages, copied from the laid-out parts, with padding pages
//      and the structure tree (Document > Part per item).
//   5. Every bind_ finishes its edition: "Page N" footers, "Agenda Item N"
//      stamps, "NOT FOR PUBLICATION" headers on exempt papers, all marked as
//      artifacts.
//
// Items marked to-follow take no pages in the pack, even once their papers
// have arrived: the published pack never changes; bind_supplement binds
// them, numbered on from the full pack's last page.
// Never parses XML and never writes a file.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/boxes.hpp"
#include "core/model.hpp"
#include "layout/layout.hpp"

namespace bp {

enum class Audience : std::uint8_t {
    Public,  // the pack on the website: exempt papers left out, their items listed
    Full,    // members' pack: exempt papers bound as Part B, after the public items
};

// The first right-hand (odd) page number at or after n: the one place the
// duplex rule is written down.
constexpr int next_odd(int n) { return n % 2 == 1 ? n : n + 1; }

// One agenda item's papers, each laid out on its own.
struct LaidOutItem {
    std::vector<PartLayout> papers;
    // Pages the item takes, each paper from a right-hand page of the item.
    int page_count() const;
};

struct LaidOutParts {
    std::vector<LaidOutItem> items;  // per manifest item; empty for items without papers
};

// With jobs > 1, items are laid out on that many threads, each with its own
// line breaker; diagnostics come out in item order, and the parts are the
// same whatever the number. Each page goes to `page_done` as soon as it is
// laid out (layout_paper), on the thread that laid it out.
LaidOutParts lay_out_parts(const PackDocument& pack, const LayoutContext& ctx, int jobs = 1,
                           const PageSink& page_done = {});

// Item i's papers, read when a thread takes the item to lay it out.
using ReadPapers = std::function<std::vector<Paper>(std::size_t item)>;
// The same for a pack whose papers are not loaded: each item's are read on
// the thread that lays them out and freed before it takes its next item, so
// at most `jobs` items' papers are in memory at once, however long the pack.
LaidOutParts lay_out_parts(const PackManifest& manifest, const ReadPapers& read, const LayoutContext& ctx,
                           int jobs = 1, const PageSink& page_done = {});

struct PackNumbering {
    int front_pages = 0;               // the front sheet's pages, with its padding page
    std::vector<AgendaEntry> entries;  // per manifest item: its pages in the full pack
    int public_pages = 0;              // length of the public pack (even)
    int full_pages = 0;                // length of the full pack (even)
};

// nullopt only if the front sheet never settles (reported in ctx.diags).
std::optional<PackNumbering> number_pack(const PackDocument& pack, const LaidOutParts& parts,
                                         const LayoutContext& ctx);

// ---- the edition plan -------------------------------------------------------

// One agenda item as an audience's editions show it.
struct PlannedItem {
    std::size_t index = 0;  // manifest.items[index]
    int number = 0;         // as printed on the agenda
    // Its papers are in this audience's pack, on these pack pages (what
    // "(Pages X - Y)" says); unset when it has none there (no papers, to
    // follow, or exempt for the public).
    std::optional<int> first_page, last_page;
    bool bound() const { return first_page.has_value(); }
    // The pages of its PDF of its own (bind_item): its pack pages, padded to
    // end on an even page; 0 when not bound.
    int own_pages = 0;
    // "05-prevent-update": from its number and title; its PDF of its own is
    // name + ".pdf", and the HTML edition names its paper pages after it.
    std::string name;
};

// What one audience's editions hold, decided once from the numbering and
// read by every writer: the pack PDF, its front sheet, the per-item PDFs and
// the HTML site, so none of them decides again what is in or out.
struct EditionPlan {
    Audience audience = Audience::Public;
    int front_pages = 0;  // the front sheet's pages, with its padding page
    int pages = 0;        // the pack's length for this audience (even)
    int full_pages = 0;   // the full pack's length: a supplement numbers on from it
    std::vector<AgendaEntry> entries;  // what its front sheet shows, per manifest item
    std::vector<PlannedItem> items;    // per manifest item, in agenda order
    // Bound items in the order they are bound: public ones in agenda order,
    // then Part B; indexes into `items`.
    std::vector<std::size_t> order;
};

EditionPlan plan_edition(const PackManifest& manifest, const PackNumbering& numbering, Audience audience);

// "Prevent Update." -> "prevent-update": a file name any system accepts.
std::string file_slug(const std::string& title);

// "05-prevent-update": an item's name from its agenda number and title, as
// PlannedItem::name has it; for naming what is made of an item before the
// pack is numbered (items are numbered in agenda order, from 1).
std::string item_file_name(int number, const AgendaItem& item);

struct Edition {
    PackBox box;                       // box.first_page_number: the printed number of its first page
    std::vector<AgendaEntry> entries;  // what its front sheet shows (pack numbers)
    int front_pages = 0;               // pages the front sheet itself takes
    int blank_pages = 0;
};

// The pack for the plan's audience: front sheet, items, padding to an even length.
Edition bind_pack(const PackDocument& pack, const LaidOutParts& parts, const EditionPlan& plan,
                  const LayoutContext& ctx);
// The same, moving the pages out of `parts` rather than copying them: for
// the last edition a build binds, so the pages are held once, not twice.
Edition bind_pack(const PackDocument& pack, LaidOutParts&& parts, const EditionPlan& plan, const LayoutContext& ctx);

// The front sheet alone, as published beside the per-item PDFs.
Edition bind_front_sheet(const PackDocument& pack, const EditionPlan& plan, const LayoutContext& ctx);

// One bound item's papers with the page numbers they have in the pack.
Edition bind_item(const PackDocument& pack, const LaidOutParts& parts, const EditionPlan& plan, std::size_t item,
                  const LayoutContext& ctx);

// The heading of a supplement's front sheet, and the start of its title.
inline constexpr std::string_view kSupplementTitle = "Supplementary agenda";

// The items a supplement binds: marked to-follow, their papers arrived
// (exempt ones only for the full audience). In agenda order.
std::vector<std::size_t> late_items(const PackDocument& pack, const LaidOutParts& parts, Audience audience);

// The late_items: a "Supplementary agenda" front sheet listing them with
// their own numbers, then their papers, numbered on from the full pack's
// last page; titled "Supplementary agenda - " and the pack's title. nullopt
// (with an error) when there are none.
std::optional<Edition> bind_supplement(const PackDocument& pack, const LaidOutParts& parts, const EditionPlan& plan,
                                       const LayoutContext& ctx);

// Whether an item's papers, if it has any, are bound in the pack for this
// audience: not while they are to follow, not exempt ones for the public.
bool binds_papers(const AgendaItem& item, Audience audience);

// ---- the whole pack in one call (tests, simple callers) --------------------

struct AssembleOptions {
    bool include_exempt = false;  // false: the public pack, exempt papers left out
};

struct AssembledPack {
    PackBox box;
    std::vector<AgendaEntry> entries;  // per manifest item: number and pages
    int front_pages = 0;
    int blank_pages = 0;
};

// lay_out_parts, number_pack and bind_pack for the public or full audience.
std::optional<AssembledPack> assemble_pack(const PackDocument& pack, const LayoutContext& ctx,
                                           const AssembleOptions& options);

// One paper on its own, for `boardpack preview`: laid out as in the pack
// and finished by the same step as every edition (its links to its own
// pages resolved, the template's footer), pages numbered from 1, each page
// marked DRAFT where a pack page has its agenda stamp. No front sheet, no
// padding.
PackBox assemble_preview(const Paper& paper, const LayoutContext& ctx);

// "en_GB" (an ICU locale) -> "en-GB" (a BCP 47 language tag): the
// language every edition declares.
std::string language_tag(std::string locale);

// "Page {page}" with the number filled in.
std::string fill_template_text(const std::string& pattern, const std::string& key, int value);

}  // namespace bp
