#include <catch2/catch.hpp>

#include "core/borders.hpp"

using namespace bp;

namespace {
PageItem border(Mpt x1, Mpt y1, Mpt x2, Mpt y2, Mpt thickness = 500, Color c = {}) {
    return PageItem{RuleLine{x1, y1, x2, y2, thickness, c}, Mark::as(Artifact::Layout)};
}
}  // namespace

TEST_CASE("borders that continue or repeat one another join into one line, others stay apart", "[core]") {
    std::vector<PageItem> items;
    items.push_back(border(0, 0, 100, 0));     // a cell's top ...
    items.push_back(PageItem{GlyphRun{}, Mark::content(0)});
    items.push_back(border(100, 0, 250, 0));   // ... its neighbour's, continuing it
    items.push_back(border(100, 0, 100, 20));  // a shared side, drawn by both cells
    items.push_back(border(100, 0, 100, 20));
    items.push_back(border(100, 20, 100, 40));  // the next row's, continuing it down
    items.push_back(border(260, 0, 300, 0));    // a gap before it: stays apart
    items.push_back(border(0, 40, 100, 40, 1000));  // thicker: stays apart from ...
    items.push_back(border(100, 40, 200, 40));      // ... the thin one beside it
    items.push_back(border(0, 50, 100, 50, 500, Color{255, 0, 0}));  // another colour
    items.push_back(border(200, 40, 300, 40, 500, Color{255, 0, 0}));
    items.push_back(PageItem{RuleLine{0, 0, 50, 50, 500, {}}, Mark::as(Artifact::Layout)});  // slanted: not a border
    items.push_back(PageItem{RuleLine{0, 60, 50, 60, 500, {}}, Mark::content(0)});  // content: not a border

    join_borders(items);

    REQUIRE(items.size() == 3 + 7);
    // What is not a border keeps its place, in order, before the borders.
    CHECK(std::holds_alternative<GlyphRun>(items[0].what));
    CHECK(std::get<RuleLine>(items[1].what).y2 == 50);
    CHECK(items[2].mark == Mark::content(0));
    std::vector<RuleLine> lines;
    for (std::size_t i = 3; i < items.size(); ++i) {
        CHECK(items[i].mark == Mark::as(Artifact::Layout));
        lines.push_back(std::get<RuleLine>(items[i].what));
    }
    auto has = [&](Mpt x1, Mpt y1, Mpt x2, Mpt y2, Mpt t, Color c) {
        return std::count_if(lines.begin(), lines.end(), [&](const RuleLine& l) {
                   return l.x1 == x1 && l.y1 == y1 && l.x2 == x2 && l.y2 == y2 && l.thickness == t &&
                          l.color == c;
               }) == 1;
    };
    CHECK(has(0, 0, 250, 0, 500, {}));
    CHECK(has(260, 0, 300, 0, 500, {}));
    CHECK(has(100, 0, 100, 40, 500, {}));
    CHECK(has(0, 40, 100, 40, 1000, {}));
    CHECK(has(100, 40, 200, 40, 500, {}));
    CHECK(has(0, 50, 100, 50, 500, Color{255, 0, 0}));
    CHECK(has(200, 40, 300, 40, 500, Color{255, 0, 0}));
    // Joining what is joined changes nothing.
    std::vector<PageItem> again = items;
    join_borders(again);
    REQUIRE(again.size() == items.size());
    for (std::size_t i = 3; i < items.size(); ++i) {
        const auto& a = std::get<RuleLine>(items[i].what);
        const auto& b = std::get<RuleLine>(again[i].what);
        CHECK((a.x1 == b.x1 && a.y1 == b.y1 && a.x2 == b.x2 && a.y2 == b.y2));
    }
}
