#include <catch2/catch.hpp>

#include "text/text.hpp"

using namespace bp;

namespace {

// The text cut at its break points, "|" marking each cut and "!" a hard one.
std::string segments(const std::string& text) {
    LineBreaker breaker("en_GB");
    std::vector<BreakPoint> points;
    breaker.breaks(text, points);
    std::string out;
    std::uint32_t start = 0;
    for (const BreakPoint& p : points) {
        out += text.substr(start, p.offset - start);
        out += p.hard ? "!" : "|";
        start = p.offset;
    }
    return out;
}

}  // namespace

TEST_CASE("text/linebreak: words break after their spaces", "[text]") {
    CHECK(segments("The Board notes") == "The |Board |notes|");
}

TEST_CASE("text/linebreak: no break inside a number range", "[text]") {
    CHECK(segments("The Board notes 2015–16 figures") == "The |Board |notes |2015–16 |figures|");
    CHECK(segments("pages 10-17 and 3\u201012") == "pages |10-17 |and |3\u201012|");
    CHECK(segments("the 2015/16 budget") == "the |2015/16 |budget|");
}

TEST_CASE("text/linebreak: dashes between words still break", "[text]") {
    CHECK(segments("well–known self-evident") == "well–|known |self-|evident|");
}

TEST_CASE("text/linebreak: no break beside a non-breaking space", "[text]") {
    CHECK(segments("Item\u00A012 Page 5") == "Item\u00A012 |Page |5|");
    CHECK(segments("a –\u00A0b") == "a |–\u00A0b|");
}

TEST_CASE("text/linebreak: a newline is a hard break", "[text]") {
    CHECK(segments("a\nb") == "a\n!b|");
    CHECK(segments("a\n") == "a\n!");
    CHECK(segments("x\u2028y") == "x\u2028!y|");
}

TEST_CASE("text/linebreak: offsets are UTF-8 bytes and the last one is the end", "[text]") {
    LineBreaker breaker;
    std::vector<BreakPoint> points{{7, true}};
    breaker.breaks("", points);
    CHECK(points.empty());
    const std::string text = "£5 café";
    breaker.breaks(text, points);  // the iterator is reused
    REQUIRE(points.size() == 2);
    CHECK(points[0].offset == 4);  // after "£5 " (£ is two bytes)
    CHECK(points[1].offset == text.size());
    CHECK_FALSE(points[1].hard);
}
