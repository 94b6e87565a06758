#include "load/blocks.hpp"

#include <stdexcept>
#include <utility>

#include "core/input_file.hpp"
#include "load/paths.hpp"
#include "load/values.hpp"

namespace bp::load {

namespace {

BlockContext unnumbered(const BlockContext& ctx) {
    BlockContext c = ctx;
    c.p_default = Numbering::None;
    return c;
}

}  // namespace

void BlockReader::read_block(pugi::xml_node el, const grammar::Type& t, const BlockContext& ctx, Blocks& out) {
    if (!r_.once_per_file(el, t)) return;
    if (!r_.enter(el)) return;
    r_.check_attributes(el, t);
    Block b;
    b.loc = r_.loc(el);
    bool emit = true;
    const std::string_view n = el.name();
    if (n == "h1" || n == "h2" || n == "h3") {
        Heading h;
        h.level = n[1] - '0';
        h.text = r_.inlines(el);
        b.node = std::move(h);
    } else if (n == "p") {
        b.node = read_paragraph(el, ctx);
    } else if (n == "ol" || n == "ul") {
        b.node = read_list(el, ctx);
    } else if (n == "table") {
        b.node = read_table(el, ctx);
    } else if (n == "img") {
        b.node = read_image(el, ctx);
    } else if (n == "blockquote") {
        BlockQuote q;
        read_blocks(el, t, unnumbered(ctx), q.content);
        b.node = std::move(q);
    } else if (n == "keep") {
        KeepTogether k;
        read_blocks(el, t, ctx, k.content);
        b.node = std::move(k);
    } else if (n == "page-break") {
        b.node = PageBreak{};
    } else if (n == "contact") {
        b.node = read_contact(el);
    } else if (n == "recommendations") {
        read_recommendations(el, ctx, out);
        emit = false;
    } else if (n == "resolved") {
        b.node = read_resolved(el, ctx);
    } else if (n == "exclusion") {
        std::optional<Resolution> x = read_exclusion(el);
        emit = x.has_value();
        if (x) b.node = std::move(*x);
    } else {
        // The grammar holds a block this reader does not know: a fault in
        // boardpack, not in the paper.
        throw std::logic_error("no reader for the block <" + std::string(n) + ">");
    }
    r_.leave();
    if (emit) out.push_back(std::move(b));
}

void BlockReader::read_blocks(pugi::xml_node parent, const grammar::Type& t, const BlockContext& ctx, Blocks& out,
                              std::string_view text_hint) {
    Inlines raw;
    SourceLoc raw_loc;
    bool loc_set = false;
    auto flush = [&] {
        finish_inlines(raw);
        if (!raw.empty()) {
            Paragraph p;
            p.numbering = Numbering::None;
            p.text = std::move(raw);
            Block b;
            b.loc = raw_loc;
            b.node = std::move(p);
            out.push_back(std::move(b));
        }
        raw.clear();
        loc_set = false;
    };
    for (auto [c, type] : r_.children(parent, g_, t, text_hint)) {
        if (!type) {  // text and inline markup, where the type holds them
            if (!loc_set && !Reader::is_blank(c)) {
                raw_loc = r_.loc(c);
                loc_set = true;
            }
            r_.collect_inline(c, parent, raw, 0, {}, ctx.footnotes);
            continue;
        }
        flush();
        read_block(c, *type, ctx, out);
    }
    flush();
}

Paragraph BlockReader::read_paragraph(pugi::xml_node el, const BlockContext& ctx) {
    Paragraph p;
    p.numbering = ctx.p_default;
    if (std::optional<std::string> n = r_.attr(el, "number")) {
        std::string why;
        if (ctx.in_cell) {
            r_.attr_error(el, "number", rule::numbering, "text in table cells is never numbered; remove number=\"" + quote_value(*n) + "\"");
        } else if (*n == "none") {
            p.numbering = Numbering::None;
        } else if (*n == "sub") {
            p.numbering = Numbering::Sub;
        } else if (std::optional<int> v = parse_int(*n, 1, 99999, why)) {
            p.numbering = Numbering::Auto;
            p.restart = *v;
        } else {
            r_.bad_attr(el, "number", *n, "use none, sub, or the number to restart from, e.g. number=\"5\"");
        }
    }
    if (ctx.kind == Paper::Kind::Minutes) {
        if (std::optional<std::string> c = r_.attr(el, "class")) {
            if (*c == "chair")
                p.role = "chair";
            else
                r_.bad_attr(el, "class", *c, "the only class is chair, for the line naming the chair");
        }
    }
    p.text = r_.inlines(el, ctx.footnotes);
    return p;
}

namespace {

// A table set smaller than this cannot be read on paper; larger than this
// it is no longer a table's type.
constexpr Mpt kMinTableTypeSize = pt(4), kMaxTableTypeSize = pt(24);

// The label forms <ol label> accepts, as the grammar lists them.
Names label_forms(const grammar::Type& ol) {
    for (const grammar::Attribute& a : ol.attributes)
        if (a.name == "label") return a.choices;
    return {};
}

}  // namespace

List BlockReader::read_list(pugi::xml_node el, const BlockContext& ctx) {
    List list;
    if (std::string_view(el.name()) == "ul") {
        list.kind = ListKind::Bullet;
    } else {
        if (std::optional<std::size_t> t = r_.attr_choice(el, "type", {"a", "A", "i", "1"})) {
            static constexpr ListKind kKinds[] = {ListKind::LowerAlpha, ListKind::UpperAlpha, ListKind::LowerRoman,
                                                  ListKind::Decimal};
            list.kind = kKinds[*t];
        }
        if (std::optional<int> s = r_.attr_int(el, "start", 1, 9999)) list.start = *s;
        static constexpr std::string_view kCounters = "aAi1";  // in ListKind order
        const Names forms = label_forms(g_.type("ol"));
        if (std::optional<std::size_t> l = r_.attr_choice(el, "label", forms)) {
            // "(a)": counter a, written between "(" and ")".
            const std::string_view form = forms[*l];
            const std::size_t at = form.find_first_of("1aAi");
            const ListKind kind = static_cast<ListKind>(kCounters.find(form[at]));
            if (el.attribute("type") && kind != list.kind)
                r_.attr_error(el, "label", rule::bad_value,
                              "type and label on <ol> name different counters; keep label=\"" + std::string(form) +
                                  "\" alone");
            list.kind = kind;
            list.punctuation = {std::string(form.substr(0, at)), std::string(form.substr(at + 1))};
        }
    }
    BlockContext inner = unnumbered(ctx);
    for (auto [c, t] : r_.children(el, g_, g_.type(el.name()), "put each entry in <li>")) {
        if (!r_.enter(c)) continue;
        r_.check_attributes(c, *t);
        ListItem item;
        item.loc = r_.loc(c);
        read_blocks(c, *t, inner, item.content);
        list.items.push_back(std::move(item));
        r_.leave();
    }
    return list;
}

Table BlockReader::read_table(pugi::xml_node el, const BlockContext& ctx) {
    Table t;
    if (std::optional<std::string> w = r_.attr(el, "widths")) {
        std::string why;
        if (std::optional<std::vector<TableColumn>> cols = parse_widths(*w, why))
            t.columns = std::move(*cols);
        else
            r_.bad_attr(el, "widths", *w, why);
    }
    if (std::optional<Mpt> size = r_.attr_length(el, "size")) {
        if (*size < kMinTableTypeSize || *size > kMaxTableTypeSize)
            r_.bad_attr(el, "size", *r_.attr(el, "size"), "a table's type size must be from 4pt to 24pt");
        else
            t.type_size = *size;
    }
    BlockContext inner = unnumbered(ctx);
    inner.footnotes = false;  // a cell has no page foot of its own
    for (auto [c, type] : r_.children(el, g_, g_.type("table"), "put rows in <tbody>, text in their <td> cells")) {
        if (!r_.enter(c)) continue;
        r_.check_attributes(c, *type);
        std::string_view n = c.name();
        if (n == "notes")
            read_blocks(c, *type, inner, t.notes);
        else
            read_rows(c, inner, n == "thead" ? t.head : t.body);
        r_.leave();
    }
    return t;
}

void BlockReader::read_rows(pugi::xml_node group, const BlockContext& ctx, std::vector<TableRow>& rows) {
    BlockContext cell_ctx = ctx;
    cell_ctx.in_cell = true;
    for (auto [tr, row_type] : r_.children(group, g_, g_.type(group.name()), "put text in the <td> cells of a <tr>")) {
        if (!r_.enter(tr)) continue;
        r_.check_attributes(tr, *row_type);
        TableRow row;
        row.loc = r_.loc(tr);
        if (std::optional<std::size_t> s = r_.attr_choice(tr, "style", {"bold", "italic"}))
            row.flags = *s == 0 ? kBold : kItalic;
        for (auto [cell, cell_type] : r_.children(tr, g_, *row_type, "put text in a <td>")) {
            if (!r_.enter(cell)) continue;
            r_.check_attributes(cell, *cell_type);
            std::string_view cn = cell.name();
            TableCell tc;
            tc.loc = r_.loc(cell);
            tc.header = cn == "th";
            if (std::optional<int> v = r_.attr_int(cell, "colspan", 1, 1000)) tc.colspan = *v;
            if (std::optional<int> v = r_.attr_int(cell, "rowspan", 1, 1000)) tc.rowspan = *v;
            if (std::optional<std::string> s = r_.attr(cell, "status")) {
                std::string why;
                if (std::optional<Statuses> st = parse_statuses(*s, why)) {
                    tc.status = std::move(st->values);
                    tc.status_words = st->words;
                } else {
                    r_.bad_attr(cell, "status", *s, why);
                }
            }
            tc.fill = r_.attr_color(cell, "fill");
            if (std::optional<std::size_t> a = r_.attr_choice(cell, "align", {"left", "center", "right"}))
                tc.align = *a == 0 ? Align::Left : *a == 1 ? Align::Center : Align::Right;
            read_blocks(cell, *cell_type, cell_ctx, tc.content);
            row.cells.push_back(std::move(tc));
            r_.leave();
        }
        // A long table is mostly rows of a few cells: no room to grow held.
        row.cells.shrink_to_fit();
        rows.push_back(std::move(row));
        r_.leave();
    }
    rows.shrink_to_fit();
}

Image BlockReader::read_image(pugi::xml_node el, const BlockContext& ctx) {
    Image img;
    if (std::optional<std::string> src = r_.required_attr(el, "src", "src=\"chart.png\"")) {
        if (src->empty()) {
            r_.attr_error(el, "src", rule::empty_value, "src on <img> is empty; name the image file, e.g. src=\"chart.png\"");
        } else {
            img.path = resolve_relative(r_.src().path, *src);
            if (!is_inside(ctx.pack_root, img.path)) {
                r_.attr_error(el, "src", rule::outside_pack, "the image \"" + quote_value(*src) + "\" lies outside the pack's folder (" +
                                 ctx.pack_root + "); copy it into the folder");
                img.path.clear();  // never read a file outside the pack
            } else {
                switch (file_state(img.path)) {
                    case FileState::Missing:
                        r_.attr_error(el, "src", rule::missing_file, "image file \"" + quote_value(*src) + "\" not found (looked for " + img.path + ")");
                        img.path.clear();  // reported: load_images leaves it alone
                        break;
                    case FileState::NotAFile:
                        r_.attr_error(el, "src", rule::missing_file, "src on <img> names the folder " + img.path + ", not an image file");
                        img.path.clear();
                        break;
                    case FileState::Special:
                        r_.attr_error(el, "src", rule::file_unreadable,
                                      "the image " + img.path + " " + input_file_problem(img.path));
                        img.path.clear();
                        break;
                    case FileState::Ok: break;
                }
            }
        }
    }
    if (std::optional<std::string> alt = r_.attr(el, "alt")) img.alt = collapse_space(*alt);
    if (std::optional<Mpt> w = r_.attr_length(el, "width")) {
        if (*w <= 0)
            r_.bad_attr(el, "width", *r_.attr(el, "width"), "an image needs a width above zero");
        else
            img.width = *w;
    }
    if (std::optional<std::size_t> a = r_.attr_choice(el, "align", {"left", "center", "right"}))
        img.align = *a == 0 ? Align::Left : *a == 1 ? Align::Center : Align::Right;
    return img;
}

Contact BlockReader::read_contact(pugi::xml_node el) {
    const grammar::Type& type = g_.type("contact");
    Contact c;
    if (std::optional<std::string> t = r_.attr(el, "title")) {
        c.title = collapse_space(*t);
        if (c.title.empty())
            r_.attr_error(el, "title", rule::empty_value, "title on <contact> is empty",
                          "write the heading, e.g. title=\"Officers to Contact\", or leave title out");
    }
    if (std::optional<bool> h = r_.attr_bool(el, "heading")) c.heading = *h;
    if (!c.heading && r_.attr(el, "title"))
        r_.attr_error(el, "heading", rule::bad_value, "<contact> has a title and heading=\"false\"",
                      "leave title out for a block without a heading, or heading=\"false\" out to print it");
    // A line of the contact block; false if it is empty (reported).
    auto line = [&](pugi::xml_node n, const grammar::Type& t, std::vector<Inlines>& into) {
        r_.check_attributes(n, t);
        into.push_back(r_.inlines(n));
        if (into.back().empty()) {
            r_.error(n, rule::empty_value, "this contact <line> is empty",
                     "write a name, telephone or e-mail, or delete the line");
            into.pop_back();
        }
    };
    Contact::Officer loose;  // lines written straight in <contact>
    bool loose_lines = false, officers = false, mixed_reported = false;
    for (auto [k, t] : r_.children(el, g_, type, "put each line (name, telephone, e-mail) in <line>")) {
        if (!r_.enter(k)) continue;
        const bool is_officer = std::string_view(k.name()) == "officer";
        (is_officer ? officers : loose_lines) = true;
        // Lines straight in <contact> are one officer; beside <officer>s they
        // would belong to none of them.
        if (loose_lines && officers && !mixed_reported) {
            mixed_reported = true;
            r_.error(k, rule::element_order, "<contact> mixes <line> and <officer>",
                     "put every line in an <officer>, one <officer> for each person");
        }
        if (is_officer) {
            r_.check_attributes(k, *t);
            Contact::Officer o;
            o.loc = r_.loc(k);
            for (auto [l, lt] : r_.children(k, g_, *t, "put each line (name, telephone, e-mail) in <line>")) {
                if (!r_.enter(l)) continue;
                line(l, *lt, o.lines);
                r_.leave();
            }
            if (!o.lines.empty()) c.officers.push_back(std::move(o));
        } else {
            if (loose.lines.empty()) loose.loc = r_.loc(k);
            line(k, *t, loose.lines);
        }
        r_.leave();
    }
    if (!loose.lines.empty()) c.officers.insert(c.officers.begin(), std::move(loose));
    return c;
}

void BlockReader::read_recommendations(pugi::xml_node el, const BlockContext& ctx, Blocks& out) {
    Block h;
    h.loc = r_.loc(el);
    Heading heading;
    heading.level = 1;
    std::optional<std::string> title = r_.attr(el, "title");
    heading.text = plain_inlines(title ? *title : std::string("Recommendations"));
    h.node = std::move(heading);
    out.push_back(std::move(h));
    read_blocks(el, g_.type("recommendations"), ctx, out);
}

Resolution BlockReader::read_resolved(pugi::xml_node el, const BlockContext& ctx) {
    Resolution res;
    res.label = "RESOLVED";
    static const char* const kLabels[] = {"RESOLVED", "AGREED", "NOTED"};
    if (std::optional<std::size_t> l = r_.attr_choice(el, "label", {"RESOLVED", "AGREED", "NOTED"}))
        res.label = kLabels[*l];
    read_blocks(el, g_.type("resolved"), unnumbered(ctx), res.content);
    return res;
}

// <exclusion paragraphs="3"><item>Contract award</item></exclusion>: the
// resolution that excludes the public under Section 100(A)(4), worded as
// the published minutes word it: the items it covers (none: the rest of
// the meeting), the paragraphs of Part 1 of Schedule 12A (1 to 7) that make
// the business exempt, and the public-interest test the Act asks for.
std::optional<Resolution> BlockReader::read_exclusion(pugi::xml_node el) {
    const grammar::Type& type = g_.type("exclusion");
    List items;
    items.kind = ListKind::Bullet;
    for (auto [c, t] : r_.children(el, g_, type, "name each item of business in an <item>")) {
        if (!r_.enter(c)) continue;
        r_.check_attributes(c, *t);
        ListItem item;
        item.loc = r_.loc(c);
        Paragraph title;
        title.text = r_.inlines(c);
        if (title.text.empty()) {
            r_.error(c, rule::empty_value, "this <item> of <exclusion> is empty",
                     "write the title of the item the public is excluded from, or delete the <item>");
            r_.leave();
            continue;
        }
        Block b;
        b.loc = item.loc;
        b.node = std::move(title);
        item.content.push_back(std::move(b));
        items.items.push_back(std::move(item));
        r_.leave();
    }
    Resolution res;
    res.label = "RESOLVED";
    std::optional<std::string> given = r_.required_attr(el, "paragraphs", "paragraphs=\"3\" or paragraphs=\"1, 3\"");
    if (!given) return std::nullopt;
    std::vector<std::string> numbers;
    std::string cur;
    bool bad = false;
    for (char ch : *given + ",") {
        if (ch >= '1' && ch <= '7' && cur.empty()) cur = ch;
        else if (ch == ',' && !cur.empty()) numbers.push_back(std::exchange(cur, std::string()));
        else if (ch != ' ') bad = true;
    }
    if (bad || numbers.empty()) {
        r_.attr_error(el, "paragraphs", rule::bad_value, "paragraphs on <exclusion> is \"" + *given +
                         "\": give the paragraph numbers of Schedule 12A, 1 to 7, separated by commas");
        return std::nullopt;
    }
    std::string cited = numbers.front();
    for (std::size_t i = 1; i < numbers.size(); ++i) cited += (i + 1 == numbers.size() ? " and " : ", ") + numbers[i];
    const std::size_t n = items.items.size();
    const std::string business = n == 0   ? "the remaining items of business on the grounds that they involve"
                                 : n == 1 ? "the following item of business on the grounds that it involves"
                                          : "the following items of business on the grounds that they involve";
    Paragraph p;
    Inline text;
    text.text = "That under Section 100(A)(4) of the Local Government Act 1972 the public be excluded from the "
                "meeting for " + business + " the likely disclosure of exempt information as defined in " +
                (numbers.size() == 1 ? "paragraph " : "paragraphs ") + cited +
                " of Part 1 of Schedule 12A of the Act and that, in all the circumstances of the case, the public "
                "interest in maintaining the exemption outweighs the public interest in disclosing the information" +
                (n == 0 ? "." : ":");
    p.text.push_back(std::move(text));
    Block b;
    b.loc = r_.loc(el);
    b.node = std::move(p);
    res.content.push_back(std::move(b));
    if (n > 0) {
        Block list;
        list.loc = b.loc;
        list.node = std::move(items);
        res.content.push_back(std::move(list));
    }
    return res;
}

Cover BlockReader::read_cover(pugi::xml_node el) {
    r_.check_attributes(el, g_.type("cover"));
    Cover cover;
    if (std::optional<std::size_t> o = r_.attr_choice(el, "orientation", {"portrait", "landscape"}))
        cover.orientation = *o == 0 ? Orientation::Portrait : Orientation::Landscape;
    for (auto [c, t] : r_.children(el, g_, g_.type("cover"), "put text in <title>, <subtitle>, <author> or <date>")) {
        if (!r_.enter(c)) continue;
        r_.check_attributes(c, *t);
        std::string_view n = c.name();
        if (n == "title") cover.title = r_.inlines(c);
        if (n == "subtitle") cover.subtitle = r_.inlines(c);
        if (n == "author") {
            cover.authors.push_back(r_.inlines(c));
            if (cover.authors.back().empty()) {
                r_.error(c, rule::empty_value, "this <author> is empty", "write the author's name, or delete the <author>");
                cover.authors.pop_back();
            }
        }
        if (n == "date") cover.date = r_.text_date(c, /*month_only_ok=*/true);
        r_.leave();
    }
    // A missing or empty <title> is validate/'s to report, once.
    return cover;
}

}  // namespace bp::load
