// The agenda front sheet realized: the meeting's body, date, time and
// venue, the heading, and each listed item with its number, title, pages
// (or "Paper to follow"), notes, exemption and next meetings, all in the
// template's words. Its elements are the sheet's own roots; binding puts
// them under the sheet's Part.
#include "realize/internal.hpp"
#include "text/text.hpp"

namespace bp {

using namespace realize_detail;

realized::Document realize_front_sheet(const PackManifest& manifest, const std::vector<AgendaEntry>& entries,
                                       const TemplateDoc& tpl, realized::SheetHeading heading) {
    const Wording& w = tpl.wording;
    const Meeting& mt = manifest.meeting;
    realized::Document doc;
    StructTree& tree = doc.structure;
    Realizer r(tpl, tree);
    Env env;
    env.kind = Paper::Kind::Document;

    Node& root = doc.root;
    root.kind = Kind::FrontSheet;
    root.loc = manifest.loc;
    root.info = realized::FrontSheetInfo{heading};

    Node body = make(Kind::MeetingBody, mt.loc, r.tag(Role::P, env, mt.loc));
    body.runs.push_back(written(mt.body));
    root.children.push_back(std::move(body));
    Node when = make(Kind::MeetingWhen, mt.loc, r.tag(Role::P, env, mt.loc));
    const std::string date = format_date(mt.date, tpl.meeting_date_pattern, tpl.locale, tpl.ordinal_meeting);
    when.runs.push_back(generated(mt.time ? fill(w.meeting_when, {{"{date}", date},
                                                                   {"{time}", time_of_day(*mt.time, w.time, w)}})
                                          : date));
    root.children.push_back(std::move(when));
    if (!mt.venue.empty()) {
        Node venue = make(Kind::MeetingVenue, mt.loc, r.tag(Role::P, env, mt.loc));
        venue.runs.push_back(written(mt.venue));
        root.children.push_back(std::move(venue));
    }
    Node head = make(Kind::AgendaHeading, manifest.loc, r.tag(Role::H1, env, manifest.loc));
    head.runs.push_back(generated(heading == realized::SheetHeading::Agenda ? w.agenda : w.supplementary_agenda));
    root.children.push_back(std::move(head));

    // The agenda reads as a list: number, title, then its pages.
    Node agenda = make(Kind::Agenda, manifest.loc, r.tag(Role::L, env, manifest.loc));
    for (std::size_t i = 0; i < manifest.items.size() && i < entries.size(); ++i) {
        const AgendaItem& item = manifest.items[i];
        const AgendaEntry& e = entries[i];
        if (!e.listed) continue;
        const StructId li = tree.add(Role::LI, agenda.tag, item.loc);
        const StructId label = tree.add(Role::Lbl, li);
        const StructId item_body = tree.add(Role::LBody, li);
        Node n = r.label_node(Kind::AgendaItem, item.loc, item_body, label,
                              fill(w.agenda_number, {{"{n}", std::to_string(e.number)}}));
        n.number = e.number;
        n.info = realized::AgendaInfo{e.first_page, e.last_page, item.to_follow, item.exempt.has_value()};
        Env in_item = env;
        in_item.parent = item_body;

        const StructId title_p = tree.add(Role::P, item_body, item.loc);
        StructId title_tag = title_p;
        if (e.first_page) {
            // The whole agenda line is a link to the item's first page.
            const std::string first = std::to_string(*e.first_page);
            const std::string last = std::to_string(e.last_page.value_or(*e.first_page));
            title_tag = tree.add(Role::Link, title_p, item.loc);
            tree.text(title_tag).alt = fill(w.agenda_link, {{"{n}", std::to_string(e.number)},
                                                            {"{title}", plain_text(item.title)},
                                                            {"{first}", first},
                                                            {"{last}", last}});
        }
        n.children.push_back(r.text_node(Kind::AgendaTitle, title_tag, item.loc, item.title));
        std::string right;
        if (e.first_page)
            right = fill(w.pages, {{"{first}", std::to_string(*e.first_page)},
                                   {"{last}", std::to_string(e.last_page.value_or(*e.first_page))}});
        else if (item.to_follow)
            right = w.to_follow;
        if (!right.empty()) {
            Node pages = make(Kind::AgendaPages, item.loc, title_tag);
            pages.runs.push_back(generated(std::move(right)));
            n.children.push_back(std::move(pages));
        }
        for (const Inlines& note : item.notes)
            n.children.push_back(r.text_node(Kind::AgendaNote, r.tag(Role::P, in_item, item.loc), item.loc, note));
        if (item.exempt) {
            Node x = make(Kind::AgendaExempt, item.loc, r.tag(Role::P, in_item, item.loc));
            x.runs = fill_runs(w.exempt, {{"{reason}", {written(*item.exempt)}}});
            n.children.push_back(std::move(x));
        }
        for (const NextMeeting& next : item.next_meetings) {
            Node nm = make(Kind::NextMeeting, next.loc, r.tag(Role::P, in_item, next.loc));
            std::string pattern_date = format_date(next.date, tpl.next_meeting_pattern, tpl.locale,
                                                   tpl.ordinal_next_meeting);
            // A weekday is added unless the template's pattern writes one already.
            if (next.weekday && tpl.next_meeting_pattern.find('E') == std::string::npos)
                pattern_date = fill(w.next_meeting_weekday,
                                    {{"{weekday}", format_date(next.date, "EEEE", tpl.locale, false)},
                                     {"{date}", pattern_date}});
            const std::string time = next.time ? time_of_day(*next.time, w.next_meeting_time, w) : std::string();
            if (!next.sentence.empty())
                nm.runs = fill_runs(next.sentence, {{"{date}", {generated(pattern_date)}}, {"{time}", {generated(time)}}},
                                    0, /*literal_generated=*/false);
            else if (time.empty())
                nm.runs.push_back(generated(pattern_date));
            else
                nm.runs.push_back(generated(fill(w.next_meeting_at, {{"{date}", pattern_date}, {"{time}", time}})));
            n.children.push_back(std::move(nm));
        }
        agenda.children.push_back(std::move(n));
    }
    root.children.push_back(std::move(agenda));
    return doc;
}

}  // namespace bp
