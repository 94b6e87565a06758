#include "walk.hpp"

#include <type_traits>

namespace bp {

namespace {

template <class>
inline constexpr bool kNoSuchBlock = false;

void texts(const Inlines& in, const SourceLoc& loc, const TextVisitor& visit) {
    for (const Inline& i : in) {
        if (i.kind == Inline::Kind::Text && !i.text.empty()) visit(loc, i.text);
        if (i.kind == Inline::Kind::Footnote) texts(i.note, loc, visit);
    }
}

void block(const Block& b, const TextVisitor& visit) {
    std::visit(
        [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Paragraph> || std::is_same_v<T, Heading>) {
                texts(n.text, b.loc, visit);
            } else if constexpr (std::is_same_v<T, List>) {
                for (const ListItem& li : n.items) for_each_text(li.content, visit);
            } else if constexpr (std::is_same_v<T, Table>) {
                for (const auto* rows : {&n.head, &n.body})
                    for (const TableRow& r : *rows)
                        for (const TableCell& c : r.cells) for_each_text(c.content, visit);
                for_each_text(n.notes, visit);
            } else if constexpr (std::is_same_v<T, Image>) {
                if (!n.alt.empty()) visit(b.loc, n.alt);
            } else if constexpr (std::is_same_v<T, BlockQuote> || std::is_same_v<T, KeepTogether> ||
                                 std::is_same_v<T, Resolution>) {
                for_each_text(n.content, visit);
            } else if constexpr (std::is_same_v<T, PageBreak>) {
            } else if constexpr (std::is_same_v<T, Signature>) {
                if (!n.times.empty()) visit(b.loc, n.times);
                visit(b.loc, n.role);
            } else if constexpr (std::is_same_v<T, Contact>) {
                if (!n.title.empty()) visit(b.loc, n.title);
                for (const Contact::Officer& o : n.officers)
                    for (const Inlines& l : o.lines) texts(l, o.loc, visit);
            } else if constexpr (std::is_same_v<T, Attendance>) {
                for (const AttendanceGroup& g : n.groups) {
                    if (!g.title.empty()) visit(g.loc, g.title);
                    texts(g.chair, g.loc, visit);
                    for (const auto& p : g.people) {
                        texts(p.name, g.loc, visit);
                        texts(p.role, g.loc, visit);
                    }
                }
            } else if constexpr (std::is_same_v<T, Minute>) {
                texts(n.title, b.loc, visit);
                for_each_text(n.content, visit);
            } else if constexpr (std::is_same_v<T, Cover>) {
                texts(n.title, b.loc, visit);
                texts(n.subtitle, b.loc, visit);
                for (const Inlines& a : n.authors) texts(a, b.loc, visit);
            } else {
                static_assert(kNoSuchBlock<T>, "for_each_text does not know this kind of block");
            }
        },
        b.node);
}

}  // namespace

void for_each_text(const Blocks& blocks, const TextVisitor& visit) {
    for (const Block& b : blocks) block(b, visit);
}

void for_each_text(const Paper& paper, const TextVisitor& visit) {
    if (!paper.header.board.empty()) visit(paper.loc, paper.header.board);
    for (const Inlines& t : paper.header.title) texts(t, paper.loc, visit);
    for (const Inlines& l : paper.header.lines) texts(l, paper.loc, visit);
    if (!paper.venue.empty()) visit(paper.loc, paper.venue);
    for (const Section& s : paper.sections) {
        texts(s.title, s.loc, visit);
        for_each_text(s.blocks, visit);
    }
}

void for_each_text(const PackManifest& m, const TextVisitor& visit) {
    for (std::string_view t : {std::string_view(m.meeting.body), std::string_view(m.meeting.venue)})
        if (!t.empty()) visit(m.meeting.loc, t);
    for (const AgendaItem& it : m.items) {
        texts(it.title, it.loc, visit);
        for (const Inlines& n : it.notes) texts(n, it.loc, visit);
        if (it.exempt && !it.exempt->empty()) visit(it.loc, *it.exempt);
    }
}

}  // namespace bp
