// Table columns: measure what each column's cells need (their longest word,
// their longest line), allocate the table's width by its widths="..."
// (fixed, proportional, automatic), then rebalance so that no column is
// narrower than its longest word while another has room to give.
#include <algorithm>
#include <numeric>

#include "layout/table_grid.hpp"

namespace bp::layout_detail::table {
namespace {

// What the cells of each column need, padding included: `min` the longest
// word (below it a word is cut), `max` the longest line set unbroken.
struct ColumnNeeds {
    std::vector<Mpt> min, max;
};

ColumnNeeds measure(const Grid& g, const BlockEnv& env, const LayoutContext& ctx) {
    const auto n = static_cast<std::size_t>(g.cols);
    ColumnNeeds need{std::vector<Mpt>(n, 0), std::vector<Mpt>(n, 0)};
    for (const Placed& p : g.cells) {
        if (p.cs != 1) continue;
        Blocks scratch;
        Extent e = blocks_extent(shown_content(*p.cell, scratch), cell_env(p, env), ctx);
        if (!p.cell->status.empty() && p.cell->content.empty()) {
            // Each status has a band of its own, wide enough for its label.
            Mpt widest = 0;
            for (Rag r : p.cell->status)
                widest = std::max(widest, set_line(status_label(r, p.cell->status_words),
                                                   text_style(ctx.styles, "table", env), ctx, kBold)
                                              .width);
            const auto bands = static_cast<Mpt>(p.cell->status.size());
            const Mpt bands_need = bands * widest + (bands - 1) * 2 * kPadX;
            e.min = std::max(e.min, bands_need);
            e.max = std::max(e.max, bands_need);
        }
        const auto c = static_cast<std::size_t>(p.c);
        need.min[c] = std::max(need.min[c], e.min + 2 * kPadX);
        need.max[c] = std::max(need.max[c], e.max + 2 * kPadX);
    }
    return need;
}

// Widths by the table's own column settings. Fixed columns take their
// length; proportional ones share what is left after the automatic ones;
// automatic ones alone share it by what their content needs.
std::vector<Mpt> allocate(const std::vector<TableColumn>& columns, const ColumnNeeds& need, Mpt width) {
    const std::size_t n = need.min.size();
    auto column = [&](std::size_t c) { return c < columns.size() ? columns[c] : TableColumn{}; };
    std::vector<Mpt> w(n, 0);
    Mpt fixed = 0;
    int weights = 0;
    std::vector<std::size_t> autos;
    for (std::size_t c = 0; c < n; ++c) {
        const TableColumn col = column(c);
        if (col.kind == TableColumn::Kind::Fixed) {
            w[c] = col.fixed;
            fixed += col.fixed;
        } else if (col.kind == TableColumn::Kind::Proportional) {
            weights += std::max(1, col.weight);
        } else {
            autos.push_back(c);
        }
    }
    const Mpt rest = std::max<Mpt>(0, width - fixed);
    if (weights > 0) {
        // Automatic columns beside proportional ones take what their content needs.
        Mpt used = 0;
        for (std::size_t c : autos) {
            w[c] = std::min(need.max[c], std::max(need.min[c], rest / static_cast<Mpt>(n)));
            used += w[c];
        }
        const Mpt share = std::max<Mpt>(0, rest - used);
        for (std::size_t c = 0; c < n; ++c)
            if (column(c).kind == TableColumn::Kind::Proportional) w[c] = share * std::max(1, column(c).weight) / weights;
    } else if (!autos.empty()) {
        Mpt sum_min = 0, sum_max = 0;
        for (std::size_t c : autos) {
            sum_min += need.min[c];
            sum_max += std::max(need.max[c], need.min[c]);
        }
        for (std::size_t c : autos) {
            const Mpt mn = need.min[c], mx = std::max(need.max[c], need.min[c]);
            if (sum_max <= rest) {
                // Everything fits on one line: share the spare room by content width.
                w[c] = sum_max > 0 ? rest * mx / sum_max : rest / static_cast<Mpt>(autos.size());
            } else if (sum_min >= rest) {
                w[c] = sum_min > 0 ? rest * mn / sum_min : rest / static_cast<Mpt>(autos.size());
            } else {
                w[c] = mn + (mx - mn) * (rest - sum_min) / std::max<Mpt>(1, sum_max - sum_min);
            }
        }
    }
    return w;
}

// No column narrower than its longest word while others have room to give:
// a header like "Progress" must not be split between letters.
void rebalance(std::vector<Mpt>& w, const std::vector<Mpt>& mins) {
    for (int pass = 0; pass < 3; ++pass) {
        Mpt need = 0, spare = 0;
        for (std::size_t c = 0; c < w.size(); ++c) {
            if (w[c] < mins[c]) need += mins[c] - w[c];
            else spare += w[c] - mins[c];
        }
        if (need == 0 || spare == 0) break;
        const Mpt give = std::min(need, spare);
        for (std::size_t c = 0; c < w.size(); ++c) {
            if (w[c] < mins[c]) w[c] += (mins[c] - w[c]) * give / need;
            else w[c] -= (w[c] - mins[c]) * give / spare;
        }
    }
}

}  // namespace

std::vector<Mpt> column_widths(const Table& t, const Grid& g, Mpt width, const BlockEnv& env,
                               const LayoutContext& ctx) {
    const ColumnNeeds need = measure(g, env, ctx);
    std::vector<Mpt> w = allocate(t.columns, need, width);
    rebalance(w, need.min);
    // Rounding leftovers go to the last column so the table is exactly
    // `width`, unless every column has a fixed length.
    const bool all_fixed = t.columns.size() >= w.size() &&
                           std::all_of(t.columns.begin(), t.columns.begin() + static_cast<std::ptrdiff_t>(w.size()),
                                       [](const TableColumn& c) { return c.kind == TableColumn::Kind::Fixed; });
    const Mpt total = std::accumulate(w.begin(), w.end(), Mpt{0});
    if (!w.empty() && total < width && !all_fixed) w.back() += width - total;
    return w;
}

}  // namespace bp::layout_detail::table
