#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "core/borders.hpp"
#include "dump/dump.hpp"

#include "fixture.hpp"

using namespace bp;
using namespace bp::test;

TEST_CASE("paragraphs are numbered continuously across sections and headings", "[layout]") {
    Env env;
    Paper p = report({heading("Introduction"), para("First."), para("Second.")});
    Section more;
    more.blocks = {heading("Funding"), para("Third."), para("Not numbered.", Numbering::None), para("Fourth.")};
    p.sections.push_back(more);
    PartLayout part = layout_paper(p, env.ctx);
    REQUIRE(part.pages.size() == 1);
    const PageBox& pg = part.pages[0];
    for (const char* label : {"1.", "2.", "3.", "4."}) CHECK(has_run(pg, label));
    CHECK_FALSE(has_run(pg, "5."));
    // The number hangs left of the text it labels.
    auto find = [&](const std::string& t) {
        const auto pg_runs = pg.runs();
        return *std::find_if(pg_runs.begin(), pg_runs.end(), [&](const GlyphRun& r) { return r.text == t; });
    };
    CHECK(find("3.").x < find("Third.").x);
    CHECK(find("3.").baseline == find("Third.").baseline);
}

TEST_CASE("sub-numbered paragraphs follow their parent number", "[layout]") {
    Env env;
    PartLayout part = layout_paper(report({para("One."), para("Two."), para("Two point one.", Numbering::Sub),
                                           para("Two point two.", Numbering::Sub), para("Three.")}),
                                   env.ctx);
    const PageBox& pg = part.pages[0];
    CHECK(has_run(pg, "2.1"));
    CHECK(has_run(pg, "2.2"));
    CHECK(has_run(pg, "3."));
}

TEST_CASE("long paragraphs wrap within the column", "[layout]") {
    Env env;
    PartLayout part = layout_paper(report({para(words(120))}), env.ctx);
    const PageBox& pg = part.pages[0];
    const PageMaster& m = env.styles.portrait;
    int lines = 0;
    for (const auto& r : pg.runs()) {
        CHECK(r.x + r.width <= m.width - m.margin_right + 1);
        if (r.text != "1.") ++lines;
    }
    CHECK(lines >= 5);
}

TEST_CASE("a page never ends with a heading or a paragraph's first line alone", "[layout]") {
    Env env;
    // Fill the page with one-line paragraphs, then a heading and a long paragraph:
    // try every filler count so the break falls everywhere.
    for (int filler = 30; filler < 45; ++filler) {
        Blocks bs;
        for (int i = 0; i < filler; ++i) bs.push_back(para("Line " + std::to_string(i)));
        bs.push_back(heading("Heading at the break"));
        bs.push_back(para(words(60)));
        PartLayout part = layout_paper(report(bs), env.ctx);
        REQUIRE(part.pages.size() >= 1);
        for (std::size_t pi = 0; pi + 1 < part.pages.size(); ++pi) {
            const PageBox& pg = part.pages[pi];
            REQUIRE(!pg.runs().empty());
            // Last thing on the page must not be the heading.
            CHECK(pg.runs().back().text != "Heading at the break");
            // The long paragraph's first line may not stand alone at the foot.
            std::size_t starts = 0, its_lines = 0;
            for (const auto& r : pg.runs()) {
                if (r.text.rfind("the board noted", 0) == 0) ++starts;
                if (starts) ++its_lines;
            }
            if (starts) CHECK(its_lines >= 3);  // number + at least two lines
        }
    }
}

TEST_CASE("a landscape section gets landscape pages", "[layout]") {
    Env env;
    Paper p = report({para("Portrait text.")});
    Section app;
    app.orientation = Orientation::Landscape;
    app.new_page = true;
    app.title = text("Appendix 1 - Dashboard");
    app.blocks = {para("Wide.", Numbering::None)};
    p.sections.push_back(app);
    PartLayout part = layout_paper(p, env.ctx);
    REQUIRE(part.pages.size() == 2);
    CHECK_FALSE(part.pages[0].landscape());
    CHECK(part.pages[1].landscape());
    CHECK(has_run(part.pages[1], "Appendix 1 - Dashboard"));
}

namespace {
Block long_table(int rows) {
    Table t;
    TableRow head;
    for (const char* h : {"Ref", "Indicator", "Status"}) {
        TableCell c;
        c.content = {para(h, Numbering::None)};
        head.cells.push_back(c);
    }
    t.head.push_back(head);
    for (int i = 0; i < rows; ++i) {
        TableRow r;
        for (int c = 0; c < 3; ++c) {
            TableCell cell;
            cell.content = {para("cell " + std::to_string(i) + "." + std::to_string(c), Numbering::None)};
            r.cells.push_back(cell);
        }
        t.body.push_back(r);
    }
    return block(t);
}
}  // namespace

TEST_CASE("a table's header row repeats on every page it runs onto", "[layout]") {
    Env env;
    PartLayout part = layout_paper(report({long_table(120)}), env.ctx);
    REQUIRE(part.pages.size() >= 3);
    for (const PageBox& pg : part.pages) {
        CHECK(has_run(pg, "Indicator"));
        // The header is the first row on the page.
        const auto pg_runs = pg.runs();
        auto first_cell = std::find_if(pg_runs.begin(), pg_runs.end(),
                                       [](const GlyphRun& r) { return r.text.rfind("cell", 0) == 0; });
        auto header = std::find_if(pg_runs.begin(), pg_runs.end(), [](const GlyphRun& r) { return r.text == "Ref"; });
        REQUIRE(first_cell != pg_runs.end());
        CHECK(header->baseline < first_cell->baseline);
    }
    // Header cells are bold: a different face from body cells.
    const PageBox& pg = part.pages[1];
    const auto pg_runs = pg.runs();
    auto header = std::find_if(pg_runs.begin(), pg_runs.end(), [](const GlyphRun& r) { return r.text == "Ref"; });
    auto cell = std::find_if(pg_runs.begin(), pg_runs.end(), [](const GlyphRun& r) { return r.text.rfind("cell", 0) == 0; });
    CHECK(header->face != cell->face);
}

TEST_CASE("a long table's pages are handed out as they are made, the same pages as laid out whole", "[layout]") {
    Env env;
    const Paper paper = report({para("Before the table."), long_table(600), para("After the table.")});
    const PartLayout whole = layout_paper(paper, env.ctx);
    REQUIRE(whole.pages.size() >= 10);

    // What the tree holds when each page arrives: a page handed out while
    // the table is still being laid out finds the rows after it not there yet.
    std::vector<std::size_t> tree_size;
    std::vector<std::string> seen;
    const PartLayout streamed = layout_paper(paper, env.ctx, [&](PageBox& page, const StructTree& tree) {
        tree_size.push_back(tree.size());
        seen.push_back(dump_page(page, static_cast<int>(seen.size()) + 1));
    });
    REQUIRE(seen.size() == whole.pages.size());
    REQUIRE(streamed.pages.size() == whole.pages.size());
    for (std::size_t i = 0; i < whole.pages.size(); ++i) {
        INFO("page " << i + 1);
        CHECK(seen[i] == dump_page(whole.pages[i], static_cast<int>(i) + 1));
        CHECK(dump_page(streamed.pages[i], static_cast<int>(i) + 1) == seen[i]);
    }
    CHECK(tree_size.front() < tree_size.back() / 4);
    CHECK(std::is_sorted(tree_size.begin(), tree_size.end()));
    // The header row, long dropped with the first page's slices, still heads the last page.
    CHECK(has_run(streamed.pages.back(), "Indicator"));
    CHECK(has_run(streamed.pages.back(), "After the table."));
    REQUIRE(streamed.anchors.size() == whole.anchors.size());
}

TEST_CASE("a long table's borders are joined: one line down each column edge, one across each row edge",
          "[layout]") {
    Env env;
    PartLayout part = layout_paper(report({long_table(120)}), env.ctx);
    REQUIRE(part.pages.size() >= 3);
    for (const PageBox& pg : part.pages) {
        std::set<Mpt> xs, ys;
        std::size_t vertical = 0, horizontal = 0, rows = 0;
        Mpt left = INT32_MAX, right = INT32_MIN;
        for (const PageItem& it : pg.items) {
            if (!is_border(it)) continue;
            const auto& l = std::get<RuleLine>(it.what);
            if (l.x1 == l.x2) {
                ++vertical;
                xs.insert(l.x1);
            } else {
                ++horizontal;
                ys.insert(l.y1);
                left = std::min(left, l.x1);
                right = std::max(right, l.x2);
            }
        }
        for (const GlyphRun& r : pg.runs())
            if (r.text.rfind("cell ", 0) == 0 && r.text.back() == '0') ++rows;
        CHECK(vertical == 4);  // three columns: four edges, each one line
        CHECK(xs.size() == 4);
        CHECK(horizontal == ys.size());
        // Above the header, under it, under each row; where the table runs on,
        // the repeated header is pagination, drawn with its own lines.
        CHECK(horizontal == rows + (&pg == &part.pages.front() ? 2 : 1));
        for (const PageItem& it : pg.items)
            if (is_border(it) && std::get<RuleLine>(it.what).y1 == std::get<RuleLine>(it.what).y2) {
                CHECK(std::get<RuleLine>(it.what).x1 == left);
                CHECK(std::get<RuleLine>(it.what).x2 == right);
            }
    }
}

TEST_CASE("a rowspan group breaks between rows only once its spanning text is complete", "[layout]") {
    Env env;
    Table t;
    for (int g = 0; g < 30; ++g) {
        for (int k = 0; k < 4; ++k) {
            TableRow r;
            if (k == 0) {
                TableCell span;
                span.rowspan = 4;
                // Taller than one row: five paragraphs, the last marks the end.
                for (int l = 0; l < 4; ++l) span.content.push_back(para("Group " + std::to_string(g) + " line", Numbering::None));
                span.content.push_back(para("end " + std::to_string(g), Numbering::None));
                r.cells.push_back(span);
            }
            TableCell c;
            c.content = {para("row " + std::to_string(g) + "/" + std::to_string(k), Numbering::None)};
            r.cells.push_back(c);
            t.body.push_back(r);
        }
    }
    PartLayout part = layout_paper(report({block(t)}), env.ctx);
    REQUIRE(part.pages.size() >= 2);
    std::map<std::string, int> rows_seen;
    for (const PageBox& pg : part.pages) {
        const PageMaster& m = env.styles.portrait;
        for (const auto& r : pg.runs()) {
            CHECK(r.baseline <= m.height - m.margin_bottom);
            if (r.text.rfind("row ", 0) == 0) ++rows_seen[r.text];
            if (r.text.rfind("Group ", 0) == 0 && r.text.find(" line") != std::string::npos) {
                // The spanning text is never split: its end is on the same page.
                std::string g = r.text.substr(6, r.text.size() - 11);
                CHECK(has_run(pg, "end " + g));
                CHECK(has_run(pg, "row " + g + "/0"));
            }
        }
    }
    CHECK(rows_seen.size() == 120);
    for (const auto& [row, n] : rows_seen) CHECK(n == 1);
}

TEST_CASE("RAG status cells are filled and keep their letter", "[layout]") {
    Env env;
    Table t;
    TableRow r;
    TableCell a;
    a.status = {Rag::Amber};
    TableCell text_cell;
    text_cell.content = {para("Total crime", Numbering::None)};
    r.cells = {text_cell, a};
    t.body.push_back(r);
    PartLayout part = layout_paper(report({block(t)}), env.ctx);
    const PageBox& pg = part.pages[0];
    CHECK(has_run(pg, "A"));
    bool amber = std::ranges::any_of(pg.fills(),
                             [&](const FillRect& f) { return f.color == env.styles.doc.rag_amber; });
    CHECK(amber);
}

TEST_CASE("lettered lists label their items (a), (b)", "[layout]") {
    Env env;
    List l;
    l.kind = ListKind::LowerAlpha;
    for (const char* s : {"The Board notes the report;", "The Board agrees the plan."}) {
        ListItem it;
        it.content = {para(s, Numbering::None)};
        l.items.push_back(it);
    }
    PartLayout part = layout_paper(report({para("That:"), block(l)}), env.ctx);
    const PageBox& pg = part.pages[0];
    CHECK(has_run(pg, "(a)"));
    CHECK(has_run(pg, "(b)"));
    CHECK_FALSE(has_run(pg, "2."));  // list items are not numbered paragraphs
}

TEST_CASE("a row taller than a page splits cleanly under repeated headers", "[layout]") {
    Env env;
    Table t;
    TableRow head;
    for (const char* h : {"Ref", "Narrative"}) {
        TableCell c;
        c.content = {para(h, Numbering::None)};
        head.cells.push_back(c);
    }
    t.head.push_back(head);
    TableRow r;
    TableCell ref;
    ref.content = {para("R1", Numbering::None)};
    TableCell big;
    for (int i = 0; i < 150; ++i) big.content.push_back(para("Line " + std::to_string(i) + " of the narrative", Numbering::None));
    r.cells = {ref, big};
    t.body.push_back(r);
    PartLayout part = layout_paper(report({block(t)}), env.ctx);
    REQUIRE(part.pages.size() >= 2);
    const PageMaster& m = env.styles.portrait;
    int seen = 0;
    for (const PageBox& pg : part.pages) {
        CHECK(has_run(pg, "Narrative"));
        for (const auto& run : pg.runs()) {
            CHECK(run.baseline <= m.height - m.margin_bottom);
            if (run.text.rfind("Line ", 0) == 0) ++seen;
        }
    }
    CHECK(seen == 150);  // every line printed once, none lost at a break
}

TEST_CASE("a number wider than the indent never prints over the text it labels", "[layout]") {
    Env env;
    Block big = para("Numbered far along.");
    std::get<Paragraph>(big.node).restart = 10021;
    PartLayout part = layout_paper(report({para("First."), big, para("Next.")}), env.ctx);
    const PageBox& pg = part.pages[0];
    const auto runs = pg.runs();
    auto find = [&](const std::string& t) {
        return *std::find_if(runs.begin(), runs.end(), [&](const GlyphRun& r) { return r.text == t; });
    };
    // "10021." is wider than the 10 mm indent: the text moves right of it.
    CHECK(find("10021.").x + find("10021.").width < find("Numbered far along.").x);
    CHECK(find("10022.").x + find("10022.").width < find("Next.").x);
    // A paragraph with a short number keeps the house indent.
    CHECK(find("First.").x < find("Numbered far along.").x);
    CHECK(find("1.").x == find("10021.").x);
}
