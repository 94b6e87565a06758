// Slices -> pages. First fit, with the rules a printed pack needs: a chain
// of keep-with-next slices moves to the next page whole (unless it would
// empty the page it started on); a table row that does not fit is cut
// between lines where its splitter finds a cut (two lines each side), as a
// word processor breaks a row, else moved; a table that crosses a page
// shows its header rows again at the top of the new page. Footnotes stand
// at the foot of the page that calls them: the page's body shrinks by
// their height, and a line whose note does not fit moves to the next page
// with it.
#include <map>

#include "core/borders.hpp"

#include "layout/internal.hpp"

namespace bp::layout_detail {
namespace {

struct Placement {
    std::size_t slice = 0;                    // index in the slices, or
    std::shared_ptr<const Slice> repeat;      // a repeated table header
    Mpt y = 0;
};

// Room for the rule between the text and the footnotes, and where it stands in it.
constexpr Mpt kNoteRuleSpace = pt(10), kNoteRuleAt = pt(4), kNoteRuleLength = mm(50);

// The height a slice's footnotes add to a page; the rule comes with the first.
Mpt notes_height(const Slice& s, bool page_has_notes) {
    Mpt h = 0;
    for (const FootnoteBox& n : s.footnotes) h += n.height;
    return h > 0 && !page_has_notes ? h + kNoteRuleSpace : h;
}

}  // namespace

struct Paginator::Page {
    Orientation orientation = Orientation::Portrait;
    std::vector<Placement> placed;
    Mpt y = 0;                       // next free y
    Mpt notes = 0;                   // height of the footnotes at its foot (with their rule)
    std::size_t first = SIZE_MAX;    // first non-repeated slice index on the page
    bool blank = false;              // a padding page before a section that starts on an odd page
    bool has_content() const { return first != SIZE_MAX; }
};

Paginator::Paginator(const LayoutContext& ctx, Sink sink) : ctx_(ctx), sink_(std::move(sink)) {}
Paginator::~Paginator() = default;

Mpt Paginator::room(Orientation o) const { return content_height(ctx_.styles.master(o)); }

void Paginator::open_page(Orientation o, const Slice& next) {
    // The page before is final now: nothing placed later moves back onto it.
    if (open_) emit(std::move(*open_));
    open_ = std::make_unique<Page>();
    Page& p = *open_;
    p.orientation = o;
    if (next.table >= 0 && !next.table_header) {
        auto it = headers_.find(next.table);
        if (it != headers_.end()) {
            for (const std::shared_ptr<const Slice>& h : it->second) {
                p.placed.push_back(Placement{0, h, p.y});
                p.y += h->height;
            }
        }
    }
    ++pages_;
}

void Paginator::advance(std::vector<Slice>& slices, std::size_t upto) {
    slices_ = &slices;
    upto = std::min(upto, slices.size());
    std::size_t& i = next_;
    while (i < upto) {
        const Slice& s = slices[i];
        if (s.table_header && seen_header_ < i + erased_ + 1) {
            // Kept apart: repeated on every page the table runs onto, after
            // the slices themselves are gone.
            auto copy = std::make_shared<Slice>();
            copy->height = s.height;
            copy->items = s.items;
            copy->if_last = s.if_last;
            headers_[s.table].push_back(std::move(copy));
            seen_header_ = i + erased_ + 1;
        }
        if (!open_ || s.orientation != open_->orientation || (s.break_before && open_->has_content())) {
            // Pages are counted from the paper's first (odd) page: an even
            // count means the next page is odd.
            if (s.break_to_odd && pages_ % 2 == 1) {
                if (open_) emit(std::move(*open_));
                open_ = std::make_unique<Page>();
                open_->blank = true;
                ++pages_;
            }
            open_page(s.orientation, s);
        }
        Page& page = *open_;
        Mpt space = page.has_content() ? s.space_before : 0;
        const Mpt notes = notes_height(s, page.notes > 0);
        if (page.has_content() && page.y + space + s.height + page.notes + notes > room(page.orientation)) {
            const Mpt left = room(page.orientation) - page.y - space - page.notes;
            Slice head, rest;
            if (s.splitter && s.splitter->cut(left, head, rest)) {
                head.space_before = s.space_before;
                head.anchor = s.anchor;
                rest.keep_with_next = s.keep_with_next;
                head.table = rest.table = s.table;
                head.orientation = rest.orientation = s.orientation;
                slices[i] = std::move(head);
                slices.insert(slices.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(rest));
                ++upto;
                continue;  // the first part now fits here
            }
            // Move the keep-with-next chain ending here to the next page.
            std::size_t j = i;
            while (j > page.first && slices[j - 1].keep_with_next) --j;
            if (j > page.first) {
                while (!page.placed.empty() && !page.placed.back().repeat && page.placed.back().slice >= j)
                    page.placed.pop_back();
                i = j;
                page.notes = 0;  // the notes of the slices that stay
                for (const Placement& pl : page.placed)
                    if (!pl.repeat) page.notes += notes_height(slices[pl.slice], page.notes > 0);
            }
            open_page(page.orientation, slices[i]);
            continue;
        }
        page.placed.push_back(Placement{i, nullptr, page.y + space});
        page.y += space + s.height;
        page.notes += notes;
        if (!page.has_content()) page.first = i;
        ++i;
    }
    drop_placed();
}

// The slices before the open page's first are on pages handed out: they go,
// a batch at a time, so that a long table is not held whole.
void Paginator::drop_placed() {
    std::vector<Slice>& slices = *slices_;
    std::size_t done = next_;
    if (open_)
        for (const Placement& pl : open_->placed)
            if (!pl.repeat) done = std::min(done, pl.slice);
    if (done < 64 || done * 2 < slices.size()) return;
    slices.erase(slices.begin(), slices.begin() + static_cast<std::ptrdiff_t>(done));
    erased_ += done;
    next_ -= done;
    if (open_) {
        for (Placement& pl : open_->placed)
            if (!pl.repeat) pl.slice -= done;
        if (open_->has_content()) open_->first -= done;
    }
}

void Paginator::emit(Page&& p) {
    const int index = static_cast<int>(out_.pages.size());
    if (p.blank) {
        out_.pages.push_back(layout_blank_page(ctx_, Orientation::Portrait));
        if (sink_) sink_(out_.pages.back());
        return;
    }
    std::vector<Slice>& slices = *slices_;
    const PageMaster& m = ctx_.styles.master(p.orientation);
    PageBox box;
    box.width = m.width;
    box.height = m.height;
    for (const Placement& pl : p.placed) {
        const bool last = &pl == &p.placed.back();
        // A header row repeated on a continuation page is not read again.
        if (pl.repeat) {
            append_items(box, pl.repeat->items, m.margin_left, m.margin_top + pl.y, Mark::as(Artifact::Pagination));
            if (last) append_items(box, pl.repeat->if_last, m.margin_left, m.margin_top + pl.y);
            continue;
        }
        // Any other slice is placed once: its items move onto the page, so
        // a part's content is held once, not twice, at its peak.
        Slice& s = slices[pl.slice];
        if (s.table_header)
            append_items(box, s.items, m.margin_left, m.margin_top + pl.y);
        else
            move_items(box, std::move(s.items), m.margin_left, m.margin_top + pl.y);
        if (last) append_items(box, s.if_last, m.margin_left, m.margin_top + pl.y);
        // Placed for good: what a row needs to be cut is not needed again.
        s.splitter.reset();
        if (s.anchor) {
            PartAnchor a = *s.anchor;
            a.page = index;
            a.y = m.margin_top + pl.y;
            out_.anchors.push_back(std::move(a));
        }
        for (PartAnchor a : s.more_anchors) {
            a.page = index;
            a.y = m.margin_top + pl.y;
            out_.anchors.push_back(std::move(a));
        }
    }
    if (p.notes > 0) {
        // The notes in the order they are called, above the bottom margin.
        Mpt y = m.height - m.margin_bottom - p.notes;
        box.add(RuleLine{m.margin_left, y + kNoteRuleAt, m.margin_left + kNoteRuleLength, y + kNoteRuleAt, 500,
                         ctx_.styles.get("footnote").color},
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
    out_.pages.push_back(std::move(box));
    if (sink_) sink_(out_.pages.back());
}

PartLayout Paginator::finish(std::vector<Slice>& slices) {
    advance(slices, slices.size());
    if (open_) emit(std::move(*open_));
    open_.reset();
    return std::move(out_);
}

PartLayout paginate(std::vector<Slice> slices, const LayoutContext& ctx) {
    Paginator pager(ctx, {});
    return pager.finish(slices);
}

}  // namespace bp::layout_detail
