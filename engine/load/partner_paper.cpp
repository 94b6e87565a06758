// A partner's PDF named by <papers src="...pdf"> (or an appendix): read
// with the partner stage for its pages, so the pack's page ranges count
// them, and reported at the element that names it.
#include "load/partner_paper.hpp"

#include "load/values.hpp"
#include "partner/partner.hpp"

namespace bp::load {

namespace {

std::string plural(int n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// One warning listing what binding leaves out of this PDF, if anything.
void report_dropped(const partner::Facts& f, const std::string& shown, const SourceLoc& loc, Diagnostics& diags) {
    std::vector<std::string> dropped;
    if (f.annotations > 0) dropped.push_back(plural(f.annotations, "comment or annotation", "comments and annotations"));
    if (f.other_links > 0) dropped.push_back(plural(f.other_links, "link to somewhere other than a web or e-mail address or a page of the PDF", "links to somewhere other than a web or e-mail address or a page of the PDF"));
    if (f.form) dropped.push_back("its form fields");
    if (f.javascript) dropped.push_back("its JavaScript");
    if (f.open_action) dropped.push_back("the action it runs when opened");
    if (f.embedded_files) dropped.push_back("its attached files");
    if (f.hidden_pages > 0)
        dropped.push_back("content in layers it shows switched off (on " + plural(f.hidden_pages, "page", "pages") + ")");
    if (f.long_texts > 0)
        dropped.push_back(plural(f.long_texts, "alternate description or replacement text", "alternate descriptions and replacement texts") +
                          " too long to carry");
    if (f.cut_titles > 0)
        dropped.push_back(plural(f.cut_titles, "bookmark title", "bookmark titles") + " longer than 400 characters (cut short)");
    if (dropped.empty()) return;
    std::string list;
    for (std::size_t i = 0; i < dropped.size(); ++i)
        list += (i == 0 ? "" : i + 1 == dropped.size() ? " and " : ", ") + dropped[i];
    diags.warning(loc, rule::partner_dropped, "the PDF " + shown + " has " + list + "; the pack shows its pages without them",
                  "if the reader needs them, ask the partner for a version without, or publish the PDF beside the pack");
}

// Its owner's restrictions, which a pack published on the web cannot keep:
// bound with a warning, not refused (a partner who restricts printing of a
// paper sent for publication has usually set a default, not a condition).
void report_restrictions(const partner::Facts& f, const std::string& shown, const SourceLoc& loc, Diagnostics& diags) {
    if (f.restrictions.empty()) return;
    std::string list;
    for (std::size_t i = 0; i < f.restrictions.size(); ++i)
        list += (i == 0 ? "" : i + 1 == f.restrictions.size() ? " or " : ", ") + f.restrictions[i];
    diags.warning(loc, rule::partner_restricted,
                  "the owner of the PDF " + shown + " does not allow " + list + "; the pack, which binds it, allows both",
                  "bind it only with the owner's permission, or ask the partner for a PDF without restrictions "
                  "(--werror makes this an error)");
}

}  // namespace

std::optional<PartnerPdf> read_partner_pdf(const PartnerOptions& options, const std::string& path,
                                           const std::string& shown, const std::string& alt, const SourceLoc& loc,
                                           Diagnostics& diags) {
    // Without the module no partner PDF can be read, whatever it holds.
    if (const std::string problem = partner::module_problem(options.module); !problem.empty()) {
        diags.error(loc, rule::partner_pdf, "the PDF " + shown + " cannot be bound: " + problem,
                    "install boardpack whole (the module and the partner reader go in lib/boardpack/ of its prefix), "
                    "or, in a program that links the library, name the module in BuildRequest::partner_module");
        return std::nullopt;
    }
    const PartnerBudgets& budgets = options.budgets;
    partner::Refusal why;
    std::optional<partner::Facts> facts = partner::read_facts(options, path, why);
    if (!facts) {
        diags.error(loc, rule::partner_pdf, "the PDF " + shown + " cannot be bound: " + why.reason,
                    partner_refusal_hint(budgets, why.budget));
        return std::nullopt;
    }
    report_dropped(*facts, shown, loc, diags);
    report_restrictions(*facts, shown, loc, diags);
    if (!facts->structure_problem.empty())
        diags.warning(loc, rule::partner_dropped,
                      "the PDF " + shown + " is tagged, but " + facts->structure_problem +
                          "; the pack tags each of its pages as a figure instead",
                      "give alt=\"...\" saying what the pages show, or ask the partner to save the PDF again with its tags");
    PartnerPdf pdf;
    pdf.path = path;
    pdf.loc = loc;
    pdf.shown = shown;
    pdf.alt = alt;
    pdf.tagged = facts->tagged;
    pdf.pages = std::move(facts->pages);
    pdf.outline = std::move(facts->outline);
    return pdf;
}

std::optional<Paper> read_partner_paper(const PartnerOptions& options, const std::string& path, const SourceLoc& loc,
                                        const std::string& title, const std::string& alt, Diagnostics& diags) {
    std::optional<PartnerPdf> pdf = read_partner_pdf(options, path, quoted(path), alt, loc, diags);
    if (!pdf) return std::nullopt;
    Paper paper;
    paper.kind = Paper::Kind::Partner;
    paper.loc = loc;
    if (!title.empty()) paper.header.title.push_back(Inlines{Inline{Inline::Kind::Text, 0, title, {}, {}}});
    Section section;
    section.loc = loc;
    section.partner = std::move(pdf);
    paper.sections.push_back(std::move(section));
    return paper;
}

}  // namespace bp::load
