// validate: model -> diagnostics. The semantic rules an officer or clerk
// breaks that the XML grammar cannot see (a table row with too many cells,
// a rowspan past the table's end, a next meeting before this one). Never
// throws, never changes the model.
#pragma once
#include "core/diag.hpp"
#include "core/model.hpp"

namespace bp {

void validate_paper(const Paper& paper, Diagnostics& diags);
void validate_pack(const PackDocument& pack, Diagnostics& diags);

}  // namespace bp
