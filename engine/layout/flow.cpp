// Blocks -> slices: each line of text, table row or image becomes one
// unbreakable slice; keep-with-next flags carry the rules a clerk expects
// (headings stay with their text, no paragraph leaves one line alone at the
// foot or head of a page, a list's last item and a link-only paragraph go
// with what comes before them).
#include <algorithm>

#include "layout/internal.hpp"

namespace bp::layout_detail {
namespace {

// A label never pushes its text into a column narrower than this: a wider
// label is then left to overlap, as before, rather than squeeze the text.
constexpr Mpt kMinLabelledWidth = pt(72);

// True if every visible word of the text is part of a link.
bool links_only(const Inlines& text) {
    bool any_link = false;
    for (const Inline& i : text) {
        if (!i.href.empty()) {
            any_link = true;
        } else if (i.text.find_first_not_of(" \t\n") != std::string::npos) {
            return false;
        }
    }
    return any_link;
}

}  // namespace

std::string format_paper_date(const Date& d, const StyleSheet& s, std::optional<OrdinalDays> ordinal) {
    // Day 0: a date given by month only, as on a cover ("June 2016").
    if (d.day == 0) return format_date(Date{d.year, d.month, 1}, s.doc.month_pattern, s.doc.locale, false);
    const bool ordinal_day = ordinal ? *ordinal != OrdinalDays::No : s.doc.ordinal_days;
    return format_date(d, s.doc.date_pattern, s.doc.locale, ordinal_day);
}

Inlines paper_date(const Date& d, const StyleSheet& s, std::optional<OrdinalDays> ordinal, bool upper) {
    auto cased = [&](std::string t) { return upper ? to_upper(t, s.doc.locale) : t; };
    const std::string text = format_paper_date(d, s, ordinal);
    if (ordinal != OrdinalDays::Raised || d.day == 0) return plain(cased(text));
    // "8th": the day's number as the locale writes it, then its suffix.
    const std::string number = format_date(d, "d", s.doc.locale, false);
    const std::string with_suffix = format_date(d, "d", s.doc.locale, true);
    const std::size_t at = text.find(with_suffix);
    if (with_suffix.rfind(number, 0) != 0 || at == std::string::npos) return plain(cased(text));
    Inlines out = plain(cased(text.substr(0, at + number.size())));
    Inline suffix;
    suffix.text = cased(with_suffix.substr(number.size()));
    suffix.flags = kSuperscript;
    out.push_back(std::move(suffix));
    const std::string rest = text.substr(at + with_suffix.size());
    if (!rest.empty()) out.push_back(plain(cased(rest)).front());
    return out;
}

std::string fill_placeholders(const std::string& text, const std::vector<std::pair<std::string, std::string>>& values) {
    // One pass: a value that itself holds "{date}" (a venue's name) is
    // printed as written, never filled in again.
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
        bool filled = false;
        if (text[at] == '{')
            for (const auto& [key, value] : values)
                if (text.compare(at, key.size(), key) == 0) {
                    out += value;
                    at += key.size();
                    filled = true;
                    break;
                }
        if (!filled) out += text[at++];
    }
    return out;
}

TextStyle text_style(const StyleSheet& styles, std::string_view name, const BlockEnv& env) {
    TextStyle st = styles.get(name);
    const Mpt table_size = styles.get("table").size;
    if (!env.type_size || *env.type_size == table_size || table_size <= 0) return st;
    // Every style in the table keeps its proportion to the table style.
    auto scaled = [&](Mpt v) {
        return static_cast<Mpt>((static_cast<std::int64_t>(v) * *env.type_size + table_size / 2) / table_size);
    };
    st.size = scaled(st.size);
    st.line_height = scaled(st.line_height);
    st.space_before = scaled(st.space_before);
    st.space_after = scaled(st.space_after);
    return st;
}

Mpt content_width(const PageMaster& m) { return m.width - m.margin_left - m.margin_right; }
Mpt content_height(const PageMaster& m) { return m.height - m.margin_top - m.margin_bottom; }

ListEntry add_list_entry(StructTree& tree, StructId list, const SourceLoc& loc) {
    const StructId li = tree.add(Role::LI, list, loc);
    ListEntry e;
    e.label = tree.add(Role::Lbl, li);
    e.body = tree.add(Role::LBody, li);
    return e;
}

void Flow::push(Slice s) {
    s.space_before = std::max(s.space_before, pending_space_);
    s.break_before = s.break_before || pending_break_;
    s.break_to_odd = s.break_to_odd || pending_break_odd_;
    s.orientation = orientation;
    if (pending_anchor_ && !s.anchor) s.anchor = std::move(pending_anchor_);
    pending_anchor_.reset();
    pending_space_ = 0;
    pending_break_ = false;
    pending_break_odd_ = false;
    out_.push_back(std::move(s));
}

namespace {

// 1..6 for H1..H6, 0 for any other role.
int heading_level(Role r) {
    const int level = static_cast<int>(r) - static_cast<int>(Role::H1) + 1;
    return level >= 1 && level <= 6 ? level : 0;
}

}  // namespace

StructId Flow::node(Role role, const BlockEnv& env, const SourceLoc& loc) {
    // Readers navigate by heading level, so tagged headings never skip one:
    // an <h3> straight under an H1 is tagged H2. The source keeps its levels.
    if (const int level = heading_level(role)) {
        role = heading_role(std::min(level, last_heading_level_ + 1));
        last_heading_level_ = heading_level(role);
    }
    return tree_.add(role, env.parent, loc);
}

void Flow::paragraph_lines(StructId node, const Inlines& text, const TextStyle& style, const LineSpec& given,
                           const BlockEnv& env, const std::vector<StructId>* links) {
    LineSpec spec = given;
    Line label;
    if (!spec.label.empty()) {
        label = set_line(spec.label, style, ctx_, env.flags);
        // A label wider than the room the indent leaves ("1021." for a
        // minute, item 1000 of an agenda) pushes this paragraph's text
        // right by the difference, rather than printing over it.
        const Mpt need = spec.label_x + label.width + set_line(" ", style, ctx_).width;
        if (need > spec.x && spec.width - (need - spec.x) >= kMinLabelledWidth) {
            spec.width -= need - spec.x;
            spec.x = need;
        }
    }
    InlineSetting set{&style, env.flags, spec.align.value_or(style.align), &tree_, node};
    set.links = links;
    std::vector<const Inlines*> notes;  // the text's footnotes, in order
    for (const Inline& in : text)
        if (in.kind == Inline::Kind::Footnote) notes.push_back(&in.note);
    const int first_note = counters.footnote + 1;
    if (!notes.empty()) set.first_footnote = first_note;
    std::vector<Line> lines = break_lines(text, set, spec.width, ctx_);
    counters.footnote += static_cast<int>(notes.size());
    if (lines.empty()) {
        if (spec.label.empty()) return;
        lines.push_back(set_line(" ", style, ctx_));
    }
    const Mark own = node != kNoStruct ? Mark::content(node) : Mark{};
    const Mark label_mark = spec.label_node != kNoStruct ? Mark::content(spec.label_node) : own;
    space(style.space_before);
    const std::size_t n = lines.size();
    for (std::size_t i = 0; i < n; ++i) {
        Slice s;
        s.height = lines[i].height;
        append_items(s.items, lines[i].items, spec.x, 0);
        mark_unset(s.items, own);
        if (i == 0 && !spec.label.empty()) put_on_first_baseline(s.items, label, spec.label_x, label_mark);
        for (int number : lines[i].footnotes)
            s.footnotes.push_back(footnote(*notes[static_cast<std::size_t>(number - first_note)], number, node,
                                           node != kNoStruct ? tree_.loc(node) : SourceLoc{}));
        // No first line alone at a page foot, no last line alone at a head.
        s.keep_with_next = (n > 1 && (i == 0 || i + 2 == n)) || (i + 1 == n && spec.keep_with_next);
        push(std::move(s));
    }
    space(style.space_after);
}

FootnoteBox Flow::footnote(const Inlines& note, int number, StructId called_from, const SourceLoc& loc) {
    const StyleSheet& ss = ctx_.styles;
    const TextStyle& st = ss.get("footnote");
    // Read straight after the paragraph that calls it, its number first
    // (tagged PDF puts Lbl in list items only, so the number is the Note's text).
    // A numbered paragraph's text sits in its list body itself: the note goes
    // in there after it; any other text's element gets the note beside it.
    StructId parent = called_from;
    if (called_from != kNoStruct && tree_[called_from].role != Role::LBody) parent = tree_[called_from].parent;
    const StructId note_node = tree_.add(Role::Note, parent, loc);
    const Line label = set_line(std::to_string(number), st, ctx_);
    // The notes' text hangs after the widest number a paper is likely to reach.
    const Mpt hang = std::max(set_line("99", st, ctx_).width, label.width) + set_line(" ", st, ctx_).width;
    const Mpt width = content_width(ss.master(orientation)) - hang;
    InlineSetting set{&st, 0, Align::Left, &tree_, note_node};
    FootnoteBox box;
    Mpt y = 0;
    for (const Line& l : break_lines(note, set, width, ctx_)) {
        Items line;
        append_items(line, l.items, hang, 0);
        mark_unset(line, Mark::content(note_node));
        if (y == 0) put_on_first_baseline(line, label, 0, Mark::content(note_node));
        append_items(box.items, line, 0, y);
        y += l.height;
    }
    box.height = y + st.space_after;
    return box;
}

void Flow::blocks(const Blocks& bs, Mpt x, Mpt width, const BlockEnv& env) {
    struct Depth {
        int& d;
        explicit Depth(int& depth) : d(++depth) {}
        ~Depth() { --d; }
    } depth(depth_);
    for (const Block& b : bs) {
        block(b, x, width, env);
        settle();
    }
}

void Flow::block(const Block& b, Mpt x, Mpt width, const BlockEnv& env) {
    const StyleSheet& ss = ctx_.styles;
    const Mpt indent = env.in_cell || env.kind == Paper::Kind::Document ? 0 : ss.doc.paragraph_indent;
    std::visit(
        [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (!std::is_same_v<T, Paragraph> && !std::is_same_v<T, List> &&
                          !std::is_same_v<T, PageBreak> && !std::is_same_v<T, KeepTogether>)
                end_numbered_list(env);
            if constexpr (std::is_same_v<T, Paragraph>) {
                paragraph(n, b.loc, x, width, env);
            } else if constexpr (std::is_same_v<T, Heading>) {
                const char* name = n.level <= 1 ? "h1" : n.level == 2 ? "h2" : "h3";
                // Bookmarks: the paper (level 1), then its main headings (level 2).
                if (!env.in_cell && n.level <= 1) set_anchor(plain_text(n.text), 2);
                // Minutes' sub-headings sit with the text they head.
                Mpt hx = env.kind == Paper::Kind::Minutes && !env.in_cell ? x + indent : x;
                LineSpec spec;
                spec.x = hx;
                spec.width = width - (hx - x);
                spec.keep_with_next = true;
                paragraph_lines(node(heading_role(env.heading_base + n.level), env, b.loc), n.text, ss.get(name),
                                spec, env);
            } else if constexpr (std::is_same_v<T, List>) {
                list(n, b.loc, x + indent, width - indent, env);
            } else if constexpr (std::is_same_v<T, Table>) {
                table(n, b.loc, x, width, env);
            } else if constexpr (std::is_same_v<T, Image>) {
                image(n, b.loc, x + indent, width - indent, env);
            } else if constexpr (std::is_same_v<T, BlockQuote>) {
                BlockEnv q = env;
                q.body_style = "quote";
                q.in_cell = true;  // quoted text is never numbered
                q.parent = node(Role::BlockQuote, env, b.loc);
                Mpt in = ss.doc.list_indent;
                blocks(n.content, x + indent + in, width - indent - 2 * in, q);
            } else if constexpr (std::is_same_v<T, PageBreak>) {
                force_break();
            } else if constexpr (std::is_same_v<T, KeepTogether>) {
                std::size_t first = out_.size();
                blocks(n.content, x, width, env);
                for (std::size_t i = first; i + 1 < out_.size(); ++i) out_[i].keep_with_next = true;
            } else if constexpr (std::is_same_v<T, Contact>) {
                contact(n, b.loc, x, width, env);
            } else if constexpr (std::is_same_v<T, Attendance>) {
                attendance(n, x, width, env);
            } else if constexpr (std::is_same_v<T, Resolution>) {
                const TextStyle body = text_style(ss, env.body_style, env);
                LineSpec spec;
                spec.x = x + indent;
                spec.width = width - indent;
                spec.keep_with_next = true;
                paragraph_lines(node(Role::P, env, b.loc),
                                plain(fill_placeholders(ss.doc.resolution_label, {{"{label}", n.label}}), kBold), body,
                                spec, env);
                blocks(n.content, x, width, env);
            } else if constexpr (std::is_same_v<T, Minute>) {
                minute(n, b.loc, x, width, env);
            } else if constexpr (std::is_same_v<T, Signature>) {
                signature(n, b.loc, x, width, env);
            } else if constexpr (std::is_same_v<T, Cover>) {
                cover(n, b.loc, x, width, env);
            } else {
                static_assert(sizeof(T) == 0, "a block kind without layout");
            }
        },
        b.node);
}

ListEntry Flow::numbered_item(bool sub, const BlockEnv& env, const SourceLoc& loc) {
    if (numbered_.parent != env.parent || numbered_.list == kNoStruct) {
        numbered_ = {};
        numbered_.parent = env.parent;
        numbered_.list = tree_.add(Role::L, env.parent);
    }
    if (!sub) {
        ListEntry e = add_list_entry(tree_, numbered_.list, loc);
        numbered_.body = e.body;
        numbered_.sub_list = numbered_.sub_body = kNoStruct;
        return e;
    }
    if (numbered_.sub_list == kNoStruct)
        numbered_.sub_list = tree_.add(Role::L, numbered_.body != kNoStruct ? numbered_.body : env.parent);
    ListEntry e = add_list_entry(tree_, numbered_.sub_list, loc);
    numbered_.sub_body = e.body;
    return e;
}

void Flow::paragraph(const Paragraph& p, const SourceLoc& loc, Mpt x, Mpt width, const BlockEnv& env) {
    const StyleSheet& ss = ctx_.styles;
    LineSpec spec;
    bool numbered = !env.in_cell && p.numbering != Numbering::None;
    StructId text_node = kNoStruct;
    if (numbered) {
        if (p.numbering == Numbering::Auto) {
            counters.para = p.restart ? *p.restart : counters.para + 1;
            counters.sub = 0;
            spec.label = fill_wording(ss.doc.wording.paragraph_number, {{"{n}", std::to_string(counters.para)}});
        } else {
            counters.sub = p.restart ? *p.restart : counters.sub + 1;
            spec.label = fill_wording(ss.doc.wording.sub_paragraph_number,
                                      {{"{n}", std::to_string(counters.para)}, {"{sub}", std::to_string(counters.sub)}});
        }
        // A numbered paragraph reads as a list item: its number, then its
        // text, straight in the item's body (one element fewer each).
        const ListEntry e = numbered_item(p.numbering == Numbering::Sub, env, loc);
        spec.label_node = e.label;
        text_node = e.body;
    } else {
        end_numbered_list(env);
        text_node = env.text_parent == env.parent && env.parent != kNoStruct ? env.parent : node(Role::P, env, loc);
    }
    Mpt indent = 0;
    if (!env.in_cell && (numbered || env.kind != Paper::Kind::Document)) indent = ss.doc.paragraph_indent;
    if (p.numbering == Numbering::Sub && numbered) indent += ss.doc.list_indent / 2;
    const char* style_name = p.role == "chair" ? "chair" : env.body_style;
    const TextStyle st = text_style(ss, style_name, env);
    spec.label_x = x;
    if (p.role == "chair") {
        spec.align = st.align;
        spec.x = x;
        spec.width = width;
    } else {
        spec.x = x + indent;
        spec.width = width - indent;
    }
    // A paragraph that is only a link stays with the sentence introducing it.
    if (links_only(p.text)) keep_last_with_next();
    paragraph_lines(text_node, p.text, st, spec, env);
}

void Flow::list(const List& l, const SourceLoc& loc, Mpt x, Mpt width, const BlockEnv& env) {
    const StyleSheet& ss = ctx_.styles;
    const TextStyle st = text_style(ss, env.body_style, env);
    Mpt gutter = env.in_cell ? std::min(ss.doc.list_indent, pt(14)) : ss.doc.list_indent;
    if (l.kind == ListKind::LowerRoman || l.kind == ListKind::Decimal) gutter = gutter * 5 / 4;
    // A list right after a numbered paragraph belongs to it: (a), (b) under 3.
    StructId parent = env.parent;
    if (numbered_.parent == env.parent && numbered_.list != kNoStruct)
        parent = numbered_.sub_body != kNoStruct ? numbered_.sub_body : numbered_.body;
    const StructId list_node = tree_.add(Role::L, parent, loc);
    BlockEnv inner = env;
    inner.in_cell = true;  // list items are never numbered paragraphs
    int n = l.start;
    for (const ListItem& item : l.items) {
        const ListEntry e = add_list_entry(tree_, list_node, item.loc);
        inner.parent = e.body;
        // The last item never starts a page alone: the one before goes with it.
        if (&item == &l.items.back() && l.items.size() > 1) keep_last_with_next();
        std::size_t first = out_.size();
        blocks(item.content, x + gutter, width - gutter, inner);
        std::string label = bp::list_label(l, n++, ctx_.styles.doc.wording);
        Line lab = set_line(label, st, ctx_, env.flags);
        if (first < out_.size()) {
            put_on_first_baseline(out_[first].items, lab, x, Mark::content(e.label));
        } else {
            Slice s;
            s.height = lab.height;
            append_items(s.items, lab.items, x, 0, Mark::content(e.label));
            push(std::move(s));
        }
    }
}

void Flow::image(const Image& img, const SourceLoc& loc, Mpt x, Mpt width, const BlockEnv& env) {
    if (!img.raster) {  // load_images reported why, or was never asked
        ctx_.diags.error(loc, rule::internal_error, "the image " + img.path + " was not loaded before layout");
        return;
    }
    const RasterImage& px = *img.raster;
    // Natural size at 96 dpi, never wider than the column.
    Mpt w = img.width ? *img.width : static_cast<Mpt>(px.width) * 750;
    w = std::min(w, width);
    Mpt h = w * px.height / px.width;
    Mpt max_h = content_height(ctx_.styles.master(orientation)) * 9 / 10;
    if (h > max_h) {
        w = w * max_h / h;
        h = max_h;
    }
    Mpt ix = x;
    if (img.align == Align::Center) ix = x + (width - w) / 2;
    if (img.align == Align::Right) ix = x + width - w;
    const StructId figure = node(Role::Figure, env, loc);
    tree_.text(figure).alt = img.alt;
    Slice s;
    s.height = h;
    s.items.add(ImageBox{Rect{ix, 0, w, h}, img.path, img.raster}, Mark::content(figure));
    space(pt(6));
    push(std::move(s));
    space(pt(6));
}

void Flow::contact(const Contact& c, const SourceLoc& loc, Mpt x, Mpt width, const BlockEnv& env) {
    const StyleSheet& ss = ctx_.styles;
    if (c.heading) {
        std::string title = c.title.empty() ? ss.doc.wording.contact : c.title;
        set_anchor(title, env.outline_level);
        LineSpec head;
        head.x = x;
        head.width = width;
        head.keep_with_next = true;
        paragraph_lines(node(heading_role(env.heading_base + 1), env, loc), plain(title), ss.get("h1"), head, env);
    }
    const TextStyle& st = ss.get("contact");
    Mpt indent = env.kind == Paper::Kind::Document ? 0 : ss.doc.paragraph_indent;
    TextStyle tight = st;
    tight.space_after = 0;
    LineSpec spec;
    spec.x = x + indent;
    spec.width = width - indent;
    // Each officer's lines stay together, set apart from the next officer's.
    for (const Contact::Officer& o : c.officers) {
        if (&o != &c.officers.front()) space(st.space_after);
        std::size_t first = out_.size();
        for (const Inlines& line : o.lines) paragraph_lines(node(Role::P, env, o.loc), line, tight, spec, env);
        for (std::size_t i = first; i + 1 < out_.size(); ++i) out_[i].keep_with_next = true;
    }
    space(st.space_after);
}

void Flow::attendance(const Attendance& a, Mpt x, Mpt width, const BlockEnv& env) {
    const StyleSheet& ss = ctx_.styles;
    const TextStyle& st = ss.get(env.body_style);
    TextStyle tight = st;
    tight.space_after = 0;
    tight.space_before = 0;
    // Names in one column, organisations aligned in a second.
    Mpt name_w = width * 38 / 100;
    for (const AttendanceGroup& g : a.groups) {
        LineSpec head;
        head.x = x;
        head.width = width;
        head.keep_with_next = true;
        paragraph_lines(node(heading_role(env.heading_base + 1), env, g.loc), plain(g.title), ss.get("h2"), head,
                        env);
        if (!g.chair.empty()) {
            // The chair's line opens the group, across both columns, and
            // stays with the first name under it.
            LineSpec chair = head;
            chair.keep_with_next = !g.people.empty();
            paragraph_lines(node(Role::P, env, g.loc), g.chair, tight, chair, env);
            space(pt(2));
        }
        for (const auto& person : g.people) {
            // One paragraph per person: the name, then the organisation.
            const StructId p = node(Role::P, env, g.loc);
            InlineSetting set{&tight, env.flags, Align::Left, &tree_, p};
            std::vector<Line> names = break_lines(person.name, set, name_w - pt(6), ctx_);
            std::vector<Line> roles = break_lines(person.role, set, width - name_w, ctx_);
            std::size_t rows = std::max(names.size(), roles.size());
            for (std::size_t i = 0; i < rows; ++i) {
                Slice s;
                s.height = tight.line_height;
                if (i < names.size()) append_items(s.items, names[i].items, x, 0);
                if (i < roles.size()) append_items(s.items, roles[i].items, x + name_w, 0);
                s.keep_with_next = i + 1 < rows;
                push(std::move(s));
            }
            space(pt(2));
        }
        space(st.space_after);
    }
}

void Flow::minute(const Minute& m, const SourceLoc& loc, Mpt x, Mpt width, const BlockEnv& env) {
    const StyleSheet& ss = ctx_.styles;
    counters.minute = m.number ? *m.number : counters.minute + 1;
    LineSpec spec;
    spec.label = fill_wording(ss.doc.wording.minute_number, {{"{n}", std::to_string(counters.minute)}});
    set_anchor(spec.label + " " + plain_text(m.title), 2);
    Mpt indent = ss.doc.paragraph_indent;
    spec.x = x + indent;
    spec.width = width - indent;
    spec.label_x = x;
    spec.keep_with_next = true;
    // The minute's number is part of its heading: "26. Introductions".
    paragraph_lines(node(heading_role(env.heading_base + 1), env, loc), m.title, ss.get("minute-title"), spec, env);
    // A minute's <h2> is the level below its title, as in a report's body.
    blocks(m.content, x, width, env);
}

void Flow::signature(const Signature& s, const SourceLoc& loc, Mpt x, Mpt width, const BlockEnv& env) {
    const StyleSheet& ss = ctx_.styles;
    const TextStyle& st = ss.get(env.body_style);
    TextStyle tight = st;
    tight.space_after = 0;
    space(pt(18));
    std::size_t first = out_.size();
    LineSpec spec;
    spec.x = x;
    spec.width = width;
    if (!s.times.empty()) paragraph_lines(node(Role::P, env, loc), plain(s.times), tight, spec, env);
    if (s.date) paragraph_lines(node(Role::P, env, loc), paper_date(*s.date, ss, env.ordinal), tight, spec, env);
    // Room to sign above the role, on the right.
    Slice gap;
    gap.height = pt(36);
    Mpt line_w = std::min<Mpt>(mm(70), width / 2);
    gap.items.add(RuleLine{x + width - line_w, pt(34), x + width, pt(34), 500, st.color}, Mark::as(Artifact::Layout));
    push(std::move(gap));
    Line role = set_line(s.role, st, ctx_, kBold);
    Slice r;
    r.height = role.height;
    append_items(r.items, role.items, x + width - line_w, 0, Mark::content(node(Role::P, env, loc)));
    push(std::move(r));
    for (std::size_t i = first; i + 1 < out_.size(); ++i) out_[i].keep_with_next = true;
}

void Flow::cover(const Cover& c, const SourceLoc& loc, Mpt x, Mpt width, const BlockEnv& env) {
    const StyleSheet& ss = ctx_.styles;
    // A cover is a page of its own: title a third of the way down. A cover
    // of its own orientation turns that page only, set across its width.
    if (!cover_under_title) force_break();
    cover_under_title = false;
    const Orientation section = env.orientation;
    if (c.orientation && *c.orientation != section) {
        orientation = *c.orientation;
        width = content_width(ss.master(orientation)) - x;
    }
    Slice top;
    top.height = content_height(ss.master(orientation)) / 4;
    push(std::move(top));
    set_anchor(plain_text(c.title), 2);
    LineSpec spec;
    spec.x = x;
    spec.width = width;
    paragraph_lines(node(heading_role(env.heading_base), env, loc), c.title, ss.get("cover-title"), spec, env);
    if (!c.subtitle.empty())
        paragraph_lines(node(Role::P, env, loc), c.subtitle, ss.get("cover-subtitle"), spec, env);
    space(pt(36));
    const TextStyle& sub = ss.get("cover-subtitle");
    TextStyle small = ss.get("body");
    small.align = sub.align;
    // The authors one under another, then the date, as one group.
    TextStyle tight = small;
    tight.space_after = 0;
    for (const Inlines& a : c.authors)
        paragraph_lines(node(Role::P, env, loc), a, &a == &c.authors.back() && !c.date ? small : tight, spec, env);
    if (c.date)
        paragraph_lines(node(Role::P, env, loc), paper_date(*c.date, ss, env.ordinal), small, spec, env);
    force_break();
    orientation = section;
}

}  // namespace bp::layout_detail
