// A partner's PDF in a paper's flow: each of its pages on a pack page of its
// own, portrait or landscape to match its shape, scaled to fit the page
// master's content area so the footer and stamp in the margins never cover
// it. Each page is one Figure with the paper's alt text, unless the PDF is
// tagged: then its own structure is grafted in when the pack is written.
#include <algorithm>
#include <cstdlib>
#include <utility>

#include "layout/internal.hpp"

namespace bp::layout_detail {

namespace {

// The largest size of the page's shape that fits in width x height,
// computed exactly in millipoints.
Rect fit_centred(const PartnerPage& page, Mpt width, Mpt height) {
    const Mpt sw = page.shown_width(), sh = page.shown_height();
    Rect r;
    if (sw * height <= sh * width) {  // taller than the area: its height fills it
        r.h = height;
        r.w = sw * height / sh;
    } else {
        r.w = width;
        r.h = sh * width / sw;
    }
    r.x = (width - r.w) / 2;
    r.y = (height - r.h) / 2;
    return r;
}

// Where a point of the partner page lands inside `at` (y downwards), after
// the page's turn: the same mapping the pdf stage's matrix draws with.
std::pair<Mpt, Mpt> place_point(const PartnerPage& p, const Rect& at, Mpt x, Mpt y) {
    Mpt u = x - p.x0, v = y - p.y0;  // in the shown page, y upwards from its foot
    if (p.rotate == 90) u = y - p.y0, v = p.x1 - x;
    if (p.rotate == 180) u = p.x1 - x, v = p.y1 - y;
    if (p.rotate == 270) u = p.y1 - y, v = x - p.x0;
    const Mpt sw = p.shown_width();
    return {at.x + u * at.w / sw, at.y + at.h - v * at.w / sw};
}

Rect place_rect(const PartnerPage& p, const Rect& at, const PartnerLink& l) {
    const auto [ax, ay] = place_point(p, at, l.x0, l.y0);
    const auto [bx, by] = place_point(p, at, l.x1, l.y1);
    return Rect{std::min(ax, bx), std::min(ay, by), std::abs(bx - ax), std::abs(by - ay)};
}

}  // namespace

void flow_partner_pages(const PartnerPdf& pdf, const SourceLoc& loc, Flow& f, const BlockEnv& env,
                        const LayoutContext& ctx, int outline_level) {
    std::size_t next_bookmark = 0;
    for (std::size_t i = 0; i < pdf.pages.size(); ++i) {
        const PartnerPage& page = pdf.pages[i];
        f.orientation = page.shown_width() > page.shown_height() ? Orientation::Landscape : Orientation::Portrait;
        const PageMaster& m = ctx.styles.master(f.orientation);
        // A tagged PDF brings its own structure, grafted under the paper's
        // (or appendix's) section; an untagged one's page is a Figure.
        StructId owner = env.parent;
        if (!pdf.tagged) {
            owner = f.node(Role::Figure, env, loc);
            f.tree().text(owner).alt = pdf.alt;
        }
        Slice s;
        s.height = content_height(m);
        s.break_before = true;
        ForeignPage fp;
        fp.rect = fit_centred(page, content_width(m), s.height);
        fp.source = std::make_shared<const ForeignSource>(ForeignSource{pdf.path, static_cast<int>(i), page, pdf.tagged, pdf.loc, pdf.shown});
        // Its links, on the same spots: to web and e-mail addresses, and to
        // its other pages, each of which is the same distance away here.
        for (const PartnerLink& l : page.links) {
            const StructId link = f.node(Role::Link, env, loc);
            f.tree().text(link).alt = l.uri;
            LinkBox box;
            box.rect = place_rect(page, fp.rect, l);
            box.uri = l.uri;
            if (l.uri.empty()) {
                box.target_page = l.target_page - static_cast<int>(i);
                box.from_own_page = true;
            }
            s.items.add(std::move(box), Mark::content(link));
        }
        s.items.items.insert(s.items.items.begin(), PageItem{std::move(fp), Mark::content(owner)});
        // The partner's bookmarks for this page, nested under the paper's
        // own; one that points back to an earlier page stays in order here.
        for (; next_bookmark < pdf.outline.size() && pdf.outline[next_bookmark].page <= static_cast<int>(i);
             ++next_bookmark) {
            const PartnerBookmark& b = pdf.outline[next_bookmark];
            s.more_anchors.push_back(PartAnchor{b.title, 0, 0, outline_level + b.depth});
        }
        f.push(std::move(s));
    }
    // What follows the PDF starts on a page of its own.
    f.force_break();
}

}  // namespace bp::layout_detail
