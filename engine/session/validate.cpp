// Session::validate: papers, packs and templates checked for an officer,
// each paper against the fonts of a house style the session keeps.
#include <algorithm>
#include <filesystem>
#include <set>

#include "core/output_file.hpp"
#include "load/load.hpp"
#include "session/state.hpp"
#include "text/text.hpp"
#include "validate/validate.hpp"

namespace boardpack {

namespace fs = std::filesystem;
using namespace bp::session;

namespace {

// The fonts of a house style, or null when it cannot be loaded: its own
// problems are reported when it is validated itself.
const bp::FontTable* fonts_of(HouseStyles& styles, const std::string& path) {
    const HouseStyle& style = styles.get(path);
    return style.usable() ? style.fonts.get() : nullptr;
}

}  // namespace

ValidateResult Session::validate(const ValidateRequest& request) {
    ValidateResult out;
    bp::Diagnostics diags;
    state_->digests.next_step();
    bp::LoadOptions lo;
    lo.template_dirs = template_dirs(request.template_dirs);
    // A budget that is not one: the error says so, and nothing is read.
    const bool budgets_read = partner_options(request.partner_module, request.partner_budgets, lo.partner, diags);
    HouseStyles& styles = state_->styles;
    auto check_paper = [&](const bp::Paper& p) {
        bp::validate_paper(p, diags);
        if (const bp::FontTable* t = fonts_of(styles, find_template(request.paper_house_style, lo.template_dirs)))
            bp::report_unprintable(p, *t, diags);
    };
    // Each file is checked and reported once: `validate *.xml` in a pack's
    // folder names the pack and its papers, and a paper the pack names is
    // checked as part of it (with the pack's own template), not again on
    // its own. So the packs go first; a file met again is passed over.
    std::vector<std::string> order;
    for (const std::string& f : request.files)
        if (f != "-" && bp::sniff_file_kind(f) == bp::FileKind::Pack) order.push_back(f);
    for (const std::string& f : request.files)
        if (f == "-" || bp::sniff_file_kind(f) != bp::FileKind::Pack) order.push_back(f);
    std::set<std::string> checked;  // by bp::file_identity
    auto first_time = [&](const std::string& path) { return checked.insert(bp::file_identity(path)).second; };
    for (const std::string& f : order) {
        if (!budgets_read) break;
        if (f != "-" && !first_time(f)) continue;
        ++out.files;
        if (f == "-") {
            const bp::FileKind kind = bp::text_kind(request.standard_input);
            if (kind == bp::FileKind::Pack) {
                diags.error(bp::SourceLoc{kStandardInputName, 0, 0}, bp::rule::file_unreadable,
                            "a pack manifest names its papers by path, so it cannot be checked from standard input",
                            "give the manifest's file name instead of -");
            } else if (kind == bp::FileKind::Template) {
                bp::load_template_text(kStandardInputName, request.standard_input, diags);
            } else if (auto p = bp::load_paper_text(kStandardInputName, request.standard_input, diags)) {
                check_paper(*p);
            }
            continue;
        }
        const bp::FileKind kind = bp::sniff_file_kind(f);
        if (kind == bp::FileKind::Pack) {
            // A paper an earlier pack named was reported with it: what this
            // pack finds there is left out, so each file is reported once.
            const std::set<std::string> reported = checked;
            bp::Diagnostics found;
            auto doc = bp::load_pack(f, lo, found);
            if (doc) {
                bp::validate_pack(*doc, found);
                if (const bp::FontTable* t = fonts_of(styles, doc->manifest.template_ref))
                    bp::report_unprintable(*doc, *t, found);
                // Without the build's template, images get the default pixel limit.
                bp::load_images(*doc, bp::kDefaultMaxImagePixels, found);
            }
            diags.merge_files(found, [&](const bp::FilePath& file) {
                return file.str() == f || !reported.count(bp::file_identity(file.str()));
            });
            if (!doc) continue;
            // Every paper the manifest names was read (or reported unreadable)
            // with it; those read count as files.
            std::set<std::string> read;
            for (const auto& item : doc->papers)
                for (const bp::Paper& p : item) read.insert(p.loc.file);
            for (const bp::AgendaItem& item : doc->manifest.items)
                for (const std::string& paper : item.papers)
                    if (first_time(paper) && read.count(paper)) ++out.files;
        } else if (kind == bp::FileKind::Template) {
            // Resolving the styles finds what only the whole template shows: a
            // font that cannot be read, text too big for the page.
            const HouseStyle& style = styles.get(f);
            diags.merge(style.template_diags);
            if (style.doc && !style.template_diags.has_errors()) diags.merge(style.style_diags);
        } else if (auto p = bp::load_paper(f, fs::path(f).parent_path().string(), diags, lo.partner)) {
            check_paper(*p);
            bp::load_images(*p, bp::kDefaultMaxImagePixels, diags);
        }
    }
    out.exit_code = diags.has_errors() ? kInputErrors : kOk;
    out.dropped = diags.dropped();
    out.errors = diags.error_count();
    out.warnings = diags.warning_count();
    collect_diagnostics(diags, out.diagnostics);
    return out;
}

}  // namespace boardpack
