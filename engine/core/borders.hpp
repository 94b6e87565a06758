// Table borders as few lines as possible. A table's cells are framed one by
// one, four segments each; most of them continue or repeat a neighbour's.
// Layout joins them as soon as a row, then a page, is complete, so a long
// table holds a few lines a row instead of a dozen; the pdf stage draws
// whatever borders a page holds after its content, joined the same way.
#pragma once
#include <vector>

#include "boxes.hpp"

namespace bp {

// A Layout artifact that is a horizontal or vertical line: a table border.
bool is_border(const PageItem& item);

// The borders among `items`, joined where they continue or overlap one
// another (same direction, line, thickness and colour), in a fixed order.
std::vector<RuleLine> joined_borders(const std::vector<PageItem>& items);

// Replaces the borders among `items` by the joined ones, after the rest.
void join_borders(std::vector<PageItem>& items);

}  // namespace bp
