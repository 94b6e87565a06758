// Session::preview: one paper laid out as the pack would lay it out, in a
// house style the session keeps, pages numbered from 1 and marked DRAFT.
#include <filesystem>

#include "assemble/assemble.hpp"
#include "core/output_file.hpp"
#include "layout/layout.hpp"
#include "load/load.hpp"
#include "pdf/pdf.hpp"
#include "session/state.hpp"
#include "validate/validate.hpp"

namespace boardpack {

namespace fs = std::filesystem;
using namespace bp::session;

BuildResult Session::preview(const PreviewRequest& request) {
    BuildResult out;
    bp::Diagnostics diags;
    state_->digests.next_step();
    auto finish = [&](int code) {
        if (code == kOk && diags.has_errors()) code = kInputErrors;
        out.exit_code = code;
        out.dropped = diags.dropped();
        collect_diagnostics(diags, out.diagnostics);
        return out;
    };
    if (const std::string problem = bp::output_target_problem(request.output); !problem.empty()) {
        diags.error(bp::SourceLoc{request.output, 0, 0}, bp::rule::output, "the PDF " + problem,
                    "name a regular file for it");
        return finish(kOutputFailed);
    }
    bp::PartnerOptions partner;
    if (!partner_options(request.partner_module, request.partner_budgets, partner, diags)) return finish(kOutputRefused);
    std::optional<bp::Paper> paper =
        bp::load_paper(request.paper, fs::path(request.paper).parent_path().string(), diags, partner);
    if (paper) bp::validate_paper(*paper, diags);
    const std::string template_path = find_template(request.house_style, template_dirs(request.template_dirs));
    const HouseStyle* style = nullptr;
    if (!diags.has_errors()) {
        style = &state_->styles.get(template_path);
        diags.merge(style->template_diags);
    }
    if (!paper || !style || !style->doc || diags.has_errors()) return finish(kInputErrors);
    std::vector<std::string> inputs = bp::load_images(*paper, style->doc->max_image_pixels, diags);
    if (diags.has_errors()) return finish(kInputErrors);
    diags.merge(style->style_diags);
    if (!diags.has_errors()) bp::report_unprintable(*paper, *style->fonts, diags);
    if (diags.has_errors() || !style->styles) return finish(kInputErrors);
    inputs.push_back(request.paper);
    inputs.push_back(template_path);
    for (const bp::FontFace& f : style->fonts->faces()) inputs.push_back(f.path);
    for (const std::string& in : inputs)
        if (bp::file_identity(in) == bp::file_identity(request.output)) {
            diags.error(bp::SourceLoc{request.output, 0, 0}, bp::rule::output,
                        "the PDF would be written over " + in + ", which the preview reads",
                        "name another file for the PDF");
            return finish(kOutputRefused);
        }
    out.inputs = inputs;
    bp::LineBreaker breaker(style->doc->locale);
    const bp::LayoutContext ctx{*style->styles, *style->fonts, breaker, diags};
    bp::PackBox box = bp::assemble_preview(*paper, ctx);
    if (diags.has_errors()) return finish(kInputErrors);
    const int pages = static_cast<int>(box.pages.size());
    std::string error;
    bp::PdfOptions po;
    po.partner = partner;
    if (bp::PartnerBindError bind; !bp::write_pdf(std::move(box), request.output, po, &error, &bind)) {
        // A partner PDF that cannot be bound is the input's fault, at its paper.
        if (!bind.message.empty()) {
            diags.error(bind.loc, bp::rule::partner_pdf, bind.message, bp::partner_refusal_hint(partner.budgets, bind.budget));
            return finish(kInputErrors);
        }
        diags.error(bp::SourceLoc{request.output, 0, 0}, bp::rule::output, error);
        return finish(kOutputFailed);
    }
    out.outputs.push_back(WrittenFile{request.output, "preview", pages, 1});
    return finish(kOk);
}

}  // namespace boardpack
