// Partner PDFs in the model: a paper that is a PDF, or an appendix that is
// one. Internal to load/.
#pragma once
#include <optional>
#include <string>

#include "core/diag.hpp"
#include "core/model.hpp"

namespace bp::load {

// The PDF at `path` with its pages' geometry, read as `options` says
// (LoadOptions::partner: the module, the budgets), or nullopt with an error
// at `loc` saying why it cannot be bound (`shown` names it in messages; a
// budget it exceeds is named, with how to raise it); warns at `loc` about
// what binding will leave out, and about restrictions its owner set that
// the pack cannot keep.
std::optional<PartnerPdf> read_partner_pdf(const PartnerOptions& options, const std::string& path,
                                           const std::string& shown, const std::string& alt, const SourceLoc& loc,
                                           Diagnostics& diags);

// A <papers src="...pdf" title alt> as a paper of kind Partner: one
// section holding the PDF.
std::optional<Paper> read_partner_paper(const PartnerOptions& options, const std::string& path, const SourceLoc& loc,
                                        const std::string& title, const std::string& alt, Diagnostics& diags);

}  // namespace bp::load
