// One test per construct of the report language, on the page boxes.
#include <catch2/catch.hpp>

#include <map>

#include "fixture.hpp"

using namespace bp;
using namespace bp::test;

namespace {

GlyphRun run_of(const PageBox& p, const std::string& t) {
    const auto p_runs = p.runs();
    auto it = std::find_if(p_runs.begin(), p_runs.end(), [&](const GlyphRun& r) { return r.text == t; });
    REQUIRE(it != p_runs.end());
    return *it;
}

Block para_of(Inlines in, Numbering n = Numbering::None) {
    Paragraph p;
    p.text = std::move(in);
    p.numbering = n;
    return block(std::move(p));
}

Inline piece(const std::string& s, std::uint8_t flags = 0, const std::string& href = "") {
    Inline i;
    i.text = s;
    i.flags = flags;
    i.href = href;
    return i;
}

PageBox one_page(Blocks bs, Env& env) {
    PartLayout part = layout_paper(report(std::move(bs)), env.ctx);
    REQUIRE(!part.pages.empty());
    return part.pages[0];
}

}  // namespace

TEST_CASE("superscript and subscript are smaller and shifted off the baseline", "[layout][inline]") {
    Env env;
    PageBox p = one_page({para_of({piece("8"), piece("th", kSuperscript), piece(" and H"), piece("2", kSubscript), piece("O")})}, env);
    const GlyphRun& base = run_of(p, "8");
    const GlyphRun& sup = run_of(p, "th");
    const GlyphRun& sub = run_of(p, "2");
    CHECK(sup.size < base.size);
    CHECK(sup.baseline < base.baseline);  // raised (y grows downwards)
    CHECK(sub.baseline > base.baseline);
    CHECK(sup.x == base.x + base.width);
}

TEST_CASE("bold, italic and underline pick faces and draw a rule", "[layout][inline]") {
    Env env;
    PageBox p = one_page({para_of({piece("plain "), piece("bold", kBold), piece(" "), piece("italic", kItalic), piece(" "),
                                   piece("under", kUnderline)})},
                         env);
    const TextStyle& body = env.styles.get("body");
    CHECK(run_of(p, "bold").face == body.face(true, false));
    CHECK(run_of(p, "italic").face == body.face(false, true));
    const GlyphRun& u = run_of(p, "under");
    bool ruled = std::ranges::any_of(p.rules(), [&](const RuleLine& r) {
        return r.x1 == u.x && r.x2 == u.x + u.width && r.y1 > u.baseline;
    });
    CHECK(ruled);
}

TEST_CASE("hyperlinks become link boxes over their text", "[layout][inline]") {
    Env env;
    PageBox p = one_page({para_of({piece("Mail "), piece("james.fox@leics.gov.uk", 0, "mailto:james.fox@leics.gov.uk")})}, env);
    const GlyphRun& r = run_of(p, "james.fox@leics.gov.uk");
    REQUIRE(p.links().size() == 1);
    CHECK(p.links()[0].uri == "mailto:james.fox@leics.gov.uk");
    CHECK(p.links()[0].rect.x == r.x);
    CHECK(p.links()[0].rect.w == r.width);
}

TEST_CASE("a manual line break starts a new line, a non-breaking space never breaks", "[layout][inline]") {
    Env env;
    Inline br;
    br.kind = Inline::Kind::LineBreak;
    PageBox p = one_page({para_of({piece("first line"), br, piece("second line")})}, env);
    CHECK(run_of(p, "second line").baseline > run_of(p, "first line").baseline);
    CHECK(run_of(p, "second line").x == run_of(p, "first line").x);

    // "£10\u00a0000" stays whole wherever the line would otherwise break.
    for (int n = 60; n < 90; ++n) {
        PageBox q = one_page({para(words(n) + " £10\u00a0000 more words")}, env);
        const auto q_runs = q.runs();
        bool split = std::any_of(q_runs.begin(), q_runs.end(), [](const GlyphRun& r) {
            return r.text.size() >= 3 && r.text.compare(r.text.size() - 3, 3, "£10") == 0;
        });
        CHECK_FALSE(split);
    }
}

TEST_CASE("roman and nested lists label each level", "[layout][blocks]") {
    Env env;
    List inner;
    inner.kind = ListKind::LowerRoman;
    for (const char* s : {"first detail", "second detail"}) {
        ListItem it;
        it.content = {para(s, Numbering::None)};
        inner.items.push_back(it);
    }
    List outer;
    outer.kind = ListKind::LowerAlpha;
    ListItem a;
    a.content = {para("outer item", Numbering::None), block(inner)};
    outer.items.push_back(a);
    PageBox p = one_page({block(outer)}, env);
    CHECK(has_run(p, "(a)"));
    CHECK(has_run(p, "(i)"));
    CHECK(has_run(p, "(ii)"));
    CHECK(run_of(p, "(i)").x > run_of(p, "(a)").x);            // nested deeper
    CHECK(run_of(p, "first detail").x > run_of(p, "outer item").x);
}

TEST_CASE("block quotes are indented on both sides and set in the quote style", "[layout][blocks]") {
    Env env;
    BlockQuote q;
    q.content = {para(words(40), Numbering::None)};
    PageBox p = one_page({para("Before."), block(q)}, env);
    const GlyphRun& before = run_of(p, "Before.");
    const auto p_runs = p.runs();
    auto quoted = std::find_if(p_runs.begin(), p_runs.end(), [](const GlyphRun& r) { return r.text.rfind("the board", 0) == 0; });
    REQUIRE(quoted != p_runs.end());
    CHECK(quoted->x > before.x);
    CHECK(quoted->face == env.styles.get("quote").face(false, false));
    for (const auto& r : p.runs()) CHECK(r.x + r.width <= env.styles.portrait.width - env.styles.portrait.margin_right - env.styles.doc.list_indent + 1);
}

TEST_CASE("an explicit page break starts a new page, keep-together moves a block whole", "[layout][blocks]") {
    Env env;
    PartLayout part = layout_paper(report({para("One."), block(PageBreak{}), para("Two.")}), env.ctx);
    REQUIRE(part.pages.size() == 2);
    CHECK(has_run(part.pages[1], "Two."));

    Blocks bs;
    for (int i = 0; i < 36; ++i) bs.push_back(para("Filler " + std::to_string(i)));
    KeepTogether k;
    for (int i = 0; i < 6; ++i) k.content.push_back(para("Kept " + std::to_string(i), Numbering::None));
    bs.push_back(block(k));
    PartLayout kept = layout_paper(report(bs), env.ctx);
    int pages_with_kept = 0;
    for (const PageBox& pg : kept.pages)
        if (page_text(pg).find("Kept") != std::string::npos) ++pages_with_kept;
    CHECK(pages_with_kept == 1);
}

TEST_CASE("a cover stands on a page of its own", "[layout][blocks]") {
    Env env;
    Paper doc;
    doc.kind = Paper::Kind::Document;
    Section s;
    Cover c;
    c.title = text("LLR ASB Case Management Review");
    c.authors = {text("Rik Basra")};
    c.date = Date{2016, 6, 0};
    s.blocks = {block(c), para("Executive Summary", Numbering::None)};
    doc.sections.push_back(s);
    PartLayout part = layout_paper(doc, env.ctx);
    REQUIRE(part.pages.size() == 2);
    CHECK(has_run(part.pages[0], "LLR ASB Case Management Review"));
    CHECK(has_run(part.pages[0], "June 2016"));
    CHECK(has_run(part.pages[1], "Executive Summary"));
    // Centred: equal room either side of the title.
    const GlyphRun& t = run_of(part.pages[0], "LLR ASB Case Management Review");
    CHECK(std::llabs((t.x) - (part.pages[0].width - t.x - t.width)) < 2000);
}

TEST_CASE("fixed, proportional and automatic column widths", "[layout][table]") {
    Env env;
    auto cell = [](const std::string& s) {
        TableCell c;
        c.content = {para(s, Numbering::None)};
        return c;
    };
    Table t;
    t.columns = {TableColumn{TableColumn::Kind::Fixed, mm(30), 1}, TableColumn{TableColumn::Kind::Proportional, 0, 1},
                 TableColumn{TableColumn::Kind::Proportional, 0, 3}};
    TableRow r;
    r.cells = {cell("a"), cell("b"), cell("c")};
    t.body.push_back(r);
    PageBox p = one_page({block(t)}, env);
    const Mpt x0 = run_of(p, "a").x, x1 = run_of(p, "b").x, x2 = run_of(p, "c").x;
    const Mpt width = env.styles.portrait.width - env.styles.portrait.margin_left - env.styles.portrait.margin_right;
    CHECK(std::llabs((x1 - x0) - mm(30)) < 10);
    CHECK(std::llabs((x2 - x1) - (width - mm(30)) / 4) < 10);

    // Automatic: a column of long text gets more room than one of short codes.
    Table a;
    TableRow ar;
    ar.cells = {cell("R1"), cell(words(40))};
    a.body.push_back(ar);
    PageBox q = one_page({block(a)}, env);
    CHECK(run_of(q, "R1").x < q.width / 4);
    const auto q_runs = q.runs();
    auto text_run = std::find_if(q_runs.begin(), q_runs.end(), [](const GlyphRun& g) { return g.text.rfind("the board", 0) == 0; });
    REQUIRE(text_run != q_runs.end());
    CHECK(text_run->x - run_of(q, "R1").x < mm(25));
}

TEST_CASE("bold and italic rows, filled cells and table notes", "[layout][table]") {
    Env env;
    auto cell = [](const std::string& s) {
        TableCell c;
        c.content = {para(s, Numbering::None)};
        return c;
    };
    Table t;
    TableRow group;
    group.flags = kItalic;
    group.cells = {cell("Strategic Priorities"), cell("Actions")};
    TableRow r;
    TableCell filled = cell("Filled");
    filled.fill = Color{217, 217, 217};
    r.cells = {filled, cell("Plain")};
    t.body = {group, r};
    t.notes = {para("* Data for April to June only.", Numbering::None)};
    PageBox p = one_page({block(t)}, env);
    CHECK(run_of(p, "Strategic Priorities").face == env.styles.get("table").face(false, true));
    CHECK(std::ranges::any_of(p.fills(), [](const FillRect& f) { return f.color == Color{217, 217, 217}; }));
    CHECK(run_of(p, "* Data for April to June only.").baseline > run_of(p, "Plain").baseline);
    CHECK(run_of(p, "* Data for April to June only.").size == env.styles.get("table-note").size);
}

namespace {

// A one-page report followed by one appendix.
Paper report_with_appendix(Orientation o) {
    Paper p = report({para("The report.")});
    Section app;
    app.title = text("Appendix 1 - Dashboard");
    app.orientation = o;
    app.new_page = true;
    app.blocks.push_back(para("The appendix.", Numbering::None));
    p.sections.push_back(std::move(app));
    return p;
}

int page_with(const PartLayout& part, const std::string& t) {
    for (std::size_t i = 0; i < part.pages.size(); ++i)
        if (has_run(part.pages[i], t)) return static_cast<int>(i);
    return -1;
}

}  // namespace

TEST_CASE("the template chooses where an appendix starts", "[layout][blocks]") {
    SECTION("a new page by default") {
        Env env;
        PartLayout part = layout_paper(report_with_appendix(Orientation::Landscape), env.ctx);
        REQUIRE(part.pages.size() == 2);
        CHECK(part.pages[1].landscape());
        CHECK(page_with(part, "Appendix 1 - Dashboard") == 1);
    }
    SECTION("the next odd page: a landscape appendix never backs the report") {
        TemplateDoc t = test_template();
        t.landscape_start = SectionStart::OddPage;
        Env env(t);
        PartLayout part = layout_paper(report_with_appendix(Orientation::Landscape), env.ctx);
        REQUIRE(part.pages.size() == 3);
        CHECK(part.pages[1].blank);
        CHECK(part.pages[2].landscape());
        CHECK(page_with(part, "Appendix 1 - Dashboard") == 2);
        // A portrait appendix is not moved by the landscape setting.
        PartLayout portrait = layout_paper(report_with_appendix(Orientation::Portrait), env.ctx);
        CHECK(portrait.pages.size() == 2);
    }
    SECTION("straight after the report's text") {
        TemplateDoc t = test_template();
        t.appendix_start = SectionStart::Flow;
        Env env(t);
        PartLayout part = layout_paper(report_with_appendix(Orientation::Portrait), env.ctx);
        REQUIRE(part.pages.size() == 1);
        CHECK(page_with(part, "The report.") == 0);
        CHECK(page_with(part, "Appendix 1 - Dashboard") == 0);
        // A landscape appendix still needs its own page.
        PartLayout landscape = layout_paper(report_with_appendix(Orientation::Landscape), env.ctx);
        CHECK(landscape.pages.size() == 2);
    }
}

namespace {

Section landscape_section(const std::string& text_of, bool new_page = true) {
    Section s;
    s.orientation = Orientation::Landscape;
    s.new_page = new_page;
    s.blocks.push_back(para(text_of, Numbering::None));
    return s;
}

std::string shapes(const PartLayout& part) {
    std::string out;
    for (const PageBox& p : part.pages) out += p.blank ? 'B' : p.landscape() ? 'L' : 'P';
    return out;
}

TemplateDoc odd_landscape() {
    TemplateDoc t = test_template();
    t.landscape_start = SectionStart::OddPage;
    return t;
}

}  // namespace

TEST_CASE("landscape sections one after another each take a page, with no blank between", "[layout][blocks]") {
    Env env(odd_landscape());
    SECTION("a deck: a document of landscape sections, one slide a page, the first landscape too") {
        Paper deck;
        deck.kind = Paper::Kind::Document;
        for (const char* slide : {"Slide one.", "Slide two.", "Slide three."}) deck.sections.push_back(landscape_section(slide));
        PartLayout part = layout_paper(deck, env.ctx);
        CHECK(shapes(part) == "LLL");
        CHECK(page_with(part, "Slide three.") == 2);
    }
    SECTION("a deck whose title slide is a landscape cover: no blank after the cover") {
        Paper deck;
        deck.kind = Paper::Kind::Document;
        Section opening;
        Cover c;
        c.title = text("Partner briefing");
        c.orientation = Orientation::Landscape;
        opening.blocks.push_back(block(c));
        deck.sections.push_back(std::move(opening));
        for (const char* slide : {"Slide one.", "Slide two."}) deck.sections.push_back(landscape_section(slide));
        CHECK(shapes(layout_paper(deck, env.ctx)) == "LLL");
    }
    SECTION("the same without new-page: landscape runs on") {
        Paper deck;
        deck.kind = Paper::Kind::Document;
        for (const char* slide : {"Slide one.", "Slide two."}) deck.sections.push_back(landscape_section(slide, false));
        CHECK(shapes(layout_paper(deck, env.ctx)) == "L");
    }
    SECTION("a report that opens landscape sets its header on a landscape first page") {
        Paper p = report({});
        p.sections.clear();
        p.header.title = {text("WIDE REPORT")};
        p.sections.push_back(landscape_section("Wide text.", false));
        p.sections.push_back(landscape_section("More wide text."));
        PartLayout part = layout_paper(p, env.ctx);
        CHECK(shapes(part) == "LL");
        CHECK(page_with(part, "WIDE REPORT") == 0);
    }
    SECTION("two landscape appendices after a portrait report: one blank before the first only") {
        Paper p = report_with_appendix(Orientation::Landscape);
        Section second = landscape_section("The second appendix.");
        second.title = text("Appendix 2 - Plan");
        p.sections.push_back(std::move(second));
        PartLayout part = layout_paper(p, env.ctx);
        CHECK(shapes(part) == "PBLL");
        CHECK(page_with(part, "Appendix 2 - Plan") == 3);
    }
    SECTION("landscape, portrait, landscape: each turn to landscape starts on an odd page") {
        Paper p = report({});
        p.sections.clear();
        p.sections.push_back(landscape_section("First wide."));
        Section mid;
        mid.blocks.push_back(para("Portrait between."));
        p.sections.push_back(std::move(mid));
        p.sections.push_back(landscape_section("Second wide."));
        CHECK(shapes(layout_paper(p, env.ctx)) == "LPL");
        Section more;
        more.new_page = true;
        more.blocks.push_back(para("Portrait again."));
        p.sections.insert(p.sections.begin() + 2, std::move(more));
        CHECK(shapes(layout_paper(p, env.ctx)) == "LPPBL");
    }
}

TEST_CASE("no page of the agenda front sheet holds one lone agenda line", "[layout][front]") {
    Env env;
    auto numbers_on = [](const PageBox& p) {
        int n = 0;
        for (const GlyphRun& r : p.runs())
            if (r.text.size() >= 2 && r.text.back() == '.' &&
                r.text.find_first_not_of("0123456789") == r.text.size() - 1)
                ++n;
        return n;
    };
    // Some count of items spills exactly one onto a second page unless it is kept back.
    bool spilled = false;
    for (int count = 20; count <= 60; ++count) {
        PackManifest m;
        m.meeting.body = "TEST BOARD";
        m.meeting.date = Date{2015, 9, 17};
        std::vector<AgendaEntry> entries;
        for (int i = 0; i < count; ++i) {
            AgendaItem it;
            it.title = text("Verbal update number " + std::to_string(i + 1));
            m.items.push_back(it);
            entries.push_back(AgendaEntry{i + 1, std::nullopt, std::nullopt});
        }
        PartLayout sheet = layout_front_sheet(m, entries, env.ctx);
        if (sheet.pages.size() < 2) continue;
        spilled = true;
        INFO(count << " items");
        for (const PageBox& p : sheet.pages) CHECK(numbers_on(p) >= 2);
        int total = 0;
        for (const PageBox& p : sheet.pages) total += numbers_on(p);
        CHECK(total == count);
    }
    CHECK(spilled);
}

namespace {

TableCell cell_of(Blocks content) {
    TableCell c;
    c.content = std::move(content);
    return c;
}

// A report: `filler` unnumbered paragraphs, then a table whose one body row
// holds `entries` one-line paragraphs ("Entry 1" ...) beside a short cell.
Paper filler_then_table(int filler, int entries) {
    Blocks bs;
    for (int i = 0; i < filler; ++i) bs.push_back(para("Filler line " + std::to_string(i + 1), Numbering::None));
    Table t;
    TableRow head;
    head.cells.push_back(cell_of({para("Action", Numbering::None)}));
    head.cells.push_back(cell_of({para("Lead", Numbering::None)}));
    t.head.push_back(head);
    TableRow row;
    Blocks long_cell;
    for (int i = 0; i < entries; ++i) long_cell.push_back(para("Entry " + std::to_string(i + 1), Numbering::None));
    row.cells.push_back(cell_of(long_cell));
    row.cells.push_back(cell_of({para("J Fox", Numbering::None)}));
    t.body.push_back(row);
    bs.push_back(block(t));
    return report(bs);
}

}  // namespace

TEST_CASE("a row that cannot fit below the text is split, not moved", "[layout][keep]") {
    Env env;
    // Half a page of text, then a row of 40 lines: it cannot fit below.
    PartLayout split = layout_paper(filler_then_table(20, 40), env.ctx);
    REQUIRE(split.pages.size() == 2);
    CHECK(has_run(split.pages[0], "Filler line 20"));
    CHECK(has_run(split.pages[0], "Entry 1"));   // the row starts under the text
    CHECK(has_run(split.pages[1], "Entry 40"));  // and ends on the next page
    CHECK(has_run(split.pages[1], "Action"));    // under the repeated header
    for (int i = 1; i <= 40; ++i) {             // every line printed once
        const std::string e = "Entry " + std::to_string(i);
        CHECK(has_run(split.pages[0], e) != has_run(split.pages[1], e));
    }
    // The lead's name is printed once, in the first part.
    CHECK(has_run(split.pages[0], "J Fox"));
    CHECK_FALSE(has_run(split.pages[1], "J Fox"));

}

TEST_CASE("a row is cut wherever two of its lines fit, never leaving one line alone on either side", "[layout][keep]") {
    Env env;
    // Every filler length from a page's third left to none: the row of 20
    // lines is cut where two lines or more fit above the foot and two or
    // more remain, and moves whole where fewer fit.
    int cut_low = 0, moved = 0;
    for (int filler = 25; filler <= 45; ++filler) {
        INFO("filler lines: " << filler);
        PartLayout part = layout_paper(filler_then_table(filler, 20), env.ctx);
        const PageBox* last_filler = nullptr;
        for (const PageBox& p : part.pages)
            if (has_run(p, "Filler line " + std::to_string(filler))) last_filler = &p;
        REQUIRE(last_filler != nullptr);
        int above = 0, total = 0;
        for (int i = 1; i <= 20; ++i) {
            const std::string e = "Entry " + std::to_string(i);
            int printed = 0;
            for (const PageBox& p : part.pages) printed += has_run(p, e) ? 1 : 0;
            CHECK(printed == 1);
            total += printed;
            if (has_run(*last_filler, e)) ++above;
        }
        CHECK(total == 20);
        if (above == 0) {
            ++moved;
        } else {
            CHECK(above >= 2);
            CHECK((above == 20 || 20 - above >= 2));
            if (above < 20) {
                CHECK(has_run(*last_filler, "J Fox"));  // the short cell's line is printed in the first part
                if (above * 3 < 20) ++cut_low;
            }
        }
    }
    CHECK(cut_low > 0);  // cut low on the page, where the row once moved whole
    CHECK(moved > 0);    // and moved where one line only would fit
}

TEST_CASE("a row with a status cell is cut like any other, its letter in the first part, its colour in both",
          "[layout][keep][table]") {
    Env env;
    Paper p = filler_then_table(30, 30);
    Table& t = std::get<Table>(p.sections[0].blocks.back().node);
    TableCell status;
    status.status = {Rag::Amber};
    t.head[0].cells.push_back(cell_of({para("Status", Numbering::None)}));
    t.body[0].cells.push_back(status);
    PartLayout part = layout_paper(p, env.ctx);
    REQUIRE(part.pages.size() == 2);
    CHECK(has_run(part.pages[0], "Entry 1"));
    CHECK(has_run(part.pages[1], "Entry 30"));
    CHECK(has_run(part.pages[0], "A"));
    CHECK_FALSE(has_run(part.pages[1], "A"));
    for (const PageBox& page : part.pages) {
        const auto& items = page.items;
        CHECK(std::any_of(items.begin(), items.end(), [&](const PageItem& it) {
            const auto* f = std::get_if<FillRect>(&it.what);
            return f != nullptr && f->color == env.styles.doc.rag_amber;
        }));
    }
}

namespace {

Blocks filler_lines(int n) {
    Blocks bs;
    for (int i = 0; i < n; ++i) bs.push_back(para("Filler line " + std::to_string(i + 1), Numbering::None));
    return bs;
}

// Lays out `filler` lines then `tail`, for every filler length that moves
// the tail across a page foot, and checks `together` on each layout.
template <class Check>
int across_page_feet(Env& env, const Blocks& tail, Check together) {
    int crossings = 0;
    for (int n = 20; n <= 45; ++n) {
        Blocks bs = filler_lines(n);
        bs.insert(bs.end(), tail.begin(), tail.end());
        PartLayout part = layout_paper(report(bs), env.ctx);
        if (part.pages.size() < 2) continue;
        ++crossings;
        INFO(n << " filler lines");
        together(part);
    }
    return crossings;
}

}  // namespace

TEST_CASE("a table's notes stay with its last rows", "[layout][keep]") {
    Env env;
    Table t;
    for (int r = 1; r <= 3; ++r) {
        TableRow row;
        row.cells.push_back(cell_of({para("Row " + std::to_string(r), Numbering::None)}));
        row.cells.push_back(cell_of({para("12", Numbering::None)}));
        t.body.push_back(row);
    }
    t.notes.push_back(para("* Figures for the last quarter are estimates.", Numbering::None));
    int n = across_page_feet(env, {block(t), para("After the table.", Numbering::None)}, [](const PartLayout& part) {
        const int note = page_with(part, "* Figures for the last quarter are estimates.");
        CHECK(note >= 0);
        CHECK(page_with(part, "Row 3") == note);
    });
    CHECK(n > 0);
}

TEST_CASE("the last item of a list never starts a page alone", "[layout][keep]") {
    Env env;
    List l;
    for (int i = 1; i <= 3; ++i) {
        ListItem it;
        it.content.push_back(para("Item " + std::to_string(i), Numbering::None));
        l.items.push_back(it);
    }
    int n = across_page_feet(env, {block(l), para("After the list.", Numbering::None)}, [](const PartLayout& part) {
        CHECK(page_with(part, "Item 3") == page_with(part, "Item 2"));
    });
    CHECK(n > 0);
}

TEST_CASE("the last line of a paper never sits alone at the top of a page", "[layout][keep]") {
    Env env;
    int n = across_page_feet(env, {para("The end.", Numbering::None)}, [](const PartLayout& part) {
        const int last = page_with(part, "The end.");
        REQUIRE(last >= 0);
        // Something else of the paper is on the page with its last line.
        int others = 0;
        for (const GlyphRun& r : part.pages[static_cast<std::size_t>(last)].runs())
            if (r.text.rfind("Filler line", 0) == 0) ++others;
        CHECK(others >= 1);
    });
    CHECK(n > 0);
}

TEST_CASE("a link stays with the sentence that introduces it", "[layout][keep]") {
    Env env;
    Paragraph link;
    link.numbering = Numbering::None;
    link.text = {piece("https://www.leics.gov.uk/report", 0, "https://www.leics.gov.uk/report")};
    int n = across_page_feet(env, {para("The full report is published at:", Numbering::None), block(link),
                                   para("After the link.", Numbering::None)},
                             [](const PartLayout& part) {
                                 CHECK(page_with(part, "https://www.leics.gov.uk/report") ==
                                       page_with(part, "The full report is published at:"));
                             });
    CHECK(n > 0);
}

TEST_CASE("a list's labels are written as the paper chose", "[layout][blocks]") {
    Env env;
    auto labels = [&](ListKind kind, std::optional<std::pair<std::string, std::string>> punct) {
        List l;
        l.kind = kind;
        l.punctuation = std::move(punct);
        for (const char* s : {"first", "second", "third", "fourth"}) {
            ListItem it;
            it.content = {para(s, Numbering::None)};
            l.items.push_back(it);
        }
        return one_page({block(l)}, env);
    };
    CHECK(has_run(labels(ListKind::LowerAlpha, std::nullopt), "(b)"));  // the house form
    CHECK(has_run(labels(ListKind::LowerAlpha, std::pair<std::string, std::string>("", ")")), "b)"));
    CHECK(has_run(labels(ListKind::LowerAlpha, std::pair<std::string, std::string>("", ".")), "c."));
    CHECK(has_run(labels(ListKind::LowerRoman, std::pair<std::string, std::string>("", ")")), "iv)"));
    CHECK(has_run(labels(ListKind::LowerRoman, std::pair<std::string, std::string>("", ".")), "iii."));
    CHECK(has_run(labels(ListKind::LowerRoman, std::pair<std::string, std::string>("(", ")")), "(ii)"));
    CHECK(has_run(labels(ListKind::Decimal, std::pair<std::string, std::string>("", ".")), "4."));
    CHECK(has_run(labels(ListKind::UpperAlpha, std::pair<std::string, std::string>("", ".")), "D."));
    PageBox bullets = labels(ListKind::Bullet, std::nullopt);
    CHECK(has_run(bullets, "\u2022"));
    CHECK_FALSE(has_run(labels(ListKind::LowerAlpha, std::pair<std::string, std::string>("", ")")), "(b)"));
}

TEST_CASE("a table with its own type size sets its cells, header and notes smaller", "[layout][table]") {
    Env env;
    auto cell = [](const std::string& s) {
        TableCell c;
        c.content = {para(s, Numbering::None)};
        return c;
    };
    auto dashboard = [&](std::optional<Mpt> size) {
        Table t;
        TableRow head;
        head.cells = {cell("Indicator"), cell("Trend")};
        t.head = {head};
        for (int i = 0; i < 60; ++i) {
            TableRow r;
            r.cells = {cell("Indicator " + std::to_string(i)), cell("Stable")};
            t.body.push_back(r);
        }
        t.notes = {para("* Provisional figures.", Numbering::None)};
        t.type_size = size;
        return t;
    };
    const TextStyle& table = env.styles.get("table");
    const Mpt small = table.size / 2;
    auto near = [](Mpt a, Mpt b) { return std::abs(a - b) <= 1; };  // rounding
    PartLayout plain = layout_paper(report({block(dashboard(std::nullopt))}), env.ctx);
    PartLayout smaller = layout_paper(report({block(dashboard(small))}), env.ctx);
    const PageBox& p = smaller.pages[0];
    CHECK(run_of(p, "Indicator 0").size == small);
    CHECK(near(run_of(p, "Indicator").size, env.styles.get("table-header").size * small / table.size));
    CHECK(near(run_of(smaller.pages.back(), "* Provisional figures.").size,
               env.styles.get("table-note").size * small / table.size));
    // Rows are closer together by the same proportion (padding unchanged).
    const Mpt pitch_plain = run_of(plain.pages[0], "Indicator 1").baseline - run_of(plain.pages[0], "Indicator 0").baseline;
    const Mpt pitch_small = run_of(p, "Indicator 1").baseline - run_of(p, "Indicator 0").baseline;
    CHECK(near(pitch_plain - pitch_small, table.line_height - table.line_height * small / table.size));
    // The page holds more rows: the smaller table takes fewer pages.
    CHECK(plain.pages.size() == 2);
    CHECK(smaller.pages.size() == 1);
}

TEST_CASE("a cell with several statuses shows each in a band of its colour, with its letter or word", "[layout][table]") {
    Env env;
    TableCell both;
    both.status = {Rag::Green, Rag::Amber};
    TableCell words;
    words.status = {Rag::Red, Rag::Amber};
    words.status_words = true;
    TableCell with_text;
    with_text.status = {Rag::Amber};
    with_text.status_words = true;
    with_text.content = {para("Behind plan", Numbering::None)};
    TableCell says_it;
    says_it.status = {Rag::Green};
    says_it.content = {para("Green - on track", Numbering::None)};
    Table t;
    TableRow r;
    r.cells = {both, words, with_text, says_it};
    t.body = {r};
    PageBox p = one_page({block(t)}, env);
    auto fill = [&](Color c) {
        auto fills = p.fills();
        auto it = std::ranges::find_if(fills, [&](const FillRect& f) { return f.color == c; });
        REQUIRE(it != fills.end());
        return *it;
    };
    // Green and amber share the first cell side by side, each half of it.
    const FillRect green = fill(env.styles.doc.rag_green);
    const FillRect amber = fill(env.styles.doc.rag_amber);
    CHECK(green.rect.x + green.rect.w == amber.rect.x);
    CHECK(std::abs(green.rect.w - amber.rect.w) <= 1);
    // Each band prints its own letter, centred in it, for greyscale.
    const GlyphRun g = run_of(p, "G"), a = run_of(p, "A");
    CHECK(std::abs((g.x + g.width / 2) - (green.rect.x + green.rect.w / 2)) <= 2);
    CHECK(std::abs((a.x + a.width / 2) - (amber.rect.x + amber.rect.w / 2)) <= 2);
    // Words where the paper wrote words.
    CHECK(has_run(p, "Red"));
    CHECK(run_of(p, "Red").x < run_of(p, "Amber").x);
    // A status cell with its own text names its status first, so the text
    // does not rest on colour alone; text that already names it is left.
    CHECK(has_run(p, "Amber: "));
    CHECK(run_of(p, "Amber: ").face == env.styles.get("table").face(true, false));
    CHECK(has_run(p, "Behind plan"));
    CHECK(has_run(p, "Green - on track"));
    CHECK_FALSE(has_run(p, "G: "));
}

namespace {

Inline footnote_of(const std::string& s) {
    Inline f;
    f.kind = Inline::Kind::Footnote;
    f.note = text(s);
    return f;
}

const StructNode* first_of_role(const StructTree& t, Role r) {
    for (const StructNode& n : t.nodes)
        if (n.role == r) return &n;
    return nullptr;
}

}  // namespace

TEST_CASE("a footnote prints its number in the text and its note at the foot of the same page", "[layout][footnote]") {
    Env env;
    Block first = para_of({piece("Crime fell by 4%"), footnote_of("Police recorded crime, April to June."),
                           piece(" across the county.")},
                          Numbering::Auto);
    Block second = para_of({piece("Burglary rose"), footnote_of("Provisional figures.")}, Numbering::Auto);
    PartLayout part = layout_paper(report({first, second}), env.ctx);
    REQUIRE(part.pages.size() == 1);
    const PageBox& p = part.pages[0];
    const GlyphRun crime = run_of(p, "Crime fell by 4%"), one = run_of(p, "1");
    // The number is raised, smaller, straight after the word it annotates.
    CHECK(one.size < crime.size);
    CHECK(one.baseline < crime.baseline);
    CHECK(std::abs(one.x - (crime.x + crime.width)) <= 1);
    CHECK(has_run(p, "2"));
    // The notes stand at the foot, in the order they are called, under a rule.
    const GlyphRun note1 = run_of(p, "Police recorded crime, April to June.");
    const GlyphRun note2 = run_of(p, "Provisional figures.");
    const PageMaster& m = env.styles.portrait;
    CHECK(note1.baseline > run_of(p, "Burglary rose").baseline + pt(200));
    CHECK(note2.baseline > note1.baseline);
    CHECK(note2.baseline <= m.height - m.margin_bottom);
    CHECK(note1.size == env.styles.get("footnote").size);
    CHECK(std::ranges::any_of(p.rules(), [&](const RuleLine& r) { return r.y1 == r.y2 && r.y1 < note1.baseline &&
                                                                          r.y1 > run_of(p, "Burglary rose").baseline; }));
    // Tagged as a Note, beside the paragraph that calls it (in the numbered
    // paragraph's list body), holding its number and its text.
    const StructNode* note = first_of_role(part.structure, Role::Note);
    REQUIRE(note != nullptr);
    REQUIRE(note->parent != kNoStruct);
    CHECK(part.structure[note->parent].role == Role::LBody);
    const auto note_id = static_cast<StructId>(note - part.structure.nodes.data());
    auto owner = [&](const std::string& t) {
        for (const PageItem& it : p.items)
            if (const auto* r = std::get_if<GlyphRun>(&it.what); r && r->text == t && r->baseline > crime.baseline)
                return it.mark.node;
        return kNoStruct;
    };
    CHECK(owner("Police recorded crime, April to June.") == note_id);
}

TEST_CASE("a line whose footnote does not fit under it moves to the next page with its note", "[layout][footnote]") {
    Env env;
    const std::string long_note = words(90);
    bool moved = false;
    for (int filler = 22; filler < 36; ++filler) {
        Blocks bs;
        for (int i = 0; i < filler; ++i) bs.push_back(para("Line " + std::to_string(i), Numbering::None));
        bs.push_back(para_of({piece("The called line"), footnote_of(long_note)}));
        std::string after;
        for (int i = 0; i < 60; ++i) after += "afterwards ";
        bs.push_back(para(after, Numbering::None));
        PartLayout part = layout_paper(report(bs), env.ctx);
        int call_page = -1, note_page = -1;
        for (std::size_t i = 0; i < part.pages.size(); ++i) {
            const PageBox& p = part.pages[i];
            if (has_run(p, "The called line")) call_page = static_cast<int>(i);
            for (const GlyphRun& r : p.runs())
                if (r.text.rfind("the board noted", 0) == 0) note_page = static_cast<int>(i);
            // No body text runs into the notes: the lowest body line is above the first note line.
            const auto runs = p.runs();
            auto note_run = std::ranges::find_if(runs, [](const GlyphRun& r) { return r.text.rfind("the board noted", 0) == 0; });
            if (note_run != runs.end())
                for (const GlyphRun& r : runs)
                    if (r.text.rfind("Line ", 0) == 0 || r.text == "The called line" || r.text.rfind("afterwards", 0) == 0)
                        CHECK(r.baseline < note_run->baseline);
        }
        INFO("filler " << filler);
        REQUIRE(call_page >= 0);
        CHECK(note_page == call_page);
        // Moved by its note: it heads the next page, though the page before
        // had room for two more lines.
        const PageMaster& m = env.styles.portrait;
        if (call_page == 1 && part.pages[1].runs().front().text == "The called line" &&
            part.pages[0].runs().back().baseline < m.height - m.margin_bottom - 2 * env.styles.get("body").line_height)
            moved = true;
    }
    CHECK(moved);
}

namespace {

Paper minutes_of(Blocks bs, bool online) {
    Paper p;
    p.kind = Paper::Kind::Minutes;
    p.header.board = "Safer Communities Board";
    p.header.date = Date{2021, 2, 4};
    p.venue = online ? "Microsoft Teams" : "County Hall";
    p.online = online;
    Section s;
    s.blocks = std::move(bs);
    p.sections.push_back(std::move(s));
    return p;
}

}  // namespace

TEST_CASE("minutes open with the template's wording for a venue or an online meeting", "[layout][minutes]") {
    // The page's text with its lines joined by spaces.
    auto prose = [](const Paper& paper, const LayoutContext& ctx) {
        std::string s = page_text(layout_paper(paper, ctx).pages.at(0));
        std::replace(s.begin(), s.end(), '|', ' ');
        return s;
    };
    Env env;
    const std::string at = prose(minutes_of({}, false), env.ctx);
    INFO(at);
    CHECK(at.find("Minutes of a meeting of the Safer Communities Board held at County Hall on Thursday, 4 February "
                  "2021.") != std::string::npos);
    const std::string via = prose(minutes_of({}, true), env.ctx);
    CHECK(via.find("Minutes of a meeting of the Safer Communities Board held via Microsoft Teams on Thursday, 4 "
                   "February 2021.") != std::string::npos);
    CHECK(via.find("held at") == std::string::npos);

    // A venue's own braces are printed as written, not filled in.
    Paper odd = minutes_of({}, false);
    odd.venue = "Room {date}";
    CHECK(prose(odd, env.ctx).find("held at Room {date} on Thursday, 4 February 2021.") != std::string::npos);

    TemplateDoc t = test_template();
    t.minutes_opening_online = "The {board} met online ({venue}) on {date}.";
    Env own(t);
    CHECK(prose(minutes_of({}, true), own.ctx).find(
              "The Safer Communities Board met online (Microsoft Teams) on Thursday, 4 February 2021.") !=
          std::string::npos);
}

TEST_CASE("a resolution's label is printed as the template writes it", "[layout][minutes]") {
    Resolution r;
    r.label = "RESOLVED";
    r.content = {para("That the report be noted.", Numbering::None)};
    Minute m;
    m.title = text("Performance");
    m.content = {block(r)};
    Env plain_env;
    const PageBox plain_page = layout_paper(minutes_of({block(m)}, false), plain_env.ctx).pages.at(0);
    CHECK(has_run(plain_page, "RESOLVED:"));
    TemplateDoc t = test_template();
    t.resolution_label = "{label}:-";
    Env env(t);
    const PageBox p = layout_paper(minutes_of({block(m)}, false), env.ctx).pages.at(0);
    const GlyphRun label = run_of(p, "RESOLVED:-");
    CHECK(label.face == env.styles.get("body").face(true, false));
    CHECK(label.baseline < run_of(p, "That the report be noted.").baseline);
    CHECK_FALSE(has_run(p, "RESOLVED:"));
}

TEST_CASE("a chair line opens its attendance group, above the names, across both columns", "[layout][minutes]") {
    Env env;
    AttendanceGroup g;
    g.title = "Present";
    g.chair = text("Mr J. T. Orson CC (in the Chair)");
    AttendanceGroup::Person person;
    person.name = text("Cllr. Lee Breckon");
    person.role = text("Blaby District Council");
    g.people = {person};
    Attendance a;
    a.groups = {g};
    const PartLayout part = layout_paper(minutes_of({block(a)}, false), env.ctx);
    const PageBox& p = part.pages.at(0);
    const GlyphRun present = run_of(p, "Present"), chair = run_of(p, "Mr J. T. Orson CC (in the Chair)");
    const GlyphRun name = run_of(p, "Cllr. Lee Breckon"), role = run_of(p, "Blaby District Council");
    CHECK(present.baseline < chair.baseline);
    CHECK(chair.baseline < name.baseline);
    CHECK(chair.x == name.x);
    CHECK(role.x > name.x);
    // Read as a paragraph of its own, beside the names' paragraphs.
    auto owner = [&](const std::string& t) {
        for (const PageItem& it : p.items)
            if (const auto* r = std::get_if<GlyphRun>(&it.what); r && r->text == t) return it.mark.node;
        return kNoStruct;
    };
    const StructId chair_node = owner("Mr J. T. Orson CC (in the Chair)"), name_node = owner("Cllr. Lee Breckon");
    REQUIRE(chair_node != kNoStruct);
    REQUIRE(name_node != kNoStruct);
    CHECK(part.structure[chair_node].role == Role::P);
    CHECK(chair_node != name_node);
    CHECK(part.structure[chair_node].parent == part.structure[name_node].parent);
}

TEST_CASE("a contact block may go without its heading, and sets several officers apart", "[layout][blocks]") {
    Env env;
    Contact bare;
    bare.heading = false;
    bare.officers = {Contact::Officer{{}, {text("James Fox, Community Safety Manager,"), text("Leicestershire County Council")}}};
    const PageBox p = one_page({para("Text."), block(bare)}, env);
    CHECK_FALSE(has_run(p, "Officer to contact"));
    const GlyphRun name = run_of(p, "James Fox, Community Safety Manager,");
    const GlyphRun council = run_of(p, "Leicestershire County Council");
    const Mpt line = env.styles.get("contact").line_height;
    CHECK(council.baseline - name.baseline == line);

    Contact two;
    two.title = "Officers to contact";
    two.officers = {Contact::Officer{{}, {text("DCI Jonathan Starbuck"), text("Tel: 101 ext. 4813")}},
                    Contact::Officer{{}, {text("James Fox"), text("Tel: 0116 305 8077")}}};
    const PageBox q = one_page({para("Text."), block(two)}, env);
    CHECK(has_run(q, "Officers to contact"));
    const Mpt within = run_of(q, "Tel: 101 ext. 4813").baseline - run_of(q, "DCI Jonathan Starbuck").baseline;
    const Mpt between = run_of(q, "James Fox").baseline - run_of(q, "Tel: 101 ext. 4813").baseline;
    CHECK(within == line);
    // A blank line's worth between officers: the contact style's space after.
    CHECK(between == line + env.styles.get("contact").space_after);
    CHECK(run_of(q, "James Fox").x == run_of(q, "DCI Jonathan Starbuck").x);
}

TEST_CASE("a cover names several authors, one a line, and may turn its page to landscape", "[layout][blocks]") {
    Env env;
    Paper doc;
    doc.kind = Paper::Kind::Document;
    Section s;
    Cover c;
    c.title = text("Community Safety Strategy 2017-20");
    c.authors = {text("Rik Basra"), text("Gurjit Samra-Rai")};
    c.date = Date{2016, 6, 0};
    c.orientation = Orientation::Landscape;
    s.blocks = {block(c), para("Executive Summary", Numbering::None)};
    doc.sections.push_back(s);
    PartLayout part = layout_paper(doc, env.ctx);
    REQUIRE(part.pages.size() == 2);
    const PageBox& cover = part.pages[0];
    CHECK(cover.width > cover.height);  // the cover alone is landscape
    CHECK(part.pages[1].width < part.pages[1].height);
    CHECK(has_run(part.pages[1], "Executive Summary"));
    const GlyphRun first = run_of(cover, "Rik Basra"), second = run_of(cover, "Gurjit Samra-Rai");
    const GlyphRun date = run_of(cover, "June 2016");
    const Mpt line = env.styles.get("body").line_height;
    CHECK(second.baseline - first.baseline == line);  // one under the other
    CHECK(date.baseline - second.baseline == line);
    // Centred across the landscape page's width.
    const GlyphRun t = run_of(cover, "Community Safety Strategy 2017-20");
    CHECK(std::llabs(t.x - (cover.width - t.x - t.width)) < 2000);
    CHECK(std::llabs(second.x - (cover.width - second.x - second.width)) < 2000);
}

TEST_CASE("a long appendix title wraps inside the margins, kept with what follows", "[layout][blocks]") {
    const std::string title =
        "Appendix 1 - Leicester, Leicestershire & Rutland DVA Action Plan 2015-2016 (FINAL DRAFT v7 04/09/15)";
    // A word wider than the page cannot overflow it either: it is split.
    const std::string unbroken =
        "Appendix 2 - Safer_Communities_Performance_Dashboard_2015-16_Quarter_1_unless_otherwise_stated_FINAL";
    for (Orientation o : {Orientation::Portrait, Orientation::Landscape}) {
        for (const std::string& t : {title, unbroken}) {
            Env env;
            Paper p = report({para("The report.")});
            Section appendix;
            appendix.orientation = o;
            appendix.new_page = true;
            appendix.title = text(t);
            appendix.blocks = {para("The plan follows.", Numbering::None)};
            p.sections.push_back(appendix);
            const PartLayout part = layout_paper(p, env.ctx);
            REQUIRE(part.pages.size() == 2);
            const PageBox& page = part.pages[1];
            const PageMaster& m = env.styles.master(o);
            std::vector<GlyphRun> lines;
            for (const GlyphRun& r : page.runs())
                if (r.text != "The plan follows." && r.size == env.styles.get("appendix-title").size) lines.push_back(r);
            INFO(t << (o == Orientation::Landscape ? " (landscape)" : " (portrait)"));
            // Every word printed, in order, none beyond the margins.
            auto squeezed = [](std::string s) {
                std::erase(s, ' ');
                return s;
            };
            std::string printed;
            for (const GlyphRun& r : lines) {
                printed += r.text;
                CHECK(r.x >= m.margin_left);
                CHECK(r.x + r.width <= m.width - m.margin_right);
            }
            CHECK(squeezed(printed) == squeezed(t));
            // Too long for a portrait line, short enough for a landscape one.
            const bool two_lines = lines.size() >= 2 && lines.back().baseline > lines.front().baseline;
            CHECK(two_lines == (o == Orientation::Portrait));
            // The text under it follows the title's last line.
            CHECK(run_of(page, "The plan follows.").baseline > lines.back().baseline);
        }
    }
}

TEST_CASE("a paper writes its header's day as an ordinal, plain or raised, whatever the template says", "[layout][dates]") {
    auto header_runs = [](const Env& env, std::optional<OrdinalDays> ordinal) {
        Paper p = report({para("Text.")});
        p.header.board = "BOARD";
        p.header.date = Date{2016, 9, 8};
        p.ordinal = ordinal;
        std::vector<GlyphRun> runs;
        const PartLayout part = layout_paper(p, env.ctx);
        for (const GlyphRun& r : part.pages.at(0).runs())
            if (r.text.find("SEPTEMBER") != std::string::npos || r.text == "8" || r.text == "TH" ||
                r.text.rfind("8", 0) == 0)
                runs.push_back(r);
        return runs;
    };
    Env plain_days;  // the template writes 8 September
    REQUIRE(header_runs(plain_days, std::nullopt).size() == 1);
    CHECK(header_runs(plain_days, std::nullopt)[0].text == "8 SEPTEMBER 2016");
    CHECK(header_runs(plain_days, OrdinalDays::Yes)[0].text == "8TH SEPTEMBER 2016");
    TemplateDoc t = test_template();
    t.ordinal_days = true;
    Env ordinal_days(t);
    CHECK(header_runs(ordinal_days, std::nullopt)[0].text == "8TH SEPTEMBER 2016");
    CHECK(header_runs(ordinal_days, OrdinalDays::No)[0].text == "8 SEPTEMBER 2016");
    // Raised: "8", then "TH" smaller and above the baseline, then the rest.
    const std::vector<GlyphRun> raised = header_runs(plain_days, OrdinalDays::Raised);
    REQUIRE(raised.size() == 3);
    CHECK(raised[0].text == "8");
    CHECK(raised[1].text == "TH");
    CHECK(raised[2].text == " SEPTEMBER 2016");
    CHECK(raised[1].size < raised[0].size);
    CHECK(raised[1].baseline < raised[0].baseline);
    CHECK(raised[2].baseline == raised[0].baseline);
}

TEST_CASE("an appendix that opens with a cover has its title on the cover's page", "[layout][blocks]") {
    TemplateDoc t = test_template();
    t.appendix_start = SectionStart::Flow;  // the title would otherwise follow the report's text
    Env env(t);
    for (std::optional<Orientation> turn : {std::optional<Orientation>{}, std::optional<Orientation>{Orientation::Landscape}}) {
        Paper p = report({para("The report.")});
        Section appendix;
        appendix.new_page = true;
        appendix.title = text("Appendix 1 - The review");
        Cover c;
        c.title = text("Case Management Review");
        c.orientation = turn;
        appendix.blocks = {block(c), para("Review text.", Numbering::None)};
        p.sections.push_back(appendix);
        const PartLayout part = layout_paper(p, env.ctx);
        INFO((turn ? "landscape cover" : "portrait cover"));
        REQUIRE(part.pages.size() == 3);
        CHECK(has_run(part.pages[0], "The report."));
        CHECK_FALSE(has_run(part.pages[0], "Appendix 1 - The review"));
        const PageBox& cover = part.pages[1];
        CHECK(run_of(cover, "Appendix 1 - The review").baseline < run_of(cover, "Case Management Review").baseline);
        CHECK(cover.landscape() == turn.has_value());
        CHECK_FALSE(part.pages[2].landscape());
        CHECK(has_run(part.pages[2], "Review text."));
    }
}

namespace {

const char* const kDistricts[] = {"Blaby", "Charnwood", "Harborough", "Hinckley and Bosworth", "Melton",
                                  "North West Leicestershire", "Oadby and Wigston", "Rutland", "Leicester"};

// A table of sums by district: a row header and `districts` columns of
// "£1,234"-style numbers under bold district names.
Table spend_by_district(int districts, std::vector<TableColumn> columns = {}) {
    auto cell = [](const std::string& s, bool header = false) {
        TableCell c;
        c.header = header;
        c.content = {para(s, Numbering::None)};
        return c;
    };
    Table t;
    t.columns = std::move(columns);
    TableRow head;
    head.cells.push_back(cell("Indicator"));
    for (int d = 0; d < districts; ++d) head.cells.push_back(cell(kDistricts[d]));
    t.head.push_back(head);
    for (int i = 0; i < 3; ++i) {
        TableRow r;
        r.cells.push_back(cell("Indicator " + std::to_string(i + 1), true));
        for (int d = 0; d < districts; ++d) r.cells.push_back(cell("£" + std::to_string(1 + d) + "," + std::to_string(234 + 7 * i)));
        t.body.push_back(r);
    }
    return t;
}

// Each word of `text` printed whole, as a run of its own or inside one.
bool printed_whole(const PageBox& p, const std::string& word) {
    const auto runs = p.runs();
    return std::any_of(runs.begin(), runs.end(), [&](const GlyphRun& r) { return r.text.find(word) != std::string::npos; });
}

int warnings_of(const Diagnostics& d, const Rule& r) {
    int n = 0;
    for (const Diagnostic& x : d.sorted()) n += x.rule == r.id ? 1 : 0;
    return n;
}

}  // namespace

TEST_CASE("a table's columns hold their longest words and numbers whole while the width allows", "[layout][table]") {
    Env env;
    // Proportional widths that give the district columns less than their
    // names: the first column's room goes to them.
    std::vector<TableColumn> columns = {TableColumn{TableColumn::Kind::Proportional, 0, 12}};
    for (int d = 0; d < 6; ++d) columns.push_back(TableColumn{TableColumn::Kind::Proportional, 0, 1});
    Table t = spend_by_district(6, columns);
    PageBox p = one_page({block(t)}, env);
    for (const char* word : {"Blaby", "Charnwood", "Harborough", "Bosworth", "Melton", "Leicestershire"})
        CHECK(printed_whole(p, word));
    for (int d = 0; d < 6; ++d)
        for (int i = 0; i < 3; ++i) CHECK(printed_whole(p, "£" + std::to_string(1 + d) + "," + std::to_string(234 + 7 * i)));
    CHECK(warnings_of(env.diags, rule::table_too_wide) == 0);
}

TEST_CASE("a table too wide for its words cuts as few as it must and says what to do, at the table",
          "[layout][table][diagnostics]") {
    Env env;
    Table t = spend_by_district(9);
    t.type_size = pt(11);
    Block b = block(t);
    b.loc.line = 12;
    b.loc.col = 3;
    PageBox p = one_page({b}, env);
    // Every number whole; of the names, the longest are cut, the shorter
    // ones whole (the old way cut every column a little, every name).
    for (int d = 0; d < 9; ++d)
        for (int i = 0; i < 3; ++i) CHECK(printed_whole(p, "£" + std::to_string(1 + d) + "," + std::to_string(234 + 7 * i)));
    for (const char* word : {"Blaby", "Melton", "Wigston", "Rutland", "Bosworth"}) CHECK(printed_whole(p, word));
    CHECK_FALSE(printed_whole(p, "Leicestershire"));
    const std::vector<Diagnostic> d = env.diags.sorted();
    REQUIRE(d.size() == 1);
    CHECK(d[0].rule == rule::table_too_wide.id);
    CHECK(d[0].loc.line == 12);
    CHECK(d[0].loc.col == 3);
    CHECK(d[0].severity == Severity::Warning);
    CHECK(d[0].message.find("the 10 columns of this table need") == 0);
    CHECK(d[0].hint.find("landscape") != std::string::npos);
    CHECK(d[0].hint.find("size=") != std::string::npos);

    // On landscape pages the same table fits, without a word.
    Env wide;
    Paper landscape = report({});
    landscape.sections[0].orientation = Orientation::Landscape;
    landscape.sections[0].blocks.push_back(block(t));
    PartLayout part = layout_paper(landscape, wide.ctx);
    REQUIRE(!part.pages.empty());
    CHECK(printed_whole(part.pages[0], "Leicestershire"));
    CHECK(warnings_of(wide.diags, rule::table_too_wide) == 0);
}

namespace {

const std::string kShy = "\xC2\xAD";

// The runs of every page, in order, and their text joined.
std::vector<GlyphRun> all_runs(const PartLayout& part) {
    std::vector<GlyphRun> out;
    for (const PageBox& p : part.pages)
        for (const GlyphRun& r : p.runs()) out.push_back(r);
    return out;
}

Paper one_paragraph(const std::string& text) {
    Paragraph p;
    p.text = bp::test::text(text);
    p.numbering = Numbering::None;
    Paper paper;
    paper.kind = Paper::Kind::Document;
    Section s;
    s.blocks.push_back(block(std::move(p)));
    paper.sections.push_back(std::move(s));
    return paper;
}

}  // namespace

TEST_CASE("a soft hyphen prints nothing inside a line and a hyphen where it breaks one", "[layout][inline]") {
    Env env;
    // Inside lines: every soft hyphen left out, the words whole.
    std::string text;
    for (int i = 0; i < 40; ++i) text += "Hinck" + kShy + "ley and Bos" + kShy + "worth. ";
    PartLayout part = layout_paper(one_paragraph(text), env.ctx);
    std::string joined;
    const std::vector<GlyphRun> runs = all_runs(part);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        CHECK(runs[i].text.find(kShy) == std::string::npos);
        joined += runs[i].text;
        // A hyphen only at a line's end (the next run starts a lower line).
        if (runs[i].text.ends_with("-")) {
            REQUIRE(i + 1 < runs.size());
            CHECK(runs[i + 1].baseline > runs[i].baseline);
        }
    }
    CHECK(joined.find("Hinckley and Bosworth.") != std::string::npos);
    CHECK(joined.find("Hinck-ley") == std::string::npos);

    // A word too long for what is left of a line breaks at its soft hyphen,
    // its first part ending in a hyphen that fits inside the column.
    Env narrow;
    std::string word = "Leices" + kShy + "ter" + kShy + "shire";
    std::string many;
    for (int i = 0; i < 30; ++i) many += word + " " + words(i % 7 + 1) + " Com" + kShy + "mis" + kShy + "sion" + kShy + "er. ";
    PartLayout broken = layout_paper(one_paragraph(many), narrow.ctx);
    const Mpt right = narrow.styles.portrait.width - narrow.styles.portrait.margin_right;
    int broken_lines = 0;
    for (const GlyphRun& r : all_runs(broken)) {
        CHECK(r.text.find(kShy) == std::string::npos);
        CHECK(r.x + r.width <= right + 1);
        if (r.text.ends_with("-")) ++broken_lines;
    }
    CHECK(broken_lines > 0);
}

TEST_CASE("a justified paragraph fills every line but its last, its text unchanged", "[layout][inline]") {
    TemplateDoc t = test_template();
    TextStyleSpec body;
    body.name = "body";
    body.align = Align::Justify;
    t.styles.push_back(body);
    Env env(t);
    Env left;
    Paragraph p;
    p.text = bp::test::text(words(120));
    p.text.push_back(Inline{});
    p.text.back().kind = Inline::Kind::LineBreak;
    p.text.push_back(bp::test::text(words(30)).front());
    p.numbering = Numbering::None;
    Paper paper;
    paper.kind = Paper::Kind::Document;
    Section s;
    s.blocks.push_back(block(p));
    paper.sections.push_back(s);
    const std::vector<GlyphRun> just = all_runs(layout_paper(paper, env.ctx));
    const std::vector<GlyphRun> plain_runs = all_runs(layout_paper(paper, left.ctx));
    // The same text, character for character.
    std::string a, b;
    for (const GlyphRun& r : just) a += r.text;
    for (const GlyphRun& r : plain_runs) b += r.text;
    CHECK(a == b);
    // Each line's right end: at the column's edge, but for the line before
    // the <br/> and the last line.
    std::map<Mpt, Mpt> line_end;  // baseline -> right end
    for (const GlyphRun& r : just) {
        const Mpt end = r.x + r.width - (r.text.ends_with(" ") ? env.fonts.measure(r.face, " ", r.size) : 0);
        line_end[r.baseline] = std::max(line_end[r.baseline], end);
    }
    const Mpt right = env.styles.portrait.width - env.styles.portrait.margin_right;
    REQUIRE(line_end.size() >= 5);
    int full = 0, short_lines = 0;
    for (const auto& [baseline, end] : line_end) {
        if (std::llabs(end - right) <= 2) ++full;
        else ++short_lines;
    }
    CHECK(short_lines == 2);  // the line the <br/> ends, and the last
    CHECK(full == static_cast<int>(line_end.size()) - 2);
}

TEST_CASE("an appendix carries a contact block of its own, its bookmark under the appendix's", "[layout][blocks]") {
    Env env;
    auto contact = [](const std::string& title, const std::string& line) {
        Contact c;
        c.title = title;
        Contact::Officer o;
        o.lines = {bp::test::text(line)};
        c.officers.push_back(o);
        return block(c);
    };
    Paper p = report({para("The report."), contact("Officer to contact", "James Fox")});
    Section app;
    app.title = bp::test::text("Appendix 1 - Police briefing");
    app.new_page = true;
    app.blocks = {para("The briefing.", Numbering::None), contact("Police contact", "DCI Jonathan Starbuck")};
    p.sections.push_back(app);
    PartLayout part = layout_paper(p, env.ctx);
    REQUIRE(part.pages.size() == 2);
    CHECK(has_run(part.pages[0], "James Fox"));
    CHECK(has_run(part.pages[1], "DCI Jonathan Starbuck"));
    std::vector<std::pair<std::string, int>> outline;
    for (const PartAnchor& a : part.anchors) outline.emplace_back(a.title, a.level);
    const std::vector<std::pair<std::string, int>> want = {
        {"Officer to contact", 2}, {"Appendix 1 - Police briefing", 2}, {"Police contact", 3}};
    CHECK(outline == want);
}

TEST_CASE("numbers, labels and fixed words are laid out in the template's wording, as the realized tree has them",
          "[layout][wording]") {
    TemplateDoc t = test_template();
    Wording& w = t.wording;
    w.paragraph_number = "\u00a7{n}";
    w.sub_paragraph_number = "\u00a7{n}({sub})";
    w.minute_number = "Min {n}:";
    w.list_lower_alpha = "{n})";
    w.contact = "Who to ask";
    w.red = "Rot";
    w.amber = "Gelb";
    w.green_letter = "Gr";
    w.status_text = "{text} [{status}]";
    w.status_join = "{first}+{second}";
    w.minutes_title = "Protokoll {date}";
    Env env(t);

    List l;
    for (const char* s : {"first", "second"}) {
        ListItem it;
        it.content = {para(s, Numbering::None)};
        l.items.push_back(it);
    }
    Contact c;
    c.officers.push_back({});
    c.officers.back().lines = {text("Jane Doe")};
    TableCell words;
    words.status = {Rag::Red, Rag::Amber};
    words.status_words = true;
    TableCell letter;
    letter.status = {Rag::Green};
    TableCell with_text;
    with_text.status = {Rag::Amber};
    with_text.status_words = true;
    with_text.content = {para("Behind plan", Numbering::None)};
    Table tb;
    TableRow r;
    r.cells = {words, letter, with_text};
    tb.body = {r};
    const Paper paper = report({para("Numbered."), para("Sub-numbered.", Numbering::Sub), block(l), block(c), block(tb)});
    const PageBox p = one_page(paper.sections.front().blocks, env);
    INFO(page_text(p));
    CHECK(has_run(p, "\u00a71"));
    CHECK(has_run(p, "\u00a71(1)"));
    CHECK(has_run(p, "b)"));
    CHECK(has_run(p, "Who to ask"));
    CHECK(has_run(p, "Rot"));
    CHECK(has_run(p, "Gelb"));
    CHECK(has_run(p, "Gr"));
    CHECK(has_run(p, " [Gelb]"));  // after the text, in bold, as status_text puts it
    CHECK(run_of(p, " [Gelb]").face == env.styles.get("table").face(true, false));
    for (const char* english : {"1.", "1.1", "(b)", "Officer to contact", "Red", "Amber", "G", "Amber: "})
        CHECK_FALSE(has_run(p, english));

    // The realized tree of the same paper says the same words.
    const realized::Document doc = realize_paper(paper, t);
    std::string realized_words;
    auto walk = [&](auto&& self, const realized::Node& n) -> void {
        for (const realized::Run& run : n.runs) realized_words += run.text + "|";
        for (const realized::Node& ch : n.children) self(self, ch);
    };
    walk(walk, doc.root);
    INFO(realized_words);
    for (const char* same : {"\u00a71|", "\u00a71(1)|", "b)|", "Who to ask|", "Rot|", "Gelb|", "Gr|", " [Gelb]|"})
        CHECK(realized_words.find(same) != std::string::npos);

    // The minutes' title (their bookmark and section) in the template's words.
    Minute m;
    m.title = text("Performance");
    const PartLayout minutes = layout_paper(minutes_of({block(m)}, false), env.ctx);
    CHECK(has_run(minutes.pages.at(0), "Min 1:"));
    const StructNode& sect = minutes.structure.nodes.at(0);
    CHECK(minutes.structure.texts.at(sect.text).title == "Protokoll 4 February 2021");
}
