// Every piece of text a paper or an agenda prints, with the place it was
// written: for checks that read words (appendix mentions, characters the
// fonts lack) without knowing every kind of block.
#pragma once
#include <functional>
#include <string_view>

#include "model.hpp"

namespace bp {

// Calls `visit(loc, text)` for each run of text, in document order; `loc` is
// the block that holds it (for text in lists and tables: the list or table).
using TextVisitor = std::function<void(const SourceLoc& loc, std::string_view text)>;
void for_each_text(const Paper& paper, const TextVisitor& visit);
void for_each_text(const PackManifest& manifest, const TextVisitor& visit);
// The same for one list of blocks (a section's, an appendix's).
void for_each_text(const Blocks& blocks, const TextVisitor& visit);

}  // namespace bp
