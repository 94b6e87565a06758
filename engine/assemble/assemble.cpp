#include "assemble/assemble.hpp"

#include <string>

namespace bp {
namespace {

constexpr int kMaxRounds = 5;

// Where each item's papers land if the front sheet takes `front` pages. With
// `blank_in_range`, an item of odd length also owns the padding page after it.
std::vector<AgendaEntry> place_items(const std::vector<std::optional<PartLayout>>& parts, int front,
                                     bool blank_in_range) {
    std::vector<AgendaEntry> entries(parts.size());
    int next = front + 1;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        entries[i].number = static_cast<int>(i) + 1;
        if (!parts[i] || parts[i]->pages.empty()) continue;
        if (next % 2 == 0) ++next;  // right-hand page
        entries[i].first_page = next;
        const int length = static_cast<int>(parts[i]->pages.size());
        entries[i].last_page = next + length - 1 + (blank_in_range && length % 2 == 1 ? 1 : 0);
        next = *entries[i].last_page + 1;
    }
    return entries;
}


GlyphRun text_run(const std::string& text, const TextStyle& st, const LayoutContext& ctx) {
    GlyphRun r;
    r.face = st.face(false, false);
    r.size = st.size;
    r.color = st.color;
    r.text = text;
    make_drawable(ctx.fonts, r.face, r.text);
    r.width = ctx.fonts.measure(r.face, r.text, r.size);
    return r;
}

// Moves a part's pages into the pack, its structure grafted under `parent`.
void bind_part(PackBox& box, PartLayout& part, StructId parent) {
    const StructId offset = box.structure.graft(part.structure, parent);
    for (PageBox& page : part.pages) {
        for (PageItem& item : page.items)
            if (item.mark.node != kNoStruct) item.mark.node += offset;
        box.pages.push_back(std::move(page));
    }
}

// "en_GB" (an ICU locale) -> "en-GB" (a BCP 47 language tag).
std::string language_tag(std::string locale) {
    const std::size_t at = locale.find('@');
    if (at != std::string::npos) locale.resize(at);
    for (char& c : locale)
        if (c == '_') c = '-';
    return locale.empty() ? "en-GB" : locale;
}

}  // namespace

std::string fill_template_text(const std::string& pattern, const std::string& key, int value) {
    std::string out = pattern;
    const std::string token = "{" + key + "}";
    for (std::size_t at = out.find(token); at != std::string::npos; at = out.find(token, at))
        out.replace(at, token.size(), std::to_string(value));
    return out;
}

std::optional<AssembledPack> assemble_pack(const PackDocument& pack, const LayoutContext& ctx,
                                           const AssembleOptions& options) {
    const PackManifest& m = pack.manifest;
    const StyleSheet& ss = ctx.styles;

    // 1. Items lay out independently of their page numbers.
    std::vector<std::optional<PartLayout>> parts(m.items.size());
    for (std::size_t i = 0; i < m.items.size(); ++i) {
        const AgendaItem& item = m.items[i];
        if (item.exempt && !options.include_exempt) continue;
        if (i < pack.papers.size() && !pack.papers[i].empty()) parts[i] = layout_papers(pack.papers[i], ctx);
    }

    // 2. The front sheet shows their ranges; its own length moves them.
    int front = 1;
    std::vector<AgendaEntry> entries;
    PartLayout sheet;
    bool settled = false;
    for (int round = 0; round < kMaxRounds && !settled; ++round) {
        entries = place_items(parts, front, ss.doc.blank_in_range);
        sheet = layout_front_sheet(m, entries, ctx);
        const int got = std::max<int>(1, static_cast<int>(sheet.pages.size()));
        settled = got == front;
        front = got;
    }
    if (!settled) {
        ctx.diags.error(m.loc, rule::front_sheet, "the agenda front sheet did not settle on a length after " +
                                   std::to_string(kMaxRounds) + " layouts; shorten the agenda");
        return std::nullopt;
    }

    // 3. Bind: front sheet, then each item from a right-hand page.
    AssembledPack out;
    out.entries = entries;
    out.front_pages = front;
    PackBox& box = out.box;
    auto pad_to_odd = [&]() {
        if (box.pages.size() % 2 == 1) {
            box.pages.push_back(layout_blank_page(ctx, Orientation::Portrait));
            ++out.blank_pages;
        }
    };
    // Document > Part per agenda item, the front sheet first.
    const StructId document = box.structure.add(Role::Document, kNoStruct, m.loc);
    const StructId front_part = box.structure.add(Role::Part, document, m.loc);
    box.structure[front_part].title = "Agenda";
    bind_part(box, sheet, front_part);
    box.outlines.push_back(Outline{"Agenda", 0, 0, 0});
    const TextStyle& stamp = ss.get("stamp");
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (!parts[i] || parts[i]->pages.empty()) continue;
        pad_to_odd();
        const int first = static_cast<int>(box.pages.size());
        PageBox& head = parts[i]->pages.front();
        GlyphRun r = text_run(fill_template_text(ss.doc.stamp, "item", entries[i].number), stamp, ctx);
        const PageMaster& pm = head.landscape() ? ss.landscape : ss.portrait;
        r.x = head.width - pm.margin_right - r.width;
        r.baseline = pm.margin_top / 2 + stamp.size / 2;
        head.add(std::move(r), Mark::as(Artifact::Header));
        const std::string title = std::to_string(entries[i].number) + ". " + plain_text(m.items[i].title);
        box.outlines.push_back(Outline{title, first, 0, 0});
        for (const PartAnchor& a : parts[i]->anchors)
            box.outlines.push_back(Outline{a.title, first + a.page, a.y, a.level});
        for (const PageBox& p : parts[i]->pages)
            if (p.blank) ++out.blank_pages;
        const StructId item_part = box.structure.add(Role::Part, document, m.items[i].loc);
        box.structure[item_part].title = title;
        bind_part(box, *parts[i], item_part);
    }
    pad_to_odd();

    // 4. Footers, now that every page has its number.
    const TextStyle& foot = ss.get("footer");
    for (std::size_t n = 0; n < box.pages.size(); ++n) {
        PageBox& p = box.pages[n];
        if (p.blank && !ss.doc.footer_on_blank) continue;
        GlyphRun r = text_run(fill_template_text(ss.doc.footer, "page", static_cast<int>(n) + 1), foot, ctx);
        const PageMaster& pm = p.landscape() ? ss.landscape : ss.portrait;
        r.x = (p.width - r.width) / 2;
        r.baseline = p.height - pm.margin_bottom / 2;
        p.add(std::move(r), Mark::as(Artifact::Footer));
    }

    for (const FontFace& f : ctx.fonts.faces()) box.faces.push_back(f);
    box.meta.title = m.meeting.body + " - " +
                     format_date(m.meeting.date, ss.doc.meeting_date_pattern, ss.doc.locale, false);
    box.meta.subject = "Agenda pack";
    box.meta.author = m.meeting.body;
    box.meta.lang = language_tag(ss.doc.locale);
    box.meta.year = m.meeting.date.year;
    box.meta.month = m.meeting.date.month;
    box.meta.day = m.meeting.date.day;
    return out;
}

}  // namespace bp
