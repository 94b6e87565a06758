#include "import/write.hpp"

#include <cstdio>
#include <type_traits>

namespace bp::docx {

namespace {

std::string escape(std::string_view s, bool attribute) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"':
                if (attribute) out += "&quot;";
                else out += c;
                break;
            case '\t':
            case '\n':
            case '\r': out += ' '; break;
            default: out += c;
        }
    }
    return out;
}

std::string iso(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year % 10000, d.month % 100, d.day % 100);
    return buf;
}

// Millipoints as millimetres with one decimal: "120.5mm".
std::string length_mm(Mpt v) {
    // 1 mm = 72000/25.4 mpt; tenths of a millimetre, rounded.
    const long long tenths = (static_cast<long long>(v) * 254 + 36000) / 72000;
    return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : std::string()) + "mm";
}

std::string points(Mpt v) {
    const long long tenths = (static_cast<long long>(v) + 50) / 100;
    return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : std::string()) + "pt";
}

class Writer {
public:
    explicit Writer(const ShapedPaper& p) : p_(p) {}

    WrittenXml run() {
        const Paper& paper = p_.paper;
        put("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        newline();
        const char* root = paper.kind == Paper::Kind::Minutes ? "minutes" : paper.kind == Paper::Kind::Document ? "document" : "report";
        std::string open = std::string("<") + root + " version=\"1\"";
        if (paper.kind == Paper::Kind::Minutes && paper.first_minute) open += " first-minute=\"" + std::to_string(*paper.first_minute) + "\"";
        if (paper.ordinal)
            open += std::string(" ordinal=\"") +
                    (*paper.ordinal == OrdinalDays::Yes ? "true" : *paper.ordinal == OrdinalDays::Raised ? "superscript" : "false") + "\"";
        put(open + ">");
        newline();
        if (paper.kind != Paper::Kind::Document) header();
        number_ = 0;
        for (std::size_t si = 0; si < paper.sections.size(); ++si) section(si);
        put("</" + std::string(root) + ">");
        newline();
        return std::move(out_);
    }

private:
    void put(std::string_view s) { out_.text += s; }
    void newline() {
        out_.text += '\n';
        ++line_;
    }
    void indent(int n) { out_.text.append(static_cast<std::size_t>(n) * 2, ' '); }
    // Starts an element's line, remembering where the place was written.
    void line_for(int depth, const SourceLoc& loc) {
        indent(depth);
        if (loc.line > 0) out_.places.emplace(static_cast<int>(loc.line), std::make_pair(line_, static_cast<std::uint32_t>(depth * 2 + 1)));
    }

    void header() {
        const Paper& paper = p_.paper;
        const PaperHeader& h = paper.header;
        indent(1);
        out_.header["header"] = line_;
        put("<header>");
        newline();
        indent(2);
        out_.header["board"] = line_;
        put("<board>" + escape(h.board, false) + "</board>");
        newline();
        indent(2);
        out_.header["date"] = line_;
        put("<date>" + (h.date ? iso(*h.date) : std::string()) + "</date>");
        newline();
        if (paper.kind == Paper::Kind::Minutes) {
            indent(2);
            out_.header["venue"] = line_;
            put(std::string("<venue") + (paper.online ? " online=\"true\"" : "") + ">" + escape(paper.venue, false) + "</venue>");
            newline();
        } else {
            out_.header["title"] = line_;
            if (h.title.empty()) {
                indent(2);
                put("<title></title>");
                newline();
            }
            for (const Inlines& t : h.title) {
                indent(2);
                put("<title>");
                inlines(t);
                put("</title>");
                newline();
            }
            for (const Inlines& l : h.lines) {
                if (!out_.header.count("line")) out_.header["line"] = line_;
                indent(2);
                put("<line>");
                inlines(l);
                put("</line>");
                newline();
            }
        }
        indent(1);
        put("</header>");
        newline();
    }

    void section(std::size_t si) {
        const Section& s = p_.paper.sections[si];
        // The first section, portrait and untitled, is the paper's top level;
        // so is a later one that only turns back from landscape (the loader
        // starts a new portrait section there, on a new page).
        const bool top = s.title.empty() && s.orientation == Orientation::Portrait &&
                         (si == 0 || p_.paper.sections[si - 1].orientation == Orientation::Landscape);
        newline();
        int depth = 1;
        if (!top) {
            line_for(1, s.loc);
            if (!s.title.empty()) {
                std::string open = "<appendix title=\"" + escape(plain_text(s.title), true) + "\"";
                if (s.orientation == Orientation::Landscape) open += " orientation=\"landscape\"";
                put(open + ">");
            } else {
                std::string open = "<section";
                open += s.orientation == Orientation::Landscape ? " orientation=\"landscape\"" : " orientation=\"portrait\"";
                open += " new-page=\"true\">";
                put(open);
            }
            newline();
            depth = 2;
        }
        const auto& rec = p_.recommendations;
        for (std::size_t bi = 0; bi < s.blocks.size(); ++bi) {
            if (rec && rec->section == si && rec->first == bi) {
                line_for(depth, s.blocks[bi].loc);
                put("<recommendations" + (rec->title.empty() ? std::string() : " title=\"" + escape(rec->title, true) + "\"") + ">");
                newline();
                for (std::size_t k = bi + 1; k < rec->end && k < s.blocks.size(); ++k) write_block(s.blocks[k], depth + 1, Context::Body);
                indent(depth);
                put("</recommendations>");
                newline();
                bi = rec->end - 1;
                continue;
            }
            write_block(s.blocks[bi], depth, Context::Body);
        }
        if (!top) {
            indent(1);
            put(s.title.empty() ? "</section>" : "</appendix>");
            newline();
        }
    }

    enum class Context { Body, Nested, Cell };

    void write_block(const Block& b, int depth, Context ctx) {
        std::visit(
            [&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, Paragraph>) {
                    line_for(depth, b.loc);
                    put("<p" + number_attr(n, ctx) + ">");
                    inlines(n.text);
                    put("</p>");
                    newline();
                } else if constexpr (std::is_same_v<T, Heading>) {
                    line_for(depth, b.loc);
                    const std::string tag = "h" + std::to_string(n.level);
                    put("<" + tag + ">");
                    inlines(n.text);
                    put("</" + tag + ">");
                    newline();
                } else if constexpr (std::is_same_v<T, List>) {
                    list(n, b.loc, depth, ctx);
                } else if constexpr (std::is_same_v<T, Table>) {
                    table(n, b.loc, depth);
                } else if constexpr (std::is_same_v<T, Image>) {
                    line_for(depth, b.loc);
                    std::string e = "<img src=\"" + escape(n.path, true) + "\"";
                    if (!n.alt.empty()) e += " alt=\"" + escape(n.alt, true) + "\"";
                    if (n.width) e += " width=\"" + length_mm(*n.width) + "\"";
                    if (n.align == Align::Center) e += " align=\"center\"";
                    if (n.align == Align::Right) e += " align=\"right\"";
                    put(e + "/>");
                    newline();
                } else if constexpr (std::is_same_v<T, BlockQuote>) {
                    container(b.loc, depth, "blockquote", n.content);
                } else if constexpr (std::is_same_v<T, PageBreak>) {
                    line_for(depth, b.loc);
                    put("<page-break/>");
                    newline();
                } else if constexpr (std::is_same_v<T, Contact>) {
                    contact(n, b.loc, depth);
                } else if constexpr (std::is_same_v<T, Cover>) {
                    cover(n, b.loc, depth);
                } else if constexpr (std::is_same_v<T, KeepTogether>) {
                    line_for(depth, b.loc);
                    put("<keep>");
                    newline();
                    for (const Block& c : n.content) write_block(c, depth + 1, ctx);
                    indent(depth);
                    put("</keep>");
                    newline();
                } else if constexpr (std::is_same_v<T, Attendance>) {
                    attendance(n, b.loc, depth);
                } else if constexpr (std::is_same_v<T, Minute>) {
                    minute(n, b.loc, depth);
                } else if constexpr (std::is_same_v<T, Resolution>) {
                    line_for(depth, b.loc);
                    put("<resolved label=\"" + escape(n.label, true) + "\">");
                    newline();
                    for (const Block& c : n.content) write_block(c, depth + 1, Context::Nested);
                    indent(depth);
                    put("</resolved>");
                    newline();
                } else if constexpr (std::is_same_v<T, Signature>) {
                    line_for(depth, b.loc);
                    std::string e = "<signature";
                    if (!n.times.empty()) e += " times=\"" + escape(n.times, true) + "\"";
                    if (n.date) e += " date=\"" + iso(*n.date) + "\"";
                    put(e + "/>");
                    newline();
                }
            },
            b.node);
    }

    // number="..." as the paper needs it: in a report every <p> is
    // numbered unless it says otherwise; elsewhere none is unless it does.
    std::string number_attr(const Paragraph& p, Context ctx) {
        if (ctx != Context::Body) return {};
        const bool report = p_.paper.kind == Paper::Kind::Report;
        switch (p.numbering) {
            case Numbering::None: return report ? " number=\"none\"" : "";
            case Numbering::Sub: return " number=\"sub\"";
            case Numbering::Auto:
                if (p.restart) return " number=\"" + std::to_string(*p.restart) + "\"";
                return report ? "" : " number=\"" + std::to_string(++number_) + "\"";
        }
        return {};
    }

    // A block holding text or blocks: one paragraph is written as its text.
    void container(const SourceLoc& loc, int depth, const std::string& tag, const Blocks& content,
                   const std::string& attrs = {}, Context inner = Context::Nested) {
        line_for(depth, loc);
        if (content.empty()) {
            put("<" + tag + attrs + "/>");
            newline();
            return;
        }
        if (content.size() == 1 && std::holds_alternative<Paragraph>(content.front().node)) {
            put("<" + tag + attrs + ">");
            inlines(std::get<Paragraph>(content.front().node).text);
            put("</" + tag + ">");
            newline();
            return;
        }
        put("<" + tag + attrs + ">");
        newline();
        for (const Block& c : content) write_block(c, depth + 1, inner);
        indent(depth);
        put("</" + tag + ">");
        newline();
    }

    void list(const List& l, const SourceLoc& loc, int depth, Context) {
        line_for(depth, loc);
        std::string tag = l.kind == ListKind::Bullet ? "ul" : "ol";
        std::string open = "<" + tag;
        if (l.kind != ListKind::Bullet) {
            static const char* const kCounter[] = {"a", "A", "i", "1"};
            const char* counter = kCounter[static_cast<int>(l.kind)];
            if (l.punctuation)
                open += " label=\"" + escape(l.punctuation->first + counter + l.punctuation->second, true) + "\"";
            else
                open += std::string(" type=\"") + counter + "\"";
            if (l.start != 1) open += " start=\"" + std::to_string(l.start) + "\"";
        }
        put(open + ">");
        newline();
        for (const ListItem& item : l.items) container(item.loc, depth + 1, "li", item.content);
        indent(depth);
        put("</" + tag + ">");
        newline();
    }

    void table(const Table& t, const SourceLoc& loc, int depth) {
        line_for(depth, loc);
        std::string open = "<table";
        if (t.type_size) open += " size=\"" + points(*t.type_size) + "\"";
        if (!t.columns.empty()) {
            std::string w;
            for (const TableColumn& c : t.columns) w += (w.empty() ? "" : " ") + std::to_string(c.weight) + "*";
            open += " widths=\"" + w + "\"";
        }
        put(open + ">");
        newline();
        auto group = [&](const std::vector<TableRow>& rows, const char* tag) {
            if (rows.empty()) return;
            indent(depth + 1);
            put(std::string("<") + tag + ">");
            newline();
            for (const TableRow& r : rows) {
                line_for(depth + 2, r.loc);
                std::string tr = "<tr";
                if (r.flags & kBold) tr += " style=\"bold\"";
                else if (r.flags & kItalic) tr += " style=\"italic\"";
                put(tr + ">");
                newline();
                for (const TableCell& c : r.cells) {
                    std::string attrs;
                    if (c.colspan > 1) attrs += " colspan=\"" + std::to_string(c.colspan) + "\"";
                    if (c.rowspan > 1) attrs += " rowspan=\"" + std::to_string(c.rowspan) + "\"";
                    if (!c.status.empty()) {
                        static const char* const kLetters[] = {"R", "A", "G"};
                        static const char* const kWords[] = {"Red", "Amber", "Green"};
                        std::string s;
                        for (Rag g : c.status) s += (s.empty() ? "" : " ") + std::string((c.status_words ? kWords : kLetters)[static_cast<int>(g)]);
                        attrs += " status=\"" + s + "\"";
                    }
                    if (c.fill) {
                        char hex[8];
                        std::snprintf(hex, sizeof hex, "#%02x%02x%02x", c.fill->r, c.fill->g, c.fill->b);
                        attrs += std::string(" fill=\"") + hex + "\"";
                    }
                    if (c.align == Align::Center) attrs += " align=\"center\"";
                    if (c.align == Align::Right) attrs += " align=\"right\"";
                    container(c.loc, depth + 3, c.header ? "th" : "td", c.content, attrs, Context::Cell);
                }
                indent(depth + 2);
                put("</tr>");
                newline();
            }
            indent(depth + 1);
            put(std::string("</") + tag + ">");
            newline();
        };
        group(t.head, "thead");
        group(t.body, "tbody");
        if (!t.notes.empty()) {
            indent(depth + 1);
            put("<notes>");
            newline();
            for (const Block& n : t.notes) write_block(n, depth + 2, Context::Cell);
            indent(depth + 1);
            put("</notes>");
            newline();
        }
        indent(depth);
        put("</table>");
        newline();
    }

    void contact(const Contact& c, const SourceLoc& loc, int depth) {
        line_for(depth, loc);
        std::string open = "<contact";
        if (!c.heading) open += " heading=\"false\"";
        else if (!c.title.empty()) open += " title=\"" + escape(c.title, true) + "\"";
        put(open + ">");
        newline();
        const bool several = c.officers.size() > 1;
        for (const Contact::Officer& o : c.officers) {
            int d = depth + 1;
            if (several) {
                line_for(d, o.loc);
                put("<officer>");
                newline();
                ++d;
            }
            for (const Inlines& l : o.lines) {
                indent(d);
                put("<line>");
                inlines(l);
                put("</line>");
                newline();
            }
            if (several) {
                indent(depth + 1);
                put("</officer>");
                newline();
            }
        }
        indent(depth);
        put("</contact>");
        newline();
    }

    void cover(const Cover& c, const SourceLoc& loc, int depth) {
        line_for(depth, loc);
        put("<cover>");
        newline();
        auto field = [&](const char* tag, const Inlines& in) {
            indent(depth + 1);
            put(std::string("<") + tag + ">");
            inlines(in);
            put(std::string("</") + tag + ">");
            newline();
        };
        if (!c.title.empty()) field("title", c.title);
        if (!c.subtitle.empty()) field("subtitle", c.subtitle);
        for (const Inlines& a : c.authors) field("author", a);
        if (c.date) {
            indent(depth + 1);
            put("<date>" + (c.date->day == 0 ? iso(*c.date).substr(0, 7) : iso(*c.date)) + "</date>");
            newline();
        }
        indent(depth);
        put("</cover>");
        newline();
    }

    void attendance(const Attendance& a, const SourceLoc& loc, int depth) {
        line_for(depth, loc);
        put("<attendance>");
        newline();
        for (const AttendanceGroup& g : a.groups) {
            line_for(depth + 1, g.loc);
            put("<group" + (g.title.empty() ? std::string() : " title=\"" + escape(g.title, true) + "\"") + ">");
            newline();
            if (!g.chair.empty()) {
                indent(depth + 2);
                put("<chair>");
                inlines(g.chair);
                put("</chair>");
                newline();
            }
            for (const AttendanceGroup::Person& person : g.people) {
                indent(depth + 2);
                put("<person><name>");
                inlines(person.name);
                put("</name>");
                if (!person.role.empty()) {
                    put("<role>");
                    inlines(person.role);
                    put("</role>");
                }
                put("</person>");
                newline();
            }
            indent(depth + 1);
            put("</group>");
            newline();
        }
        indent(depth);
        put("</attendance>");
        newline();
    }

    void minute(const Minute& m, const SourceLoc& loc, int depth) {
        line_for(depth, loc);
        put("<minute" + (m.number ? " number=\"" + std::to_string(*m.number) + "\"" : std::string()) + ">");
        newline();
        indent(depth + 1);
        put("<title>");
        inlines(m.title);
        put("</title>");
        newline();
        for (const Block& b : m.content) write_block(b, depth + 1, Context::Body);
        indent(depth);
        put("</minute>");
        newline();
    }

    // Inline content: markup opened and closed as the runs' flags change,
    // kept open across runs that share it; a footnote closes everything,
    // for <fn> stands only in a block's own text.
    void inlines(const Inlines& in) {
        struct Open {
            std::uint8_t flag;  // 0 for a link
            std::string href;
        };
        std::vector<Open> open;
        auto close_to = [&](std::size_t keep) {
            while (open.size() > keep) {
                const Open& o = open.back();
                put(o.flag == 0 ? "</a>" : std::string("</") + tag_of(o.flag) + ">");
                open.pop_back();
            }
        };
        for (const Inline& i : in) {
            if (i.kind == Inline::Kind::Footnote) {
                close_to(0);
                put("<fn>");
                inlines(i.note);
                put("</fn>");
                continue;
            }
            // What this run needs, outermost first: its link, then b, i, u, sup, sub.
            std::vector<Open> want;
            if (!i.href.empty()) want.push_back(Open{0, i.href});
            for (std::uint8_t f : {kBold, kItalic, kUnderline, kSuperscript, kSubscript})
                if (i.flags & f) want.push_back(Open{f, {}});
            if (i.kind == Inline::Kind::LineBreak) {
                // A break keeps the emphasis open, and a link only if it is in the link.
                std::size_t keep = 0;
                while (keep < open.size() && (open[keep].flag != 0 || open[keep].href == i.href)) ++keep;
                close_to(keep);
                put("<br/>");
                continue;
            }
            // Keep the longest run of open markup this run also wants, in order.
            std::size_t keep = 0;
            while (keep < open.size()) {
                const Open& o = open[keep];
                bool wanted = false;
                for (const Open& w : want) wanted = wanted || (w.flag == o.flag && w.href == o.href);
                if (!wanted) break;
                ++keep;
            }
            close_to(keep);
            for (const Open& w : want) {
                bool is_open = false;
                for (const Open& o : open) is_open = is_open || (o.flag == w.flag && o.href == w.href);
                if (is_open) continue;
                put(w.flag == 0 ? "<a href=\"" + escape(w.href, true) + "\">" : std::string("<") + tag_of(w.flag) + ">");
                open.push_back(w);
            }
            put(escape(i.text, false));
        }
        close_to(0);
    }

    static const char* tag_of(std::uint8_t f) {
        switch (f) {
            case kBold: return "b";
            case kItalic: return "i";
            case kUnderline: return "u";
            case kSuperscript: return "sup";
            default: return "sub";
        }
    }

    const ShapedPaper& p_;
    WrittenXml out_;
    std::uint32_t line_ = 1;
    int number_ = 0;
};

}  // namespace

WrittenXml write_paper(const ShapedPaper& paper) { return Writer(paper).run(); }

}  // namespace bp::docx
