// <report>, <minutes> and <document>: the top level of papers, their
// headers, sections and appendices, and the parts only minutes have.
#include "load/readers.hpp"

#include "core/input_file.hpp"
#include "load/blocks.hpp"
#include "load/partner_paper.hpp"
#include "load/paths.hpp"
#include "load/values.hpp"

namespace bp::load {

namespace {

class PaperReader {
public:
    PaperReader(Reader& r, const grammar::Format& g, const std::string& pack_root, const PartnerOptions& partner)
        : r_(r), g_(g), blocks_(r, g), pack_root_(pack_root), partner_(partner) {}

    void report(pugi::xml_node root, Paper& paper);
    void minutes(pugi::xml_node root, Paper& paper);
    void document(pugi::xml_node root, Paper& paper);

private:
    // Blocks written at the top level go into an implicit portrait section,
    // opened by the first such block and closed by a <section>/<appendix>.
    struct TopLevel {
        Paper& paper;
        bool implicit_open = false;
        Blocks& implicit(const SourceLoc& loc) {
            if (!implicit_open) {
                Section s;
                s.loc = loc;
                paper.sections.push_back(std::move(s));
                implicit_open = true;
            }
            return paper.sections.back().blocks;
        }
    };

    // A section, an appendix or a block at the top level of a report or document.
    void body_element(pugi::xml_node c, const grammar::Type& t, const BlockContext& ctx, TopLevel& top) {
        std::string_view n = c.name();
        if (n == "section" || n == "appendix") {
            top.implicit_open = false;
            top.paper.sections.push_back(n == "section" ? section(c, t, ctx) : appendix(c, t, ctx));
            return;
        }
        Blocks got;
        blocks_.read_block(c, t, ctx, got);
        Blocks& into = top.implicit(r_.loc(c));
        for (Block& b : got) into.push_back(std::move(b));
    }
    // A <cover>: a block of its own kind, first in a document or appendix.
    void cover(pugi::xml_node el, Blocks& out) {
        if (!r_.enter(el)) return;
        Block b;
        b.loc = r_.loc(el);
        b.node = blocks_.read_cover(el);
        out.push_back(std::move(b));
        r_.leave();
    }

    void report_header(pugi::xml_node el, PaperHeader& h);
    void minutes_header(pugi::xml_node el, Paper& paper);
    Section section(pugi::xml_node el, const grammar::Type& t, const BlockContext& ctx);
    Section appendix(pugi::xml_node el, const grammar::Type& t, const BlockContext& ctx);
    void pdf_appendix(pugi::xml_node el, const std::string& src, const BlockContext& ctx, Section& s);
    Minute minute(pugi::xml_node el, const grammar::Type& t);
    Attendance attendance(pugi::xml_node el, const grammar::Type& t);
    Signature signature(pugi::xml_node el);

    Reader& r_;
    const grammar::Format& g_;
    BlockReader blocks_;
    std::string pack_root_;
    const PartnerOptions& partner_;
};

void PaperReader::report(pugi::xml_node root, Paper& paper) {
    const grammar::Type& type = g_.type("report");
    r_.check_attributes(root, type);
    r_.check_version(root);
    BlockContext ctx;
    ctx.kind = Paper::Kind::Report;
    ctx.p_default = Numbering::Auto;  // "In a report, <p> is numbered 1, 2, 3 ..."
    ctx.pack_root = pack_root_;
    TopLevel top{paper};
    for (auto [c, t] : r_.children(root, g_, type, "put text in a <p>")) {
        if (std::string_view(c.name()) == "header")
            report_header(c, paper.header);
        else
            body_element(c, *t, ctx, top);
    }
}

void PaperReader::report_header(pugi::xml_node el, PaperHeader& h) {
    if (!r_.enter(el)) return;
    const grammar::Type& type = g_.type("report-header");
    r_.check_attributes(el, type);
    for (auto [c, t] : r_.children(el, g_, type, "put text in <board>, <date>, <title> or <line>")) {
        if (!r_.enter(c)) continue;
        r_.check_attributes(c, *t);
        std::string_view n = c.name();
        if (n == "board") {
            h.board = r_.plain_text(c);
        } else if (n == "date") {
            h.date = r_.text_date(c);
            h.date_loc = r_.loc(c);
        } else if (n == "title") {
            h.title.push_back(r_.inlines(c));
            if (plain_text(h.title.back()).find_first_not_of(' ') == std::string::npos)
                r_.error(c, rule::empty_value, "this <title> is empty", "write the paper's title");
        } else {
            h.lines.push_back(r_.inlines(c));
        }
        r_.leave();
    }
    r_.leave();
}

Section PaperReader::section(pugi::xml_node el, const grammar::Type& t, const BlockContext& ctx) {
    r_.check_attributes(el, t);
    Section s;
    s.loc = r_.loc(el);
    if (std::optional<std::size_t> o = r_.attr_choice(el, "orientation", {"portrait", "landscape"}))
        s.orientation = *o == 0 ? Orientation::Portrait : Orientation::Landscape;
    if (std::optional<bool> np = r_.attr_bool(el, "new-page")) s.new_page = *np;
    if (!r_.enter(el)) return s;
    blocks_.read_blocks(el, t, ctx, s.blocks);
    r_.leave();
    return s;
}

Section PaperReader::appendix(pugi::xml_node el, const grammar::Type& t, const BlockContext& ctx) {
    r_.check_attributes(el, t);
    Section s;
    s.loc = r_.loc(el);
    s.new_page = true;
    if (std::optional<std::string> title = r_.required_attr(el, "title", "title=\"Appendix 1 - Performance Dashboard\"")) {
        s.title = plain_inlines(*title);
        if (s.title.empty()) r_.attr_error(el, "title", rule::empty_value, "title on <appendix> is empty", "write the appendix's heading");
    }
    if (std::optional<std::string> src = r_.attr(el, "src")) {
        pdf_appendix(el, *src, ctx, s);
        return s;
    }
    if (r_.attr(el, "alt"))
        r_.attr_error(el, "alt", rule::bad_value,
                      "alt on <appendix> is for a PDF appendix (src=\"...pdf\"); an appendix written here is read as text, so leave alt out");
    if (std::optional<std::size_t> o = r_.attr_choice(el, "orientation", {"portrait", "landscape"}))
        s.orientation = *o == 0 ? Orientation::Portrait : Orientation::Landscape;
    if (!r_.enter(el)) return s;
    r_.begin_appendix();
    for (auto [c, type] : r_.children(el, g_, t, "put text in a <p>")) {
        if (std::string_view(c.name()) == "cover")
            cover(c, s.blocks);
        else
            blocks_.read_block(c, *type, ctx, s.blocks);
    }
    r_.end_appendix();
    r_.leave();
    return s;
}

// <appendix src="partner.pdf" title alt/>: another organisation's PDF bound
// page for page after the report, as a partner paper is. Its pages take
// their own shapes, so it has no orientation, and it holds nothing.
void PaperReader::pdf_appendix(pugi::xml_node el, const std::string& src, const BlockContext& ctx, Section& s) {
    r_.check_holds_nothing(el, "a PDF appendix shows the PDF's pages only: write <appendix src=\"...\" title=\"...\" alt=\"...\"/>");
    if (r_.attr(el, "orientation"))
        r_.attr_error(el, "orientation", rule::bad_value,
                      "orientation on a PDF appendix has no effect: each of its pages is portrait or landscape to match its shape",
                      "leave orientation out");
    if (src.empty()) {
        r_.attr_error(el, "src", rule::empty_value, "src on <appendix> is empty; name the PDF, e.g. src=\"police-report.pdf\"");
        return;
    }
    const std::string path = resolve_relative(r_.src().path, src);
    if (!is_pdf_path(path)) {
        r_.attr_error(el, "src", rule::bad_value, "src on <appendix> names " + quoted(src) + ", which is not a PDF",
                      "an appendix written in XML goes inside <appendix> itself; src is for a partner's PDF (a name ending .pdf)");
        return;
    }
    if (!is_inside(ctx.pack_root, path)) {
        r_.attr_error(el, "src", rule::outside_pack, "the PDF \"" + quote_value(src) + "\" lies outside the pack's folder (" +
                         ctx.pack_root + "); copy it into the folder");
        return;
    }
    switch (file_state(path)) {
        case FileState::Missing:
            r_.attr_error(el, "src", rule::missing_file, "PDF file \"" + quote_value(src) + "\" not found (looked for " + path + ")");
            return;
        case FileState::NotAFile:
            r_.attr_error(el, "src", rule::missing_file, "src on <appendix> names the folder " + path + ", not a PDF file");
            return;
        case FileState::Special:
            r_.attr_error(el, "src", rule::file_unreadable, "the PDF " + path + " " + input_file_problem(path));
            return;
        case FileState::Ok: break;
    }
    const std::string alt = collapse_space(r_.attr(el, "alt").value_or(""));
    s.partner = read_partner_pdf(partner_, path, quoted(path), alt, s.loc, r_.diags());
    // Its first page's shape decides how it starts, as a landscape appendix's does.
    if (s.partner) {
        const PartnerPage& first = s.partner->pages.front();
        if (first.shown_width() > first.shown_height()) s.orientation = Orientation::Landscape;
    }
}

void PaperReader::minutes(pugi::xml_node root, Paper& paper) {
    const grammar::Type& type = g_.type("minutes");
    r_.check_attributes(root, type);
    r_.check_version(root);
    paper.first_minute = r_.attr_int(root, "first-minute", 1, 99999);
    Section s;
    s.loc = r_.loc(root);
    // Lines between minutes, such as the chair line before the attendance.
    BlockContext ctx;
    ctx.kind = Paper::Kind::Minutes;
    ctx.pack_root = pack_root_;
    for (auto [c, t] : r_.children(root, g_, type, "put text in a <p> inside a <minute>")) {
        std::string_view n = c.name();
        if (n == "header") {
            minutes_header(c, paper);
            continue;
        }
        if (n != "attendance" && n != "minute" && n != "signature") {
            blocks_.read_block(c, *t, ctx, s.blocks);
            continue;
        }
        if (!r_.once_per_file(c, *t)) continue;
        if (!r_.enter(c)) continue;
        Block b;
        b.loc = r_.loc(c);
        if (n == "attendance") b.node = attendance(c, *t);
        if (n == "minute") b.node = minute(c, *t);
        if (n == "signature") b.node = signature(c);
        r_.leave();
        s.blocks.push_back(std::move(b));
    }
    paper.sections.push_back(std::move(s));
}

void PaperReader::minutes_header(pugi::xml_node el, Paper& paper) {
    if (!r_.enter(el)) return;
    const grammar::Type& type = g_.type("minutes-header");
    r_.check_attributes(el, type);
    for (auto [c, t] : r_.children(el, g_, type, "put text in <board>, <date> or <venue>")) {
        r_.check_attributes(c, *t);
        std::string_view n = c.name();
        if (n == "board") paper.header.board = r_.plain_text(c);
        if (n == "date") paper.header.date = r_.text_date(c);
        if (n == "venue") {
            paper.venue = r_.plain_text(c);
            paper.online = r_.attr_bool(c, "online").value_or(false);
            if (paper.venue.empty())
                r_.error(c, rule::empty_value, "<venue> is empty",
                         paper.online ? "name the service the meeting was held on, e.g. Microsoft Teams"
                                      : "write where the meeting was held, e.g. County Hall, Glenfield");
        }
    }
    r_.leave();
}

Minute PaperReader::minute(pugi::xml_node el, const grammar::Type& t) {
    r_.check_attributes(el, t);
    Minute m;
    m.number = r_.attr_int(el, "number", 1, 99999);
    BlockContext ctx;
    ctx.kind = Paper::Kind::Minutes;
    ctx.p_default = Numbering::None;
    ctx.pack_root = pack_root_;
    for (auto [c, type] : r_.children(el, g_, t, "put text in a <p>")) {
        if (std::string_view(c.name()) == "title") {
            r_.check_attributes(c, *type);
            if (!r_.enter(c)) continue;
            m.title = r_.inlines(c);
            r_.leave();
        } else {
            blocks_.read_block(c, *type, ctx, m.content);
        }
    }
    // A missing or empty <title> is validate/'s to report, once.
    return m;
}

Attendance PaperReader::attendance(pugi::xml_node el, const grammar::Type& t) {
    r_.check_attributes(el, t);
    Attendance a;
    for (auto [g, group_type] : r_.children(el, g_, t,
                                            "put names in <person> inside a <group title=\"Present\">")) {
        if (!r_.enter(g)) continue;
        r_.check_attributes(g, *group_type);
        AttendanceGroup group;
        group.loc = r_.loc(g);
        // Optional: the first list of members often has no heading.
        if (std::optional<std::string> title = r_.attr(g, "title")) group.title = collapse_space(*title);
        for (auto [p, person_type] : r_.children(g, g_, *group_type, "put each name in a <person>")) {
            if (!r_.enter(p)) continue;
            r_.check_attributes(p, *person_type);
            if (std::string_view(p.name()) == "chair") {
                group.chair = r_.inlines(p);
                if (group.chair.empty())
                    r_.error(p, rule::empty_value, "<chair> is empty",
                             "write who chaired, e.g. Mr J. T. Orson CC (in the Chair), or delete it");
                r_.leave();
                continue;
            }
            AttendanceGroup::Person person;
            for (auto [f, field_type] :
                 r_.children(p, g_, *person_type, "put the name in <name> and the organisation in <role>")) {
                r_.check_attributes(f, *field_type);
                if (!r_.enter(f)) continue;
                bool is_name = std::string_view(f.name()) == "name";
                (is_name ? person.name : person.role) = r_.inlines(f);
                if (is_name && person.name.empty())
                    r_.error(f, rule::empty_value, "<name> is empty", "write the person's name");
                r_.leave();
            }
            group.people.push_back(std::move(person));
            r_.leave();
        }
        a.groups.push_back(std::move(group));
        r_.leave();
    }
    return a;
}

Signature PaperReader::signature(pugi::xml_node el) {
    r_.check_attributes(el, g_.type("signature"));
    Signature s;
    if (std::optional<std::string> t = r_.attr(el, "times")) s.times = collapse_space(*t);
    s.date = r_.attr_date(el, "date");
    if (std::optional<std::string> role = r_.attr(el, "role")) {
        std::string v = collapse_space(*role);
        if (v.empty())
            r_.attr_error(el, "role", rule::empty_value, "role on <signature> is empty", "leave it out for CHAIRMAN");
        else
            s.role = v;
    }
    return s;
}

void PaperReader::document(pugi::xml_node root, Paper& paper) {
    const grammar::Type& type = g_.type("document");
    r_.check_attributes(root, type);
    r_.check_version(root);
    BlockContext ctx;
    ctx.kind = Paper::Kind::Document;
    ctx.p_default = Numbering::None;
    ctx.pack_root = pack_root_;
    TopLevel top{paper};
    for (auto [c, t] : r_.children(root, g_, type, "put text in a <p>")) {
        if (std::string_view(c.name()) == "cover") {
            cover(c, top.implicit(r_.loc(c)));
        } else {
            body_element(c, *t, ctx, top);
        }
    }
}

}  // namespace

std::optional<Paper> read_paper(XmlFile& file, const std::string& pack_root, const PartnerOptions& partner,
                                Diagnostics& diags) {
    Reader r(file.src, diags);
    pugi::xml_node root = file.root;
    std::string_view name = root.name();
    Paper paper;
    paper.loc = r.loc(root);
    if (name != "report" && name != "minutes" && name != "document") {
        std::string msg = "the top-level element is <" + std::string(name) + ">; a paper is a <report>, <minutes> or <document>";
        if (name == "pack") msg = "this file is a pack manifest (<pack>), not a paper; a paper is a <report>, <minutes> or <document>";
        if (name == "template") msg = "this file is a template, not a paper; a paper is a <report>, <minutes> or <document>";
        r.error(root, rule::wrong_root, msg);
        return std::nullopt;
    }
    PaperReader pr(r, *grammar::format_for_root(name), pack_root, partner);
    // The paper's own way with ordinal days, over the template's.
    if (std::optional<std::size_t> o = r.attr_choice(root, "ordinal", {"false", "true", "superscript"}))
        paper.ordinal = static_cast<OrdinalDays>(*o);
    if (name == "report") {
        paper.kind = Paper::Kind::Report;
        pr.report(root, paper);
    } else if (name == "minutes") {
        paper.kind = Paper::Kind::Minutes;
        pr.minutes(root, paper);
    } else {
        paper.kind = Paper::Kind::Document;
        pr.document(root, paper);
    }
    return paper;
}

}  // namespace bp::load
