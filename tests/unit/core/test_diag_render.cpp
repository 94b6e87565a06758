#include <catch2/catch.hpp>

#include <string>

#include "core/diag_render.hpp"

using namespace bp;

TEST_CASE("json_escape copies plain runs and escapes what JSON needs, wherever it stands", "[core]") {
    CHECK(json_escape("") == "");
    CHECK(json_escape("plain words, 2.1 (a)") == "plain words, 2.1 (a)");
    CHECK(json_escape("\"quoted\"") == "\\\"quoted\\\"");
    CHECK(json_escape("a\\b\nc\td") == "a\\\\b\\nc\\td");
    CHECK(json_escape(std::string("x\x01y\x1f", 4)) == "x\\u0001y\\u001f");
    CHECK(json_escape("\xC2\xA3" "5 \xE2\x80\x93 six") == "\xC2\xA3" "5 \xE2\x80\x93 six");  // kept as UTF-8
    CHECK(json_escape("bad \xFF byte") == "bad \\ufffd byte");
    CHECK(json_escape("cut \xE2\x80") == "cut \\ufffd\\ufffd");
}
