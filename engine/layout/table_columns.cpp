// Table columns: measure what each column's cells need (their longest word,
// their longest line), allocate the table's width by its widths="..."
// (fixed, proportional, automatic), then fit the words: no column narrower
// than its longest word while another has room to give.
#include <algorithm>
#include <numeric>

#include "layout/table_grid.hpp"

namespace bp::layout_detail::table {
namespace {

// What the cells of each column need, padding included: `min` the longest
// word (below it a word is cut), `max` the longest line set unbroken.
struct ColumnNeeds {
    std::vector<Mpt> min, max;
    // Each one-column cell's text set on one line, by row: how many lines
    // a width gives it.
    struct Text {
        int row = 0;
        std::size_t col = 0;
        Mpt length = 0;
        Mpt word = 0;  // its longest word
    };
    std::vector<Text> texts;
};

ColumnNeeds measure(const Grid& g, const BlockEnv& env, const LayoutContext& ctx) {
    const auto n = static_cast<std::size_t>(g.cols);
    ColumnNeeds need;
    need.min.assign(n, 0);
    need.max.assign(n, 0);
    for (const Placed& p : g.cells) {
        if (p.cs != 1) continue;
        Blocks scratch;
        Extent e = blocks_extent(shown_content(*p.cell, scratch, ctx.styles.doc.wording), cell_env(p, env), ctx);
        if (!p.cell->status.empty() && p.cell->content.empty()) {
            // Each status has a band of its own, wide enough for its label.
            Mpt widest = 0;
            for (Rag r : p.cell->status)
                widest = std::max(widest, set_line(status_label(r, p.cell->status_words, ctx.styles.doc.wording),
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
        if (e.length > 0) need.texts.push_back({p.r, c, e.length, e.min});
    }
    return need;
}

// The table's height in lines if the columns had widths `w`: each row as
// tall as its cell of the most lines, a cell's lines its text's length
// over the column's inner width less what wrapping leaves empty at a
// line's end, taken as half the cell's longest word (an estimate, which
// a narrow column needs: there a word left over is much of a line).
std::int64_t estimated_lines(const ColumnNeeds& need, const std::vector<Mpt>& w) {
    std::int64_t total = 0, row_lines = 0;
    int row = -1;
    for (const ColumnNeeds::Text& t : need.texts) {
        if (t.row != row) {
            total += row_lines;
            row_lines = 0;
            row = t.row;
        }
        const Mpt inner = std::max<Mpt>(w[t.col] - 2 * kPadX - t.word / 2, 1000);
        row_lines = std::max<std::int64_t>(row_lines, (t.length + inner - 1) / inner);
    }
    return total + row_lines;
}

// The spare width of automatic columns (beyond their longest words) goes
// where it shortens the table most, a step at a time: to the column whose
// cells set the height of the most rows, not to one whose cells are
// shorter than their neighbours anyway (an action beside a long comment).
// What no step shortens is shared by how far each column is from setting
// its longest line unbroken, as browsers share it.
void spread(std::vector<Mpt>& w, const std::vector<std::size_t>& autos, Mpt spare, const ColumnNeeds& need) {
    constexpr int kSteps = 32;
    const Mpt step = spare / kSteps;
    std::int64_t lines = estimated_lines(need, w);
    for (int i = 0; i < kSteps && step > 0; ++i) {
        std::size_t best = autos.size();
        std::int64_t best_lines = lines;
        for (std::size_t k = 0; k < autos.size(); ++k) {
            const std::size_t c = autos[k];
            if (w[c] >= need.max[c]) continue;
            w[c] += step;
            const std::int64_t l = estimated_lines(need, w);
            w[c] -= step;
            if (l < best_lines) {
                best = k;
                best_lines = l;
            }
        }
        if (best == autos.size()) break;
        w[autos[best]] += step;
        spare -= step;
        lines = best_lines;
    }
    Mpt short_of = 0;
    for (std::size_t c : autos) short_of += std::max<Mpt>(0, need.max[c] - w[c]);
    if (short_of <= 0) return;
    const Mpt left = spare;
    for (std::size_t c : autos) w[c] += left * std::max<Mpt>(0, need.max[c] - w[c]) / short_of;
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
        if (sum_min < rest && rest < sum_max) {
            for (std::size_t c : autos) w[c] = need.min[c];
            spread(w, autos, rest - sum_min, need);
        } else {
            for (std::size_t c : autos) {
                const Mpt mn = need.min[c], mx = std::max(need.max[c], need.min[c]);
                if (sum_max <= rest) {
                    // Everything fits on one line: share the spare room by content width.
                    w[c] = sum_max > 0 ? rest * mx / sum_max : rest / static_cast<Mpt>(autos.size());
                } else {
                    w[c] = sum_min > 0 ? rest * mn / sum_min : rest / static_cast<Mpt>(autos.size());
                }
            }
        }
    }
    return w;
}

// Each column gets at least its longest word where the width allows, a
// header like "Progress" or a sum like "£1,234" never cut inside: what a
// column lacks is taken from those with room beyond their own longest
// word, in proportion to that room. Where the width does not allow it,
// as few columns' words as can be are cut (the widest first, each keeping
// half its longest word at least), the cut columns at one level and the
// others at their longest word. Fixed columns keep the length the paper
// gave them.
void fit_words(std::vector<Mpt>& w, const std::vector<Mpt>& mins, const std::vector<bool>& fixed) {
    Mpt need = 0, spare = 0, total = 0;
    std::vector<std::size_t> cols;  // the columns fitted, widest words first
    for (std::size_t c = 0; c < w.size(); ++c) {
        if (fixed[c]) continue;
        cols.push_back(c);
        total += w[c];
        need += std::max<Mpt>(0, mins[c] - w[c]);
        spare += std::max<Mpt>(0, w[c] - mins[c]);
    }
    if (need == 0) return;
    if (spare >= need) {
        // Exact: what integer shares leave over is taken a millipoint a column.
        Mpt taken = 0;
        for (std::size_t c : cols) {
            if (w[c] < mins[c]) {
                w[c] = mins[c];
            } else if (w[c] > mins[c]) {
                const Mpt take = (w[c] - mins[c]) * need / spare;
                w[c] -= take;
                taken += take;
            }
        }
        for (bool any = true; taken < need && any;) {
            any = false;
            for (std::size_t c : cols)
                if (taken < need && w[c] > mins[c]) {
                    --w[c];
                    ++taken;
                    any = true;
                }
        }
        return;
    }
    std::stable_sort(cols.begin(), cols.end(), [&](std::size_t a, std::size_t b) { return mins[a] > mins[b]; });
    // The `k` widest columns cut to one level, the others whole: the
    // highest level at which that fits, or -1 if none does.
    auto level_for = [&](std::size_t k) -> Mpt {
        Mpt others = 0;
        for (std::size_t i = k; i < cols.size(); ++i) others += mins[cols[i]];
        const Mpt room = total - others;
        if (room <= 0) return -1;
        Mpt lo = 0, hi = mins[cols[0]];
        while (lo < hi) {
            const Mpt mid = lo + (hi - lo + 1) / 2;
            Mpt sum = 0;
            for (std::size_t i = 0; i < k; ++i) sum += std::min(mins[cols[i]], mid);
            if (sum <= room) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    };
    std::size_t k = 1;
    Mpt level = level_for(k);
    while (k < cols.size() && level * 2 < mins[cols[0]]) level = level_for(++k);
    Mpt used = 0;
    for (std::size_t i = 0; i < cols.size(); ++i) {
        const std::size_t c = cols[i];
        w[c] = i < k ? std::min(mins[c], std::max<Mpt>(level, 0)) : mins[c];
        used += w[c];
    }
    w[cols[0]] += total - used;  // the level's remainder, to the widest
}

}  // namespace

ColumnWidths column_widths(const Table& t, const Grid& g, Mpt width, const BlockEnv& env, const LayoutContext& ctx) {
    const ColumnNeeds need = measure(g, env, ctx);
    ColumnWidths out;
    out.widths = allocate(t.columns, need, width);
    std::vector<Mpt>& w = out.widths;
    std::vector<bool> fixed(w.size(), false);
    for (std::size_t c = 0; c < w.size() && c < t.columns.size(); ++c)
        fixed[c] = t.columns[c].kind == TableColumn::Kind::Fixed;
    // Rounding leftovers go to the last column so the table is exactly
    // `width`, unless every column has a fixed length.
    const Mpt total = std::accumulate(w.begin(), w.end(), Mpt{0});
    const auto last = std::find(fixed.rbegin(), fixed.rend(), false);
    if (total < width && last != fixed.rend()) w[static_cast<std::size_t>(fixed.rend() - last) - 1] += width - total;
    fit_words(w, need.min, fixed);
    for (std::size_t c = 0; c < w.size(); ++c) out.words += fixed[c] ? std::max(w[c], need.min[c]) : need.min[c];
    return out;
}

}  // namespace bp::layout_detail::table
