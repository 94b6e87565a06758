// validate: model -> diagnostics. The semantic rules an officer or clerk
// breaks that the XML grammar cannot see (a table row with too many cells,
// a rowspan past the table's end, a next meeting before this one). Never
// throws, never changes the model.
#pragma once
#include "core/diag.hpp"
#include "core/model.hpp"

namespace bp {

struct PaperChecks {
    // The paper is bound with others in one agenda item, so an appendix its
    // text mentions may be one of those papers.
    bool appendices_may_be_other_papers = false;
};
void validate_paper(const Paper& paper, Diagnostics& diags, const PaperChecks& checks = {});
void validate_pack(const PackDocument& pack, Diagnostics& diags);

}  // namespace bp
