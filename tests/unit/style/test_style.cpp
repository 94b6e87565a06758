#include <catch2/catch.hpp>

#include "../layout/fixture.hpp"

using namespace bp;
using namespace bp::test;

TEST_CASE("styles inherit from their parents and the template overrides the house defaults", "[style]") {
    TemplateDoc t = test_template();
    TextStyleSpec body;
    body.name = "body";
    body.size = pt(12);
    body.leading = 1.5;
    t.styles.push_back(body);
    TextStyleSpec h2;
    h2.name = "h2";
    h2.italic = true;
    t.styles.push_back(h2);
    Env env(t);
    REQUIRE_FALSE(env.diags.has_errors());
    const StyleSheet& s = env.styles;
    CHECK(s.get("body").size == pt(12));
    CHECK(s.get("body").line_height == pt(18));
    CHECK(s.get("h1").bold);                   // built-in default
    CHECK(s.get("h1").size == pt(12));         // inherited from body
    CHECK(s.get("h2").bold);                   // from h1, its parent
    CHECK(s.get("h2").italic);                 // its own
    CHECK(s.get("table").size == pt(9));       // built-in default survives
    CHECK(s.get("no-such-style").size == pt(12));  // falls back to body
    CHECK(s.get("h2").face(false, false) == s.get("body").face(true, true));
}

TEST_CASE("landscape is the portrait master turned", "[style]") {
    Env env;
    CHECK(env.styles.landscape.width == env.styles.portrait.height);
    CHECK(env.styles.landscape.height == env.styles.portrait.width);
    CHECK(env.styles.master(Orientation::Landscape).width > env.styles.master(Orientation::Landscape).height);
}

TEST_CASE("a style naming an undefined family, or a bad date pattern, is reported", "[style]") {
    TemplateDoc t = test_template();
    TextStyleSpec odd;
    odd.name = "quote";
    odd.family = "serif";
    t.styles.push_back(odd);
    t.date_pattern = "d MMMM y 'at";
    Env env(t);
    REQUIRE(env.diags.error_count() == 2);
    bool family = false, pattern = false;
    for (const auto& d : env.diags.all()) {
        family = family || d.message.find("\"serif\"") != std::string::npos;
        pattern = pattern || d.message.find("date pattern") != std::string::npos;
    }
    CHECK(family);
    CHECK(pattern);
}
