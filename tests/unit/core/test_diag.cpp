#include <catch2/catch.hpp>

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
    for (int i = 0; i < 600; ++i) d.error({"x.xml", 1, 1}, rule::xml_syntax, "bad");
    CHECK(d.all().size() == Diagnostics::kMaxStored);
    CHECK(d.error_count() == 600);
    CHECK(d.dropped() == 100);
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

TEST_CASE("the caret counts characters, not bytes, before the column", "[core]") {
    Diagnostics d;
    // "é" is two bytes: byte column 6 is the fifth character.
    d.error({"r.xml", 1, 6}, rule::bad_value, "bad");
    auto lines = [](const std::string&, std::uint32_t) -> std::optional<std::string> { return std::string("\xC3\xA9tat<x"); };
    CHECK(render_text(d.all(), lines, {}) == "r.xml:1:6: error: bad [bad-value]\n    1 | \xC3\xA9tat<x\n      |     ^\n");
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
    for (int i = 0; i < 499; ++i) many.warning({"x.xml", 1, 1}, rule::first_minute, "w");
    many.merge(item);
    CHECK(many.all().size() == Diagnostics::kMaxStored);
    CHECK(many.dropped() == 1);
    CHECK(many.warning_count() == 500);
}
