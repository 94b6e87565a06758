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

// "2.00pm", "10.30am": a next meeting's time, as the minutes write it.
std::string next_meeting_time(const Time& t) {
    std::string s = clock_time(t);
    s.erase(s.find(' '), 1);
    return s;
}

// "10 December 2015", "Thursday 10 December 2015 at 2.00pm", or the
// paper's sentence with its {date} and {time} filled in.
std::string next_meeting_text(const NextMeeting& next, const StyleSheet& ss) {
    std::string pattern = ss.doc.next_meeting_pattern;
    if (next.weekday && pattern.find('E') == std::string::npos) pattern = "EEEE " + pattern;
    const std::string date = format_date(next.date, pattern, ss.doc.locale, ss.doc.ordinal_next_meeting);
    const std::string time = next.time ? next_meeting_time(*next.time) : "";
    if (!next.sentence.empty()) return fill_placeholders(next.sentence, {{"{date}", date}, {"{time}", time}});
    return time.empty() ? date : date + " at " + time;
}

std::string pages_text(const AgendaEntry& e) {
    if (!e.first_page) return {};
    return "(Pages " + std::to_string(*e.first_page) + " - " + std::to_string(e.last_page.value_or(*e.first_page)) + ")";
}

}  // namespace

PartLayout layout_front_sheet(const PackManifest& manifest, const std::vector<AgendaEntry>& entries,
                              const LayoutContext& ctx, const std::string& heading_text) {
    const StyleSheet& ss = ctx.styles;
    const Meeting& mt = manifest.meeting;
    std::vector<Slice> slices;
    StructTree tree;
    Flow f(ctx, slices, tree);
    BlockEnv env;
    env.kind = Paper::Kind::Document;
    const Mpt width = content_width(ss.portrait);
    LineSpec full;
    full.width = width;

    f.set_anchor(heading_text, 1);
    f.paragraph_lines(f.node(Role::P, env, mt.loc), plain(mt.body), ss.get("board"), full, env);
    std::string when = format_date(mt.date, ss.doc.meeting_date_pattern, ss.doc.locale, ss.doc.ordinal_meeting);
    if (mt.time) when += " at " + clock_time(*mt.time);
    const TextStyle& meeting = ss.get("meeting");
    f.paragraph_lines(f.node(Role::P, env, mt.loc), plain(when), meeting, full, env);
    if (!mt.venue.empty()) f.paragraph_lines(f.node(Role::P, env, mt.loc), plain(mt.venue), meeting, full, env);
    LineSpec heading = full;
    heading.keep_with_next = true;
    f.paragraph_lines(f.node(Role::H1, env, manifest.loc), plain(heading_text), ss.get("agenda-heading"), heading, env);

    const TextStyle& item_style = ss.get("agenda-item");
    const TextStyle& note_style = ss.get("agenda-note");
    const Mpt indent = ss.doc.paragraph_indent;
    // Room on the right for the widest range the pack could print.
    const Mpt range_w = set_line("(Pages 888 - 888)", item_style, ctx).width + pt(8);
    LineSpec column;
    column.x = indent;
    column.width = width - indent - range_w;

    // The agenda reads as a list: number, title, then its pages.
    const StructId agenda = f.node(Role::L, env, manifest.loc);
    std::size_t last_item_start = 0;  // first slice of the last agenda line
    for (std::size_t i = 0; i < manifest.items.size(); ++i) {
        const AgendaItem& item = manifest.items[i];
        const AgendaEntry& e = entries[i];
        if (!e.listed) continue;
        const ListEntry le = add_list_entry(tree, agenda, item.loc);
        BlockEnv in_item = env;
        in_item.parent = le.body;
        const StructId title = tree.add(Role::P, le.body, item.loc);
        StructId text_node = title;
        std::string right = pages_text(e);
        if (item.to_follow && !e.first_page) right = "(Paper to follow)";
        if (e.first_page) {
            // The whole agenda line is a link to the item's first page.
            text_node = tree.add(Role::Link, title, item.loc);
            tree.text(text_node).alt = "Agenda item " + std::to_string(e.number) + ", " + plain_text(item.title) +
                                  ", pages " + std::to_string(*e.first_page) + " to " +
                                  std::to_string(e.last_page.value_or(*e.first_page));
        }
        std::size_t first = slices.size();
        last_item_start = first;
        TextStyle tight = item_style;
        tight.space_after = 0;
        LineSpec line = column;
        line.label = std::to_string(e.number) + ".";
        line.label_node = le.label;
        f.paragraph_lines(text_node, item.title, tight, line, in_item);
        if (first < slices.size()) {
            if (!right.empty()) {
                // Printed on the title's first line, read after its last.
                Slice& last = slices.back();
                Mpt above = 0;
                for (std::size_t k = first; k + 1 < slices.size(); ++k) above += slices[k].height;
                // The space keeps title and range apart for a reader; the
                // range's right edge stays at the margin.
                Line r = set_line(" " + right, item_style, ctx);
                const Mpt own = first_baseline(r.items).value_or(0);
                const Mpt target = first_baseline(slices[first].items).value_or(own);
                append_items(last.items, r.items, width - r.width, target - own - above, Mark::content(text_node));
            }
            if (e.first_page)
                slices[first].items.add(LinkBox{Rect{0, 0, width, slices[first].height}, "", *e.first_page - 1},
                                        Mark::content(text_node));
        }
        for (const Inlines& note : item.notes)
            f.paragraph_lines(f.node(Role::P, in_item, item.loc), note, note_style, column, in_item);
        if (item.exempt)
            f.paragraph_lines(f.node(Role::P, in_item, item.loc), plain("Exempt: " + *item.exempt), note_style, column,
                              in_item);
        for (const NextMeeting& next : item.next_meetings)
            f.paragraph_lines(f.node(Role::P, in_item, next.loc), plain(next_meeting_text(next, ss)), tight, column,
                              in_item);
        f.space(item_style.space_after);
        for (std::size_t k = first; k + 1 < slices.size(); ++k) slices[k].keep_with_next = true;
    }
    // No page of the agenda holds one lone line: the last item goes over
    // with the one before it.
    if (last_item_start > 0 && last_item_start < slices.size()) slices[last_item_start - 1].keep_with_next = true;
    PartLayout out = paginate(std::move(slices), ctx);
    out.structure = std::move(tree);
    return out;
}

}  // namespace bp
