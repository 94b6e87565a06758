#include "load/wording_table.hpp"

namespace bp::load {

const std::vector<WordingEntry>& wording_entries() {
    using W = Wording;
    static const std::vector<WordingEntry> entries = {
        {"agenda-number", &W::agenda_number, {"{n}"}, "An agenda item's number on the front sheet: {n}."},
        {"time", &W::time, {"{h}", "{H}", "{mm}", "{ampm}"},
         "The meeting's time on the front sheet: {h}.{mm} {ampm} ({h} 1-12, {H} 0-23, {mm} two digits)."},
        {"next-meeting-time", &W::next_meeting_time, {"{h}", "{H}", "{mm}", "{ampm}"},
         "A next meeting's time: {h}.{mm}{ampm}."},
        {"am", &W::am, {}, "{ampm} before noon: am."},
        {"pm", &W::pm, {}, "{ampm} from noon: pm."},
        {"agenda", &W::agenda, {}, "The front sheet's heading and bookmark: Agenda."},
        {"supplementary-agenda", &W::supplementary_agenda, {}, "A supplement's heading: Supplementary agenda."},
        {"meeting-when", &W::meeting_when, {"{date}", "{time}"}, "The meeting's date with its time: {date} at {time}."},
        {"pages", &W::pages, {"{first}", "{last}"}, "An item's pages on the front sheet: (Pages {first} - {last})."},
        {"to-follow", &W::to_follow, {}, "An item whose papers are to follow: (Paper to follow)."},
        {"agenda-link", &W::agenda_link, {"{n}", "{title}", "{first}", "{last}"},
         "What an agenda line's link says to a screen reader: Agenda item {n}, {title}, pages {first} to {last}."},
        {"exempt", &W::exempt, {"{reason}"}, "An exempt item's line on the agenda: Exempt: {reason}."},
        {"next-meeting-at", &W::next_meeting_at, {"{date}", "{time}"}, "A next meeting's date with its time: {date} at {time}."},
        {"next-meeting-weekday", &W::next_meeting_weekday, {"{weekday}", "{date}"},
         "A next meeting's date with its weekday, where the pattern has none: {weekday} {date}."},
        {"item-title", &W::item_title, {"{n}", "{title}"}, "An item's bookmark and section title: {n}. {title}."},
        {"not-for-publication", &W::not_for_publication, {}, "The header on an exempt paper's pages: NOT FOR PUBLICATION."},
        {"pack-title", &W::pack_title, {"{body}", "{date}"}, "The PDF's title: {body} - {date}."},
        {"pack-subject", &W::pack_subject, {}, "The PDF's subject: Agenda pack."},
        {"draft", &W::draft, {}, "A preview's stamp: DRAFT."},
        {"draft-title", &W::draft_title, {"{title}"}, "A preview's PDF title: DRAFT - {title}."},
        {"draft-untitled", &W::draft_untitled, {}, "{title} of a previewed paper without one: Draft."},
        {"draft-subject", &W::draft_subject, {}, "A preview's PDF subject: Draft paper."},
    };
    return entries;
}

}  // namespace bp::load
