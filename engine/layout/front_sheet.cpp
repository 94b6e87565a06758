// The agenda front sheet, laid out from its realized tree (realize/): body,
// date and time, venue, and the numbered items, each with its range when it
// has papers, set as the template's styles say. Every word is the realized
// tree's; ranges come in from assemble/, which resolves them against the
// laid-out pack and realizes the sheet again with them.
#include "layout/internal.hpp"

namespace bp {
using namespace layout_detail;
using realized::Kind;
using realized::Node;

namespace {

// The runs of a node as inline text to set, its Label left for the
// caller, with the Link elements realize/ made for its links, in order.
struct Text {
    Inlines inlines;
    std::vector<StructId> links;
};
Text text_of(const Node& n) {
    Text out;
    StructId last_link = kNoStruct;
    for (const realized::Run& r : n.runs) {
        if (r.kind == realized::Run::Kind::Label) continue;
        if (r.tag != kNoStruct && r.tag != last_link) out.links.push_back(r.tag);
        last_link = r.tag;
        Inline i;
        i.kind = r.kind == realized::Run::Kind::LineBreak ? Inline::Kind::LineBreak : Inline::Kind::Text;
        i.flags = r.flags;
        i.text = r.text;
        i.href = r.href;
        if (!out.inlines.empty() && out.inlines.back().kind == Inline::Kind::Text && i.kind == Inline::Kind::Text &&
            out.inlines.back().flags == i.flags && out.inlines.back().href == i.href) {
            out.inlines.back().text += i.text;  // written and generated words alike are set as one run
            continue;
        }
        out.inlines.push_back(std::move(i));
    }
    return out;
}

const Node* child(const Node& n, Kind k) {
    for (const Node& c : n.children)
        if (c.kind == k) return &c;
    return nullptr;
}

std::string label_of(const Node& n) {
    return !n.runs.empty() && n.runs.front().kind == realized::Run::Kind::Label ? n.runs.front().text : std::string();
}

}  // namespace

PartLayout layout_front_sheet(const realized::Document& doc, const LayoutContext& ctx) {
    const StyleSheet& ss = ctx.styles;
    std::vector<Slice> slices;
    // The sheet's elements are realized already; the flow only marks what
    // it places with them (its own tree gets none).
    StructTree scratch;
    Flow f(ctx, slices, scratch);
    BlockEnv env;
    env.kind = Paper::Kind::Document;
    const Mpt width = content_width(ss.portrait);
    LineSpec full;
    full.width = width;

    const TextStyle& meeting = ss.get("meeting");
    const TextStyle& item_style = ss.get("agenda-item");
    const TextStyle& note_style = ss.get("agenda-note");
    const Mpt indent = ss.doc.paragraph_indent;
    LineSpec column;
    column.x = indent;
    std::size_t last_item_start = 0;  // first slice of the last agenda line
    auto set = [&](const Node& n, const TextStyle& style, const LineSpec& spec) {
        const Text t = text_of(n);
        f.paragraph_lines(n.tag, t.inlines, style, spec, env, &t.links);
    };
    // The sheet's bookmark is its heading, at its top.
    if (const Node* heading = child(doc.root, Kind::AgendaHeading)) f.set_anchor(realized::plain_text(heading->runs), 1);
    for (const Node& n : doc.root.children) {
        switch (n.kind) {
            case Kind::MeetingBody:
                set(n, ss.get("board"), full);
                break;
            case Kind::MeetingWhen:
            case Kind::MeetingVenue:
                set(n, meeting, full);
                break;
            case Kind::AgendaHeading: {
                LineSpec heading = full;
                heading.keep_with_next = true;
                set(n, ss.get("agenda-heading"), heading);
                break;
            }
            case Kind::Agenda: {
                // Room on the right for the widest range the pack could print.
                const std::string widest = fill_placeholders(ss.doc.wording.pages, {{"{first}", "888"}, {"{last}", "888"}});
                const Mpt range_w = set_line(widest, item_style, ctx).width + pt(8);
                column.width = width - indent - range_w;
                for (const Node& item : n.children) {
                    const Node* title = child(item, Kind::AgendaTitle);
                    const Node* pages = child(item, Kind::AgendaPages);
                    const auto& info = item.get<realized::AgendaInfo>();
                    std::size_t first = slices.size();
                    last_item_start = first;
                    TextStyle tight = item_style;
                    tight.space_after = 0;
                    LineSpec line = column;
                    line.label = label_of(item);
                    line.label_node = item.label_tag;
                    if (title != nullptr) set(*title, tight, line);
                    if (first < slices.size()) {
                        if (pages != nullptr) {
                            // Printed on the title's first line, read after its last.
                            Slice& last = slices.back();
                            Mpt above = 0;
                            for (std::size_t k = first; k + 1 < slices.size(); ++k) above += slices[k].height;
                            // The space keeps title and range apart for a reader; the
                            // range's right edge stays at the margin.
                            Line r = set_line(" " + realized::plain_text(pages->runs), item_style, ctx);
                            const Mpt own = first_baseline(r.items).value_or(0);
                            const Mpt target = first_baseline(slices[first].items).value_or(own);
                            append_items(last.items, r.items, width - r.width, target - own - above,
                                         Mark::content(pages->tag));
                        }
                        if (info.first_page)
                            slices[first].items.add(LinkBox{Rect{0, 0, width, slices[first].height}, "", *info.first_page - 1},
                                                    Mark::content(title != nullptr ? title->tag : item.tag));
                    }
                    for (const Node& c : item.children) {
                        if (c.kind == Kind::AgendaNote || c.kind == Kind::AgendaExempt)
                            set(c, note_style, column);
                        else if (c.kind == Kind::NextMeeting)
                            set(c, tight, column);
                    }
                    f.space(item_style.space_after);
                    for (std::size_t k = first; k + 1 < slices.size(); ++k) slices[k].keep_with_next = true;
                }
                break;
            }
            default:
                break;
        }
    }
    // No page of the agenda holds one lone line: the last item goes over
    // with the one before it.
    if (last_item_start > 0 && last_item_start < slices.size()) slices[last_item_start - 1].keep_with_next = true;
    PartLayout out = paginate(std::move(slices), ctx);
    out.structure = doc.structure;
    return out;
}

PartLayout layout_front_sheet(const PackManifest& manifest, const std::vector<AgendaEntry>& entries,
                              const LayoutContext& ctx, realized::SheetHeading heading) {
    return layout_front_sheet(realize_front_sheet(manifest, entries, ctx.styles.doc, heading), ctx);
}

}  // namespace bp
