// Tables, drawn: grid placement (colspan/rowspan), then each row as a slice,
// its cells laid out a group of rows at a time (table_columns.cpp sizes the
// columns first). Header rows are marked so the paginator repeats them on
// every page the table runs onto; rows joined by a rowspan are kept on one
// page; a row may be cut between lines at a page foot.
#include <algorithm>
#include <cctype>

#include "core/borders.hpp"
#include "layout/table_grid.hpp"

namespace bp::layout_detail {
namespace table {

Grid place(const Table& t) {
    Grid g;
    g.head_rows = static_cast<int>(t.head.size());
    std::vector<const TableRow*> rows;
    for (const auto& r : t.head) rows.push_back(&r);
    for (const auto& r : t.body) rows.push_back(&r);
    g.rows = static_cast<int>(rows.size());
    // occupied[r] = columns taken in row r by rowspans from above
    std::vector<std::vector<bool>> occupied(rows.size());
    auto take = [&](int r, int c) {
        auto& o = occupied[static_cast<std::size_t>(r)];
        if (o.size() <= static_cast<std::size_t>(c)) o.resize(static_cast<std::size_t>(c) + 1, false);
        o[static_cast<std::size_t>(c)] = true;
    };
    auto is_taken = [&](int r, int c) {
        const auto& o = occupied[static_cast<std::size_t>(r)];
        return static_cast<std::size_t>(c) < o.size() && o[static_cast<std::size_t>(c)];
    };
    for (int r = 0; r < g.rows; ++r) {
        int c = 0;
        const bool in_head = r < g.head_rows;
        const int group_end = in_head ? g.head_rows : g.rows;  // spans stay in their group
        for (const TableCell& cell : rows[static_cast<std::size_t>(r)]->cells) {
            while (is_taken(r, c)) ++c;
            Placed p;
            p.cell = &cell;
            p.row = rows[static_cast<std::size_t>(r)];
            p.r = r;
            p.c = c;
            p.cs = std::max(1, cell.colspan);
            p.rs = std::clamp(cell.rowspan, 1, group_end - r);
            p.header_row = in_head;
            for (int dr = 0; dr < p.rs; ++dr)
                for (int dc = 0; dc < p.cs; ++dc) take(r + dr, c + dc);
            g.cells.push_back(p);
            c += p.cs;
        }
        g.cols = std::max(g.cols, static_cast<int>(occupied[static_cast<std::size_t>(r)].size()));
    }
    return g;
}

BlockEnv cell_env(const Placed& p, const BlockEnv& outer) {
    BlockEnv e = outer;
    e.in_cell = true;
    e.body_style = p.header_row || p.cell->header ? "table-header" : "table";
    e.flags = static_cast<std::uint8_t>(p.row->flags | (p.cell->header ? kBold : 0));
    return e;
}

// Text that already begins with the status word or letter is left as written.
const Blocks& shown_content(const TableCell& c, Blocks& scratch, const Wording& w) {
    if (c.status.empty() || c.content.empty()) return c.content;
    const std::string label = status_labels(c.status, c.status_words, w);
    const auto* first = std::get_if<Paragraph>(&c.content.front().node);
    if (first != nullptr) {
        const std::string text = plain_text(first->text);
        const std::string& word = status_label(c.status.front(), true, w);
        const std::string& letter = status_label(c.status.front(), false, w);
        auto starts_with = [&](const std::string& s) {
            return !s.empty() && text.size() >= s.size() &&
                   std::equal(s.begin(), s.end(), text.begin(),
                              [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) ==
                                                              std::tolower(static_cast<unsigned char>(b)); }) &&
                   (text.size() == s.size() || !std::isalpha(static_cast<unsigned char>(text[s.size()])));
        };
        if (starts_with(word) || starts_with(letter)) return c.content;
    }
    scratch = c.content;
    auto bold = [](std::string t) {
        Inline i;
        i.text = std::move(t);
        i.flags = kBold;
        return i;
    };
    if (auto* p = std::get_if<Paragraph>(&scratch.front().node)) {
        // The text inside the template's status_text ("{status}: {text}"),
        // its own words bold, as the realized tree has them.
        constexpr std::string_view kText = "{text}";
        const std::string_view form = w.status_text;
        const std::size_t at = form.find(kText);
        const std::string before = fill_wording(form.substr(0, at), {{"{status}", label}});
        const std::string after =
            at == std::string_view::npos ? std::string() : fill_wording(form.substr(at + kText.size()), {{"{status}", label}});
        if (at == std::string_view::npos) p->text.clear();
        if (!before.empty()) p->text.insert(p->text.begin(), bold(before));
        if (!after.empty()) p->text.push_back(bold(after));
    } else {
        Paragraph own;
        own.text = {bold(label)};
        Block b;
        b.loc = c.loc;
        b.node = std::move(own);
        scratch.insert(scratch.begin(), std::move(b));
    }
    return scratch;
}

}  // namespace table

namespace {
using namespace table;

// A cell's fill (one colour, or bands side by side for several statuses)
// and four borders, as decoration.
void draw_cell_frame(Items& items, Mpt cx, Mpt cw, Mpt ch, const std::vector<Color>& fills, Color rule) {
    const Mark deco = Mark::as(Artifact::Layout);
    const auto n = static_cast<Mpt>(fills.size());
    for (Mpt k = 0; k < n; ++k) {
        const Mpt x0 = cx + cw * k / n, x1 = cx + cw * (k + 1) / n;
        items.add(FillRect{Rect{x0, 0, x1 - x0, ch}, fills[static_cast<std::size_t>(k)]}, deco);
    }
    items.add(RuleLine{cx, 0, cx + cw, 0, kBorder, rule}, deco);
    items.add(RuleLine{cx, ch, cx + cw, ch, kBorder, rule}, deco);
    items.add(RuleLine{cx, 0, cx, ch, kBorder, rule}, deco);
    items.add(RuleLine{cx + cw, 0, cx + cw, ch, kBorder, rule}, deco);
}

// One cell of a row that may be split across pages: its frame and its
// content lines (space_before = each line's offset in the cell).
struct SplitCell {
    Mpt x = 0, w = 0;
    Mpt dx = 0;  // content's left edge from the page column
    std::vector<Color> fills;
    std::vector<Slice> lines;
};

// A table row cut between lines: each cell keeps the lines that fit above
// the cut, the rest continue in a row of the same cells on the next page.
// Both parts are framed, as a word processor draws a row broken by a page.
class RowCut : public SliceSplitter {
public:
    RowCut(std::shared_ptr<const std::vector<SplitCell>> cells, std::vector<std::size_t> from, Color rule)
        : cells_(std::move(cells)), from_(std::move(from)), rule_(rule) {}

    // The whole row from the lines at from_.
    Slice piece(const std::vector<std::size_t>& from, const std::vector<std::size_t>& to) const {
        Slice s;
        Mpt used = 0;
        for (std::size_t k = 0; k < cells_->size(); ++k) {
            const auto& lines = (*cells_)[k].lines;
            if (to[k] > from[k])
                used = std::max(used, lines[to[k] - 1].space_before + lines[to[k] - 1].height -
                                          lines[from[k]].space_before);
        }
        s.height = used + 2 * kPadY;
        for (std::size_t k = 0; k < cells_->size(); ++k) {
            const SplitCell& c = (*cells_)[k];
            draw_cell_frame(s.items, c.x, c.w, s.height, c.fills, rule_);
            for (std::size_t i = from[k]; i < to[k]; ++i)
                append_items(s.items, c.lines[i].items, c.dx,
                             kPadY + c.lines[i].space_before - c.lines[from[k]].space_before);
        }
        return s;
    }

    // A cell's text is cut as a paragraph is, never one line alone on
    // either side of the page; and the row is cut only where the text that
    // runs on shows two lines at least above the cut (else it moves whole).
    bool cut(Mpt room, Slice& head, Slice& rest) const override {
        const Mpt limit = room - 2 * kPadY;
        std::vector<std::size_t> to(from_.size()), end(from_.size());
        bool runs_on = false, some_below = false;
        for (std::size_t k = 0; k < cells_->size(); ++k) {
            const auto& lines = (*cells_)[k].lines;
            const std::size_t n = lines.size() - std::min(from_[k], lines.size());
            std::size_t t = 0;
            while (t < n && lines[from_[k] + t].space_before + lines[from_[k] + t].height -
                                    lines[from_[k]].space_before <=
                                limit)
                ++t;
            if (t > 0 && t < n && n - t == 1) --t;  // no last line alone on the next page
            if (t < n && t == 1) t = 0;    // no first line alone at this page's foot
            to[k] = from_[k] + t;
            end[k] = lines.size();
            runs_on = runs_on || (t >= 2 && t < n);
            some_below = some_below || t < n;
        }
        if (!runs_on || !some_below) return false;
        head = piece(from_, to);
        rest = piece(to, end);
        rest.splitter = std::make_shared<RowCut>(cells_, to, rule_);
        return true;
    }

private:
    std::shared_ptr<const std::vector<SplitCell>> cells_;
    std::vector<std::size_t> from_;
    Color rule_;
};

}  // namespace

StackedBox stack_blocks(const Blocks& blocks, Mpt width, const BlockEnv& env, const LayoutContext& ctx,
                        StructTree& tree) {
    StackedBox box;
    Flow f(ctx, box.slices, tree);
    f.blocks(blocks, 0, width, env);
    Mpt y = 0;
    for (std::size_t i = 0; i < box.slices.size(); ++i) {
        if (i > 0) y += box.slices[i].space_before;
        box.slices[i].space_before = y;  // reused: the slice's offset in the box
        y += box.slices[i].height;
    }
    box.height = y;
    return box;
}

Extent blocks_extent(const Blocks& blocks, const BlockEnv& env, const LayoutContext& ctx) {
    Extent e;
    for (const Block& b : blocks) {
        Extent x;
        if (const auto* p = std::get_if<Paragraph>(&b.node)) {
            const TextStyle st = text_style(ctx.styles, env.body_style, env);
            InlineSetting set{&st, env.flags, Align::Left};
            x = measure_extent(p->text, set, ctx);
        } else if (const auto* l = std::get_if<List>(&b.node)) {
            Mpt gutter = std::min(ctx.styles.doc.list_indent, pt(14));
            for (const ListItem& it : l->items) {
                Extent i = blocks_extent(it.content, env, ctx);
                x.min = std::max(x.min, i.min + gutter);
                x.max = std::max(x.max, i.max + gutter);
                x.length += i.length;
            }
        } else if (const auto* q = std::get_if<BlockQuote>(&b.node)) {
            x = blocks_extent(q->content, env, ctx);
        } else if (const auto* k = std::get_if<KeepTogether>(&b.node)) {
            x = blocks_extent(k->content, env, ctx);
        } else if (const auto* h = std::get_if<Heading>(&b.node)) {
            InlineSetting set{&ctx.styles.get("h3"), env.flags, Align::Left};
            x = measure_extent(h->text, set, ctx);
        }
        e.min = std::max(e.min, x.min);
        e.max = std::max(e.max, x.max);
        e.length += x.length;
    }
    return e;
}

// A table's rows drawn as slices into its flow. Cells are laid out a group
// of rows at a time (rows joined by rowspans are one group), just before
// their rows are drawn, so a long table never holds every cell's lines at
// once; structure elements are made in the same order as if all were laid
// out first.
struct TableBuilder {
    TableBuilder(Flow& flow, const Table& table, const SourceLoc& at, Mpt x, Mpt width, const BlockEnv& outer);
    void draw();

private:
    void stack_cells(std::size_t from, std::size_t to);
    void measure_rows(int from, int to);
    std::vector<Color> fills(const Placed& p) const;
    Mpt cell_x(const Placed& p) const { return col_x[static_cast<std::size_t>(p.c)]; }
    Mpt cell_w(const Placed& p) const { return col_x[static_cast<std::size_t>(p.c + p.cs)] - cell_x(p); }
    Mpt content_x(const Placed& p, const StackedBox& box) const;
    StackedBox status_bands(const Placed& p, StructId node) const;
    void content(Items& items, std::size_t k, std::size_t from, std::size_t to) const;
    void taller_than_page(std::size_t first_cell, std::size_t end_cell);
    void row(int r, std::size_t first_cell, std::size_t end_cell, const std::vector<std::size_t>& spanning_in);
    void notes();
    void warn_too_wide(Mpt words) const;

    Flow& f;
    const LayoutContext& ctx;
    const StyleSheet& ss;
    const Table& t;
    const SourceLoc& loc;
    const Mpt x, width;
    BlockEnv env;
    TextStyle cell_style;
    Grid g;
    std::vector<Mpt> col_x;          // each column's left edge, then the table's right
    std::vector<Mpt> heights;        // each row's
    std::vector<StackedBox> boxes;   // each cell's content, while it is needed
    std::vector<StructId> cell_nodes;
    StructId table_node = kNoStruct, group = kNoStruct, row_node = kNoStruct;
    int row_of_node = -1;
    // Groups of rows: (first row, first cell), then (rows, cells) at the end.
    std::vector<std::pair<int, std::size_t>> groups;
    std::vector<Mpt> row_top;        // each row's top from the table's, filled a group at a time
    std::vector<bool> spanned;       // covered by or part of a rowspan
    Mpt page_room = 0, header_h = 0;
    int id = 0;                      // the table's id for header repetition
};

TableBuilder::TableBuilder(Flow& flow, const Table& table, const SourceLoc& at, Mpt left, Mpt w,
                           const BlockEnv& outer)
    : f(flow), ctx(flow.ctx_), ss(flow.ctx_.styles), t(table), loc(at), x(left), width(w), env(outer) {
    env.type_size = t.type_size;
    cell_style = text_style(ss, "table", env);
    g = place(t);
}

void TableBuilder::stack_cells(std::size_t from, std::size_t to) {
    StructTree& tree = f.tree_;
    for (std::size_t i = from; i < to; ++i) {
        const Placed& p = g.cells[i];
        if (p.r != row_of_node) {
            if (group == kNoStruct || (tree[group].role == Role::THead) != p.header_row)
                group = tree.add(p.header_row ? Role::THead : Role::TBody, table_node);
            row_node = tree.add(Role::TR, group, p.row->loc);
            row_of_node = p.r;
        }
        const bool th = p.header_row || p.cell->header;
        const StructId cell = tree.add(th ? Role::TH : Role::TD, row_node, p.cell->loc);
        if (th) tree[cell].scope = p.header_row ? HeaderScope::Column : HeaderScope::Row;
        tree[cell].rowspan = static_cast<std::uint16_t>(p.rs);
        tree[cell].colspan = static_cast<std::uint16_t>(p.cs);
        cell_nodes[i] = cell;
        BlockEnv ce = cell_env(p, env);
        ce.parent = cell;
        if (p.cell->content.size() == 1) ce.text_parent = cell;
        const Mpt inner = cell_w(p) - 2 * kPadX;
        Blocks scratch;
        boxes[i] = stack_blocks(shown_content(*p.cell, scratch, ctx.styles.doc.wording), std::max<Mpt>(inner, pt(4)), ce, ctx, tree);
        if (boxes[i].slices.empty() && !p.cell->status.empty()) boxes[i] = status_bands(p, cell);
        if (p.rs == 1) {
            Mpt& h = heights[static_cast<std::size_t>(p.r)];
            h = std::max(h, boxes[i].height + 2 * kPadY);
        }
    }
    // A rowspan cell taller than its rows stretches the last of them.
    for (std::size_t i = from; i < to; ++i) {
        const Placed& p = g.cells[i];
        if (p.rs == 1) continue;
        Mpt have = 0;
        for (int r = p.r; r < p.r + p.rs; ++r) have += heights[static_cast<std::size_t>(r)];
        const Mpt need = boxes[i].height + 2 * kPadY;
        if (need > have) heights[static_cast<std::size_t>(p.r + p.rs - 1)] += need - have;
    }
}

void TableBuilder::measure_rows(int from, int to) {
    for (int r = from; r < to; ++r)
        row_top[static_cast<std::size_t>(r) + 1] =
            row_top[static_cast<std::size_t>(r)] + heights[static_cast<std::size_t>(r)];
}

std::vector<Color> TableBuilder::fills(const Placed& p) const {
    std::vector<Color> out;
    for (Rag r : p.cell->status)
        out.push_back(r == Rag::Red ? ss.doc.rag_red : r == Rag::Amber ? ss.doc.rag_amber : ss.doc.rag_green);
    if (out.empty() && p.cell->fill) out.push_back(*p.cell->fill);
    if (out.empty() && (p.header_row || p.cell->header)) out.push_back(ss.doc.table_header_fill);
    return out;
}

// Where a cell's content starts: after the padding, moved by its alignment.
Mpt TableBuilder::content_x(const Placed& p, const StackedBox& box) const {
    Mpt dx = cell_x(p) + kPadX;
    const bool bands = p.cell->content.empty() && !p.cell->status.empty();
    if (!bands && (p.cell->align == Align::Center || p.cell->align == Align::Right)) {
        Mpt used = 0;
        for (const Slice& sl : box.slices)
            for (const PageItem& it : sl.items.items)
                if (const auto* run = std::get_if<GlyphRun>(&it.what)) used = std::max(used, run->x + run->width);
        const Mpt room = cell_w(p) - 2 * kPadX - used;
        dx += p.cell->align == Align::Center ? room / 2 : room;
    }
    return dx;
}

// A status cell without text of its own: each status's letter or word,
// centred in its band, so the table reads in greyscale. One line of the
// cell, placed from the cell's content edge as any other line is.
StackedBox TableBuilder::status_bands(const Placed& p, StructId node) const {
    StackedBox box;
    Slice line;
    const auto n = static_cast<Mpt>(p.cell->status.size());
    const Mpt cw = cell_w(p);
    for (Mpt i = 0; i < n; ++i) {
        Line l = set_line(status_label(p.cell->status[static_cast<std::size_t>(i)], p.cell->status_words, ctx.styles.doc.wording),
                          cell_style, ctx, kBold);
        const Mpt x0 = cw * i / n, x1 = cw * (i + 1) / n;
        append_items(line.items, l.items, x0 + (x1 - x0 - l.width) / 2 - kPadX, 0, Mark::content(node));
        line.height = l.height;
    }
    box.height = line.height;
    box.slices.push_back(std::move(line));
    return box;
}

// Draws box slices [from, to) of cell k, the first of them at the cell's top.
void TableBuilder::content(Items& items, std::size_t k, std::size_t from, std::size_t to) const {
    const StackedBox& box = boxes[k];
    const Mpt dx = content_x(g.cells[k], box);
    const Mpt base = from < box.slices.size() ? box.slices[from].space_before : 0;
    for (std::size_t i = from; i < to; ++i)
        append_items(items, box.slices[i].items, dx, kPadY + box.slices[i].space_before - base);
}

// A row taller than a page: each cell flows on independently, and the row
// continues on the next page under the repeated header.
void TableBuilder::taller_than_page(std::size_t first_cell, std::size_t end_cell) {
    const Mpt limit = std::max<Mpt>(page_room - header_h - 2 * kPadY, pt(24));
    std::vector<std::size_t> pos(end_cell - first_cell, 0);
    auto remaining = [&]() {
        for (std::size_t k = 0; k < pos.size(); ++k)
            if (pos[k] < boxes[first_cell + k].slices.size()) return true;
        return false;
    };
    bool first_piece = true;
    while (first_piece || remaining()) {
        Slice s;
        s.table = id;
        Mpt used = 0;
        std::vector<std::pair<std::size_t, std::size_t>> take(pos.size());
        for (std::size_t k = 0; k < pos.size(); ++k) {
            const auto& sl = boxes[first_cell + k].slices;
            const std::size_t from = pos[k];
            std::size_t to = from;
            const Mpt base = from < sl.size() ? sl[from].space_before : 0;
            while (to < sl.size() && (to == from || sl[to].space_before + sl[to].height - base <= limit)) ++to;
            if (to > from) used = std::max(used, sl[to - 1].space_before + sl[to - 1].height - base);
            take[k] = {from, to};
            pos[k] = to;
        }
        s.height = used + 2 * kPadY;
        for (std::size_t k = 0; k < pos.size(); ++k) {
            const Placed& p = g.cells[first_cell + k];
            draw_cell_frame(s.items, cell_x(p), cell_w(p), s.height, fills(p), ss.doc.rule_color);
            if (first_piece || take[k].first < take[k].second)
                content(s.items, first_cell + k, take[k].first, take[k].second);
        }
        f.push(std::move(s));
        first_piece = false;
    }
}

void TableBuilder::row(int r, std::size_t first_cell, std::size_t end_cell,
                       const std::vector<std::size_t>& spanning_in) {
    const auto ri = static_cast<std::size_t>(r);
    const Color line = ss.doc.rule_color;
    Slice s;
    s.height = heights[ri];
    s.table = id;
    s.table_header = r < g.head_rows;
    // Header rows stay with the body; a rowspan group may break only once
    // its spanning cells' text is complete, so no text is cut at a page foot.
    s.keep_with_next = s.table_header && r + 1 < g.rows;
    std::vector<std::size_t> drawn = spanning_in;
    for (std::size_t k = first_cell; k < end_cell; ++k) drawn.push_back(k);
    for (std::size_t k : drawn) {
        const Placed& p = g.cells[k];
        const Mpt cx = cell_x(p), cw = cell_w(p), h = heights[ri];
        if (p.rs == 1) {
            draw_cell_frame(s.items, cx, cw, h, fills(p), line);
            content(s.items, k, 0, boxes[k].slices.size());
            continue;  // its lines are kept until the row's splitter has taken them
        }
        // A spanning cell is drawn row by row: its fill and sides on each,
        // its top on the first, its foot on the last (or wherever a page ends).
        const Mpt above = row_top[ri] - row_top[static_cast<std::size_t>(p.r)];
        if (above < boxes[k].height + 2 * kPadY - heights[ri] && r + 1 < p.r + p.rs) s.keep_with_next = true;
        Items seg;
        draw_cell_frame(seg, cx, cw, h, fills(p), line);
        std::erase_if(seg.items, [&](const PageItem& it) {
            const auto* rule = std::get_if<RuleLine>(&it.what);
            if (rule == nullptr) return false;
            const bool top = rule->y1 == 0 && rule->y2 == 0, foot = rule->y1 == h && rule->y2 == h;
            if (foot && r + 1 != p.r + p.rs) s.if_last.items.push_back(it);
            return (top && r != p.r) || (foot && r + 1 != p.r + p.rs);
        });
        append_items(s.items, seg, 0, 0);
        if (r == p.r) {
            content(s.items, k, 0, boxes[k].slices.size());
            std::vector<Slice>().swap(boxes[k].slices);  // drawn; only its height is needed below
        }
    }
    // Its cells' frames share sides: a row holds each side once.
    join_borders(s.items.items);
    s.items.items.shrink_to_fit();
    // A body row outside any rowspan may be cut between lines at a page
    // foot, two lines at least on either side; a row of shorter cells
    // cannot be, and keeps no second copy of its lines for it.
    bool splittable = false;
    if (!s.table_header && !spanned[ri])
        for (std::size_t k = first_cell; k < end_cell; ++k) splittable = splittable || boxes[k].slices.size() >= 4;
    if (splittable) {
        auto cells = std::make_shared<std::vector<SplitCell>>();
        for (std::size_t k = first_cell; k < end_cell; ++k) {
            const Placed& p = g.cells[k];
            const Mpt dx = content_x(p, boxes[k]);
            cells->push_back(SplitCell{cell_x(p), cell_w(p), dx, fills(p), std::move(boxes[k].slices)});
        }
        s.splitter = std::make_shared<RowCut>(cells, std::vector<std::size_t>(cells->size(), 0), line);
    }
    // Each cell's lines are in the row (and its splitter) now: a long
    // table holds every row once, not twice.
    for (std::size_t k = first_cell; k < end_cell; ++k)
        if (g.cells[k].rs == 1) std::vector<Slice>().swap(boxes[k].slices);
    f.push(std::move(s));
    f.settle();
}

void TableBuilder::notes() {
    if (t.notes.empty()) return;
    // A note never starts a page alone: it goes with the table's last row.
    f.keep_last_with_next();
    const std::size_t first_note = f.out_.size();
    BlockEnv n = env;
    n.in_cell = true;
    n.body_style = "table-note";
    f.blocks(t.notes, x, width, n);
    for (std::size_t i = first_note; i + 1 < f.out_.size(); ++i) f.out_[i].keep_with_next = true;
}

namespace {

// A length as an officer measures it: whole millimetres.
std::string in_mm(Mpt v) { return std::to_string((v * 254 + 360000) / 720000) + " mm"; }

}  // namespace

// The columns cannot all hold their longest words: say so at the table,
// with what would make them fit here (landscape pages, a type size the
// words would fit at) or anywhere (fewer columns).
void TableBuilder::warn_too_wide(Mpt words) const {
    const Mpt pads = 2 * kPadX * g.cols;  // padding does not shrink with the type
    std::string hint = "set it";
    if (f.orientation == Orientation::Portrait) {
        const Mpt wider = width + content_width(ss.master(Orientation::Landscape)) - content_width(ss.master(Orientation::Portrait));
        if (words <= wider) hint += " on landscape pages (<section orientation=\"landscape\">, " + in_mm(wider) + " wide), or";
    }
    if (words > pads && width > pads) {
        // Words scale with the type; a half point below what would just
        // fit, if that is still a size to read on paper.
        const Mpt size = cell_style.size * (width - pads) / (words - pads) / 500 * 500;
        if (size >= pt(6)) {
            const std::string points = std::to_string(size / 1000) + (size % 1000 != 0 ? ".5pt" : "pt");
            hint += " smaller (<table size=\"" + points + "\">), or";
        }
    }
    hint += " in fewer columns (two tables, or a column's content moved into a note)";
    ctx.diags.warning(loc, rule::table_too_wide,
                      "the " + std::to_string(g.cols) + " columns of this table need " + in_mm(words) +
                          " to print their longest words whole, and the page has " + in_mm(width) +
                          ": words and numbers will be broken inside",
                      hint);
}

void TableBuilder::draw() {
    if (g.rows == 0 || g.cols == 0) return;
    const ColumnWidths columns = column_widths(t, g, width, env, ctx);
    const std::vector<Mpt>& widths = columns.widths;
    if (columns.words > width) warn_too_wide(columns.words);
    col_x.assign(widths.size() + 1, x);
    for (std::size_t c = 0; c < widths.size(); ++c) col_x[c + 1] = col_x[c] + widths[c];
    heights.assign(static_cast<std::size_t>(g.rows), cell_style.line_height + 2 * kPadY);
    boxes.resize(g.cells.size());
    cell_nodes.assign(g.cells.size(), kNoStruct);
    // Table > THead/TBody > TR > TH/TD, the cells' content under each cell.
    table_node = f.node(Role::Table, env, loc);
    // A group runs from a row on to the last row any of its cells spans
    // into; the first takes in every header row, whose height the body
    // rows' checks need.
    for (std::size_t i = 0; i < g.cells.size();) {
        const int first = g.cells[i].r;
        int end = std::max(first + 1, groups.empty() ? g.head_rows : 0);
        std::size_t j = i;
        while (j < g.cells.size() && g.cells[j].r < end) {
            end = std::max(end, g.cells[j].r + g.cells[j].rs);
            ++j;
        }
        groups.push_back({groups.empty() ? 0 : first, i});
        i = j;
    }
    groups.push_back({g.rows, g.cells.size()});
    row_top.assign(static_cast<std::size_t>(g.rows) + 1, 0);
    stack_cells(groups[0].second, groups[1].second);
    measure_rows(groups[0].first, groups[1].first);
    page_room = content_height(ss.master(f.orientation));
    for (int r = 0; r < g.head_rows; ++r) header_h += heights[static_cast<std::size_t>(r)];
    spanned.assign(static_cast<std::size_t>(g.rows), false);
    for (const Placed& p : g.cells)
        if (p.rs > 1)
            for (int r = p.r; r < p.r + p.rs; ++r) spanned[static_cast<std::size_t>(r)] = true;

    id = ++f.counters.table;
    f.space(pt(6));
    std::size_t next_cell = 0;
    // Cells of rows above that span into the current row, in cell order: with
    // the row's own cells they are all a row draws, so each row costs its own
    // cells, not the whole table's.
    std::vector<std::size_t> spanning_in;
    std::size_t laid_out = 1;  // groups before groups[laid_out] are laid out
    for (int r = 0; r < g.rows; ++r) {
        if (laid_out + 1 < groups.size() && r == groups[laid_out].first) {
            stack_cells(groups[laid_out].second, groups[laid_out + 1].second);
            measure_rows(groups[laid_out].first, groups[laid_out + 1].first);
            ++laid_out;
        }
        const auto ri = static_cast<std::size_t>(r);
        const std::size_t first_cell = next_cell;
        while (next_cell < g.cells.size() && g.cells[next_cell].r == r) ++next_cell;
        std::erase_if(spanning_in, [&](std::size_t k) { return g.cells[k].r + g.cells[k].rs <= r; });
        if (r >= g.head_rows && !spanned[ri] && heights[ri] > page_room - header_h) {
            taller_than_page(first_cell, next_cell);
            continue;
        }
        if (heights[ri] > page_room - header_h)
            ctx.diags.warning(loc, rule::rowspan_too_tall,
                              "rows joined by a rowspan are taller than a page and will be cut off; "
                              "split the rowspan into smaller groups");
        row(r, first_cell, next_cell, spanning_in);
        for (std::size_t k = first_cell; k < next_cell; ++k)
            if (g.cells[k].rs > 1) spanning_in.push_back(k);
    }
    f.space(pt(6));
    notes();
}

void Flow::table(const Table& t, const SourceLoc& loc, Mpt x, Mpt width, const BlockEnv& outer) {
    TableBuilder(*this, t, loc, x, width, outer).draw();
}

}  // namespace bp::layout_detail
