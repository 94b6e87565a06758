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
    PaperReader(Reader& r, const grammar::Format& g, const std::string& pack_root)
        : r_(r), g_(g), blocks_(r, g), pack_root_(pack_root) {}

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
    void body_element(pugi::xml_node c, pugi::xml_node root, const BlockContext& ctx, unsigned allowed,
                      const Names& expected, TopLevel& top, Paper& paper) {
        std::string_view n = c.name();
        if (n == "section" || n == "appendix") {
            top.implicit_open = false;
            paper.sections.push_back(n == "section" ? section(c, ctx, allowed) : appendix(c, ctx, allowed));
            return;
        }
        Blocks got;
        if (!blocks_.read_block(c, ctx, allowed, got)) {
            r_.unexpected_element(c, root, expected);
            return;
        }
        Blocks& into = top.implicit(r_.loc(c));
        for (Block& b : got) into.push_back(std::move(b));
    }

    void report_header(pugi::xml_node el, PaperHeader& h);
    void minutes_header(pugi::xml_node el, Paper& paper);
    Section section(pugi::xml_node el, const BlockContext& ctx, unsigned allowed);
    Section appendix(pugi::xml_node el, const BlockContext& ctx, unsigned allowed);
    void pdf_appendix(pugi::xml_node el, const std::string& src, const BlockContext& ctx, Section& s);
    Minute minute(pugi::xml_node el);
    Attendance attendance(pugi::xml_node el);
    Signature signature(pugi::xml_node el);
    void text_outside(pugi::xml_node c, pugi::xml_node parent, bool& reported, std::string_view hint) {
        if (Reader::is_text(c) && !Reader::is_blank(c) && !reported) {
            reported = true;
            r_.unexpected_text(c, parent, hint);
        }
    }

    Reader& r_;
    const grammar::Format& g_;
    BlockReader blocks_;
    std::string pack_root_;
};

Names with(Names a, const Names& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

void PaperReader::report(pugi::xml_node root, Paper& paper) {
    r_.check_attributes(root, g_.type("report"));
    r_.check_version(root);
    BlockContext ctx;
    ctx.kind = Paper::Kind::Report;
    ctx.p_default = Numbering::Auto;  // "In a report, <p> is numbered 1, 2, 3 ..."
    ctx.pack_root = pack_root_;
    const unsigned allowed = kBodyBlocks | kTagRecommendations;
    Names expected = with(with({"header"}, BlockReader::names(allowed)), {"section", "appendix"});

    TopLevel top{paper};
    bool header_seen = false, first = true, text_reported = false;
    for (pugi::xml_node c : root.children()) {
        if (c.type() != pugi::node_element) {
            text_outside(c, root, text_reported, "put text in a <p>");
            continue;
        }
        std::string_view n = c.name();
        bool was_first = first;
        first = false;
        if (n == "header") {
            if (!r_.first_of_kind(c, root, header_seen)) continue;
            if (!was_first) r_.error(c, rule::element_order, "<header> must come first in <report>, before any other element");
            report_header(c, paper.header);
        } else {
            body_element(c, root, ctx, allowed, expected, top, paper);
        }
    }
    if (!header_seen) r_.missing_child(root, "header", "with the board, date and title, before everything else");
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

Section PaperReader::section(pugi::xml_node el, const BlockContext& ctx, unsigned allowed) {
    r_.check_attributes(el, g_.type("section"));
    Section s;
    s.loc = r_.loc(el);
    if (std::optional<std::size_t> o = r_.attr_choice(el, "orientation", {"portrait", "landscape"}))
        s.orientation = *o == 0 ? Orientation::Portrait : Orientation::Landscape;
    if (std::optional<bool> np = r_.attr_bool(el, "new-page")) s.new_page = *np;
    if (!r_.enter(el)) return s;
    blocks_.read_blocks(el, ctx, allowed, s.blocks, "put text in a <p>");
    r_.leave();
    return s;
}

Section PaperReader::appendix(pugi::xml_node el, const BlockContext& ctx, unsigned allowed) {
    r_.check_attributes(el, g_.type("appendix"));
    Section s;
    s.loc = r_.loc(el);
    s.new_page = true;
    if (std::optional<std::string> t = r_.required_attr(el, "title", "title=\"Appendix 1 - Performance Dashboard\"")) {
        s.title = plain_inlines(*t);
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
    Names expected = with({"cover"}, BlockReader::names(allowed));
    bool first = true, text_reported = false;
    for (pugi::xml_node c : el.children()) {
        if (c.type() != pugi::node_element) {
            text_outside(c, el, text_reported, "put text in a <p>");
            continue;
        }
        bool was_first = first;
        first = false;
        if (std::string_view(c.name()) == "cover") {
            if (!was_first) r_.error(c, rule::element_order, "<cover> must come first in <appendix>");
            if (!r_.enter(c)) continue;
            Block b;
            b.loc = r_.loc(c);
            b.node = blocks_.read_cover(c);
            s.blocks.push_back(std::move(b));
            r_.leave();
        } else if (!blocks_.read_block(c, ctx, allowed, s.blocks)) {
            r_.unexpected_element(c, el, expected);
        }
    }
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
    s.partner = read_partner_pdf(path, quoted(path), alt, s.loc, r_.diags());
    // Its first page's shape decides how it starts, as a landscape appendix's does.
    if (s.partner) {
        const PartnerPage& first = s.partner->pages.front();
        if (first.shown_width() > first.shown_height()) s.orientation = Orientation::Landscape;
    }
}

void PaperReader::minutes(pugi::xml_node root, Paper& paper) {
    r_.check_attributes(root, g_.type("minutes"));
    r_.check_version(root);
    paper.first_minute = r_.attr_int(root, "first-minute", 1, 99999);
    Section s;
    s.loc = r_.loc(root);
    bool header_seen = false, first = true, text_reported = false;
    for (pugi::xml_node c : root.children()) {
        if (c.type() != pugi::node_element) {
            text_outside(c, root, text_reported, "put text in a <p> inside a <minute>");
            continue;
        }
        std::string_view n = c.name();
        bool was_first = first;
        first = false;
        Block b;
        b.loc = r_.loc(c);
        if (n == "header") {
            if (!r_.first_of_kind(c, root, header_seen)) continue;
            if (!was_first) r_.error(c, rule::element_order, "<header> must come first in <minutes>, before any other element");
            minutes_header(c, paper);
            continue;
        }
        if (n == "p" || n == "h2" || n == "h3") {
            // Lines between minutes, such as the chair line before the attendance.
            BlockContext ctx;
            ctx.kind = Paper::Kind::Minutes;
            ctx.pack_root = pack_root_;
            blocks_.read_block(c, ctx, kTagP | kTagH2 | kTagH3, s.blocks);
            continue;
        }
        if (n != "attendance" && n != "minute" && n != "signature") {
            r_.unexpected_element(c, root, {"header", "attendance", "minute", "signature", "p", "h2", "h3"});
            continue;
        }
        if (!r_.once_per_file(c, g_.type(n))) continue;
        if (!r_.enter(c)) continue;
        if (n == "attendance") b.node = attendance(c);
        if (n == "minute") b.node = minute(c);
        if (n == "signature") b.node = signature(c);
        r_.leave();
        s.blocks.push_back(std::move(b));
    }
    if (!header_seen) r_.missing_child(root, "header", "with the board, date and venue, before everything else");
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

Minute PaperReader::minute(pugi::xml_node el) {
    r_.check_attributes(el, g_.type("minute"));
    Minute m;
    m.number = r_.attr_int(el, "number", 1, 99999);
    BlockContext ctx;
    ctx.kind = Paper::Kind::Minutes;
    ctx.p_default = Numbering::None;
    ctx.pack_root = pack_root_;
    const unsigned allowed = kBodyBlocks | kTagResolved | kTagExclusion;
    Names expected = with({"title"}, BlockReader::names(allowed));
    bool title = false, text_reported = false;
    for (pugi::xml_node c : el.children()) {
        if (c.type() != pugi::node_element) {
            text_outside(c, el, text_reported, "put text in a <p>");
            continue;
        }
        if (std::string_view(c.name()) == "title") {
            if (!r_.first_of_kind(c, el, title)) continue;
            r_.check_attributes(c, g_.type("minute-title"));
            if (!r_.enter(c)) continue;
            m.title = r_.inlines(c);
            r_.leave();
        } else if (!blocks_.read_block(c, ctx, allowed, m.content)) {
            r_.unexpected_element(c, el, expected);
        }
    }
    // A missing or empty <title> is validate/'s to report, once.
    return m;
}

Attendance PaperReader::attendance(pugi::xml_node el) {
    r_.check_attributes(el, g_.type("attendance"));
    Attendance a;
    for (auto [g, group_type] : r_.children(el, g_, g_.type("attendance"),
                                            "put names in <person> inside a <group title=\"Present\">")) {
        if (!r_.enter(g)) continue;
        r_.check_attributes(g, *group_type);
        AttendanceGroup group;
        group.loc = r_.loc(g);
        // Optional: the first list of members often has no heading.
        if (std::optional<std::string> t = r_.attr(g, "title")) group.title = collapse_space(*t);
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
    r_.check_holds_nothing(el, "give times, date and role as attributes");
    return s;
}

void PaperReader::document(pugi::xml_node root, Paper& paper) {
    r_.check_attributes(root, g_.type("document"));
    r_.check_version(root);
    BlockContext ctx;
    ctx.kind = Paper::Kind::Document;
    ctx.p_default = Numbering::None;
    ctx.pack_root = pack_root_;
    const unsigned allowed = kBodyBlocks;
    // "an optional <cover>, then blocks and sections": an appendix is a section.
    Names expected = with(with({"cover"}, BlockReader::names(allowed)), {"section", "appendix"});
    TopLevel top{paper};
    bool first = true, text_reported = false;
    for (pugi::xml_node c : root.children()) {
        if (c.type() != pugi::node_element) {
            text_outside(c, root, text_reported, "put text in a <p>");
            continue;
        }
        std::string_view n = c.name();
        bool was_first = first;
        first = false;
        if (n == "cover") {
            if (!was_first) r_.error(c, rule::element_order, "<cover> must come first in <document>");
            if (!r_.enter(c)) continue;
            Block b;
            b.loc = r_.loc(c);
            b.node = blocks_.read_cover(c);
            top.implicit(b.loc).push_back(std::move(b));
            r_.leave();
        } else {
            body_element(c, root, ctx, allowed, expected, top, paper);
        }
    }
}

}  // namespace

std::optional<Paper> read_paper(XmlFile& file, const std::string& pack_root, Diagnostics& diags) {
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
    PaperReader pr(r, *grammar::format_for_root(name), pack_root);
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
