// Paragraph setting: inline runs -> lines. Greedy first fit over ICU break
// opportunities; widths come from the FontTable, so what is measured here is
// exactly what the PDF draws.
#include <algorithm>

#include "layout/internal.hpp"

namespace bp::layout_detail {
namespace {

// A stretch of the flattened text set in one face/size/position.
struct Piece {
    std::uint32_t begin = 0, end = 0;
    FaceId face = 0;
    Mpt size = 0;
    Mpt rise = 0;  // baseline shift, positive = up
    bool underline = false;
    int link = -1;  // index into Flat::hrefs
    StructId node = kNoStruct;  // the element the text is content of (a Link, or the paragraph's)
    int footnote = 0;  // a footnote's number, raised where the <fn> stood
};

struct Flat {
    std::string text;
    std::vector<Piece> pieces;
    std::vector<std::string> hrefs;
};

Flat flatten(const Inlines& inlines, const InlineSetting& set, const LayoutContext& ctx) {
    Flat f;
    const TextStyle& st = *set.style;
    int next_note = set.first_footnote;
    std::size_t next_link = 0;
    for (const Inline& in : inlines) {
        std::uint8_t flags = static_cast<std::uint8_t>(in.flags | set.flags);
        Piece p;
        if (in.kind == Inline::Kind::Footnote) {
            if (next_note == 0) continue;
            flags = static_cast<std::uint8_t>((flags & ~kSubscript) | kSuperscript);
            p.footnote = next_note++;
        }
        p.face = st.face(flags & kBold, flags & kItalic);
        p.size = st.size;
        p.underline = st.underline || (flags & kUnderline);
        if (flags & (kSuperscript | kSubscript)) {
            // Raised/lowered text at two thirds of the size, as word processors do.
            p.size = st.size * 2 / 3;
            p.rise = (flags & kSuperscript) ? st.size * 33 / 100 : -st.size * 12 / 100;
        }
        std::string text = in.kind == Inline::Kind::LineBreak ? std::string("\n")
                           : p.footnote > 0                     ? std::to_string(p.footnote)
                                                                : in.text;
        if (st.uppercase && in.kind == Inline::Kind::Text)
            text = to_upper(text, ctx.styles.doc.locale);
        if (in.kind == Inline::Kind::Text) make_drawable(ctx.fonts, p.face, text);
        p.node = set.node;
        if (!in.href.empty()) {
            // One Link element for a run of inlines with the same target.
            const bool continues = !f.pieces.empty() && f.pieces.back().link >= 0 &&
                                   f.hrefs[static_cast<std::size_t>(f.pieces.back().link)] == in.href;
            if (continues) {
                p.link = f.pieces.back().link;
                p.node = f.pieces.back().node;
                if (set.tree && !set.links && p.node != kNoStruct) set.tree->text(p.node).alt += text;
            } else {
                f.hrefs.push_back(in.href);
                p.link = static_cast<int>(f.hrefs.size()) - 1;
                if (set.links) {
                    p.node = next_link < set.links->size() ? (*set.links)[next_link++] : set.node;
                } else if (set.tree) {
                    p.node = set.tree->add(Role::Link, set.node);
                    set.tree->text(p.node).alt = text;
                }
            }
        }
        p.begin = static_cast<std::uint32_t>(f.text.size());
        f.text += text;
        p.end = static_cast<std::uint32_t>(f.text.size());
        if (p.end > p.begin) f.pieces.push_back(p);
    }
    return f;
}

bool is_space(char c) { return c == ' ' || c == '\n'; }

// A soft hyphen (U+00AD) marks where a word may break: it prints as a
// hyphen at the end of a line broken there, and as nothing anywhere else.
constexpr std::string_view kSoftHyphen = "\xC2\xAD";

bool ends_with_soft_hyphen(std::string_view text) {
    return text.size() >= kSoftHyphen.size() && text.substr(text.size() - kSoftHyphen.size()) == kSoftHyphen;
}

// The text as printed inside a line: without its soft hyphens.
std::string without_soft_hyphens(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text.substr(i, kSoftHyphen.size()) == kSoftHyphen) {
            i += kSoftHyphen.size();
            continue;
        }
        out += text[i++];
    }
    return out;
}

Mpt measure_printed(const LayoutContext& ctx, FaceId face, std::string_view text, Mpt size) {
    if (text.find(kSoftHyphen) == std::string_view::npos) return ctx.fonts.measure(face, text, size);
    return ctx.fonts.measure(face, without_soft_hyphens(text), size);
}

// Width of text[a, b) across pieces, as printed inside a line; `from` is a
// hint: the first piece that may overlap, advanced as we go (segments are
// visited in order).
Mpt width_of(const Flat& f, std::uint32_t a, std::uint32_t b, std::size_t& from, const LayoutContext& ctx) {
    while (from < f.pieces.size() && f.pieces[from].end <= a) ++from;
    Mpt w = 0;
    for (std::size_t i = from; i < f.pieces.size() && f.pieces[i].begin < b; ++i) {
        const Piece& p = f.pieces[i];
        std::uint32_t s = std::max(a, p.begin), e = std::min(b, p.end);
        if (e > s) w += measure_printed(ctx, p.face, std::string_view(f.text).substr(s, e - s), p.size);
    }
    return w;
}

// The piece holding the byte before `at`.
const Piece* piece_before(const Flat& f, std::uint32_t at) {
    for (const Piece& p : f.pieces)
        if (p.begin < at && at <= p.end) return &p;
    return nullptr;
}

struct Segment {
    std::uint32_t begin = 0, end = 0;  // bytes; end excludes nothing
    std::uint32_t ink_end = 0;         // end without trailing spaces
    Mpt width = 0, ink_width = 0;
    Mpt hyphen = 0;  // it ends at a soft hyphen: the hyphen's width, printed if a line ends here
    bool hard = false;
};

std::vector<Segment> segments(const Flat& f, const LayoutContext& ctx) {
    std::vector<BreakPoint> bps;
    ctx.breaker.breaks(f.text, bps);
    std::vector<Segment> segs;
    segs.reserve(bps.size());
    std::uint32_t prev = 0;
    std::size_t hint = 0;
    for (const BreakPoint& bp : bps) {
        if (bp.offset <= prev) continue;
        Segment s;
        s.begin = prev;
        s.end = bp.offset;
        s.ink_end = s.end;
        while (s.ink_end > s.begin && is_space(f.text[s.ink_end - 1])) --s.ink_end;
        std::size_t h2 = hint;
        s.ink_width = width_of(f, s.begin, s.ink_end, h2, ctx);
        s.width = s.ink_end == s.end ? s.ink_width : s.ink_width + width_of(f, s.ink_end, s.end, h2, ctx);
        hint = h2 > 0 ? h2 - 1 : 0;
        s.hard = bp.hard;
        if (ends_with_soft_hyphen(std::string_view(f.text).substr(0, s.ink_end)))
            if (const Piece* p = piece_before(f, s.ink_end)) s.hyphen = ctx.fonts.measure(p->face, "-", p->size);
        segs.push_back(s);
        prev = bp.offset;
    }
    return segs;
}

// Splits a segment too wide for any line between code points.
void split_wide(const Flat& f, const Segment& s, Mpt width, const LayoutContext& ctx, std::vector<Segment>& out) {
    std::uint32_t start = s.begin;
    while (start < s.ink_end) {
        std::uint32_t last_fit = start;
        std::size_t i = start;
        while (i < s.ink_end) {
            std::size_t j = i;
            next_code_point(f.text, j);
            std::size_t h = 0;
            if (width_of(f, start, static_cast<std::uint32_t>(j), h, ctx) > width && last_fit > start) break;
            last_fit = static_cast<std::uint32_t>(j);
            i = j;
        }
        Segment part;
        part.begin = start;
        part.end = part.ink_end = last_fit;
        std::size_t h = 0;
        part.width = part.ink_width = width_of(f, start, last_fit, h, ctx);
        out.push_back(part);
        start = last_fit;
    }
    if (!out.empty()) {
        out.back().end = s.end;
        out.back().hard = s.hard;
    }
}

// The line of text[a, b). With `stretch`, a justified line is set full
// width: the room left is shared among its spaces, each word a run of its
// own followed by its space, so that its text reads as before.
Line materialise(const Flat& f, std::uint32_t a, std::uint32_t b, const InlineSetting& set,
                 Mpt width, const LayoutContext& ctx, bool stretch = false) {
    Line line;
    const TextStyle& st = *set.style;
    const FaceMetrics& m = ctx.fonts.metrics(st.face(false, false));
    line.height = st.line_height;
    // Baseline sits so the font's ascent-descent box is centred in the pitch.
    Mpt asc = m.ascent * st.size / 1000, desc = -m.descent * st.size / 1000;
    Mpt baseline = (st.line_height - (asc + desc)) / 2 + asc;

    // A line that ends where a soft hyphen broke a word prints the hyphen.
    const bool hyphenated = b < f.text.size() && ends_with_soft_hyphen(std::string_view(f.text).substr(0, b));
    struct Part {
        const Piece* piece;
        std::string text;
    };
    std::vector<Part> parts;
    Mpt natural = 0;
    std::int64_t spaces = 0;
    for (const Piece& p : f.pieces) {
        if (p.end <= a || p.begin >= b) continue;
        std::uint32_t s = std::max(a, p.begin), e = std::min(b, p.end);
        std::string text = f.text.substr(s, e - s);
        std::replace(text.begin(), text.end(), '\n', ' ');
        if (hyphenated && e == b) text.replace(text.size() - kSoftHyphen.size(), kSoftHyphen.size(), "-");
        text = without_soft_hyphens(text);
        natural += ctx.fonts.measure(p.face, text, p.size);
        spaces += std::count(text.begin(), text.end(), ' ');
        parts.push_back(Part{&p, std::move(text)});
    }
    const bool justify = stretch && set.align == Align::Justify && spaces > 0 && width > natural;
    const Mpt room = justify ? width - natural : 0;
    std::int64_t space_no = 0;
    // The room after the next space: shared evenly, the remainder a millipoint each to the first.
    auto gap = [&]() { return justify ? room / spaces + (space_no++ < room % spaces ? 1 : 0) : 0; };

    Mpt x = 0;
    auto add_run = [&](const Piece& p, std::string text) {
        const Mpt w = ctx.fonts.measure(p.face, text, p.size);
        const Mpt after = !text.empty() && text.back() == ' ' ? gap() : 0;
        GlyphRun run;
        run.x = x;
        run.baseline = baseline - p.rise;
        run.face = p.face;
        run.size = p.size;
        run.color = st.color;
        run.text = std::move(text);
        run.width = w;
        if (p.underline) {
            const FaceMetrics& pm = ctx.fonts.metrics(p.face);
            // Some bold faces put the underline on the baseline; keep it clear of the text.
            Mpt pos = std::max<Mpt>(-pm.underline_position * p.size / 1000, p.size / 10);
            Mpt thick = std::max<Mpt>(pm.underline_thickness * p.size / 1000, 400);
            line.items.add(RuleLine{x, run.baseline + pos, x + w + after, run.baseline + pos, thick, st.color},
                           Mark::as(Artifact::Layout));
        }
        const Mark mark = p.node != kNoStruct ? Mark::content(p.node) : Mark{};
        line.items.add(std::move(run), mark);
        if (p.link >= 0)
            line.items.add(LinkBox{Rect{x, 0, w + after, st.line_height}, f.hrefs[static_cast<std::size_t>(p.link)], -1},
                           mark);
        x += w + after;
    };
    for (Part& part : parts) {
        if (part.piece->footnote > 0) line.footnotes.push_back(part.piece->footnote);
        if (!justify) {
            add_run(*part.piece, std::move(part.text));
            continue;
        }
        // A word and the space after it, a run at a time.
        std::size_t from = 0;
        while (from < part.text.size()) {
            std::size_t to = part.text.find(' ', from);
            to = to == std::string::npos ? part.text.size() : to + 1;
            add_run(*part.piece, part.text.substr(from, to - from));
            from = to;
        }
    }
    line.width = natural;
    Mpt shift = 0;
    if (set.align == Align::Center) shift = (width - natural) / 2;
    if (set.align == Align::Right) shift = width - natural;
    if (shift > 0) {
        Items moved;
        append_items(moved, line.items, shift, 0);
        line.items = std::move(moved);
    }
    return line;
}

}  // namespace

std::vector<Line> break_lines(const Inlines& text, const InlineSetting& set, Mpt width, const LayoutContext& ctx) {
    Flat f = flatten(text, set, ctx);
    std::vector<Line> lines;
    if (f.text.empty()) return lines;
    std::vector<Segment> segs;
    for (const Segment& s : segments(f, ctx)) {
        if (s.ink_width > width) split_wide(f, s, width, ctx, segs);
        else segs.push_back(s);
    }
    std::size_t start = 0;
    Mpt cur = 0;  // width of segments [start, i) including their trailing spaces
    // The last line of a paragraph, and a line ended by <br/>, are not stretched.
    auto emit = [&](std::size_t end_seg, bool hard) {
        std::uint32_t a = segs[start].begin;
        std::uint32_t b = segs[end_seg - 1].ink_end;
        Line l = materialise(f, a, b, set, width, ctx, !hard && end_seg < segs.size());
        l.hard_end = hard;
        lines.push_back(std::move(l));
        start = end_seg;
        cur = 0;
    };
    for (std::size_t i = 0; i < segs.size(); ++i) {
        while (i > start && cur + segs[i].ink_width > width) {
            // A line ending at a soft hyphen prints it: if the hyphen does
            // not fit, the broken word's first part starts the next line.
            std::size_t end = i;
            const Segment& last = segs[end - 1];
            if (last.hyphen > 0 && end - 1 > start && cur - last.width + last.ink_width + last.hyphen > width) --end;
            emit(end, false);
            for (std::size_t k = end; k < i; ++k) cur += segs[k].width;
        }
        cur += segs[i].width;
        if (segs[i].hard) emit(i + 1, true);
    }
    if (start < segs.size()) emit(segs.size(), false);
    return lines;
}

Extent measure_extent(const Inlines& text, const InlineSetting& set, const LayoutContext& ctx) {
    Flat f = flatten(text, set, ctx);
    Extent e;
    if (f.text.empty()) return e;
    Mpt line = 0;
    for (const Segment& s : segments(f, ctx)) {
        e.min = std::max(e.min, s.ink_width + s.hyphen);
        e.length += s.width;
        line += s.width;
        e.max = std::max(e.max, line - (s.width - s.ink_width));
        if (s.hard) line = 0;
    }
    return e;
}

namespace {
const GlyphRun* first_run(const Items& items) {
    for (const PageItem& i : items.items)
        if (const auto* r = std::get_if<GlyphRun>(&i.what)) return r;
    return nullptr;
}
}  // namespace

std::optional<Mpt> first_baseline(const Items& items) {
    const GlyphRun* r = first_run(items);
    return r ? std::optional<Mpt>(r->baseline) : std::nullopt;
}

void put_on_first_baseline(Items& into, const Line& label, Mpt x, Mark mark) {
    const GlyphRun* own = first_run(label.items);
    if (own == nullptr) return;
    const GlyphRun* there = first_run(into);
    const Mpt target = there ? there->baseline : own->baseline;
    Items placed;
    append_items(placed, label.items, x, target - own->baseline, mark);
    into.items.insert(into.items.begin(), std::make_move_iterator(placed.items.begin()),
                      std::make_move_iterator(placed.items.end()));
}

Inlines plain(std::string text, std::uint8_t flags) {
    Inlines v;
    Inline in;
    in.text = std::move(text);
    in.flags = flags;
    v.push_back(std::move(in));
    return v;
}

Line set_line(const std::string& text, const TextStyle& style, const LayoutContext& ctx, std::uint8_t flags) {
    InlineSetting set{&style, flags, Align::Left};
    Flat f = flatten(plain(text), set, ctx);
    return materialise(f, 0, static_cast<std::uint32_t>(f.text.size()), set, 0, ctx);
}

namespace {
void shift(GlyphRun& r, Mpt dx, Mpt dy) { r.x += dx; r.baseline += dy; }
void shift(RuleLine& r, Mpt dx, Mpt dy) { r.x1 += dx; r.x2 += dx; r.y1 += dy; r.y2 += dy; }
void shift(FillRect& r, Mpt dx, Mpt dy) { r.rect.x += dx; r.rect.y += dy; }
void shift(ImageBox& r, Mpt dx, Mpt dy) { r.rect.x += dx; r.rect.y += dy; }
void shift(LinkBox& r, Mpt dx, Mpt dy) { r.rect.x += dx; r.rect.y += dy; }
void shift(ForeignPage& r, Mpt dx, Mpt dy) { r.rect.x += dx; r.rect.y += dy; }

// Room for `more` items: a page or a row gathers many small appends, and
// reserving exactly each time would copy the whole list on every one.
void make_room(std::vector<PageItem>& items, std::size_t more) {
    const std::size_t need = items.size() + more;
    if (need > items.capacity()) items.reserve(std::max(need, 2 * items.capacity()));
}
}  // namespace

void append_items(Items& dst, const Items& src, Mpt dx, Mpt dy) {
    make_room(dst.items, src.items.size());
    for (const PageItem& item : src.items) {
        dst.items.push_back(item);
        std::visit([&](auto& thing) { shift(thing, dx, dy); }, dst.items.back().what);
    }
}

void move_items(Items& dst, Items&& src, Mpt dx, Mpt dy) {
    make_room(dst.items, src.items.size());
    for (PageItem& item : src.items) {
        dst.items.push_back(std::move(item));
        std::visit([&](auto& thing) { shift(thing, dx, dy); }, dst.items.back().what);
    }
    std::vector<PageItem>().swap(src.items);
}

void append_items(Items& dst, const Items& src, Mpt dx, Mpt dy, Mark mark) {
    const std::size_t from = dst.items.size();
    append_items(dst, src, dx, dy);
    for (std::size_t i = from; i < dst.items.size(); ++i) dst.items[i].mark = mark;
}

void mark_unset(Items& items, Mark mark) {
    for (PageItem& i : items.items)
        if (!i.mark.is_set()) i.mark = mark;
}

}  // namespace bp::layout_detail
