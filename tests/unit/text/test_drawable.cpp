#include <catch2/catch.hpp>

#include "font_paths.hpp"
#include "text/text.hpp"

using namespace bp;

namespace {

struct Drawable {
    std::string text;
    std::size_t questions;
};

Drawable drawable(std::string text) {
    FontTable fonts;
    FaceId face = 0;
    std::string error;
    REQUIRE(fonts.add_face(liberation_sans("Regular"), &face, &error));
    const std::size_t questions = make_drawable(fonts, face, text);
    return {text, questions};
}

}  // namespace

TEST_CASE("text/make_drawable: text the face covers is left alone", "[text]") {
    const std::string text = "Pages 5\u00A0–\u00A012: £1.2m → “done”";
    const Drawable d = drawable(text);
    CHECK(d.text == text);
    CHECK(d.questions == 0);
}

TEST_CASE("text/make_drawable: a non-breaking hyphen becomes a hyphen", "[text]") {
    const Drawable d = drawable("e\u2011mail");
    CHECK(d.text == "e\u2010mail");
    CHECK(d.questions == 0);
}

TEST_CASE("text/make_drawable: what has no look-alike becomes '?' and is counted", "[text]") {
    const Drawable d = drawable("ok 😀 \u4E2D\tend");
    CHECK(d.text == "ok ? ??end");
    CHECK(d.questions == 3);
}

TEST_CASE("text/make_drawable: invisible format characters without a glyph are dropped", "[text]") {
    const Drawable d = drawable("⚠\uFE0F warn\uFEFF");
    CHECK(d.text == "? warn");  // U+26A0 is not in Liberation Sans; the selector and BOM vanish
    CHECK(d.questions == 1);
}

TEST_CASE("text/make_drawable: malformed bytes come out as valid UTF-8", "[text]") {
    const Drawable d = drawable("a\xC3(b");
    CHECK(is_valid_utf8(d.text));
    CHECK(d.text == "a?(b");  // Liberation has no U+FFFD either
    CHECK(d.questions == 1);
}
