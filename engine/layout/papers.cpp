// Papers -> slices -> pages: the report and minutes headers, sections on
// their page masters, and the parity rule between papers of one item.
#include "layout/internal.hpp"

namespace bp::layout_detail {
namespace {


void report_header(const Paper& p, Flow& f, Mpt width, const BlockEnv& env, const LayoutContext& ctx) {
    const StyleSheet& ss = ctx.styles;
    const PaperHeader& h = p.header;
    const TextStyle& board = ss.get("board");
    if (!h.board.empty()) f.paragraph_lines(plain(h.board), board, 0, width, env, "", 0);
    if (h.date) f.paragraph_lines(plain(to_upper(format_paper_date(*h.date, ss), ss.doc.locale)), board, 0, width, env, "", 0);
    for (const Inlines& t : h.title) f.paragraph_lines(t, ss.get("paper-title"), 0, width, env, "", 0);
    for (const Inlines& l : h.lines) f.paragraph_lines(l, ss.get("paper-line"), 0, width, env, "", 0);
    f.space(pt(12));
}

void minutes_header(const Paper& p, Flow& f, Mpt width, const BlockEnv& env, const LayoutContext& ctx) {
    const StyleSheet& ss = ctx.styles;
    std::string line = "Minutes of a meeting of the " + p.header.board;
    if (!p.venue.empty()) line += " held at " + p.venue;
    if (p.header.date)
        line += " on " + format_date(*p.header.date, ss.doc.meeting_date_pattern, ss.doc.locale, false);
    line += ".";
    f.paragraph_lines(plain(line, kBold), ss.get("body"), 0, width, env, "", 0);
    f.space(pt(6));
}

}  // namespace

void flow_paper(const Paper& paper, const LayoutContext& ctx, std::vector<Slice>& out) {
    const StyleSheet& ss = ctx.styles;
    Flow f(ctx, out);
    BlockEnv env;
    env.kind = paper.kind;
    if (paper.first_minute) f.counters.minute = *paper.first_minute - 1;

    std::string title = paper.header.title.empty() ? std::string() : plain_text(paper.header.title.front());
    if (paper.kind == Paper::Kind::Minutes && paper.header.date)
        title = "Minutes of " + format_paper_date(*paper.header.date, ss);
    bool first = true;
    for (const Section& sec : paper.sections) {
        f.orientation = sec.orientation;
        env.orientation = sec.orientation;
        const Mpt width = content_width(ss.master(sec.orientation));
        if (first) {
            if (!title.empty()) f.set_anchor(title, 1);
            if (paper.kind == Paper::Kind::Report) report_header(paper, f, width, env, ctx);
            if (paper.kind == Paper::Kind::Minutes) minutes_header(paper, f, width, env, ctx);
        } else if (sec.new_page || sec.orientation != out.back().orientation) {
            f.force_break();
        }
        if (!sec.title.empty()) {
            f.set_anchor(plain_text(sec.title), 2);
            f.paragraph_lines(sec.title, ss.get("appendix-title"), 0, width, env, "", 0, std::nullopt, true);
        }
        f.blocks(sec.blocks, 0, width, env);
        first = false;
    }
}

}  // namespace bp::layout_detail

namespace bp {
using namespace layout_detail;

PartLayout layout_papers(const std::vector<Paper>& papers, const LayoutContext& ctx) {
    PartLayout part;
    for (const Paper& paper : papers) {
        // Every paper of an item starts on a right-hand page, as its first does.
        if (part.pages.size() % 2 == 1) part.pages.push_back(layout_blank_page(ctx, Orientation::Portrait));
        std::vector<Slice> slices;
        flow_paper(paper, ctx, slices);
        if (slices.empty()) continue;
        PartLayout one = paginate(slices, ctx);
        const int offset = static_cast<int>(part.pages.size());
        for (auto& a : one.anchors) {
            a.page += offset;
            part.anchors.push_back(std::move(a));
        }
        for (auto& p : one.pages) part.pages.push_back(std::move(p));
    }
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
    append_items(page, l.items, (m.width - l.width) / 2, (m.height - l.height) / 2);
    return page;
}

}  // namespace bp
