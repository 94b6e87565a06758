// validate: model -> diagnostics. The semantic rules an officer or clerk
// breaks that the XML grammar cannot see (a table row with too many cells,
// a rowspan past the table's end, a next meeting before this one). Never
// throws, never changes the model.
#pragma once
#include <functional>
#include <vector>

#include "core/diag.hpp"
#include "core/model.hpp"

namespace bp {

struct PaperChecks {
    // The paper is bound with others in one agenda item, so an appendix its
    // text mentions may be one of those papers.
    bool appendices_may_be_other_papers = false;
};
void validate_paper(const Paper& paper, Diagnostics& diags, const PaperChecks& checks = {});
// A manifest with its papers: validate_manifest, then validate_item for
// each item, each paper checked where its file is first bound.
void validate_pack(const PackDocument& pack, Diagnostics& diags);

// validate_pack in parts, for a build that reads one item's papers at a
// time. What needs the manifest alone: each item's title, exemption and
// next meetings, a paper bound twice.
void validate_manifest(const PackManifest& manifest, Diagnostics& diags);
// One item's papers as bound (load_pack's papers[i]): each paper for which
// first_bound(j) is true, so that a paper bound into two items is reported
// once, and every partner's PDF (its alt text belongs to the binding).
void validate_item(const PackManifest& manifest, const std::vector<Paper>& papers,
                   const std::function<bool(std::size_t)>& first_bound, Diagnostics& diags);

}  // namespace bp
