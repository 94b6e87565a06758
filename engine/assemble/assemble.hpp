// assemble: parts -> pack. In: the loaded pack, styles, fonts. Out: the
// finished PackBox: front sheet, every item's papers from an odd page,
// padding pages with the blank text, "Page N" footers, "Agenda Item N"
// stamps, outlines, and agenda ranges resolved to a fixed point (the front
// sheet is laid out again only while its own length changes).
// Never parses XML and never writes a file.
#pragma once
#include <optional>
#include <vector>

#include "core/boxes.hpp"
#include "core/model.hpp"
#include "layout/layout.hpp"

namespace bp {

struct AssembleOptions {
    bool include_exempt = false;  // false: the public pack, exempt papers left out
};

struct AssembledPack {
    PackBox box;
    std::vector<AgendaEntry> entries;  // per manifest item: number and pages
    int front_pages = 0;
    int blank_pages = 0;
};

// nullopt only if the front sheet never settles (reported in ctx.diags).
std::optional<AssembledPack> assemble_pack(const PackDocument& pack, const LayoutContext& ctx,
                                           const AssembleOptions& options);

// "Page {page}" with the number filled in.
std::string fill_template_text(const std::string& pattern, const std::string& key, int value);

}  // namespace bp
