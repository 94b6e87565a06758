// Shared by the table files only (table_columns.cpp sizes the columns,
// table.cpp draws the rows): the cells placed on the table's grid, and how
// a cell's content is set.
#pragma once
#include <string>
#include <vector>

#include "layout/internal.hpp"

namespace bp::layout_detail::table {

constexpr Mpt kPadX = 3000, kPadY = 2000;  // cell padding
constexpr Mpt kBorder = 500;

// A cell at its place on the grid, rowspan and colspan resolved.
struct Placed {
    const TableCell* cell = nullptr;
    const TableRow* row = nullptr;
    int r = 0, c = 0, rs = 1, cs = 1;
    bool header_row = false;
};

// The cells in reading order (row by row, left to right); header rows first.
struct Grid {
    std::vector<Placed> cells;
    int rows = 0, cols = 0, head_rows = 0;
};

Grid place(const Table& t);

// How the content of cell `p` is set inside a table set under `outer`.
BlockEnv cell_env(const Placed& p, const BlockEnv& outer);

// The blocks a cell shows: its own, or a copy in `scratch` whose text has
// its status in the template's words ("Amber: ", wording.status_text) so it
// does not rest on the fill's colour alone.
const Blocks& shown_content(const TableCell& c, Blocks& scratch, const Wording& w);

// The width of each grid column, together `width` unless fixed columns
// make it more: measured from the cells, allocated by the table's
// widths="..." (proportional, fixed, automatic), then fitted so that no
// column is narrower than its longest word while another has room.
struct ColumnWidths {
    std::vector<Mpt> widths;
    Mpt words = 0;  // what the columns' longest words need together; above `width`, some are cut
};
ColumnWidths column_widths(const Table& t, const Grid& g, Mpt width, const BlockEnv& env, const LayoutContext& ctx);

}  // namespace bp::layout_detail::table
