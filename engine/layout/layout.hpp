// layout: model + styles -> page boxes. In: papers or a pack manifest, the
// resolved StyleSheet, the FontTable. Out: the pages of one part (an item's
// papers, or the agenda front sheet), numbered from 0 within the part.
// Pure: it never knows its pack page numbers (assemble/ stamps those) and
// never writes a PDF.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/boxes.hpp"
#include "core/diag.hpp"
#include "core/model.hpp"
#include "realize/realize.hpp"
#include "style/style.hpp"
#include "text/text.hpp"

namespace bp {

struct LayoutContext {
    const StyleSheet& styles;
    const FontTable& fonts;
    LineBreaker& breaker;
    Diagnostics& diags;
};

// A bookmark inside a part: page is 0-based within the part.
struct PartAnchor {
    std::string title;
    int page = 0;
    Mpt y = 0;
    int level = 1;
};

// A part's pages and its structure: every Mark::node on the pages indexes
// `structure`, whose roots (parent kNoStruct) are bound under the part's own
// element when the pack is bound.
struct PartLayout {
    std::vector<PageBox> pages;
    std::vector<PartAnchor> anchors;
    StructTree structure;
};

// Called with each page as soon as it is laid out, in order, on the thread
// laying it out: what it becomes before it is bound (the pdf stage seals it
// there). The page's marks index `structure`: its part's, still growing.
using PageSink = std::function<void(PageBox& page, const StructTree& structure)>;

// The pages of one paper, numbered from 0 within the paper; assemble binds
// an item's papers, each from a right-hand page. Each page goes to `sink`
// (if any) as soon as it is made, so a long paper is not held whole.
PartLayout layout_paper(const Paper& paper, const LayoutContext& ctx, const PageSink& sink = {});

// The agenda front sheet, laid out from its realized tree
// (realize_front_sheet): each listed item with its range, notes, reason
// for exemption and next meetings. Each item with pages is a link to its
// first page, which must lie in the same PDF. The sheet's structure is the
// realized tree's.
PartLayout layout_front_sheet(const realized::Document& sheet, const LayoutContext& ctx);
// The same, realized first with the context's template.
PartLayout layout_front_sheet(const PackManifest& manifest, const std::vector<AgendaEntry>& entries,
                              const LayoutContext& ctx,
                              realized::SheetHeading heading = realized::SheetHeading::Agenda);

// A page carrying only the template's blank text, centred.
PageBox layout_blank_page(const LayoutContext& ctx, Orientation orientation);

}  // namespace bp
