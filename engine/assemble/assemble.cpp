#include "assemble/assemble.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>

#include "core/parallel.hpp"

namespace bp {
namespace {

// Items finish() may add to a page: footer, stamp, and two lines of the
// exempt header.
constexpr std::size_t kFinishingItems = 4;

constexpr int kMaxRounds = 5;

// A paper's pages start on a right-hand page of its item; `at` is the count
// of the item's pages before it.
int paper_start(int at) { return next_odd(at + 1) - 1; }

// The order items are bound in: public ones in agenda order, then Part B.
std::vector<std::size_t> binding_order(const PackManifest& m, Audience audience) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < m.items.size(); ++i)
        if (binds_papers(m.items[i], Audience::Public)) order.push_back(i);
    if (audience == Audience::Full)
        for (std::size_t i = 0; i < m.items.size(); ++i)
            if (m.items[i].exempt && binds_papers(m.items[i], Audience::Full)) order.push_back(i);
    return order;
}

// Places the given items from `next` on, each from a right-hand page;
// returns the page after the last. With `blank_in_range` (the template's
// <blank in-range>), an item of odd length also owns the padding page after it.
int place(const LaidOutParts& parts, const std::vector<std::size_t>& items, int next, bool blank_in_range,
          std::vector<AgendaEntry>& entries) {
    for (std::size_t i : items) {
        const int length = i < parts.items.size() ? parts.items[i].page_count() : 0;
        if (length == 0) continue;
        entries[i].first_page = next_odd(next);
        entries[i].last_page = *entries[i].first_page + length - 1 + (blank_in_range && length % 2 == 1 ? 1 : 0);
        next = *entries[i].last_page + 1;
    }
    return next;
}

int even_length(int last_page) { return last_page % 2 == 0 ? last_page : last_page + 1; }

GlyphRun text_run(const std::string& text, const TextStyle& st, const LayoutContext& ctx, bool bold = false) {
    GlyphRun r;
    r.face = st.face(bold, false);
    r.size = st.size;
    r.color = st.color;
    r.text = text;
    make_drawable(ctx.fonts, r.face, r.text);
    r.width = ctx.fonts.measure(r.face, r.text, r.size);
    return r;
}

// What a pack's PDF says of itself.
PackMeta pack_meta(const PackManifest& m, const StyleSheet& ss) {
    PackMeta meta;
    meta.title = fill_wording(ss.doc.wording.pack_title,
                                   {{"{body}", m.meeting.body},
                                    {"{date}", format_date(m.meeting.date, ss.doc.meeting_date_pattern, ss.doc.locale, false)}});
    meta.subject = ss.doc.wording.pack_subject;
    meta.author = m.meeting.body;
    meta.lang = language_tag(ss.doc.locale);
    meta.year = m.meeting.date.year;
    meta.month = m.meeting.date.month;
    meta.day = m.meeting.date.day;
    return meta;
}

// An edition being put together: pages appended in order, numbered from
// `first`, each part's structure grafted under its own Part; then finished,
// every edition and a paper's preview alike.
class Binding {
public:
    // `document`: where the edition comes from (the manifest, the paper).
    Binding(const LayoutContext& ctx, int first, const SourceLoc& document) : ctx_(ctx), loc_(document) {
        ed_.box.first_page_number = first;
        document_ = ed_.box.structure.add(Role::Document, kNoStruct, document);
    }

    int next_number() const { return ed_.box.first_page_number + static_cast<int>(ed_.box.pages.size()); }

    void pad_to(int number) {
        while (next_number() < number) blank();
    }
    void pad_to_odd() { pad_to(next_odd(next_number())); }

    // `pages`: the front sheet's length in the numbering, its padding included.
    void front_sheet(PartLayout sheet, int pages) {
        const StructId part = ed_.box.structure.add(Role::Part, document_, loc_);
        const std::string& agenda = ctx_.styles.doc.wording.agenda;
        ed_.box.structure.text(part).title = agenda;
        ed_.box.outlines.push_back(Outline{agenda, static_cast<int>(ed_.box.pages.size()), 0, 0});
        ed_.front_pages = static_cast<int>(sheet.pages.size());
        sheet.anchors.clear();  // the "Agenda" bookmark above is the sheet's one
        // Its links name printed page numbers; in this PDF they are indexes
        // from its own first page.
        for (PageBox& page : sheet.pages)
            for (PageItem& item : page.items)
                if (auto* link = std::get_if<LinkBox>(&item.what); link && link->uri.empty())
                    link->target_page -= ed_.box.first_page_number - 1;
        append(sheet, part);
        pad_to(ed_.box.first_page_number + pages);
    }

    // The item's papers, each from a right-hand page, its first page stamped.
    // `papers`: the item's laid-out papers, copied or moved in by the caller.
    void item(const AgendaItem& item, std::vector<PartLayout> papers, int number) {
        pad_to_odd();
        const int first = static_cast<int>(ed_.box.pages.size());
        const std::string title = fill_wording(ctx_.styles.doc.wording.item_title,
                                                    {{"{n}", std::to_string(number)}, {"{title}", plain_text(item.title)}});
        const StructId part = ed_.box.structure.add(Role::Part, document_, item.loc);
        ed_.box.structure.text(part).title = title;
        ed_.box.outlines.push_back(Outline{title, first, 0, 0});
        for (PartLayout& paper : papers) {
            pad_to_odd();
            append(std::move(paper), part);
        }
        stamps_.push_back(Stamp{static_cast<std::size_t>(first), fill_template_text(ctx_.styles.doc.stamp, "item", number), false});
        if (item.exempt)
            for (std::size_t p = static_cast<std::size_t>(first); p < ed_.box.pages.size(); ++p)
                exempt_.push_back(Exempt{p, *item.exempt});
    }

    // One paper on its own, for a preview: under the document itself, its
    // title its bookmark, every page stamped `stamp` in bold.
    void paper(PartLayout part, const std::string& title, const std::string& stamp) {
        const std::size_t first = ed_.box.pages.size();
        ed_.box.outlines.push_back(Outline{title, static_cast<int>(first), 0, 0});
        append(std::move(part), document_);
        for (std::size_t p = first; p < ed_.box.pages.size(); ++p) stamps_.push_back(Stamp{p, stamp, true});
    }

    // Stamps, exempt headers and footers on every page, the fonts and the
    // PDF's metadata; an edition of a pack is padded to an even length first
    // (`pad_even`), for duplex printing.
    Edition finish(PackMeta meta, bool pad_even = true) {
        if (pad_even) pad_to(even_length(next_number() - 1) + 1);
        const StyleSheet& ss = ctx_.styles;
        for (const Stamp& s : stamps_) add_stamp(ed_.box.pages[s.page], s.text, s.bold);
        for (const Exempt& e : exempt_) add_exempt_header(ed_.box.pages[e.page], e.reason);
        // Footers last, now that every page has its number.
        const TextStyle& foot = ss.get("footer");
        for (std::size_t n = 0; n < ed_.box.pages.size(); ++n) {
            PageBox& p = ed_.box.pages[n];
            if (p.blank && !ss.doc.footer_on_blank) continue;
            const int number = ed_.box.first_page_number + static_cast<int>(n);
            GlyphRun r = text_run(fill_template_text(ss.doc.footer, "page", number), foot, ctx_);
            const PageMaster& pm = p.landscape() ? ss.landscape : ss.portrait;
            r.x = (p.width - r.width) / 2;
            r.baseline = p.height - pm.margin_bottom / 2;
            p.add(std::move(r), Mark::as(Artifact::Footer));
        }
        for (const FontFace& f : ctx_.fonts.faces()) ed_.box.faces.push_back(f);
        ed_.box.meta = std::move(meta);
        return std::move(ed_);
    }

    Edition& edition() { return ed_; }

private:
    struct Stamp {
        std::size_t page;
        std::string text;  // "Agenda Item 5", "DRAFT"
        bool bold;
    };
    struct Exempt {
        std::size_t page;
        std::string reason;
    };

    void blank() {
        ed_.box.pages.push_back(layout_blank_page(ctx_, Orientation::Portrait));
        ++ed_.blank_pages;
    }

    // A copy of the part's pages, its structure grafted under `parent`.
    void append(PartLayout part, StructId parent) {
        const StructId offset = ed_.box.structure.graft(part.structure, parent);
        const int first = static_cast<int>(ed_.box.pages.size());
        for (const PartAnchor& a : part.anchors) ed_.box.outlines.push_back(Outline{a.title, first + a.page, a.y, a.level});
        ed_.box.pages.reserve(ed_.box.pages.size() + part.pages.size());
        for (PageBox& page : part.pages) {
            if (page.blank) ++ed_.blank_pages;
            const int index = static_cast<int>(ed_.box.pages.size());
            page.sealed.node_offset += offset;
            for (PageItem& item : page.items) {
                if (item.mark.node != kNoStruct) item.mark.node += offset;
                if (auto* link = std::get_if<LinkBox>(&item.what); link && link->from_own_page) {
                    link->target_page += index;
                    link->from_own_page = false;
                }
            }
            // Room for what finish() adds (footer, stamp, exempt header).
            page.items.reserve(page.items.size() + kFinishingItems);
            ed_.box.pages.push_back(std::move(page));
        }
    }

    // At the head of the page, right, in the stamp's style.
    void add_stamp(PageBox& page, const std::string& text, bool bold) {
        const StyleSheet& ss = ctx_.styles;
        const TextStyle& stamp = ss.get("stamp");
        GlyphRun r = text_run(text, stamp, ctx_, bold);
        const PageMaster& pm = page.landscape() ? ss.landscape : ss.portrait;
        r.x = page.width - pm.margin_right - r.width;
        r.baseline = pm.margin_top / 2 + stamp.size / 2;
        page.add(std::move(r), Mark::as(Artifact::Header));
    }

    // Two lines at the head of the page, left, clear of the stamp on the right.
    void add_exempt_header(PageBox& page, const std::string& reason) {
        if (page.blank) return;
        const StyleSheet& ss = ctx_.styles;
        const TextStyle& st = ss.get("stamp");
        const PageMaster& pm = page.landscape() ? ss.landscape : ss.portrait;
        GlyphRun head = text_run(ss.doc.wording.not_for_publication, st, ctx_, true);
        head.x = pm.margin_left;
        head.baseline = pm.margin_top / 2 + st.size / 2;
        GlyphRun why = text_run(reason, st, ctx_);
        why.x = pm.margin_left;
        why.baseline = head.baseline + st.line_height;
        page.add(std::move(head), Mark::as(Artifact::Header));
        page.add(std::move(why), Mark::as(Artifact::Header));
    }

    const LayoutContext& ctx_;
    SourceLoc loc_;
    Edition ed_;
    StructId document_ = kNoStruct;
    std::vector<Stamp> stamps_;
    std::vector<Exempt> exempt_;
};

}  // namespace

bool binds_papers(const AgendaItem& item, Audience audience) {
    return !item.to_follow && (!item.exempt || audience == Audience::Full);
}

int LaidOutItem::page_count() const {
    int count = 0;
    for (const PartLayout& paper : papers) {
        if (paper.pages.empty()) continue;
        count = paper_start(count) + static_cast<int>(paper.pages.size());
    }
    return count;
}

namespace {

// Lays out items [0, n), each from papers_of(i): the papers held (a
// reference into the pack) or read for it (a value, freed as soon as the
// item is laid out, before its thread takes the next).
template <class PapersOf>
LaidOutParts lay_out_each(std::size_t items, std::size_t n, PapersOf papers_of, const LayoutContext& ctx, int jobs,
                          const PageSink& page_done) {
    LaidOutParts parts;
    parts.items.resize(items);
    auto lay_out = [&](std::size_t i, const LayoutContext& c) {
        auto&& papers = papers_of(i);
        for (const Paper& paper : papers) parts.items[i].papers.push_back(layout_paper(paper, c, page_done));
    };
    jobs = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(std::max(jobs, 1)), n));
    if (jobs <= 1) {
        for (std::size_t i = 0; i < n; ++i) lay_out(i, ctx);
        return parts;
    }
    // Items are independent until they are numbered: each starts on a page
    // of its own. Each thread has its own line breaker; each item its own
    // diagnostics, merged in item order.
    std::vector<Diagnostics> diags(n);
    parallel_for(n, jobs, [&](std::size_t) {
        return [&, breaker = std::make_unique<LineBreaker>(ctx.styles.doc.locale)](std::size_t i) {
            lay_out(i, LayoutContext{ctx.styles, ctx.fonts, *breaker, diags[i]});
        };
    });
    for (const Diagnostics& d : diags) ctx.diags.merge(d);
    return parts;
}

}  // namespace

LaidOutParts lay_out_parts(const PackDocument& pack, const LayoutContext& ctx, int jobs,
                           const PageSink& page_done) {
    const std::size_t n = std::min(pack.manifest.items.size(), pack.papers.size());
    auto held = [&](std::size_t i) -> const std::vector<Paper>& { return pack.papers[i]; };
    return lay_out_each(pack.manifest.items.size(), n, held, ctx, jobs, page_done);
}

LaidOutParts lay_out_parts(const PackManifest& manifest, const ReadPapers& read, const LayoutContext& ctx, int jobs,
                           const PageSink& page_done) {
    return lay_out_each(manifest.items.size(), manifest.items.size(), read, ctx, jobs, page_done);
}

std::optional<PackNumbering> number_pack(const PackDocument& pack, const LaidOutParts& parts,
                                         const LayoutContext& ctx) {
    const PackManifest& m = pack.manifest;
    const std::vector<std::size_t> public_items = binding_order(m, Audience::Public);
    std::vector<std::size_t> part_b;
    for (std::size_t i : binding_order(m, Audience::Full))
        if (m.items[i].exempt) part_b.push_back(i);

    PackNumbering n;
    int front = 1;
    for (int round = 0; round < kMaxRounds; ++round) {
        n.front_pages = even_length(front);
        n.entries.assign(m.items.size(), AgendaEntry{});
        for (std::size_t i = 0; i < m.items.size(); ++i) n.entries[i].number = static_cast<int>(i) + 1;
        const bool blank_in_range = ctx.styles.doc.blank_in_range;
        const int after_public = place(parts, public_items, n.front_pages + 1, blank_in_range, n.entries);
        n.public_pages = even_length(after_public - 1);
        n.full_pages = even_length(place(parts, part_b, after_public, blank_in_range, n.entries) - 1);
        // The members' front sheet shows every range; the public one the same
        // lines without Part B's, so it is never longer.
        const int got = std::max<int>(1, static_cast<int>(layout_front_sheet(m, n.entries, ctx).pages.size()));
        if (even_length(got) == n.front_pages) return n;
        front = got;
    }
    ctx.diags.error(m.loc, rule::front_sheet,
                    "the agenda front sheet did not settle on a length after " + std::to_string(kMaxRounds) +
                        " layouts",
                    "shorten the agenda");
    return std::nullopt;
}

EditionPlan plan_edition(const PackManifest& manifest, const PackNumbering& numbering, Audience audience) {
    EditionPlan plan;
    plan.audience = audience;
    plan.front_pages = numbering.front_pages;
    plan.pages = audience == Audience::Full ? numbering.full_pages : numbering.public_pages;
    plan.full_pages = numbering.full_pages;
    plan.entries = numbering.entries;
    for (std::size_t i = 0; i < manifest.items.size(); ++i) {
        const AgendaItem& item = manifest.items[i];
        AgendaEntry& e = plan.entries[i];
        // Exempt items' pages only to members; to-follow items without pages.
        if (!binds_papers(item, audience)) e.first_page = e.last_page = std::nullopt;
        PlannedItem p;
        p.index = i;
        p.number = e.number;
        p.first_page = e.first_page;
        p.last_page = e.last_page;
        if (e.first_page) p.own_pages = even_length(e.last_page.value_or(*e.first_page)) - *e.first_page + 1;
        p.name = item_file_name(e.number, item);
        plan.items.push_back(std::move(p));
    }
    for (std::size_t i : binding_order(manifest, audience))
        if (plan.items[i].bound()) plan.order.push_back(i);
    return plan;
}

std::string item_file_name(int number, const AgendaItem& item) {
    return (number < 10 ? "0" : "") + std::to_string(number) + "-" + file_slug(plain_text(item.title));
}

std::string file_slug(const std::string& title) {
    std::string out;
    for (unsigned char c : title) {
        if (std::isalnum(c) && c < 0x80) {
            out += static_cast<char>(std::tolower(c));
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
        if (out.size() >= 48) break;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "item" : out;
}

namespace {

// `papers_of(i)`: item i's laid-out papers, copied or moved out of the parts.
template <class PapersOf>
Edition bind_pack_from(const PackDocument& pack, PapersOf papers_of, const EditionPlan& plan, const LayoutContext& ctx) {
    Binding b(ctx, 1, pack.manifest.loc);
    b.front_sheet(layout_front_sheet(pack.manifest, plan.entries, ctx), plan.front_pages);
    for (std::size_t i : plan.order) {
        const PlannedItem& item = plan.items[i];
        b.pad_to(*item.first_page);
        b.item(pack.manifest.items[i], papers_of(i), item.number);
    }
    Edition e = b.finish(pack_meta(pack.manifest, ctx.styles));
    e.entries = plan.entries;
    return e;
}

}  // namespace

Edition bind_pack(const PackDocument& pack, const LaidOutParts& parts, const EditionPlan& plan,
                  const LayoutContext& ctx) {
    auto copy = [&](std::size_t i) { return parts.items[i].papers; };
    return bind_pack_from(pack, copy, plan, ctx);
}

Edition bind_pack(const PackDocument& pack, LaidOutParts&& parts, const EditionPlan& plan, const LayoutContext& ctx) {
    auto take = [&](std::size_t i) { return std::move(parts.items[i].papers); };
    return bind_pack_from(pack, take, plan, ctx);
}

Edition bind_front_sheet(const PackDocument& pack, const EditionPlan& plan, const LayoutContext& ctx) {
    Binding b(ctx, 1, pack.manifest.loc);
    // Its links would point outside this PDF: the lines stay, the links go.
    PartLayout sheet = layout_front_sheet(pack.manifest, plan.entries, ctx);
    for (PageBox& page : sheet.pages)
        std::erase_if(page.items, [](const PageItem& i) { return std::holds_alternative<LinkBox>(i.what); });
    b.front_sheet(std::move(sheet), plan.front_pages);
    Edition e = b.finish(pack_meta(pack.manifest, ctx.styles));
    e.entries = plan.entries;
    return e;
}

Edition bind_item(const PackDocument& pack, const LaidOutParts& parts, const EditionPlan& plan, std::size_t item,
                  const LayoutContext& ctx) {
    const PlannedItem& planned = plan.items.at(item);
    Binding b(ctx, planned.first_page.value_or(1), pack.manifest.loc);
    if (planned.bound()) b.item(pack.manifest.items[item], parts.items[item].papers, planned.number);
    Edition e = b.finish(pack_meta(pack.manifest, ctx.styles));
    e.entries = {plan.entries[item]};
    return e;
}

std::vector<std::size_t> late_items(const PackDocument& pack, const LaidOutParts& parts, Audience audience) {
    std::vector<std::size_t> late;
    for (std::size_t i = 0; i < pack.manifest.items.size(); ++i) {
        const AgendaItem& it = pack.manifest.items[i];
        if (it.to_follow && (!it.exempt || audience == Audience::Full) && i < parts.items.size() &&
            parts.items[i].page_count() > 0)
            late.push_back(i);
    }
    return late;
}

std::optional<Edition> bind_supplement(const PackDocument& pack, const LaidOutParts& parts, const EditionPlan& plan,
                                       const LayoutContext& ctx) {
    const PackManifest& m = pack.manifest;
    const std::vector<std::size_t> late = late_items(pack, parts, plan.audience);
    if (late.empty()) {
        ctx.diags.error(m.loc, rule::agenda, "no item marked to-follow=\"true\" has its papers yet, so there is no supplement to build",
                        "add <papers> to the item whose papers have arrived, keeping to-follow=\"true\"");
        return std::nullopt;
    }
    // Numbered on from the full pack, so no page number is ever used twice.
    const int first = plan.full_pages + 1;
    std::vector<AgendaEntry> entries(m.items.size());
    for (std::size_t i = 0; i < m.items.size(); ++i) {
        entries[i].number = static_cast<int>(i) + 1;
        entries[i].listed = false;
    }
    for (std::size_t i : late) entries[i].listed = true;
    int front = 1;
    PartLayout sheet;
    for (int round = 0;; ++round) {
        const int front_pages = even_length(front);
        place(parts, late, first + front_pages, ctx.styles.doc.blank_in_range, entries);
        sheet = layout_front_sheet(m, entries, ctx, realized::SheetHeading::Supplementary);
        const int got = std::max<int>(1, static_cast<int>(sheet.pages.size()));
        if (even_length(got) == front_pages) break;
        if (round + 1 == kMaxRounds) {
            ctx.diags.error(m.loc, rule::front_sheet, "the supplementary agenda did not settle on a length", "shorten the agenda");
            return std::nullopt;
        }
        front = got;
    }
    Binding b(ctx, first, m.loc);
    b.front_sheet(std::move(sheet), even_length(std::max<int>(1, static_cast<int>(sheet.pages.size()))));
    for (std::size_t i : late) {
        b.pad_to(*entries[i].first_page);
        b.item(m.items[i], parts.items[i].papers, entries[i].number);
    }
    Edition e = b.finish(pack_meta(m, ctx.styles));
    // Told apart from the pack by its title, in a viewer's title bar and a
    // screen reader's first words, and by a later build that finds it stale.
    e.box.meta.title = std::string(kSupplementTitle) + " - " + e.box.meta.title;
    e.entries = std::move(entries);
    return e;
}

PackBox assemble_preview(const Paper& paper, const LayoutContext& ctx) {
    const Wording& w = ctx.styles.doc.wording;
    const std::string title = paper.header.title.empty() ? w.draft_untitled : plain_text(paper.header.title.front());
    // Pages numbered from 1, each marked DRAFT where a pack page has its
    // agenda stamp, finished as every edition is.
    Binding b(ctx, 1, paper.loc);
    b.paper(layout_paper(paper, ctx), title, w.draft);
    PackMeta meta;
    meta.title = fill_wording(w.draft_title, {{"{title}", title}});
    meta.subject = w.draft_subject;
    meta.author = paper.header.board;
    meta.lang = language_tag(ctx.styles.doc.locale);
    if (paper.header.date) {
        meta.year = paper.header.date->year;
        meta.month = paper.header.date->month;
        meta.day = paper.header.date->day;
    }
    return std::move(b.finish(std::move(meta), false).box);
}

std::string language_tag(std::string locale) {
    const std::size_t at = locale.find('@');
    if (at != std::string::npos) locale.resize(at);
    for (char& c : locale)
        if (c == '_') c = '-';
    return locale.empty() ? "en-GB" : locale;
}

std::string fill_template_text(const std::string& pattern, const std::string& key, int value) {
    std::string out = pattern;
    const std::string token = "{" + key + "}";
    for (std::size_t at = out.find(token); at != std::string::npos; at = out.find(token, at))
        out.replace(at, token.size(), std::to_string(value));
    return out;
}

std::optional<AssembledPack> assemble_pack(const PackDocument& pack, const LayoutContext& ctx,
                                           const AssembleOptions& options) {
    const LaidOutParts parts = lay_out_parts(pack, ctx);
    std::optional<PackNumbering> numbering = number_pack(pack, parts, ctx);
    if (!numbering) return std::nullopt;
    const EditionPlan plan =
        plan_edition(pack.manifest, *numbering, options.include_exempt ? Audience::Full : Audience::Public);
    Edition e = bind_pack(pack, parts, plan, ctx);
    AssembledPack out;
    out.box = std::move(e.box);
    out.entries = std::move(e.entries);
    out.front_pages = e.front_pages;
    out.blank_pages = e.blank_pages;
    return out;
}

}  // namespace bp
