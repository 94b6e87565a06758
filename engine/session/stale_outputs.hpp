// What an earlier build wrote that this one does not write again: a
// supplement when no late paper is left to bind. (The per-item PDFs of
// --split are kept by core/output_folder.hpp.) Internal to the session.
#pragma once
#include <optional>
#include <string>

#include "assemble/assemble.hpp"
#include "core/diag.hpp"

namespace boardpack::detail {

// Why a supplement asked for has nothing to bind, in words that follow "no
// supplement was written: "; nullopt when it has late papers to bind.
std::optional<std::string> why_no_supplement(const bp::PackDocument& pack, const bp::LaidOutParts& parts,
                                             bp::Audience audience);

// No supplement is written this time, for `why`: a supplement boardpack wrote
// at `path` (its title says so) is removed, so that it cannot be taken for
// this build's; any other file there is left as it was. Says which in a note
// at `path`. True when a file was removed.
bool settle_missing_supplement(const std::string& path, const std::string& why, bp::Diagnostics& diags);

}  // namespace boardpack::detail
