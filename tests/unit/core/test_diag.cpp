#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "core/diag.hpp"
#include "core/diag_render.hpp"

using namespace bp;

TEST_CASE("diagnostics format as file:line:col: severity: message [rule]", "[core]") {
    Diagnostics d;
    d.error({"report.xml", 12, 5}, rule::unknown_element, "unknown element <para> inside <section>", "did you mean <p>?");
    d.warning({"pack.xml", 3, 0}, rule::first_minute, "no venue");
    REQUIRE(d.error_count() == 1);
    REQUIRE(d.warning_count() == 1);
    CHECK(format_diagnostic(d.all()[0]) == "report.xml:12:5: error: unknown element <para> inside <section> [unknown-element]");
    CHECK(format_with_hint(d.all()[0]) ==
          "report.xml:12:5: error: unknown element <para> inside <section> [unknown-element]\n  hint: did you mean <p>?");
    CHECK(format_diagnostic(d.all()[1]) == "pack.xml:3: warning: no venue [first-minute]");
}

TEST_CASE("diagnostics are capped but still counted", "[core]") {
    Diagnostics d;
    for (int i = 0; i < 600; ++i) d.error({"x" + std::to_string(i) + ".xml", 1, 1}, rule::xml_syntax, "bad");
    CHECK(d.all().size() == Diagnostics::kMaxStored);
    CHECK(d.error_count() == 600);
    CHECK(d.dropped() == 100);
}

TEST_CASE("repeats of one rule in one file are held back, then said in one note after the file's reports", "[core]") {
    Diagnostics d;
    for (std::uint32_t i = 1; i <= 100'000; ++i) d.error({"a.xml", 1, 3 * i}, rule::misplaced_element, "<tr> is not allowed");
    d.warning({"a.xml", 2, 1}, rule::first_minute, "only once");
    for (std::uint32_t i = 1; i <= 21; ++i) d.warning({"b.xml", i, 1}, rule::first_minute, "w");
    d.error({"c.xml", 1, 1}, rule::xml_syntax, "bad");
    CHECK(d.error_count() == 100'001);
    CHECK(d.warning_count() == 22);
    CHECK(d.all().size() == 20 + 1 + 20 + 1);  // memory stays flat
    CHECK(d.dropped() == 0);
    std::vector<Diagnostic> s = d.sorted();
    REQUIRE(s.size() == 42 + 2);
    CHECK(s[19].loc.col == 60);
    CHECK(s[20].message == "only once");
    CHECK(format_with_hint(s[21]) ==
          "a.xml: note: ... and 99980 more errors of this kind in this file, not shown [misplaced-element]\n"
          "  hint: fix the ones shown and check again: one mistake often repeats, or causes the rest");
    CHECK(s[41].loc.line == 20);
    CHECK(format_diagnostic(s[42]) == "b.xml: note: ... and 1 more warning of this kind in this file, not shown [first-minute]");
    CHECK(format_diagnostic(s[43]) == "c.xml:1:1: error: bad [xml-syntax]");
    // The same in JSON: a note object at the file, with the rule.
    const std::string json = render_json({s[21]});
    CHECK(json == "[\n  {\"file\": \"a.xml\", \"line\": 0, \"column\": 0, \"severity\": \"note\", \"rule\": "
                  "\"misplaced-element\", \"message\": \"... and 99980 more errors of this kind in this file, not shown\", "
                  "\"hint\": \"fix the ones shown and check again: one mistake often repeats, or causes the rest\"}\n]\n");
}

TEST_CASE("what one sink held back adds up with another's when merged", "[core]") {
    Diagnostics pack, item1, item2;
    for (int i = 0; i < 15; ++i) item1.error({"r.xml", 1, 1}, rule::link, "bad link");
    for (int i = 0; i < 30; ++i) item2.error({"r.xml", 2, 1}, rule::link, "bad link");
    pack.merge(item1);
    pack.merge(item2);
    CHECK(pack.error_count() == 45);
    CHECK(pack.all().size() == 20);
    std::vector<Diagnostic> s = pack.sorted();
    REQUIRE(s.size() == 21);
    CHECK(s[20].message == "... and 25 more errors of this kind in this file, not shown");
}

TEST_CASE("a merge of some files' findings leaves out the rest, their counts and what they held back", "[core]") {
    Diagnostics all, found;
    all.warning({"pack-a.xml", 1, 1}, rule::first_minute, "from the first pack");
    for (int i = 0; i < 25; ++i) found.error({"shared.xml", 3, 1}, rule::link, "bad link");
    found.warning({"shared.xml", 4, 1}, rule::first_minute, "w");
    found.error({"pack-b.xml", 2, 1}, rule::xml_syntax, "bad");
    for (int i = 0; i < 22; ++i) found.warning({"own.xml", 5, 1}, rule::first_minute, "own");
    all.merge_files(found, [](const FilePath& f) { return f.str() != "shared.xml"; });
    CHECK(all.error_count() == 1);
    CHECK(all.warning_count() == 1 + 22);
    std::vector<Diagnostic> s = all.sorted();
    REQUIRE(s.size() == 1 + 1 + 20 + 1);
    for (const Diagnostic& d : s) CHECK(d.loc.file.str() != "shared.xml");
    CHECK(std::count_if(s.begin(), s.end(), [](const Diagnostic& d) {
              return d.loc.file.str() == "own.xml" && d.message == "... and 2 more warnings of this kind in this file, not shown";
          }) == 1);
}

TEST_CASE("diagnostics sort by file, line and column, keeping the order of reports at one place", "[core]") {
    Diagnostics d;
    d.error({"b.xml", 2, 1}, rule::xml_syntax, "fourth");
    d.error({"a.xml", 9, 3}, rule::xml_syntax, "third");
    d.error({"a.xml", 1, 7}, rule::xml_syntax, "first");
    d.error({"a.xml", 1, 7}, rule::entity, "second");
    std::vector<std::string> order;
    for (const Diagnostic& x : d.sorted()) order.push_back(x.message);
    CHECK(order == std::vector<std::string>{"first", "second", "third", "fourth"});
}

TEST_CASE("rule ids are unique, lower case and findable", "[core]") {
    std::set<std::string_view> ids;
    for (const Rule* r : all_rules()) {
        CHECK(ids.insert(r->id).second);
        CHECK(r->id.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") == std::string_view::npos);
        CHECK_FALSE(r->summary.empty());
        CHECK(find_rule(r->id) == r);
    }
    CHECK(find_rule("no-such-rule") == nullptr);
}

TEST_CASE("the caret form shows the source line with a caret under the column, then the hint", "[core]") {
    Diagnostics d;
    d.error({"r.xml", 2, 5}, rule::unknown_element, "unknown element <para> inside <report>", "did you mean <p>?");
    auto lines = [](const std::string& file, std::uint32_t n) -> std::optional<std::string> {
        if (file == "r.xml" && n == 2) return std::string("\t<para>Text</para>");
        return std::nullopt;
    };
    // Tabs in the line are kept in the padding, so the caret lines up.
    CHECK(render_text(d.all(), lines, {}) ==
          "r.xml:2:5: error: unknown element <para> inside <report> [unknown-element]\n"
          "    2 | \t<para>Text</para>\n"
          "      | \t   ^\n"
          "  hint: did you mean <p>?\n");
}

TEST_CASE("the column counts characters, not bytes", "[core]") {
    Diagnostics d;
    // "é" is two bytes, "£" two, a curly quote three: column 5 is "<" in
    // the first line, column 7 "<" in the second.
    d.error({"r.xml", 1, 5}, rule::bad_value, "bad");
    d.error({"r.xml", 2, 7}, rule::bad_value, "bad");
    auto lines = [](const std::string&, std::uint32_t n) -> std::optional<std::string> {
        return std::string(n == 1 ? "\xC3\xA9tat<x" : "\xC2\xA3" "5 \xE2\x80\x9Cx<y");
    };
    CHECK(render_text(d.all(), lines, {}) ==
          "r.xml:1:5: error: bad [bad-value]\n    1 | \xC3\xA9tat<x\n      |     ^\n"
          "r.xml:2:7: error: bad [bad-value]\n    2 | \xC2\xA3" "5 \xE2\x80\x9Cx<y\n      |       ^\n");
}

TEST_CASE("a long source line is cut to a window around the caret, with ... where it is cut", "[core]") {
    // 100,000 rows on one line: "<tr>" at every fifth column from 1.
    std::string line;
    for (int i = 0; i < 100'000; ++i) line += "<tr/>";
    auto lines = [&](const std::string&, std::uint32_t) -> std::optional<std::string> { return line; };
    std::string window;
    for (int i = 0; i < 20; ++i) window += "<tr/>";
    Diagnostics d;
    d.error({"t.xml", 1, 251}, rule::misplaced_element, "middle");  // the 51st row
    d.error({"t.xml", 1, 6}, rule::misplaced_element, "start");     // the 2nd: no cut before it
    d.error({"t.xml", 1, 499'996}, rule::misplaced_element, "end");  // the last: no cut after it
    CHECK(render_text(d.all(), lines, {}) ==
          "t.xml:1:251: error: middle [misplaced-element]\n"
          "    1 | ..." + window + "...\n"
          "      |    " + std::string(40, ' ') + "^\n"
          "t.xml:1:6: error: start [misplaced-element]\n"
          "    1 | " + window + "...\n"
          "      |      ^\n"
          "t.xml:1:499996: error: end [misplaced-element]\n"
          "    1 | ..." + window + "\n"
          "      |    " + std::string(95, ' ') + "^\n");
    // Characters, not bytes, are counted in the window: a line of "£".
    std::string pounds;
    for (int i = 0; i < 300; ++i) pounds += "\xC2\xA3";
    auto pound_lines = [&](const std::string&, std::uint32_t) -> std::optional<std::string> { return pounds; };
    Diagnostics p;
    p.error({"p.xml", 1, 151}, rule::bad_value, "pounds");
    std::string hundred;
    for (int i = 0; i < 100; ++i) hundred += "\xC2\xA3";
    CHECK(render_text(p.all(), pound_lines, {}) ==
          "p.xml:1:151: error: pounds [bad-value]\n    1 | ..." + hundred + "...\n      |    " + std::string(40, ' ') + "^\n");
}

TEST_CASE("the caret form colours only when asked", "[core]") {
    Diagnostics d;
    d.error({"r.xml", 1, 1}, rule::xml_syntax, "bad");
    auto none = [](const std::string&, std::uint32_t) -> std::optional<std::string> { return std::nullopt; };
    CHECK(render_text(d.all(), none, {}).find('\033') == std::string::npos);
    std::string coloured = render_text(d.all(), none, RenderOptions{true});
    CHECK(coloured.find("\033[1;31merror:\033[0m") != std::string::npos);
}

TEST_CASE("JSON lists file, line, column, severity, rule, message and hint, escaped", "[core]") {
    Diagnostics d;
    d.error({"a \"b\".xml", 3, 4}, rule::link, "the link \"x\" needs\tits scheme", "write href=\"https://x\"");
    d.warning({"c.xml", 0, 0}, rule::first_minute, "bad byte \xFF here");
    CHECK(render_json(d.all()) ==
          "[\n"
          "  {\"file\": \"a \\\"b\\\".xml\", \"line\": 3, \"column\": 4, \"severity\": \"error\", \"rule\": \"link\", "
          "\"message\": \"the link \\\"x\\\" needs\\tits scheme\", \"hint\": \"write href=\\\"https://x\\\"\"},\n"
          "  {\"file\": \"c.xml\", \"line\": 0, \"column\": 0, \"severity\": \"warning\", \"rule\": \"first-minute\", "
          "\"message\": \"bad byte \\ufffd here\", \"hint\": \"\"}\n"
          "]\n");
    CHECK(render_json({}) == "[]\n");
}

TEST_CASE("diagnostics merged from another sink follow this one's, counted and capped", "[core]") {
    Diagnostics main, item;
    main.warning({"pack.xml", 2, 1}, rule::first_minute, "first");
    item.error({"a.xml", 5, 3}, rule::xml_syntax, "second");
    item.warning({"a.xml", 6, 1}, rule::first_minute, "third");
    main.merge(item);
    REQUIRE(main.all().size() == 3);
    CHECK(main.all()[1].message == "second");
    CHECK(main.all()[2].message == "third");
    CHECK(main.error_count() == 1);
    CHECK(main.warning_count() == 2);

    Diagnostics many;
    for (int i = 0; i < 499; ++i) many.warning({"x" + std::to_string(i) + ".xml", 1, 1}, rule::first_minute, "w");
    many.merge(item);
    CHECK(many.all().size() == Diagnostics::kMaxStored);
    CHECK(many.dropped() == 1);
    CHECK(many.warning_count() == 500);
}
