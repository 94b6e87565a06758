// Papers -> slices -> pages: the report and minutes headers, sections on
// their page masters, and the parity rule between papers of one item.
#include "layout/internal.hpp"

namespace bp::layout_detail {
namespace {

LineSpec full_width(Mpt width) {
    LineSpec spec;
    spec.width = width;
    return spec;
}

void report_header(const Paper& p, Flow& f, Mpt width, const BlockEnv& env, const LayoutContext& ctx) {
    const StyleSheet& ss = ctx.styles;
    const PaperHeader& h = p.header;
    const TextStyle& board = ss.get("board");
    const LineSpec spec = full_width(width);
    if (!h.board.empty()) f.paragraph_lines(f.node(Role::P, env, p.loc), plain(h.board), board, spec, env);
    if (h.date)
        f.paragraph_lines(f.node(Role::P, env, p.loc),
                          paper_date(*h.date, ss, p.ordinal, /*upper=*/true), board, spec, env);
    // The title lines are one heading, however many lines the officer gave.
    if (!h.title.empty()) {
        const StructId title = f.node(Role::H1, env, p.loc);
        for (const Inlines& t : h.title) f.paragraph_lines(title, t, ss.get("paper-title"), spec, env);
    }
    for (const Inlines& l : h.lines) f.paragraph_lines(f.node(Role::P, env, p.loc), l, ss.get("paper-line"), spec, env);
    f.space(pt(12));
}

void minutes_header(const Paper& p, Flow& f, Mpt width, const BlockEnv& env, const LayoutContext& ctx) {
    const StyleSheet& ss = ctx.styles;
    // The template's wording, held at a venue or via an online service.
    const std::string date =
        p.header.date ? format_date(*p.header.date, ss.doc.meeting_date_pattern, ss.doc.locale, false) : "";
    const std::string line =
        fill_placeholders(p.online ? ss.doc.minutes_opening_online : ss.doc.minutes_opening,
                          {{"{board}", p.header.board}, {"{venue}", p.venue}, {"{date}", date}});
    f.paragraph_lines(f.node(Role::H1, env, p.loc), plain(line, kBold), ss.get("body"), full_width(width), env);
    f.space(pt(6));
}

bool has_cover(const Paper& paper) {
    for (const Section& sec : paper.sections)
        for (const Block& b : sec.blocks)
            if (std::holds_alternative<Cover>(b.node)) return true;
    return false;
}

}  // namespace

void flow_paper(const Paper& paper, const LayoutContext& ctx, std::vector<Slice>& out, StructTree& tree,
                Paginator* pager) {
    const StyleSheet& ss = ctx.styles;
    Flow f(ctx, out, tree, pager);
    BlockEnv env;
    env.kind = paper.kind;
    env.ordinal = paper.ordinal;
    env.parent = tree.add(Role::Sect, kNoStruct, paper.loc);
    // A paper's first heading is H1: its title, its minutes line or its
    // cover's title; a document without any of them starts at <h1>.
    env.heading_base = paper.kind == Paper::Kind::Document && !has_cover(paper) ? 0 : 1;
    if (paper.first_minute) f.counters.minute = *paper.first_minute - 1;

    std::string title = paper.header.title.empty() ? std::string() : plain_text(paper.header.title.front());
    if (paper.kind == Paper::Kind::Minutes && paper.header.date)
        title = fill_wording(ss.doc.wording.minutes_title,
                             {{"{date}", format_paper_date(*paper.header.date, ss, paper.ordinal)}});
    tree.text(env.parent).title = title;
    bool first = true;
    for (const Section& sec : paper.sections) {
        f.orientation = sec.orientation;
        env.orientation = sec.orientation;
        const Mpt width = content_width(ss.master(sec.orientation));
        if (first) {
            if (!title.empty()) f.set_anchor(title, 1);
            if (paper.kind == Paper::Kind::Report) report_header(paper, f, width, env, ctx);
            if (paper.kind == Paper::Kind::Minutes) minutes_header(paper, f, width, env, ctx);
        } else {
            // Against the last page made: a section that printed nothing
            // (or only a cover of its own shape) does not turn the page.
            const bool turns = !out.empty() && sec.orientation != out.back().orientation;
            const bool landscape = sec.orientation == Orientation::Landscape;
            const bool appendix = !sec.title.empty();
            bool breaks = turns || sec.new_page;
            if (appendix && !landscape && !turns && ss.doc.appendix_start == SectionStart::Flow) breaks = false;
            // The odd page keeps landscape pages off the back of portrait
            // ones (a report's landscape appendix); landscape pages after
            // landscape pages (a deck, one slide a section) just turn over.
            const bool to_odd = landscape ? turns && ss.doc.landscape_start == SectionStart::OddPage
                                          : appendix && ss.doc.appendix_start == SectionStart::OddPage;
            if (breaks) f.force_break(to_odd);
        }
        BlockEnv sec_env = env;
        if (!sec.title.empty()) {
            // An appendix is a section of its own under the paper, headed one level down.
            sec_env.parent = tree.add(Role::Sect, env.parent, sec.loc);
            tree.text(sec_env.parent).title = plain_text(sec.title);
            sec_env.heading_base = std::max(env.heading_base, 1) + 1;
            sec_env.outline_level = 3;
            f.set_anchor(plain_text(sec.title), 2);
            // A PDF appendix's title is its bookmark and its section's title:
            // the PDF heads its own pages, and a heading alone would waste a page.
            if (!sec.partner) {
                LineSpec spec = full_width(width);
                spec.keep_with_next = true;
                // An appendix that opens with a cover: its title heads the
                // cover's page, never left at the foot of the page before.
                const Cover* cover = sec.blocks.empty() ? nullptr : std::get_if<Cover>(&sec.blocks.front().node);
                if (cover) {
                    f.force_break();
                    f.cover_under_title = true;
                    if (cover->orientation) {
                        f.orientation = *cover->orientation;
                        spec.width = content_width(ss.master(*cover->orientation));
                    }
                }
                f.paragraph_lines(f.node(heading_role(sec_env.heading_base), sec_env, sec.loc), sec.title,
                                  ss.get("appendix-title"), spec, sec_env);
            }
        }
        if (sec.partner)
            flow_partner_pages(*sec.partner, sec.loc, f, sec_env, ctx, sec.title.empty() ? 2 : 3);
        else
            f.blocks(sec.blocks, 0, width, sec_env);
        first = false;
    }
    // The paper's last line never sits alone at the top of a page.
    if (out.size() >= 2) out[out.size() - 2].keep_with_next = true;
}

}  // namespace bp::layout_detail

namespace bp {
using namespace layout_detail;

PartLayout layout_paper(const Paper& paper, const LayoutContext& ctx, const PageSink& sink) {
    PartLayout part;
    Paginator::Sink to_sink;
    if (sink) to_sink = [&](PageBox& page) { sink(page, part.structure); };
    Paginator pager(ctx, to_sink);
    std::vector<Slice> slices;
    flow_paper(paper, ctx, slices, part.structure, &pager);
    PartLayout laid = pager.finish(slices);
    part.pages = std::move(laid.pages);
    part.anchors = std::move(laid.anchors);
    return part;
}

PageBox layout_blank_page(const LayoutContext& ctx, Orientation orientation) {
    const StyleSheet& ss = ctx.styles;
    const PageMaster& m = ss.master(orientation);
    PageBox page;
    page.width = m.width;
    page.height = m.height;
    page.blank = true;
    Line l = set_line(ss.doc.blank_text, ss.get("blank"), ctx);
    append_items(page, l.items, (m.width - l.width) / 2, (m.height - l.height) / 2, Mark::as(Artifact::Pagination));
    return page;
}

}  // namespace bp
