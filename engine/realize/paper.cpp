// A paper realized: blocks become nodes, counters become numbers, the
// template's wording becomes runs, and the structure tree is built as the
// nodes are, in reading order. The elements are made in exactly the order
// a reader meets them (a paragraph, its links, then its notes), which is
// the order the PDF numbers them in.
#include <algorithm>
#include <cctype>

#include "realize/internal.hpp"
#include "text/text.hpp"

namespace bp {

namespace realized {

std::string plain_text(const std::vector<Run>& runs, bool with_label) {
    std::string s;
    for (const Run& r : runs) {
        if ((r.kind == Run::Kind::Label && !with_label) || r.kind == Run::Kind::NoteRef) continue;
        if (r.kind == Run::Kind::LineBreak) s += ' ';
        else s += r.text;
        if (r.kind == Run::Kind::Label) s += ' ';
    }
    return s;
}

const char* kind_name(Kind k) {
    static const char* const names[] = {
        "Paper", "FrontSheet", "Header", "Board", "PaperDate", "PaperTitle", "TitleLine", "PaperLine",
        "MinutesOpening", "Section", "AppendixTitle", "PartnerPages", "PartnerPage", "PartnerLink", "Heading",
        "Paragraph", "NumberedParagraph", "Chair", "List", "ListItem", "Table", "TableHead", "TableBody", "Row",
        "Cell", "TableNotes", "Figure", "Quote", "PageBreak", "Keep", "Contact", "ContactHeading", "Officer",
        "ContactLine", "Attendance", "AttendanceGroup", "GroupTitle", "GroupChair", "Person", "PersonName",
        "PersonRole", "Resolution", "ResolutionLabel", "Minute", "MinuteTitle", "Signature", "SignatureTimes",
        "SignatureDate", "SignatureRole", "Cover", "CoverTitle", "CoverSubtitle", "CoverAuthor", "CoverDate", "Note",
        "MeetingBody", "MeetingWhen", "MeetingVenue", "AgendaHeading", "Agenda", "AgendaItem", "AgendaTitle",
        "AgendaPages", "AgendaNote", "AgendaExempt", "NextMeeting"};
    static_assert(sizeof(names) / sizeof(names[0]) == static_cast<std::size_t>(Kind::NextMeeting) + 1,
                  "a kind without a name");
    return names[static_cast<std::size_t>(k)];
}

}  // namespace realized

namespace realize_detail {

namespace {

bool has_cover(const Paper& paper) {
    for (const Section& sec : paper.sections)
        for (const Block& b : sec.blocks)
            if (std::holds_alternative<Cover>(b.node)) return true;
    return false;
}

}  // namespace

std::string Realizer::paper_date_text(const Date& d, std::optional<OrdinalDays> ordinal) const {
    // Day 0: a date given by month only, as on a cover ("June 2016").
    if (d.day == 0) return format_date(Date{d.year, d.month, 1}, tpl_.month_pattern, tpl_.locale, false);
    const bool ordinal_day = ordinal ? *ordinal != OrdinalDays::No : tpl_.ordinal_days;
    return format_date(d, tpl_.date_pattern, tpl_.locale, ordinal_day);
}

std::vector<Run> Realizer::date_runs(const Date& d, std::optional<OrdinalDays> ordinal, bool upper) const {
    auto cased = [&](std::string t) { return upper ? to_upper(t, tpl_.locale) : t; };
    const std::string text = paper_date_text(d, ordinal);
    if (ordinal != OrdinalDays::Raised || d.day == 0) return {generated(cased(text))};
    // "8th": the day's number as the locale writes it, then its suffix raised.
    const std::string number = format_date(d, "d", tpl_.locale, false);
    const std::string with_suffix = format_date(d, "d", tpl_.locale, true);
    const std::size_t at = text.find(with_suffix);
    if (with_suffix.rfind(number, 0) != 0 || at == std::string::npos) return {generated(cased(text))};
    std::vector<Run> out{generated(cased(text.substr(0, at + number.size())))};
    out.push_back(generated(cased(with_suffix.substr(number.size())), kSuperscript));
    const std::string rest = text.substr(at + with_suffix.size());
    if (!rest.empty()) out.push_back(generated(cased(rest)));
    return out;
}

void Realizer::block(const Block& b, const Env& env, std::vector<Node>& out) {
    std::visit(
        [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (!std::is_same_v<T, Paragraph> && !std::is_same_v<T, List> &&
                          !std::is_same_v<T, PageBreak> && !std::is_same_v<T, KeepTogether>)
                end_numbered_list(env);
            if constexpr (std::is_same_v<T, Paragraph>) {
                paragraph(n, b.loc, env, out);
            } else if constexpr (std::is_same_v<T, Heading>) {
                Node h = make(Kind::Heading, b.loc, tag(heading_role(env.heading_base + n.level), env, b.loc));
                h.level = static_cast<std::uint8_t>(n.level);
                text(h, n.text);
                out.push_back(std::move(h));
            } else if constexpr (std::is_same_v<T, List>) {
                list(n, b.loc, env, out);
            } else if constexpr (std::is_same_v<T, Table>) {
                table(n, b.loc, env, out);
            } else if constexpr (std::is_same_v<T, Image>) {
                Node f = make(Kind::Figure, b.loc);
                // A picture load_images could not read has no element: layout reports it.
                if (n.raster) {
                    f.tag = tag(Role::Figure, env, b.loc);
                    tree_.text(f.tag).alt = n.alt;
                }
                f.info = realized::ImageInfo{std::make_shared<const Image>(n)};
                out.push_back(std::move(f));
            } else if constexpr (std::is_same_v<T, BlockQuote>) {
                Env q = env;
                q.in_cell = true;  // quoted text is never numbered
                q.parent = tag(Role::BlockQuote, env, b.loc);
                Node node = make(Kind::Quote, b.loc, q.parent);
                blocks(n.content, q, node.children);
                out.push_back(std::move(node));
            } else if constexpr (std::is_same_v<T, PageBreak>) {
                out.push_back(make(Kind::PageBreak, b.loc));
            } else if constexpr (std::is_same_v<T, KeepTogether>) {
                Node k = make(Kind::Keep, b.loc);
                blocks(n.content, env, k.children);
                out.push_back(std::move(k));
            } else if constexpr (std::is_same_v<T, Contact>) {
                contact(n, b.loc, env, out);
            } else if constexpr (std::is_same_v<T, Attendance>) {
                attendance(n, b.loc, env, out);
            } else if constexpr (std::is_same_v<T, Resolution>) {
                resolution(n, b.loc, env, out);
            } else if constexpr (std::is_same_v<T, Minute>) {
                minute(n, b.loc, env, out);
            } else if constexpr (std::is_same_v<T, Signature>) {
                signature(n, b.loc, env, out);
            } else if constexpr (std::is_same_v<T, Cover>) {
                cover(n, b.loc, env, out);
            } else {
                static_assert(sizeof(T) == 0, "a block kind without realization");
            }
        },
        b.node);
}

void Realizer::paragraph(const Paragraph& p, const SourceLoc& loc, const Env& env, std::vector<Node>& out) {
    const bool numbered = !env.in_cell && p.numbering != Numbering::None;
    if (!numbered) {
        end_numbered_list(env);
        const bool into_parent = env.text_parent == env.parent && env.parent != kNoStruct;
        const Kind kind = p.role == "chair" ? Kind::Chair : Kind::Paragraph;
        out.push_back(text_node(kind, into_parent ? env.parent : tag(Role::P, env, loc), loc, p.text));
        return;
    }
    std::string label;
    const bool sub = p.numbering == Numbering::Sub;
    if (!sub) {
        counters_.para = p.restart ? *p.restart : counters_.para + 1;
        counters_.sub = 0;
        label = fill(w_.paragraph_number, {{"{n}", std::to_string(counters_.para)}});
    } else {
        counters_.sub = p.restart ? *p.restart : counters_.sub + 1;
        label = fill(w_.sub_paragraph_number,
                     {{"{n}", std::to_string(counters_.para)}, {"{sub}", std::to_string(counters_.sub)}});
    }
    // A numbered paragraph reads as a list item: its number, then its
    // text, straight in the item's body (one element fewer each).
    const Entry e = numbered_item(sub, env, loc);
    Node n = label_node(Kind::NumberedParagraph, loc, e.body, e.label, std::move(label));
    n.level = sub ? 2 : 1;
    n.number = sub ? counters_.sub : counters_.para;
    text(n, p.text);
    out.push_back(std::move(n));
}

void Realizer::list(const List& l, const SourceLoc& loc, const Env& env, std::vector<Node>& out) {
    // A list right after a numbered paragraph belongs to it: (a), (b) under 3.
    StructId parent = env.parent;
    if (numbered_.parent == env.parent && numbered_.list != kNoStruct)
        parent = numbered_.sub_body != kNoStruct ? numbered_.sub_body : numbered_.body;
    Node node = make(Kind::List, loc, tree_.add(Role::L, parent, loc));
    node.info = realized::ListInfo{l.kind, l.start};
    Env inner = env;
    inner.in_cell = true;  // list items are never numbered paragraphs
    int n = l.start;
    for (const ListItem& item : l.items) {
        const Entry e = list_entry(node.tag, item.loc);
        inner.parent = e.body;
        Node li = label_node(Kind::ListItem, item.loc, e.body, e.label, list_label(l, n, w_));
        li.number = n++;
        blocks(item.content, inner, li.children);
        node.children.push_back(std::move(li));
    }
    out.push_back(std::move(node));
}

namespace {

bool starts_with_word(const std::string& text, const std::string& w) {
    return !w.empty() && text.size() >= w.size() &&
           std::equal(w.begin(), w.end(), text.begin(),
                      [](char a, char b) {
                          return std::tolower(static_cast<unsigned char>(a)) ==
                                 std::tolower(static_cast<unsigned char>(b));
                      }) &&
           (text.size() == w.size() || !std::isalpha(static_cast<unsigned char>(text[w.size()])));
}

}  // namespace

void Realizer::table(const Table& t, const SourceLoc& loc, const Env& env, std::vector<Node>& out) {
    bool any_cell = false;
    for (const auto* rows : {&t.head, &t.body})
        for (const TableRow& r : *rows) any_cell = any_cell || !r.cells.empty();
    if (!any_cell) return;  // nothing to show, nothing to tag

    Node table = make(Kind::Table, loc, tag(Role::Table, env, loc));
    table.info = realized::TableInfo{t.columns, t.type_size};
    // Rows covered by a rowspan from above hold fewer cells; a row (and a
    // head or body) gets its element when its first cell is met.
    const int head_rows = static_cast<int>(t.head.size());
    const int rows = head_rows + static_cast<int>(t.body.size());
    for (int group = 0; group < 2; ++group) {
        const std::vector<TableRow>& source = group == 0 ? t.head : t.body;
        if (source.empty()) continue;
        Node g = make(group == 0 ? Kind::TableHead : Kind::TableBody, loc);
        const int first_row = group == 0 ? 0 : head_rows;
        const int group_end = group == 0 ? head_rows : rows;
        g.children.reserve(source.size());
        for (std::size_t ri = 0; ri < source.size(); ++ri) {
            const TableRow& row = source[ri];
            Node rn = make(Kind::Row, row.loc);
            rn.flags = row.flags;
            rn.children.reserve(row.cells.size());
            for (const TableCell& cell : row.cells) {
                if (g.tag == kNoStruct) g.tag = tree_.add(group == 0 ? Role::THead : Role::TBody, table.tag);
                if (rn.tag == kNoStruct) rn.tag = tree_.add(Role::TR, g.tag, row.loc);
                realized::CellInfo info;
                info.header = group == 0 || cell.header;
                info.colspan = static_cast<std::uint16_t>(std::max(1, cell.colspan));
                const int r = first_row + static_cast<int>(ri);
                info.rowspan = static_cast<std::uint16_t>(std::clamp(cell.rowspan, 1, group_end - r));
                info.status = cell.status;
                info.status_words = cell.status_words;
                info.fill = cell.fill;
                info.align = cell.align;
                const StructId ct = tree_.add(info.header ? Role::TH : Role::TD, rn.tag, cell.loc);
                if (info.header) tree_[ct].scope = group == 0 ? HeaderScope::Column : HeaderScope::Row;
                tree_[ct].rowspan = info.rowspan;
                tree_[ct].colspan = info.colspan;
                info.scope = tree_[ct].scope;
                Node cn = make(Kind::Cell, cell.loc, ct);
                // A cell is a flow of its own: its numbers and headings start afresh.
                Realizer inner(tpl_, tree_);
                Env ce = env;
                ce.in_cell = true;
                ce.parent = ct;
                ce.text_parent = cell.content.size() == 1 ? ct : env.text_parent;
                // A status cell's text begins with its status ("Amber: ..."),
                // so that it does not rest on the fill's colour alone; text
                // that already begins with the status word is left as written.
                const std::string status = status_labels(cell.status, cell.status_words, w_);
                const auto* first = cell.content.empty() ? nullptr : std::get_if<Paragraph>(&cell.content.front().node);
                bool lead = !cell.status.empty() && !cell.content.empty();
                if (lead && first != nullptr) {
                    const std::string shown = plain_text(first->text);
                    const Rag s = cell.status.front();
                    lead = !starts_with_word(shown, status_label(s, true, w_)) &&
                           !starts_with_word(shown, status_label(s, false, w_));
                }
                if (lead && first == nullptr) {
                    // The status alone, as a paragraph of its own before the content.
                    Node p = make(Kind::Paragraph, cell.loc,
                                  ce.text_parent == ct ? ct : tree_.add(Role::P, ct, cell.loc));
                    p.runs.push_back(generated(status, kBold));
                    cn.children.push_back(std::move(p));
                }
                inner.blocks(cell.content, ce, cn.children);
                if (lead && first != nullptr) {
                    Node& p = cn.children.front();
                    p.runs = fill_runs(w_.status_text, {{"{status}", {generated(status)}}, {"{text}", std::move(p.runs)}});
                    for (Run& run : p.runs)
                        if (run.generated && run.kind == Run::Kind::Text) run.flags |= kBold;
                }
                // A status-only cell prints each status in its band, centred.
                if (cell.content.empty())
                    for (Rag st : cell.status) cn.runs.push_back(generated(status_label(st, cell.status_words, w_)));
                cn.info = std::move(info);
                rn.children.push_back(std::move(cn));
            }
            g.children.push_back(std::move(rn));
        }
        table.children.push_back(std::move(g));
    }
    if (!t.notes.empty()) {
        Node notes = make(Kind::TableNotes, loc);
        Env n = env;
        n.in_cell = true;
        blocks(t.notes, n, notes.children);
        table.children.push_back(std::move(notes));
    }
    out.push_back(std::move(table));
}

void Realizer::contact(const Contact& c, const SourceLoc& loc, const Env& env, std::vector<Node>& out) {
    Node node = make(Kind::Contact, loc);
    if (c.heading) {
        Node h = make(Kind::ContactHeading, loc, tag(heading_role(env.heading_base + 1), env, loc));
        if (c.title.empty()) h.runs.push_back(generated(w_.contact));
        else h.runs.push_back(written(c.title));
        node.children.push_back(std::move(h));
    }
    for (const Contact::Officer& o : c.officers) {
        Node officer = make(Kind::Officer, o.loc);
        for (const Inlines& line : o.lines)
            officer.children.push_back(text_node(Kind::ContactLine, tag(Role::P, env, o.loc), o.loc, line));
        node.children.push_back(std::move(officer));
    }
    out.push_back(std::move(node));
}

void Realizer::attendance(const Attendance& a, const SourceLoc& loc, const Env& env, std::vector<Node>& out) {
    Node node = make(Kind::Attendance, loc);
    for (const AttendanceGroup& g : a.groups) {
        Node group = make(Kind::AttendanceGroup, g.loc);
        Node title = make(Kind::GroupTitle, g.loc, tag(heading_role(env.heading_base + 1), env, g.loc));
        title.runs.push_back(written(g.title));
        group.children.push_back(std::move(title));
        if (!g.chair.empty()) group.children.push_back(text_node(Kind::GroupChair, tag(Role::P, env, g.loc), g.loc, g.chair));
        for (const auto& person : g.people) {
            Node p = make(Kind::Person, g.loc, tag(Role::P, env, g.loc));
            Node name = make(Kind::PersonName, g.loc, p.tag), role = make(Kind::PersonRole, g.loc, p.tag);
            text(name, person.name, false);
            text(role, person.role, false);
            p.children.push_back(std::move(name));
            p.children.push_back(std::move(role));
            group.children.push_back(std::move(p));
        }
        node.children.push_back(std::move(group));
    }
    out.push_back(std::move(node));
}

void Realizer::resolution(const Resolution& r, const SourceLoc& loc, const Env& env, std::vector<Node>& out) {
    Node node = make(Kind::Resolution, loc);
    Node label = make(Kind::ResolutionLabel, loc, tag(Role::P, env, loc));
    label.runs = fill_runs(tpl_.resolution_label, {{"{label}", {written(r.label)}}});
    node.children.push_back(std::move(label));
    blocks(r.content, env, node.children);
    out.push_back(std::move(node));
}

void Realizer::minute(const Minute& m, const SourceLoc& loc, const Env& env, std::vector<Node>& out) {
    counters_.minute = m.number ? *m.number : counters_.minute + 1;
    Node node = make(Kind::Minute, loc);
    node.number = counters_.minute;
    // The minute's number is part of its heading: "26. Introductions".
    Node title = label_node(Kind::MinuteTitle, loc, tag(heading_role(env.heading_base + 1), env, loc), kNoStruct,
                            fill(w_.minute_number, {{"{n}", std::to_string(counters_.minute)}}));
    text(title, m.title);
    node.children.push_back(std::move(title));
    blocks(m.content, env, node.children);
    out.push_back(std::move(node));
}

void Realizer::signature(const Signature& s, const SourceLoc& loc, const Env& env, std::vector<Node>& out) {
    Node node = make(Kind::Signature, loc);
    if (!s.times.empty()) {
        Node t = make(Kind::SignatureTimes, loc, tag(Role::P, env, loc));
        t.runs.push_back(written(s.times));
        node.children.push_back(std::move(t));
    }
    if (s.date) {
        Node d = make(Kind::SignatureDate, loc, tag(Role::P, env, loc));
        d.runs = date_runs(*s.date, env.ordinal);
        node.children.push_back(std::move(d));
    }
    Node role = make(Kind::SignatureRole, loc, tag(Role::P, env, loc));
    role.runs.push_back(written(s.role));
    node.children.push_back(std::move(role));
    out.push_back(std::move(node));
}

void Realizer::cover(const Cover& c, const SourceLoc& loc, const Env& env, std::vector<Node>& out) {
    Node node = make(Kind::Cover, loc);
    node.info = realized::CoverInfo{c.orientation};
    node.children.push_back(text_node(Kind::CoverTitle, tag(heading_role(env.heading_base), env, loc), loc, c.title));
    if (!c.subtitle.empty())
        node.children.push_back(text_node(Kind::CoverSubtitle, tag(Role::P, env, loc), loc, c.subtitle));
    for (const Inlines& a : c.authors)
        node.children.push_back(text_node(Kind::CoverAuthor, tag(Role::P, env, loc), loc, a));
    if (c.date) {
        Node d = make(Kind::CoverDate, loc, tag(Role::P, env, loc));
        d.runs = date_runs(*c.date, env.ordinal);
        node.children.push_back(std::move(d));
    }
    out.push_back(std::move(node));
}

}  // namespace realize_detail

using namespace realize_detail;
using realized::Kind;
using realized::Node;

realized::Document realize_paper(const Paper& paper, const TemplateDoc& tpl) {
    realized::Document doc;
    StructTree& tree = doc.structure;
    Realizer r(tpl, tree);
    Env env;
    env.kind = paper.kind;
    env.ordinal = paper.ordinal;
    env.parent = tree.add(Role::Sect, kNoStruct, paper.loc);
    // A paper's first heading is H1: its title, its minutes line or its
    // cover's title; a document without any of them starts at <h1>.
    env.heading_base = paper.kind == Paper::Kind::Document && !has_cover(paper) ? 0 : 1;
    if (paper.first_minute) r.counters_.minute = *paper.first_minute - 1;

    Node& root = doc.root;
    root.kind = Kind::Paper;
    root.loc = paper.loc;
    root.tag = env.parent;
    realized::PaperInfo info;
    info.kind = paper.kind;
    if (!paper.header.title.empty()) info.title = plain_text(paper.header.title.front());
    if (paper.kind == Paper::Kind::Minutes && paper.header.date)
        info.title = fill(tpl.wording.minutes_title, {{"{date}", r.paper_date_text(*paper.header.date, paper.ordinal)}});
    tree.text(env.parent).title = info.title;
    root.info = info;

    Node header;
    header.kind = Kind::Header;
    header.loc = paper.loc;
    const PaperHeader& h = paper.header;
    if (paper.kind == Paper::Kind::Report) {
        if (!h.board.empty()) {
            Node b = r.text_node(Kind::Board, r.tag(Role::P, env, paper.loc), paper.loc, {});
            b.runs.push_back(written(h.board));
            header.children.push_back(std::move(b));
        }
        if (h.date) {
            Node d;
            d.kind = Kind::PaperDate;
            d.loc = h.date_loc.line != 0 ? h.date_loc : paper.loc;
            d.tag = r.tag(Role::P, env, paper.loc);
            d.runs = r.date_runs(*h.date, paper.ordinal, /*upper=*/true);
            header.children.push_back(std::move(d));
        }
        // The title lines are one heading, however many lines the officer gave.
        if (!h.title.empty()) {
            Node title;
            title.kind = Kind::PaperTitle;
            title.loc = paper.loc;
            title.tag = r.tag(Role::H1, env, paper.loc);
            for (const Inlines& t : h.title) title.children.push_back(r.text_node(Kind::TitleLine, title.tag, paper.loc, t));
            header.children.push_back(std::move(title));
        }
        for (const Inlines& l : h.lines)
            header.children.push_back(r.text_node(Kind::PaperLine, r.tag(Role::P, env, paper.loc), paper.loc, l));
    } else if (paper.kind == Paper::Kind::Minutes) {
        // The template's wording, held at a venue or via an online service.
        const std::string date =
            h.date ? format_date(*h.date, tpl.meeting_date_pattern, tpl.locale, false) : std::string();
        Node line;
        line.kind = Kind::MinutesOpening;
        line.loc = paper.loc;
        line.tag = r.tag(Role::H1, env, paper.loc);
        line.runs = fill_runs(paper.online ? tpl.minutes_opening_online : tpl.minutes_opening,
                              {{"{board}", {written(h.board)}}, {"{venue}", {written(paper.venue)}},
                               {"{date}", {generated(date)}}});
        header.children.push_back(std::move(line));
    }
    root.children.push_back(std::move(header));

    bool first = true;
    for (const Section& sec : paper.sections) {
        Node s;
        s.kind = Kind::Section;
        s.loc = sec.loc;
        realized::SectionInfo si;
        si.orientation = sec.orientation;
        si.new_page = sec.new_page;
        si.first = first;
        Env sec_env = env;
        if (!sec.title.empty()) {
            // An appendix is a section of its own under the paper, headed one level down.
            si.appendix = true;
            si.title = plain_text(sec.title);
            sec_env.parent = tree.add(Role::Sect, env.parent, sec.loc);
            tree.text(sec_env.parent).title = si.title;
            sec_env.heading_base = std::max(env.heading_base, 1) + 1;
            s.tag = sec_env.parent;
            // A PDF appendix's title is its bookmark and its section's title:
            // the PDF heads its own pages.
            if (!sec.partner)
                s.children.push_back(r.text_node(Kind::AppendixTitle,
                                                 r.tag(heading_role(sec_env.heading_base), sec_env, sec.loc), sec.loc,
                                                 sec.title));
        }
        if (sec.partner) {
            // Each page of an untagged PDF is a Figure with the paper's alt
            // text; a tagged one's own structure goes under the section.
            Node pages;
            pages.kind = Kind::PartnerPages;
            pages.loc = sec.loc;
            auto pdf = std::make_shared<const PartnerPdf>(*sec.partner);
            for (std::size_t i = 0; i < pdf->pages.size(); ++i) {
                Node page;
                page.kind = Kind::PartnerPage;
                page.loc = sec.loc;
                page.number = static_cast<int>(i);
                page.tag = sec_env.parent;
                if (!pdf->tagged) {
                    page.tag = r.tag(Role::Figure, sec_env, sec.loc);
                    tree.text(page.tag).alt = pdf->alt;
                }
                for (const PartnerLink& l : pdf->pages[i].links) {
                    Node link;
                    link.kind = Kind::PartnerLink;
                    link.loc = sec.loc;
                    link.tag = r.tag(Role::Link, sec_env, sec.loc);
                    tree.text(link.tag).alt = l.uri;
                    realized::Run run;
                    run.text = l.uri;
                    run.href = l.uri;
                    run.tag = link.tag;
                    link.runs.push_back(std::move(run));
                    page.children.push_back(std::move(link));
                }
                pages.children.push_back(std::move(page));
            }
            pages.info = realized::PartnerInfo{std::move(pdf), sec.title.empty() ? 2 : 3};
            s.children.push_back(std::move(pages));
        } else {
            r.blocks(sec.blocks, sec_env, s.children);
        }
        s.info = std::move(si);
        root.children.push_back(std::move(s));
        first = false;
    }
    return doc;
}

}  // namespace bp
