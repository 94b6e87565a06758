// Slices -> pages. First fit, with the rules a printed pack needs: a chain
// of keep-with-next slices moves to the next page whole (unless it would
// empty the page it started on); a table row that does not fit is split
// rather than moved when moving it would leave more than a third of the
// page empty; a table that crosses a page shows its header rows again at
// the top of the new page. Footnotes stand at the foot of the page that
// calls them: the page's body shrinks by their height, and a line whose
// note does not fit moves to the next page with it.
#include <map>

#include "core/borders.hpp"

#include "layout/internal.hpp"

namespace bp::layout_detail {
namespace {

struct Placement {
    std::size_t slice = 0;
    Mpt y = 0;
    bool repeat = false;  // a repeated table header
};

// Room for the rule between the text and the footnotes, and where it stands in it.
constexpr Mpt kNoteRuleSpace = pt(10), kNoteRuleAt = pt(4), kNoteRuleLength = mm(50);

// The height a slice's footnotes add to a page; the rule comes with the first.
Mpt notes_height(const Slice& s, bool page_has_notes) {
    Mpt h = 0;
    for (const FootnoteBox& n : s.footnotes) h += n.height;
    return h > 0 && !page_has_notes ? h + kNoteRuleSpace : h;
}

struct Page {
    Orientation orientation = Orientation::Portrait;
    std::vector<Placement> placed;
    Mpt y = 0;                       // next free y
    Mpt notes = 0;                   // height of the footnotes at its foot (with their rule)
    std::size_t first = SIZE_MAX;    // first non-repeated slice index on the page
    bool blank = false;              // a padding page before a section that starts on an odd page
    bool has_content() const { return first != SIZE_MAX; }
};

}  // namespace

PartLayout paginate(std::vector<Slice> slices, const LayoutContext& ctx) {
    std::vector<Page> pages;
    std::map<int, std::vector<std::size_t>> headers;  // table id -> its header slices

    auto room = [&](Orientation o) { return content_height(ctx.styles.master(o)); };
    auto open_page = [&](Orientation o, std::size_t next) {
        Page p;
        p.orientation = o;
        const Slice& s = slices[next];
        if (s.table >= 0 && !s.table_header) {
            auto it = headers.find(s.table);
            if (it != headers.end()) {
                for (std::size_t h : it->second) {
                    p.placed.push_back(Placement{h, p.y, true});
                    p.y += slices[h].height;
                }
            }
        }
        pages.push_back(std::move(p));
    };

    std::size_t i = 0;
    while (i < slices.size()) {
        const Slice& s = slices[i];
        if (s.table_header) {
            auto& hs = headers[s.table];
            if (hs.empty() || hs.back() < i) hs.push_back(i);
        }
        if (pages.empty() || s.orientation != pages.back().orientation ||
            (s.break_before && pages.back().has_content())) {
            // Pages are counted from the paper's first (odd) page: an even
            // count means the next page is odd.
            if (s.break_to_odd && pages.size() % 2 == 1) {
                Page pad;
                pad.blank = true;
                pages.push_back(std::move(pad));
            }
            open_page(s.orientation, i);
        }
        Page& page = pages.back();
        Mpt space = page.has_content() ? s.space_before : 0;
        const Mpt notes = notes_height(s, page.notes > 0);
        if (page.has_content() && page.y + space + s.height + page.notes + notes > room(page.orientation)) {
            const Mpt left = room(page.orientation) - page.y - space - page.notes;
            Slice head, rest;
            if (s.splitter && left * 3 > room(page.orientation) && s.splitter->cut(left, head, rest)) {
                head.space_before = s.space_before;
                head.anchor = s.anchor;
                rest.keep_with_next = s.keep_with_next;
                head.table = rest.table = s.table;
                head.orientation = rest.orientation = s.orientation;
                slices[i] = std::move(head);
                slices.insert(slices.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(rest));
                continue;  // the first part now fits here
            }
            // Move the keep-with-next chain ending here to the next page.
            std::size_t j = i;
            while (j > page.first && slices[j - 1].keep_with_next) --j;
            if (j > page.first) {
                while (!page.placed.empty() && page.placed.back().slice >= j && !page.placed.back().repeat)
                    page.placed.pop_back();
                i = j;
                page.notes = 0;  // the notes of the slices that stay
                for (const Placement& pl : page.placed)
                    if (!pl.repeat) page.notes += notes_height(slices[pl.slice], page.notes > 0);
            }
            open_page(page.orientation, i);
            continue;
        }
        page.placed.push_back(Placement{i, page.y + space, false});
        page.y += space + s.height;
        page.notes += notes;
        if (!page.has_content()) page.first = i;
        ++i;
    }

    // Every slice has its place: what a row needs to be cut is not needed
    // again (for a long table it is a second copy of every row's lines).
    for (Slice& s : slices) s.splitter.reset();

    PartLayout out;
    for (std::size_t pi = 0; pi < pages.size(); ++pi) {
        const Page& p = pages[pi];
        if (p.blank) {
            out.pages.push_back(layout_blank_page(ctx, Orientation::Portrait));
            continue;
        }
        const PageMaster& m = ctx.styles.master(p.orientation);
        PageBox box;
        box.width = m.width;
        box.height = m.height;
        for (const Placement& pl : p.placed) {
            Slice& s = slices[pl.slice];
            // A header row repeated on a continuation page is not read again.
            // Any other slice is placed once: its items move onto the page,
            // so a part's content is held once, not twice, at its peak.
            if (pl.repeat)
                append_items(box, s.items, m.margin_left, m.margin_top + pl.y, Mark::as(Artifact::Pagination));
            else if (s.table_header)
                append_items(box, s.items, m.margin_left, m.margin_top + pl.y);
            else
                move_items(box, std::move(s.items), m.margin_left, m.margin_top + pl.y);
            if (&pl == &p.placed.back()) append_items(box, s.if_last, m.margin_left, m.margin_top + pl.y);
            if (s.anchor && !pl.repeat) {
                PartAnchor a = *s.anchor;
                a.page = static_cast<int>(pi);
                a.y = m.margin_top + pl.y;
                out.anchors.push_back(std::move(a));
            }
            if (!pl.repeat)
                for (PartAnchor a : s.more_anchors) {
                    a.page = static_cast<int>(pi);
                    a.y = m.margin_top + pl.y;
                    out.anchors.push_back(std::move(a));
                }
        }
        if (p.notes > 0) {
            // The notes in the order they are called, above the bottom margin.
            Mpt y = m.height - m.margin_bottom - p.notes;
            box.add(RuleLine{m.margin_left, y + kNoteRuleAt, m.margin_left + kNoteRuleLength, y + kNoteRuleAt, 500,
                             ctx.styles.get("footnote").color},
                    Mark::as(Artifact::Layout));
            y += kNoteRuleSpace;
            for (const Placement& pl : p.placed) {
                if (pl.repeat) continue;
                for (const FootnoteBox& n : slices[pl.slice].footnotes) {
                    append_items(box, n.items, m.margin_left, y);
                    y += n.height;
                }
            }
        }
        // Rows brought their borders joined; across rows they join again.
        join_borders(box.items);
        box.items.shrink_to_fit();
        out.pages.push_back(std::move(box));
    }
    return out;
}

}  // namespace bp::layout_detail
