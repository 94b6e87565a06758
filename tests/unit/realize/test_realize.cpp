// The realize stage on models built in code: numbers, labels, dates and the
// template's sentences as runs (generated ones marked), and the structure
// elements each node names.
#include <catch2/catch.hpp>

#include "realize/realize.hpp"

using namespace bp;
using realized::Kind;
using realized::Node;
using realized::Run;

namespace {

Inlines text(const std::string& s, std::uint8_t flags = 0, const std::string& href = "") {
    Inline i;
    i.text = s;
    i.flags = flags;
    i.href = href;
    return {i};
}

template <class T>
Block block(T n, std::uint32_t line = 0) {
    Block b;
    b.loc = SourceLoc{"paper.xml", line, 1};
    b.node = std::move(n);
    return b;
}

Block para(const std::string& s, Numbering n = Numbering::Auto, std::optional<int> restart = {}) {
    Paragraph p;
    p.text = text(s);
    p.numbering = n;
    p.restart = restart;
    return block(std::move(p));
}

Paper report(Blocks bs) {
    Paper p;
    p.kind = Paper::Kind::Report;
    p.loc = SourceLoc{"paper.xml", 1, 1};
    Section s;
    s.blocks = std::move(bs);
    p.sections.push_back(std::move(s));
    return p;
}

// The paper's blocks: the first section's children.
const std::vector<Node>& blocks_of(const realized::Document& d) { return d.root.children.at(1).children; }

// Runs as "{text}" with markers: "#" a label, "*" generated, "^" superscript, "b" bold.
std::string shown(const std::vector<Run>& runs) {
    std::string s;
    for (const Run& r : runs) {
        s += "{";
        if (r.kind == Run::Kind::Label) s += "#";
        if (r.kind == Run::Kind::NoteRef) s += "n" + std::to_string(r.note) + ":";
        if (r.generated) s += "*";
        if (r.flags & kSuperscript) s += "^";
        if (r.flags & kBold) s += "b";
        s += r.kind == Run::Kind::LineBreak ? std::string("/") : r.text;
        s += "}";
    }
    return s;
}

// Every node of the tree, in reading order.
void collect(const Node& n, std::vector<const Node*>& out) {
    out.push_back(&n);
    for (const Node& c : n.children) collect(c, out);
}
std::vector<const Node*> all(const realized::Document& d) {
    std::vector<const Node*> out;
    collect(d.root, out);
    return out;
}
const Node& first(const realized::Document& d, Kind k) {
    for (const Node* n : all(d))
        if (n->kind == k) return *n;
    FAIL("no node of kind " << realized::kind_name(k));
    throw 0;
}

}  // namespace

TEST_CASE("realize: paragraph numbers run on through a paper, sub-numbers under the last", "[realize]") {
    TemplateDoc tpl;
    const realized::Document d = realize_paper(
        report({para("One."), para("Two."), para("Two point one.", Numbering::Sub), para("Two point two.", Numbering::Sub),
                para("Loose.", Numbering::None), para("Five.", Numbering::Auto, 5), para("Six.")}),
        tpl);
    const auto& b = blocks_of(d);
    REQUIRE(b.size() == 7);
    CHECK(shown(b[0].runs) == "{#*1.}{One.}");
    CHECK(shown(b[1].runs) == "{#*2.}{Two.}");
    CHECK(shown(b[2].runs) == "{#*2.1}{Two point one.}");
    CHECK(shown(b[3].runs) == "{#*2.2}{Two point two.}");
    CHECK(b[4].kind == Kind::Paragraph);
    CHECK(shown(b[4].runs) == "{Loose.}");
    CHECK(shown(b[5].runs) == "{#*5.}{Five.}");
    CHECK(shown(b[6].runs) == "{#*6.}{Six.}");
    CHECK(b[2].kind == Kind::NumberedParagraph);
    CHECK(b[2].level == 2);
    CHECK(b[2].number == 1);
    CHECK(b[6].number == 6);
    // Each reads as a list item: its label in a Lbl, its text in the LBody;
    // the sub-numbered ones in a list inside the body of "2.".
    const StructTree& t = d.structure;
    CHECK(t[b[1].tag].role == Role::LBody);
    CHECK(t[b[1].label_tag].role == Role::Lbl);
    CHECK(t[b[1].label_tag].parent == t[b[1].tag].parent);
    const StructId sub_list = t[t[b[2].tag].parent].parent;
    CHECK(t[sub_list].role == Role::L);
    CHECK(t[sub_list].parent == b[1].tag);
    // The loose paragraph ends the list: "5." opens a new one.
    CHECK(t[b[4].tag].role == Role::P);
    CHECK(t[t[b[5].tag].parent].parent != t[t[b[1].tag].parent].parent);

    // The template says how numbers are written.
    tpl.wording.paragraph_number = "{n})";
    tpl.wording.sub_paragraph_number = "{n}-{sub}";
    const realized::Document own = realize_paper(report({para("One."), para("Sub.", Numbering::Sub)}), tpl);
    CHECK(shown(blocks_of(own)[0].runs) == "{#*1)}{One.}");
    CHECK(shown(blocks_of(own)[1].runs) == "{#*1-1}{Sub.}");
}

TEST_CASE("realize: list labels in each system, the paper's punctuation and the template's forms", "[realize]") {
    auto items = [](ListKind kind, int start, int n) {
        List l;
        l.kind = kind;
        l.start = start;
        for (int i = 0; i < n; ++i) {
            ListItem it;
            it.content = {para("x", Numbering::None)};
            l.items.push_back(it);
        }
        return l;
    };
    auto labels = [](const realized::Document& d, std::size_t list) {
        std::string s;
        for (const Node& li : blocks_of(d).at(list).children) s += realized::plain_text(li.runs) + "|";
        return s;
    };
    TemplateDoc tpl;
    List punct = items(ListKind::LowerAlpha, 1, 2);
    punct.punctuation = std::make_pair(std::string(""), std::string(")"));
    const realized::Document d = realize_paper(
        report({block(items(ListKind::LowerAlpha, 1, 3)), block(items(ListKind::UpperAlpha, 26, 2)),
                block(items(ListKind::LowerRoman, 3, 3)), block(items(ListKind::Decimal, 9, 2)),
                block(items(ListKind::Bullet, 1, 2)), block(punct)}),
        tpl);
    CHECK(labels(d, 0) == "(a) |(b) |(c) |");
    CHECK(labels(d, 1) == "(Z) |(AA) |");
    CHECK(labels(d, 2) == "(iii) |(iv) |(v) |");
    CHECK(labels(d, 3) == "9. |10. |");
    CHECK(labels(d, 4) == "\u2022 |\u2022 |");
    CHECK(labels(d, 5) == "a) |b) |");
    const Node& item = blocks_of(d)[0].children[1];
    CHECK(item.kind == Kind::ListItem);
    CHECK(item.number == 2);
    CHECK(item.runs.at(0).kind == Run::Kind::Label);
    CHECK(item.runs.at(0).generated);
    CHECK(item.children.at(0).kind == Kind::Paragraph);  // never numbered inside a list
    CHECK(d.structure[item.tag].role == Role::LBody);
    CHECK(d.structure[d.structure[item.tag].parent].role == Role::LI);

    tpl.wording.list_lower_alpha = "[{n}]";
    tpl.wording.bullet = "-";
    const realized::Document own =
        realize_paper(report({block(items(ListKind::LowerAlpha, 1, 2)), block(items(ListKind::Bullet, 1, 1))}), tpl);
    CHECK(labels(own, 0) == "[a] |[b] |");
    CHECK(labels(own, 1) == "- |");
}

TEST_CASE("realize: a report's header date in capitals, raised ordinals, and the minutes' words", "[realize]") {
    TemplateDoc tpl;
    Paper p = report({para("Text.")});
    p.header.board = "SAFER COMMUNITIES BOARD";
    p.header.date = Date{2016, 9, 8};
    p.header.title = {text("Prevent update")};
    p.ordinal = OrdinalDays::Raised;
    const realized::Document d = realize_paper(p, tpl);
    const Node& header = d.root.children.at(0);
    REQUIRE(header.kind == Kind::Header);
    REQUIRE(header.children.size() == 3);
    CHECK(header.children[0].kind == Kind::Board);
    CHECK(shown(header.children[0].runs) == "{SAFER COMMUNITIES BOARD}");
    CHECK(header.children[1].kind == Kind::PaperDate);
    CHECK(shown(header.children[1].runs) == "{*8}{*^TH}{* SEPTEMBER 2016}");
    CHECK(header.children[2].kind == Kind::PaperTitle);
    CHECK(d.structure[header.children[2].tag].role == Role::H1);
    CHECK(d.root.get<realized::PaperInfo>().title == "Prevent update");
    CHECK(d.structure.text(d.root.tag).title == "Prevent update");

    Paper m;
    m.kind = Paper::Kind::Minutes;
    m.loc = SourceLoc{"minutes.xml", 1, 1};
    m.header.board = "Safer Communities Board";
    m.header.date = Date{2015, 6, 18};
    m.venue = "County Hall";
    m.sections.emplace_back();
    tpl.date_pattern = "d MMMM y";
    const realized::Document md = realize_paper(m, tpl);
    const Node& opening = md.root.children.at(0).children.at(0);
    CHECK(opening.kind == Kind::MinutesOpening);
    CHECK(shown(opening.runs) ==
          "{*Minutes of a meeting of the }{Safer Communities Board}{* held at }{County Hall}"
          "{* on Thursday, 18 June 2015.}");
    CHECK(md.root.get<realized::PaperInfo>().title == "Minutes of 18 June 2015");
    tpl.wording.minutes_title = "The minutes, {date}";
    tpl.minutes_opening_online = "The {board} met online on {date}.";
    m.online = true;
    const realized::Document own = realize_paper(m, tpl);
    CHECK(own.root.get<realized::PaperInfo>().title == "The minutes, 18 June 2015");
    CHECK(shown(own.root.children.at(0).children.at(0).runs) ==
          "{*The }{Safer Communities Board}{* met online on Thursday, 18 June 2015.}");
}

TEST_CASE("realize: minute numbers continue from the paper's first, and headings never skip a level", "[realize]") {
    TemplateDoc tpl;
    Paper m;
    m.kind = Paper::Kind::Minutes;
    m.loc = SourceLoc{"minutes.xml", 1, 1};
    m.first_minute = 26;
    Minute a, b, c;
    a.title = text("Introductions");
    b.title = text("Minutes");
    c.title = text("Restarted");
    c.number = 40;
    Heading h3;
    h3.level = 3;
    h3.text = text("Deep");
    b.content = {block(h3)};
    Section s;
    s.blocks = {block(a), block(b), block(c)};
    m.sections.push_back(s);
    const realized::Document d = realize_paper(m, tpl);
    const auto& b2 = blocks_of(d);
    REQUIRE(b2.size() == 3);
    CHECK(b2[0].number == 26);
    CHECK(shown(b2[0].children.at(0).runs) == "{#*26.}{Introductions}");
    CHECK(shown(b2[1].children.at(0).runs) == "{#*27.}{Minutes}");
    CHECK(shown(b2[2].children.at(0).runs) == "{#*40.}{Restarted}");
    CHECK(realized::plain_text(b2[0].children.at(0).runs) == "26. Introductions");
    // A minute's title is H2 under the opening H1; the <h3> in its content is H3, not H4.
    CHECK(d.structure[b2[1].children.at(0).tag].role == Role::H2);
    const Node& deep = b2[1].children.at(1);
    CHECK(deep.kind == Kind::Heading);
    CHECK(deep.level == 3);
    CHECK(d.structure[deep.tag].role == Role::H3);
}

TEST_CASE("realize: footnotes are numbered through the paper, each a Note after its text", "[realize]") {
    TemplateDoc tpl;
    auto with_note = [](const std::string& before, const std::string& note) {
        Paragraph p;
        p.numbering = Numbering::Auto;
        p.text = text(before);
        Inline fn;
        fn.kind = Inline::Kind::Footnote;
        fn.note = text(note);
        p.text.push_back(fn);
        return block(p);
    };
    Paragraph plain;
    plain.text = text("Plain");
    Inline fn;
    fn.kind = Inline::Kind::Footnote;
    fn.note = text("Third note");
    plain.text.push_back(fn);
    const realized::Document d =
        realize_paper(report({with_note("First", "Source: Police.uk"), with_note("Second", "Another"), block(plain)}), tpl);
    const auto& b = blocks_of(d);
    CHECK(shown(b[0].runs) == "{#*1.}{First}{n1:*^1}");
    CHECK(shown(b[1].runs) == "{#*2.}{Second}{n2:*^2}");
    CHECK(shown(b[2].runs) == "{Plain}{n3:*^3}");
    REQUIRE(b[1].children.size() == 1);
    const Node& note = b[1].children[0];
    CHECK(note.kind == Kind::Note);
    CHECK(note.number == 2);
    CHECK(shown(note.runs) == "{#*2}{Another}");
    // In a numbered paragraph the Note is in its list body; beside a plain paragraph's P.
    CHECK(d.structure[note.tag].role == Role::Note);
    CHECK(d.structure[note.tag].parent == b[1].tag);
    CHECK(d.structure[b[2].children.at(0).tag].parent == d.structure[b[2].tag].parent);
}

TEST_CASE("realize: a link is one element for adjacent runs with one target", "[realize]") {
    TemplateDoc tpl;
    Paragraph p;
    p.text = text("See ");
    for (const Inline& i : text("the ", 0, "https://example.gov.uk/")) p.text.push_back(i);
    for (const Inline& i : text("report", kBold, "https://example.gov.uk/")) p.text.push_back(i);
    for (const Inline& i : text(" or ", 0)) p.text.push_back(i);
    for (const Inline& i : text("mail us", 0, "mailto:clerk@example.gov.uk")) p.text.push_back(i);
    const realized::Document d = realize_paper(report({block(p)}), tpl);
    const Node& n = blocks_of(d).at(0);
    REQUIRE(n.runs.size() == 5);
    CHECK(n.runs[1].tag == n.runs[2].tag);
    CHECK(n.runs[1].tag != kNoStruct);
    CHECK(n.runs[4].tag != n.runs[1].tag);
    CHECK(n.runs[3].tag == kNoStruct);
    CHECK(n.runs[2].href == "https://example.gov.uk/");
    CHECK(d.structure[n.runs[1].tag].role == Role::Link);
    CHECK(d.structure[n.runs[1].tag].parent == n.tag);
    CHECK(d.structure.text(n.runs[1].tag).alt == "the report");
    CHECK(d.structure.text(n.runs[4].tag).alt == "mail us");
}

TEST_CASE("realize: tables, their spans and header scopes, and status cells that read without colour", "[realize]") {
    TemplateDoc tpl;
    auto cell = [](const std::string& s, int colspan = 1, int rowspan = 1) {
        TableCell c;
        if (!s.empty()) c.content = {para(s, Numbering::None)};
        c.colspan = colspan;
        c.rowspan = rowspan;
        return c;
    };
    Table t;
    TableRow head;
    head.cells = {cell("Measure"), cell("Status", 1, 5)};  // a head cell never spans into the body
    t.head = {head};
    TableRow r1, r2;
    TableCell name = cell("Burglary");
    name.header = true;
    TableCell amber = cell("Rising slowly");
    amber.status = {Rag::Amber};
    amber.status_words = true;
    r1.cells = {name, amber};
    TableCell says = cell("Green, as planned");
    says.status = {Rag::Green};
    says.status_words = true;
    TableCell bands = cell("");
    bands.status = {Rag::Red, Rag::Green};
    r2.cells = {says, bands};
    r2.flags = kBold;
    t.body = {r1, r2};
    const realized::Document d = realize_paper(report({block(t)}), tpl);
    const Node& table = blocks_of(d).at(0);
    REQUIRE(table.kind == Kind::Table);
    REQUIRE(table.children.size() == 2);
    const Node& thead = table.children[0];
    const Node& tbody = table.children[1];
    CHECK(thead.kind == Kind::TableHead);
    CHECK(d.structure[thead.tag].role == Role::THead);
    const auto& status_head = thead.children.at(0).children.at(1).get<realized::CellInfo>();
    CHECK(status_head.rowspan == 1);
    CHECK(status_head.header);
    CHECK(status_head.scope == HeaderScope::Column);
    const Node& row1 = tbody.children.at(0);
    CHECK(d.structure[row1.children[0].tag].role == Role::TH);
    CHECK(row1.children[0].get<realized::CellInfo>().scope == HeaderScope::Row);
    // A cell of one paragraph: its text is the cell's element's own.
    CHECK(row1.children[0].children.at(0).tag == row1.children[0].tag);
    CHECK(shown(row1.children[1].children.at(0).runs) == "{*bAmber: }{Rising slowly}");
    const Node& row2 = tbody.children.at(1);
    CHECK(row2.flags == kBold);
    CHECK(shown(row2.children[0].children.at(0).runs) == "{Green, as planned}");  // says it already
    CHECK(row2.children[1].children.empty());
    CHECK(shown(row2.children[1].runs) == "{*R}{*G}");  // one label per band
    CHECK(d.structure[row2.children[1].tag].role == Role::TD);

    tpl.wording.amber = "Caution";
    tpl.wording.status_text = "{status} - {text}";
    const realized::Document own = realize_paper(report({block(t)}), tpl);
    CHECK(shown(blocks_of(own).at(0).children[1].children[0].children[1].children.at(0).runs) ==
          "{*bCaution - }{Rising slowly}");
}

TEST_CASE("realize: the front sheet's lines, ranges and sentences come from the template", "[realize]") {
    TemplateDoc tpl;
    PackManifest m;
    m.loc = SourceLoc{"pack.xml", 1, 1};
    m.meeting.body = "Safer Communities Board";
    m.meeting.date = Date{2015, 9, 17};
    m.meeting.time = Time{10, 0};
    m.meeting.venue = "County Hall";
    AgendaItem a, b, c, next;
    a.title = text("Minutes");
    b.title = text("Performance");
    b.to_follow = true;
    c.title = text("Contract award");
    c.exempt = "Paragraph 3";
    next.title = text("Date of the next meeting");
    NextMeeting n1, n2;
    n1.date = Date{2015, 12, 10};
    n1.weekday = true;
    n1.time = Time{14, 0};
    n2.date = Date{2016, 3, 3};
    n2.sentence = "The board meets next on {date} at {time}.";
    n2.time = Time{9, 30};
    next.next_meetings = {n1, n2};
    m.items = {a, b, c, next};
    std::vector<AgendaEntry> entries(4);
    for (int i = 0; i < 4; ++i) entries[static_cast<std::size_t>(i)].number = i + 1;
    entries[0].first_page = 3;
    entries[0].last_page = 8;
    const realized::Document d = realize_front_sheet(m, entries, tpl);
    CHECK(shown(first(d, Kind::MeetingWhen).runs) == "{*Thursday, 17 September 2015 at 10.00 am}");
    CHECK(shown(first(d, Kind::AgendaHeading).runs) == "{*Agenda}");
    const Node& agenda = first(d, Kind::Agenda);
    REQUIRE(agenda.children.size() == 4);
    const Node& item1 = agenda.children[0];
    CHECK(shown(item1.runs) == "{#*1.}");
    CHECK(item1.children.at(1).kind == Kind::AgendaPages);
    CHECK(shown(item1.children.at(1).runs) == "{*(Pages 3 - 8)}");
    CHECK(d.structure[item1.children[0].tag].role == Role::Link);
    CHECK(d.structure.text(item1.children[0].tag).alt == "Agenda item 1, Minutes, pages 3 to 8");
    CHECK(item1.children.at(1).tag == item1.children[0].tag);
    CHECK(shown(agenda.children[1].children.at(1).runs) == "{*(Paper to follow)}");
    CHECK(shown(agenda.children[2].children.at(1).runs) == "{*Exempt: }{Paragraph 3}");
    CHECK(d.structure[agenda.children[2].children[0].tag].role == Role::P);
    const Node& dates = agenda.children[3];
    CHECK(shown(dates.children.at(1).runs) == "{*Thursday 10 December 2015 at 2.00pm}");
    CHECK(shown(dates.children.at(2).runs) == "{The board meets next on }{*3 March 2016}{ at }{*9.30am}{.}");

    tpl.wording.pages = "pp. {first}-{last}";
    tpl.wording.time = "{H}:{mm}";
    tpl.wording.agenda = "Order of business";
    const realized::Document own = realize_front_sheet(m, entries, tpl, realized::SheetHeading::Agenda);
    CHECK(shown(first(own, Kind::MeetingWhen).runs) == "{*Thursday, 17 September 2015 at 10:00}");
    CHECK(shown(first(own, Kind::AgendaHeading).runs) == "{*Order of business}");
    CHECK(shown(first(own, Kind::AgendaPages).runs) == "{*pp. 3-8}");
    const realized::Document late = realize_front_sheet(m, entries, TemplateDoc{}, realized::SheetHeading::Supplementary);
    CHECK(shown(first(late, Kind::AgendaHeading).runs) == "{*Supplementary agenda}");
}

TEST_CASE("realize: every run from the XML is kept as written, only the engine's own words are generated",
          "[realize]") {
    TemplateDoc tpl;
    Paper p = report({para("Numbered text."), para("Plain text.", Numbering::None)});
    p.header.date = Date{2015, 9, 17};
    const realized::Document d = realize_paper(p, tpl);
    for (const Node* n : all(d))
        for (const Run& r : n->runs) {
            INFO(r.text);
            const bool engines = r.kind == Run::Kind::Label || n->kind == Kind::PaperDate;
            CHECK(r.generated == engines);
        }
}
