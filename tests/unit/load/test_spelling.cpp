// "Did you mean": the names a misspelling is nearest to, by edit distance.
#include <catch2/catch.hpp>

#include "load/reader.hpp"

using namespace bp::load;

TEST_CASE("spelling distance: a letter missed, doubled, changed or swapped costs one", "[load][spelling]") {
    CHECK(spelling_distance("recomendations", "recommendations") == 1);
    CHECK(spelling_distance("apendix", "appendix") == 1);
    CHECK(spelling_distance("tabel", "table") == 1);  // neighbours swapped: one slip, not two
    CHECK(spelling_distance("Table", "table") == 0);  // case is not a slip
    CHECK(spelling_distance("colspn", "colspan") == 1);
    CHECK(spelling_distance("tbody", "thead") == 4);
    CHECK(spelling_distance("", "p") == 1);
}

TEST_CASE("nearest names: within a distance that grows with the name, best first", "[load][spelling]") {
    const Names names = {"p", "h1", "h2", "ul", "ol", "table", "recommendations", "appendix", "section"};
    CHECK(nearest_names("tabel", names) == Names{"table"});
    CHECK(nearest_names("recomendation", names) == Names{"recommendations"});
    CHECK(nearest_names("apendx", names) == Names{"appendix"});
    CHECK(nearest_names("q", names).empty());   // one-letter names are never guessed at
    CHECK(nearest_names("h3", names).empty());  // nor two-letter ones: h3 is not h1 or h2
    CHECK(nearest_names("tablet", names) == Names{"table"});
    CHECK(nearest_names("sectoin", names) == Names{"section"});
    CHECK(nearest_names("xyzzy", names).empty());
    CHECK(nearest_names(std::string(100, 'a'), names).empty());
}
