// The agenda front sheet: body, date and time, venue, and the numbered
// items, each with its "(Pages X - Y)" range when it has papers. Ranges come
// in from assemble/, which resolves them against the laid-out pack.
#include "layout/internal.hpp"

namespace bp {
using namespace layout_detail;
namespace {

// "10.00 am", "2.30 pm": the clerk's way of writing a meeting time.
std::string clock_time(const Time& t) {
    int h = t.hour % 12 == 0 ? 12 : t.hour % 12;
    std::string mm = (t.minute < 10 ? "0" : "") + std::to_string(t.minute);
    return std::to_string(h) + "." + mm + (t.hour < 12 ? " am" : " pm");
}

std::string pages_text(const AgendaEntry& e) {
    if (!e.first_page) return {};
    return "(Pages " + std::to_string(*e.first_page) + " - " + std::to_string(e.last_page.value_or(*e.first_page)) + ")";
}

}  // namespace

PartLayout layout_front_sheet(const PackManifest& manifest, const std::vector<AgendaEntry>& entries,
                              const LayoutContext& ctx) {
    const StyleSheet& ss = ctx.styles;
    const Meeting& mt = manifest.meeting;
    std::vector<Slice> slices;
    Flow f(ctx, slices);
    BlockEnv env;
    env.kind = Paper::Kind::Document;
    const Mpt width = content_width(ss.portrait);

    f.set_anchor("Agenda", 1);
    f.paragraph_lines(plain(mt.body), ss.get("board"), 0, width, env, "", 0);
    std::string when = format_date(mt.date, ss.doc.meeting_date_pattern, ss.doc.locale, ss.doc.ordinal_meeting);
    if (mt.time) when += " at " + clock_time(*mt.time);
    const TextStyle& meeting = ss.get("meeting");
    f.paragraph_lines(plain(when), meeting, 0, width, env, "", 0);
    if (!mt.venue.empty()) f.paragraph_lines(plain(mt.venue), meeting, 0, width, env, "", 0);
    f.paragraph_lines(plain("Agenda"), ss.get("agenda-heading"), 0, width, env, "", 0, std::nullopt, true);

    const TextStyle& item_style = ss.get("agenda-item");
    const TextStyle& note_style = ss.get("agenda-note");
    const Mpt indent = ss.doc.paragraph_indent;
    // Room on the right for the widest range the pack could print.
    const Mpt range_w = set_line("(Pages 888 - 888)", item_style, ctx).width + pt(8);
    const Mpt title_w = width - indent - range_w;

    for (std::size_t i = 0; i < manifest.items.size(); ++i) {
        const AgendaItem& item = manifest.items[i];
        const AgendaEntry& e = entries[i];
        std::size_t first = slices.size();
        TextStyle tight = item_style;
        tight.space_after = 0;
        f.paragraph_lines(item.title, tight, indent, title_w, env, std::to_string(e.number) + ".", 0);
        if (first < slices.size()) {
            Slice& s = slices[first];
            std::string right = pages_text(e);
            if (item.to_follow) right = "(Paper to follow)";
            if (!right.empty()) {
                Line r = set_line(right, item_style, ctx);
                put_on_first_baseline(s.items, r, width - r.width);
            }
            if (e.first_page) {
                // The whole agenda line jumps to the item's first page.
                s.items.links.push_back(LinkBox{Rect{0, 0, width, s.height}, "", *e.first_page - 1});
            }
        }
        for (const Inlines& note : item.notes) f.paragraph_lines(note, note_style, indent, title_w, env, "", 0);
        if (item.exempt)
            f.paragraph_lines(plain("Exempt: " + *item.exempt), note_style, indent, title_w, env, "", 0);
        for (const Date& d : item.next_meetings)
            f.paragraph_lines(plain(format_date(d, ss.doc.next_meeting_pattern, ss.doc.locale, ss.doc.ordinal_next_meeting)),
                              tight, indent, title_w, env, "", 0);
        f.space(item_style.space_after);
        for (std::size_t k = first; k + 1 < slices.size(); ++k) slices[k].keep_with_next = true;
    }
    return paginate(slices, ctx);
}

}  // namespace bp
