#include "import/read.hpp"

#include <algorithm>
#include <climits>
#include <set>

#include "import/ooxml.hpp"
#include "import/text.hpp"

namespace bp::docx {

Relationships read_relationships(pugi::xml_node root, const std::string& source_part) {
    Relationships rels;
    for (pugi::xml_node r : root.children("Relationship")) {
        Relationship rel;
        std::string_view type = attr(r, "Type");
        const std::size_t slash = type.rfind('/');
        rel.type = std::string(slash == std::string_view::npos ? type : type.substr(slash + 1));
        rel.external = attr(r, "TargetMode") == "External";
        rel.target = rel.external ? std::string(attr(r, "Target")) : resolve_target(source_part, attr(r, "Target"));
        rels.emplace(std::string(attr(r, "Id")), std::move(rel));
    }
    return rels;
}

Inlines WordParagraph::text() const {
    Inlines out;
    for (const Piece& p : pieces) out.insert(out.end(), p.text.begin(), p.text.end());
    return out;
}

bool WordParagraph::empty() const {
    for (const Piece& p : pieces) {
        if (p.picture) return false;
        for (const Inline& i : p.text)
            if (i.kind == Inline::Kind::Footnote || i.text.find_first_not_of(" \t\u00a0") != std::string::npos)
                return false;
    }
    return true;
}

namespace {

// Gathers a paragraph's content into pieces, merging runs that look alike.
class Builder {
public:
    std::vector<Piece> pieces = std::vector<Piece>(1);

    void text(std::string_view t, std::uint8_t flags, const std::string& href) {
        if (t.empty()) return;
        Inlines& in = pieces.back().text;
        if (!in.empty() && in.back().kind == Inline::Kind::Text && in.back().flags == flags && in.back().href == href) {
            in.back().text += t;
            return;
        }
        Inline i;
        i.flags = flags;
        i.href = href;
        i.text = std::string(t);
        in.push_back(std::move(i));
    }
    void line_break(const std::string& href) {
        Inline i;
        i.kind = Inline::Kind::LineBreak;
        i.href = href;
        pieces.back().text.push_back(std::move(i));
    }
    void footnote(Inlines note) {
        Inline i;
        i.kind = Inline::Kind::Footnote;
        i.note = std::move(note);
        pieces.back().text.push_back(std::move(i));
    }
    void picture(Picture p) {
        pieces.back().picture = std::move(p);
        pieces.emplace_back();
    }
    void page_break() {
        pieces.back().page_break = true;
        pieces.emplace_back();
    }
};

// A field being read: its instruction, then (after the separator) its
// shown result.
struct Field {
    std::string instr;
    bool in_result = false;
    std::string kind;  // HYPERLINK, REF, TOC ...
    std::string href;
};

// Where a block stands, for naming places and for what may stand there.
struct Scope {
    std::string control;  // content control tag
    std::optional<Date> control_date;
    int table = 0, row = 0, cell = 0;  // inside table `table` (its row and cell), 0 when not
    int note = 0;                      // inside footnote `note`
    const char* note_word = "footnote";
    int text_box_of = 0;               // inside a text box of this body paragraph
    int depth = 0;
};

// What one paragraph's reading gathers besides its text.
struct ParagraphState {
    Builder b;
    int place = 0;
    std::vector<std::string> field_kinds;
    std::vector<WordBlock> text_boxes;
    std::vector<WordParagraph::InlineControl> controls;
    std::string hidden;  // the first hidden text met
    bool in_link = false;
};

struct RunContext {
    std::string href;
    const ParagraphStyle* style = nullptr;
    // Inside a deletion: the text is not shown, so it is not read.
    bool deleted = false;
    // Inside an inline content control: its text is gathered there too.
    WordParagraph::InlineControl* control = nullptr;
    bool placeholder = false;  // the control shows its placeholder text
};

std::string upper_word(std::string_view instr) {
    std::size_t a = instr.find_first_not_of(' ');
    if (a == std::string_view::npos) return {};
    std::size_t b = instr.find_first_of(" \\", a);
    std::string w(instr.substr(a, b == std::string_view::npos ? std::string_view::npos : b - a));
    for (char& c : w)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return w;
}

// HYPERLINK "https://..." \l "anchor": the address, or "" for a link inside the document.
std::string hyperlink_target(std::string_view instr) {
    const std::size_t q = instr.find('"');
    std::string target;
    if (q != std::string_view::npos) {
        const std::size_t e = instr.find('"', q + 1);
        if (e != std::string_view::npos) target = std::string(instr.substr(q + 1, e - q - 1));
    } else {
        std::size_t a = instr.find("HYPERLINK");
        if (a == std::string_view::npos) a = instr.find("hyperlink");
        if (a != std::string_view::npos) {
            std::size_t s = instr.find_first_not_of(' ', a + 9);
            if (s != std::string_view::npos) {
                std::size_t e = instr.find(' ', s);
                target = std::string(instr.substr(s, e == std::string_view::npos ? std::string_view::npos : e - s));
            }
        }
    }
    return target;
}

std::optional<Date> full_date(std::string_view s) {
    // w:fullDate="2015-09-17T00:00:00Z"
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto y = to_int(s.substr(0, 4)), m = to_int(s.substr(5, 2)), d = to_int(s.substr(8, 2));
    if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1 || *d > 31) return std::nullopt;
    return Date{static_cast<int>(*y), static_cast<int>(*m), static_cast<int>(*d)};
}

// A length in a VML style ("width:120pt") as EMU; 0 when not given.
std::int64_t vml_width(std::string_view style) {
    std::size_t at = style.find("width:");
    while (at != std::string_view::npos && at > 0 && style[at - 1] != ';' && style[at - 1] != ' ')
        at = style.find("width:", at + 1);
    if (at == std::string_view::npos) return 0;
    std::string_view v = style.substr(at + 6);
    v = v.substr(0, v.find(';'));
    double num = 0;
    std::size_t i = 0;
    double scale = 1;
    bool dot = false;
    for (; i < v.size() && ((v[i] >= '0' && v[i] <= '9') || v[i] == '.'); ++i) {
        if (v[i] == '.') {
            dot = true;
            continue;
        }
        if (dot) scale /= 10;
        num = num * (dot ? 1 : 10) + (v[i] - '0') * (dot ? scale : 1);
    }
    std::string_view unit = v.substr(i);
    double emu_per = unit == "in" ? 914400 : unit == "cm" ? 360000 : unit == "mm" ? 36000 : unit == "px" ? 9525 : 12700;
    const double emu = num * emu_per;
    return emu > 0 && emu < 1e12 ? static_cast<std::int64_t>(emu) : 0;
}

class DocReader {
public:
    explicit DocReader(ReadContext& c) : c_(c) {
        for (pugi::xml_node n : c_.footnotes.children("w:footnote")) notes_.emplace(std::string(attr(n, "w:id")), n);
        for (pugi::xml_node n : c_.endnotes.children("w:endnote")) endnotes_.emplace(std::string(attr(n, "w:id")), n);
    }

    WordDocument read(pugi::xml_node body) {
        WordDocument doc;
        if (auto sz = c_.styles.paragraph("").run.half_points) doc.body_text_size = sz;
        else if (auto dsz = c_.styles.defaults().half_points) doc.body_text_size = dsz;
        Scope scope;
        doc_ = &doc;
        doc.sections.push_back(WordSection{});
        blocks(body, doc.blocks, scope);
        // The body's own w:sectPr describes the last section.
        section_end(body.child("w:sectPr"), doc);
        // The last section's entry was opened but never filled when the body ends with a break.
        if (doc.sections.size() > 1 && doc.sections.back().first >= doc.blocks.size()) doc.sections.pop_back();
        return doc;
    }

private:
    // ---- blocks ----

    void blocks(pugi::xml_node parent, std::vector<WordBlock>& out, const Scope& scope) {
        for (pugi::xml_node n : parent.children()) {
            std::string_view name = n.name();
            if (name == "w:p") {
                paragraph(n, out, scope);
            } else if (name == "w:tbl") {
                table(n, out, scope);
            } else if (name == "w:sdt") {
                block_control(n, out, scope);
            } else if (name == "w:customXml" || name == "w:ins" || name == "w:moveTo") {
                if (name != "w:customXml") revision(last_place_, name == "w:ins" ? "text inserted" : "text moved", n);
                blocks(n, out, scope);
            } else if (name == "w:del" || name == "w:moveFrom") {
                revision(last_place_, name == "w:del" ? "text deleted" : "text moved", n);
            } else if (name == "w:altChunk") {
                c_.findings.warning(last_place_, rule::import_dropped,
                                    "a piece of another document embedded here (an alternative format chunk) was left out",
                                    "copy its text into the document itself and import again");
            }
        }
    }

    void block_control(pugi::xml_node sdt, std::vector<WordBlock>& out, const Scope& scope) {
        pugi::xml_node pr = sdt.child("w:sdtPr");
        if (std::string_view g = val(pr.child("w:docPartObj").child("w:docPartGallery")); g == "Table of Contents") {
            const int place = c_.places.add("table of contents");
            last_place_ = place;
            c_.findings.note(place, rule::import_dropped,
                             "the table of contents was left out: the PDF's bookmarks and the headings do its work");
            return;
        }
        Scope inner = scope;
        inner.control = std::string(val(pr.child("w:tag")));
        if (inner.control.empty()) inner.control = std::string(val(pr.child("w:alias")));
        if (pugi::xml_node d = pr.child("w:date")) inner.control_date = full_date(attr(d, "w:fullDate"));
        if (pr.child("w:showingPlcHdr")) {
            const int place = c_.places.add("content control \"" + inner.control + "\"");
            last_place_ = place;
            c_.findings.warning(place, rule::import_dropped, "it still shows its placeholder text, so it was left out",
                                "fill it in in Word, or delete it");
            return;
        }
        blocks(sdt.child("w:sdtContent"), out, inner);
    }

    std::string place_words(const Scope& s, int paragraph_number, const Inlines& text, const std::optional<NumberLabel>& num) {
        std::string words = plain_text(text);
        if (num && !num->text.empty()) words = num->text + " " + words;
        std::string fw = first_words(words);
        std::string where;
        if (s.note) where = s.note_word + std::string(" ") + std::to_string(s.note);
        else if (s.table) where = "table " + std::to_string(s.table) + ", row " + std::to_string(s.row) + ", cell " + std::to_string(s.cell);
        else if (s.text_box_of) where = "a text box at paragraph " + std::to_string(s.text_box_of);
        else where = "paragraph " + std::to_string(paragraph_number);
        return where + (fw.empty() ? std::string(" (empty)") : " (\"" + fw + "\")");
    }

    void paragraph(pugi::xml_node p, std::vector<WordBlock>& out, const Scope& scope) {
        // A table of contents' entries are the result of its field.
        if (in_toc()) {
            end_fields_in(p);
            return;
        }
        pugi::xml_node ppr = p.child("w:pPr");
        WordParagraph wp;
        wp.place = c_.places.add();
        last_place_ = wp.place;
        const int number = (!scope.table && !scope.note && !scope.text_box_of) ? ++paragraphs_ : paragraphs_;
        wp.style_id = std::string(val(ppr.child("w:pStyle")));
        const ParagraphStyle& style = c_.styles.paragraph(wp.style_id);
        wp.style = style.name;
        wp.outline = style.outline.value_or(-1);
        if (pugi::xml_node o = ppr.child("w:outlineLvl"))
            if (auto v = to_int(val(o)); v && *v >= 0 && *v <= 9) wp.outline = *v <= 8 ? static_cast<int>(*v) : -1;
        wp.page_break_before = on_off(ppr.child("w:pageBreakBefore")).value_or(style.page_break_before);
        if (pugi::xml_node jc = ppr.child("w:jc")) {
            std::string_view j = val(jc);
            if (j == "center") wp.align = Align::Center;
            else if (j == "right" || j == "end") wp.align = Align::Right;
            else if (j == "left" || j == "start") wp.align = Align::Left;
        }
        wp.control = scope.control;
        wp.control_date = scope.control_date;
        // Revisions of the paragraph itself: its mark inserted or deleted,
        // its properties changed.
        if (pugi::xml_node rpr = ppr.child("w:rPr")) {
            if (rpr.child("w:ins")) revision(wp.place, "a paragraph inserted", rpr.child("w:ins"));
            if (rpr.child("w:del")) revision(wp.place, "a paragraph deleted", rpr.child("w:del"));
            if (rpr.child("w:moveFrom") || rpr.child("w:moveTo")) revision(wp.place, "a paragraph moved", rpr.first_child());
        }
        if (pugi::xml_node ch = ppr.child("w:pPrChange")) revision(wp.place, "a change to the paragraph's layout", ch);
        if (pugi::xml_node ch = ppr.child("w:rPr").child("w:rPrChange")) revision(wp.place, "a formatting change", ch);
        if (pugi::xml_node ch = ppr.child("w:sectPr").child("w:sectPrChange")) revision(wp.place, "a change to the page layout", ch);
        if (pugi::xml_node ch = ppr.child("w:numPr").child("w:ins")) revision(wp.place, "numbering added", ch);
        // Numbering: the paragraph's own, else its style's.
        std::optional<int> num_id = style.numbering.num_id;
        std::optional<int> level = style.numbering.level;
        bool own = false;
        if (pugi::xml_node np = ppr.child("w:numPr")) {
            if (auto id = to_int(val(np.child("w:numId")))) {
                num_id = static_cast<int>(std::clamp<long long>(*id, -1, INT_MAX));
                own = true;
            }
            if (auto lv = to_int(val(np.child("w:ilvl")))) level = static_cast<int>(std::clamp<long long>(*lv, 0, 8));
        }
        if (num_id && *num_id > 0) {
            if (!level && !own) level = c_.numbering.level_for_style(*num_id, wp.style_id);
            wp.number = c_.numbering.next(*num_id, level.value_or(0));
        }

        ParagraphState st;
        st.place = wp.place;
        RunContext rc;
        rc.style = &style;
        inline_content(p, st, rc, 0);
        wp.pieces = std::move(st.b.pieces);
        wp.inline_controls = std::move(st.controls);
        // A paragraph that is only a line break or empty runs keeps no pieces of text.
        c_.places.name(wp.place, place_words(scope, number, wp.text(), wp.number));
        if (!st.hidden.empty())
            c_.findings.error(wp.place, rule::import_hidden_text, "hidden text: \"" + first_words(st.hidden, 8) + "\"",
                              "show it in Word (Home > Show/Hide), then delete it or make it visible "
                              "(Font > Hidden), save, and import again");
        if (!st.field_kinds.empty()) {
            std::string kinds;
            for (const std::string& k : st.field_kinds) kinds += (kinds.empty() ? "" : ", ") + k;
            c_.findings.note(wp.place, rule::import_dropped,
                             std::string(st.field_kinds.size() == 1 ? "a field" : "fields") + " (" + kinds +
                                 ") kept as the text Word shows; it will not update",
                             "check the text is what you want published");
        }
        out.push_back(WordBlock{std::move(wp)});
        for (WordBlock& tb : st.text_boxes) out.push_back(std::move(tb));
        // A section ends with this paragraph.
        if (pugi::xml_node sp = ppr.child("w:sectPr"); sp && !scope.table && !scope.note && !scope.text_box_of && &out == &doc_->blocks)
            section_end(sp, *doc_);
    }

    void section_end(pugi::xml_node sect, WordDocument& doc) {
        WordSection& s = doc.sections.back();
        if (pugi::xml_node pg = sect.child("w:pgSz")) {
            auto w = to_int(attr(pg, "w:w")), h = to_int(attr(pg, "w:h"));
            const bool landscape = attr(pg, "w:orient") == "landscape" || (w && h && *w > *h);
            s.orientation = landscape ? Orientation::Landscape : Orientation::Portrait;
        }
        std::string_view type = val(sect.child("w:type"));
        s.new_page = type != "continuous" && type != "nextColumn";
        WordSection next;
        next.first = doc.blocks.size();
        doc.sections.push_back(next);
    }

    void table(pugi::xml_node tbl, std::vector<WordBlock>& out, const Scope& scope) {
        auto t = std::make_unique<WordTable>();
        t->place = c_.places.add();
        last_place_ = t->place;
        t->number = ++tables_;
        pugi::xml_node pr = tbl.child("w:tblPr");
        if (pr.child("w:tblPrChange")) revision(t->place, "a change to the table", pr.child("w:tblPrChange"));
        if (tbl.child("w:tblGrid").child("w:tblGridChange")) revision(t->place, "a change to the table", tbl.child("w:tblGrid"));
        for (pugi::xml_node g : tbl.child("w:tblGrid").children("w:gridCol")) {
            auto w = to_int(attr(g, "w:w"));
            t->grid.push_back(w && *w > 0 && *w < 1'000'000 ? *w : 0);
        }
        const std::string_view layout = attr(pr.child("w:tblLayout"), "w:type");
        const std::string_view wtype = attr(pr.child("w:tblW"), "w:type");
        t->auto_width = layout != "fixed" && (wtype == "auto" || wtype.empty() || wtype == "nil");
        sizes_.push_back(SizeRange{});
        int row_number = 0;
        auto read_row = [&](pugi::xml_node tr) {
            WordRow row;
            row.place = c_.places.add();
            last_place_ = row.place;
            ++row_number;
            pugi::xml_node trpr = tr.child("w:trPr");
            row.header = on_off(trpr.child("w:tblHeader")).value_or(false);
            if (trpr.child("w:ins")) revision(row.place, "a row inserted", trpr.child("w:ins"));
            if (trpr.child("w:del")) revision(row.place, "a row deleted", trpr.child("w:del"));
            if (trpr.child("w:trPrChange")) revision(row.place, "a change to the row", trpr.child("w:trPrChange"));
            if (auto v = to_int(val(trpr.child("w:gridBefore")))) row.before = static_cast<int>(std::clamp<long long>(*v, 0, 1000));
            if (auto v = to_int(val(trpr.child("w:gridAfter")))) row.after = static_cast<int>(std::clamp<long long>(*v, 0, 1000));
            int cell_number = 0;
            std::string row_text;
            auto read_cell = [&](pugi::xml_node tc) {
                WordCell cell;
                cell.place = c_.places.add();
                ++cell_number;
                pugi::xml_node tcpr = tc.child("w:tcPr");
                if (auto v = to_int(val(tcpr.child("w:gridSpan")))) cell.span = static_cast<int>(std::clamp<long long>(*v, 1, 1000));
                if (pugi::xml_node vm = tcpr.child("w:vMerge"))
                    cell.merge = val(vm) == "restart" ? WordCell::Merge::Start : WordCell::Merge::Continue;
                if (pugi::xml_node hm = tcpr.child("w:hMerge"); hm && val(hm) != "restart") {
                    // Word 97's horizontal merge: this cell belongs to the one before.
                    if (!row.cells.empty()) {
                        row.cells.back().span += 1;
                        return;
                    }
                }
                if (pugi::xml_node shd = tcpr.child("w:shd")) cell.fill = hex_colour(attr(shd, "w:fill"));
                if (tcpr.child("w:tcPrChange")) revision(cell.place, "a change to the cell", tcpr.child("w:tcPrChange"));
                if (tcpr.child("w:cellIns") || tcpr.child("w:cellDel") || tcpr.child("w:cellMerge"))
                    revision(cell.place, "a cell inserted, deleted or merged", tcpr.first_child());
                Scope inner = scope;
                inner.table = t->number;
                inner.row = row_number;
                inner.cell = cell_number;
                inner.depth = scope.depth + 1;
                if (inner.depth <= 64) blocks(tc, cell.content, inner);
                c_.places.name(cell.place, "table " + std::to_string(t->number) + ", row " + std::to_string(row_number) +
                                               ", cell " + std::to_string(cell_number));
                for (const WordBlock& b : cell.content)
                    if (const auto* p = std::get_if<WordParagraph>(&b.node))
                        if (row_text.size() < 80) row_text += (row_text.empty() ? "" : " ") + plain_text(p->text());
                row.cells.push_back(std::move(cell));
            };
            for (pugi::xml_node c : tr.children()) {
                std::string_view cn = c.name();
                if (cn == "w:tc") read_cell(c);
                else if (cn == "w:sdt" || cn == "w:customXml") {
                    pugi::xml_node content = cn == "w:sdt" ? c.child("w:sdtContent") : c;
                    for (pugi::xml_node tc : content.children("w:tc")) read_cell(tc);
                }
            }
            const std::string fw = first_words(row_text);
            c_.places.name(row.place, "table " + std::to_string(t->number) + ", row " + std::to_string(row_number) +
                                          (fw.empty() ? std::string(" (empty)") : " (\"" + fw + "\")"));
            if (row_number == 1) c_.places.name(t->place, "table " + std::to_string(t->number) +
                                                              (fw.empty() ? std::string() : " (\"" + fw + "\")"));
            t->rows.push_back(std::move(row));
        };
        for (pugi::xml_node c : tbl.children()) {
            std::string_view cn = c.name();
            if (cn == "w:tr") read_row(c);
            else if (cn == "w:sdt" || cn == "w:customXml" || cn == "w:ins") {
                pugi::xml_node content = cn == "w:sdt" ? c.child("w:sdtContent") : c;
                if (cn == "w:ins") revision(last_place_, "a row inserted", c);
                for (pugi::xml_node tr : content.children("w:tr")) read_row(tr);
            } else if (cn == "w:del") {
                revision(last_place_, "a row deleted", c);
            }
        }
        if (t->rows.empty()) c_.places.name(t->place, "table " + std::to_string(t->number) + " (empty)");
        const SizeRange sr = sizes_.back();
        sizes_.pop_back();
        if (sr.any && sr.min == sr.max) t->text_size = sr.min;
        for (SizeRange& outer : sizes_) outer.merge(sr);
        out.push_back(WordBlock{std::move(t)});
    }

    static std::optional<Color> hex_colour(std::string_view v) {
        if (v.size() != 6) return std::nullopt;
        auto hex = [](char c) -> int {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        };
        int parts[3];
        for (int i = 0; i < 3; ++i) {
            const int hi = hex(v[static_cast<std::size_t>(2 * i)]), lo = hex(v[static_cast<std::size_t>(2 * i + 1)]);
            if (hi < 0 || lo < 0) return std::nullopt;
            parts[i] = hi * 16 + lo;
        }
        return Color{static_cast<std::uint8_t>(parts[0]), static_cast<std::uint8_t>(parts[1]), static_cast<std::uint8_t>(parts[2])};
    }

    // ---- inline content ----

    void inline_content(pugi::xml_node parent, ParagraphState& st, const RunContext& rc, int depth) {
        if (depth > 64) return;
        for (pugi::xml_node n : parent.children()) {
            std::string_view name = n.name();
            if (name == "w:r") {
                run(n, st, rc);
            } else if (name == "w:hyperlink") {
                RunContext inner = rc;
                pugi::xml_attribute id = n.attribute("r:id");
                if (id) {
                    auto it = c_.rels.find(std::string_view(id.value()));
                    if (it != c_.rels.end() && it->second.external) inner.href = link_address(it->second.target, st.place);
                }
                inline_content(n, st, inner, depth + 1);
            } else if (name == "w:ins" || name == "w:moveTo") {
                revision(st.place, name == "w:ins" ? "text inserted" : "text moved", n);
                inline_content(n, st, rc, depth + 1);
            } else if (name == "w:del" || name == "w:moveFrom") {
                revision(st.place, name == "w:del" ? "text deleted" : "text moved", n);
            } else if (name == "w:sdt") {
                inline_control(n, st, rc, depth);
            } else if (name == "w:smartTag" || name == "w:customXml" || name == "w:dir" || name == "w:bdo") {
                inline_content(n, st, rc, depth + 1);
            } else if (name == "w:fldSimple") {
                simple_field(n, st, rc, depth);
            } else if (name == "w:commentRangeStart") {
                comment(st.place, attr(n, "w:id"));
            } else if (name == "m:oMath" || name == "m:oMathPara") {
                equation(n, st, rc);
            }
        }
    }

    void inline_control(pugi::xml_node sdt, ParagraphState& st, const RunContext& rc, int depth) {
        pugi::xml_node pr = sdt.child("w:sdtPr");
        WordParagraph::InlineControl ctl;
        ctl.tag = std::string(val(pr.child("w:tag")));
        if (ctl.tag.empty()) ctl.tag = std::string(val(pr.child("w:alias")));
        if (pugi::xml_node d = pr.child("w:date")) ctl.date = full_date(attr(d, "w:fullDate"));
        if (pr.child("w:showingPlcHdr")) {
            c_.findings.warning(st.place, rule::import_dropped,
                                "the content control \"" + ctl.tag + "\" still shows its placeholder text, so it was left out",
                                "fill it in in Word, or delete it");
            return;
        }
        st.controls.push_back(std::move(ctl));
        const std::size_t index = st.controls.size() - 1;
        RunContext inner = rc;
        // The control's text goes into the paragraph and, separately, to the control.
        Builder saved = std::move(st.b);
        st.b = Builder{};
        inline_content(sdt.child("w:sdtContent"), st, inner, depth + 1);
        // Pictures or breaks inside a control split it; keep everything.
        std::vector<Piece> inside = std::move(st.b.pieces);
        st.b = std::move(saved);
        Inlines collected;
        for (Piece& p : inside) {
            for (Inline& i : p.text) {
                collected.push_back(i);
                append_inline(st.b, std::move(i));
            }
            if (p.picture) st.b.picture(std::move(*p.picture));
            if (p.page_break) st.b.page_break();
        }
        st.controls[index].text = std::move(collected);
    }

    static void append_inline(Builder& b, Inline i) {
        if (i.kind == Inline::Kind::Text) b.text(i.text, i.flags, i.href);
        else if (i.kind == Inline::Kind::LineBreak) b.line_break(i.href);
        else b.footnote(std::move(i.note));
    }

    void simple_field(pugi::xml_node f, ParagraphState& st, const RunContext& rc, int depth) {
        const std::string instr(attr(f, "w:instr"));
        const std::string kind = upper_word(instr);
        RunContext inner = rc;
        if (kind == "HYPERLINK") {
            const std::string target = hyperlink_target(instr);
            if (!target.empty()) inner.href = link_address(target, st.place);
        } else if (!kind.empty()) {
            field_note(st, kind);
        }
        inline_content(f, st, inner, depth + 1);
    }

    void field_note(ParagraphState& st, const std::string& kind) {
        // Fields whose shown text is all there is to them.
        if (kind == "HYPERLINK" || kind == "PAGE" || kind == "NUMPAGES" || kind == "SECTIONPAGES") return;
        if (std::find(st.field_kinds.begin(), st.field_kinds.end(), kind) == st.field_kinds.end())
            st.field_kinds.push_back(kind);
    }

    void equation(pugi::xml_node m, ParagraphState& st, const RunContext& rc) {
        std::string text;
        collect_math(m, text, 0);
        st.b.text(clean_text(text), 0, rc.href);
        c_.findings.warning(st.place, rule::import_dropped, "an equation was kept as its plain text, \"" + first_words(text) + "\"",
                            "if it matters, put a picture of it in its place");
    }

    static void collect_math(pugi::xml_node n, std::string& out, int depth) {
        if (depth > 64) return;
        for (pugi::xml_node c : n.children()) {
            if (std::string_view(c.name()) == "m:t") out += c.text().get();
            else if (c.type() == pugi::node_element) collect_math(c, out, depth + 1);
        }
    }

    // The address a link may carry: web and e-mail addresses only; another
    // is dropped (its text kept) with a warning.
    std::string link_address(const std::string& target, int place) {
        std::string lowered = target;
        for (char& ch : lowered)
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        if (lowered.starts_with("http://") || lowered.starts_with("https://") || lowered.starts_with("mailto:"))
            return clean_text(target);
        if (lowered.starts_with("www.")) return "https://" + clean_text(target);
        c_.findings.warning(place, rule::import_dropped,
                            "the link to \"" + first_words(clean_text(target), 4) +
                                "\" was taken out (its text kept): a pack links only to web pages and e-mail addresses",
                            "link to the page on the council's website instead");
        return "";
    }

    bool in_toc() const {
        for (const Field& f : fields_)
            if (f.kind == "TOC" && f.in_result) return true;
        return false;
    }

    // Inside a table of contents, only the field characters matter: the
    // one that ends it may stand in any paragraph.
    void end_fields_in(pugi::xml_node p) { walk_field_chars(p, 0); }

    void walk_field_chars(pugi::xml_node n, int depth) {
        if (depth > 64) return;
        for (pugi::xml_node c : n.children()) {
            std::string_view name = c.name();
            if (name == "w:fldChar") field_char(c, nullptr);
            else if (c.type() == pugi::node_element) walk_field_chars(c, depth + 1);
        }
    }

    // A w:fldChar: begin, separate or end of a field. `st` is null when the
    // paragraph is being skipped.
    void field_char(pugi::xml_node fc, ParagraphState* st) {
        std::string_view t = attr(fc, "w:fldCharType");
        if (t == "begin") {
            if (fields_.size() < 64) fields_.push_back(Field{});
            else ++overflow_fields_;
        } else if (t == "separate") {
            if (!fields_.empty() && !overflow_fields_) {
                Field& f = fields_.back();
                f.in_result = true;
                f.kind = upper_word(f.instr);
                if (f.kind == "HYPERLINK") {
                    const std::string target = hyperlink_target(f.instr);
                    if (!target.empty() && st) f.href = link_address(target, st->place);
                } else if (f.kind == "TOC") {
                    if (!toc_noted_) {
                        toc_noted_ = true;
                        c_.findings.note(st ? st->place : last_place_, rule::import_dropped,
                                         "the table of contents was left out: the PDF's bookmarks and the headings do its work");
                    }
                } else if (st) {
                    field_note(*st, f.kind);
                }
            }
        } else if (t == "end") {
            if (overflow_fields_) --overflow_fields_;
            else if (!fields_.empty()) fields_.pop_back();
        }
    }

    // Text is shown unless some open field is still in its instruction.
    bool in_instruction() const {
        for (const Field& f : fields_)
            if (!f.in_result) return true;
        return overflow_fields_ > 0;
    }

    std::string field_href() const {
        for (auto it = fields_.rbegin(); it != fields_.rend(); ++it)
            if (!it->href.empty()) return it->href;
        return {};
    }

    void run(pugi::xml_node r, ParagraphState& st, const RunContext& rc) {
        pugi::xml_node rpr = r.child("w:rPr");
        if (pugi::xml_node ch = rpr.child("w:rPrChange")) revision(st.place, "a formatting change", ch);
        RunProps emph = c_.styles.character(val(rpr.child("w:rStyle")));
        const RunProps direct = RunProps::read(rpr);
        emph.apply(direct);
        RunProps all = c_.styles.defaults();
        if (rc.style) all.apply(rc.style->run);
        all.apply(emph);
        std::string href = rc.href;
        if (href.empty()) href = field_href();
        std::uint8_t flags = 0;
        if (emph.bold.value_or(false)) flags |= kBold;
        if (emph.italic.value_or(false)) flags |= kItalic;
        // A link's underline is the look of links, not emphasis.
        if (emph.underline.value_or(false) && href.empty()) flags |= kUnderline;
        if (emph.vert.value_or(0) == 1) flags |= kSuperscript;
        if (emph.vert.value_or(0) == 2) flags |= kSubscript;
        const bool hidden = all.hidden.value_or(false);
        auto add_text = [&](std::string_view raw) {
            if (in_instruction()) return;
            std::string t = clean_text(raw);
            if (t.empty()) return;
            if (hidden) {
                if (st.hidden.empty() && t.find_first_not_of(" \t") != std::string::npos) st.hidden = t;
                return;
            }
            if (all.half_points)
                for (SizeRange& s : sizes_) s.add(*all.half_points);
            st.b.text(t, flags, href);
        };
        for (pugi::xml_node c : r.children()) {
            std::string_view n = c.name();
            if (n == "w:t") {
                add_text(c.text().get());
            } else if (n == "w:tab" || n == "w:ptab") {
                add_text("\t");
            } else if (n == "w:br") {
                if (in_instruction() || hidden) continue;
                std::string_view type = attr(c, "w:type");
                if (type == "page") st.b.page_break();
                else if (type == "column") add_text(" ");
                else st.b.line_break(href);
            } else if (n == "w:cr") {
                if (!in_instruction() && !hidden) st.b.line_break(href);
            } else if (n == "w:noBreakHyphen") {
                add_text("\u2011");
            } else if (n == "w:softHyphen") {
                // Where a word may break; the engine hyphenates for itself.
            } else if (n == "w:sym") {
                symbol(c, st, flags, href);
            } else if (n == "w:fldChar") {
                field_char(c, &st);
            } else if (n == "w:instrText") {
                if (!fields_.empty() && !fields_.back().in_result && !overflow_fields_) fields_.back().instr += c.text().get();
            } else if (n == "w:delText" || n == "w:delInstrText") {
                revision(st.place, "text deleted", pugi::xml_node());
            } else if (n == "w:footnoteReference" || n == "w:endnoteReference") {
                if (!in_instruction() && !hidden) note_reference(c, n == "w:endnoteReference", st);
            } else if (n == "w:commentReference") {
                comment(st.place, attr(c, "w:id"));
            } else if (n == "w:drawing") {
                if (!in_instruction() && !hidden) drawing(c, st);
            } else if (n == "w:pict" || n == "w:object") {
                if (!in_instruction() && !hidden) vml(c, st, n == "w:object");
            } else if (n == "w:ruby") {
                for (pugi::xml_node rr : c.child("w:rubyBase").children("w:r")) run(rr, st, rc);
            }
        }
    }

    void symbol(pugi::xml_node sym, ParagraphState& st, std::uint8_t flags, const std::string& href) {
        std::string_view ch = attr(sym, "w:char");
        std::string lowered(ch);
        for (char& c : lowered)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        // The symbols that stand for ordinary characters in Symbol and Wingdings.
        if (lowered == "f0b7" || lowered == "00b7" || lowered == "f09f" || lowered == "f0a7") {
            st.b.text("\u2022", flags, href);
            return;
        }
        c_.findings.warning(st.place, rule::import_dropped,
                            "a symbol from the font " + std::string(attr(sym, "w:font")) + " was left out",
                            "type the character itself (Insert > Symbol, from a normal font)");
    }

    void note_reference(pugi::xml_node ref, bool endnote, ParagraphState& st) {
        const std::string id(attr(ref, "w:id"));
        auto& index = endnote ? endnotes_ : notes_;
        auto it = index.find(id);
        if (it == index.end()) {
            c_.findings.warning(st.place, rule::import_dropped,
                                std::string("a ") + (endnote ? "endnote" : "footnote") + " mark whose note is missing was left out");
            return;
        }
        if (endnote && !endnote_noted_) {
            endnote_noted_ = true;
            c_.findings.note(st.place, rule::import_dropped,
                             "endnotes become footnotes: a pack prints each note at the foot of its page");
        }
        Scope ns;
        ns.note = endnote ? ++endnote_count_ : ++footnote_count_;
        ns.note_word = endnote ? "endnote" : "footnote";
        Inlines note;
        // The note's paragraphs, joined by a space (a note is one paragraph).
        std::vector<WordBlock> paras;
        const int keep_last = last_place_;
        if (note_depth_ < 2) {
            ++note_depth_;
            blocks(it->second, paras, ns);
            --note_depth_;
        }
        last_place_ = keep_last;
        for (WordBlock& b : paras) {
            auto* p = std::get_if<WordParagraph>(&b.node);
            if (!p) {
                c_.findings.warning(st.place, rule::import_dropped, "a table in a footnote was left out",
                                    "put the table in the text, or its figures in words in the note");
                continue;
            }
            Inlines t = p->text();
            bool any_picture = false;
            for (const Piece& pc : p->pieces) any_picture = any_picture || pc.picture;
            if (any_picture)
                c_.findings.warning(p->place, rule::import_dropped, "a picture in a footnote was left out",
                                    "put the picture in the text");
            // Notes inside notes have nothing to number them.
            t.erase(std::remove_if(t.begin(), t.end(), [](const Inline& i) { return i.kind == Inline::Kind::Footnote; }), t.end());
            if (t.empty()) continue;
            if (!note.empty()) {
                Inline space;
                space.text = " ";
                note.push_back(std::move(space));
            }
            note.insert(note.end(), t.begin(), t.end());
        }
        // The space Word puts after the note's own number.
        while (!note.empty() && note.front().kind == Inline::Kind::Text) {
            std::string& t = note.front().text;
            t.erase(0, std::min(t.size(), t.find_first_not_of(" \t")));
            if (!t.empty()) break;
            note.erase(note.begin());
        }
        st.b.footnote(std::move(note));
    }

    void comment(int place, std::string_view id) {
        if (!reported_comments_.insert(std::string(id)).second) return;
        std::string who, words;
        for (pugi::xml_node c : c_.comments.children("w:comment"))
            if (attr(c, "w:id") == id) {
                who = std::string(attr(c, "w:author"));
                std::string text;
                for (pugi::xpath_node t : c.select_nodes(".//w:t")) {
                    text += t.node().text().get();
                    if (text.size() > 200) break;
                }
                words = first_words(clean_text(text), 8);
                break;
            }
        c_.findings.error(place, rule::import_revisions,
                          "a comment" + (who.empty() ? std::string() : " by " + clean_text(who)) +
                              (words.empty() ? std::string() : ": \"" + words + "\""),
                          "delete the comments in Word (Review > Delete > Delete All Comments in Document), save, "
                          "and import again");
    }

    void revision(int place, const std::string& what, pugi::xml_node mark) {
        if (!reported_revisions_.insert(place).second) return;
        std::string who = mark ? clean_text(attr(mark, "w:author")) : std::string();
        c_.findings.error(place, rule::import_revisions,
                          "a tracked change (" + what + (who.empty() ? std::string() : " by " + who) + ")",
                          "accept or reject every change in Word (Review > Accept > Accept All Changes), turn off "
                          "Track Changes, save, and import again");
    }

    // ---- pictures, shapes and text boxes ----

    void drawing(pugi::xml_node d, ParagraphState& st) {
        for (pugi::xml_node frame : d.children()) {
            std::string_view fn = frame.name();
            if (fn != "wp:inline" && fn != "wp:anchor") continue;
            pugi::xml_node docpr = frame.child("wp:docPr");
            std::string alt = clean_text(attr(docpr, "descr"));
            if (alt.empty()) alt = clean_text(attr(docpr, "title"));
            std::int64_t cx = 0;
            if (auto v = to_int(attr(frame.child("wp:extent"), "cx")); v && *v > 0 && *v < (1LL << 40)) cx = *v;
            graphic(frame.child("a:graphic").child("a:graphicData"), st, alt, cx, 0);
        }
    }

    void graphic(pugi::xml_node data, ParagraphState& st, const std::string& alt, std::int64_t cx, int depth) {
        if (depth > 16) return;
        for (pugi::xml_node c : data.children()) {
            std::string_view n = c.name();
            if (n == "pic:pic") {
                pugi::xml_node blip = c.child("pic:blipFill").child("a:blip");
                picture_from(blip.attribute("r:embed").value(), blip.attribute("r:link").value(), st, alt, cx);
            } else if (n == "c:chart") {
                add_picture(Picture::Kind::Chart, "", st, alt, cx);
            } else if (n == "dgm:relIds") {
                add_picture(Picture::Kind::Diagram, "", st, alt, cx);
            } else if (n == "wps:wsp") {
                shape(c.child("wps:txbx").child("w:txbxContent"), st);
            } else if (n == "wpg:wgp" || n == "wpc:wpc" || n == "wpg:grpSp") {
                graphic(c, st, alt, cx, depth + 1);
            }
        }
    }

    void picture_from(std::string_view embed, std::string_view link, ParagraphState& st, const std::string& alt,
                      std::int64_t cx) {
        if (!embed.empty()) {
            auto it = c_.rels.find(embed);
            if (it != c_.rels.end() && !it->second.external && !it->second.target.empty()) {
                add_picture(Picture::Kind::Embedded, it->second.target, st, alt, cx);
                return;
            }
        }
        add_picture(Picture::Kind::Linked, "", st, alt, cx);
        (void)link;
    }

    void add_picture(Picture::Kind kind, std::string part, ParagraphState& st, const std::string& alt, std::int64_t cx) {
        Picture p;
        p.kind = kind;
        p.place = st.place;
        p.part = std::move(part);
        p.alt = alt;
        p.width_emu = cx;
        st.b.picture(std::move(p));
    }

    // A text box or shape: its text, if any, is kept after its anchor.
    void shape(pugi::xml_node text_box, ParagraphState& st) {
        if (!text_box) {
            c_.findings.warning(st.place, rule::import_dropped, "a shape (a line, arrow or box without text) was left out",
                                "if it carries meaning, say it in the text or put a picture in its place");
            return;
        }
        Scope inner;
        inner.text_box_of = paragraphs_;
        inner.depth = 1;
        std::vector<WordBlock> got;
        if (text_box_depth_ < 2) {
            ++text_box_depth_;
            const int keep_last = last_place_;
            blocks(text_box, got, inner);
            last_place_ = keep_last;
            --text_box_depth_;
        }
        bool any = false;
        for (WordBlock& b : got) {
            if (auto* p = std::get_if<WordParagraph>(&b.node)) {
                p->from_text_box = true;
                if (!p->empty()) any = true;
            }
            st.text_boxes.push_back(std::move(b));
        }
        if (any)
            c_.findings.warning(st.place, rule::import_dropped,
                                "the text of a text box or shape was kept as paragraphs after this one; the box itself "
                                "was left out",
                                "check the text reads in its place, or move it into the text in Word");
    }

    void vml(pugi::xml_node pict, ParagraphState& st, bool object) {
        bool any = false;
        for (pugi::xpath_node xn : pict.select_nodes(".//v:imagedata")) {
            pugi::xml_node id = xn.node();
            pugi::xml_node shape = id.parent();
            std::string alt = clean_text(attr(shape, "alt"));
            if (alt.empty()) alt = clean_text(attr(id, "o:title"));
            const std::int64_t cx = vml_width(attr(shape, "style"));
            if (object) {
                add_picture(Picture::Kind::Object, "", st, alt, cx);
            } else {
                picture_from(id.attribute("r:id").value(), "", st, alt, cx);
            }
            any = true;
        }
        for (pugi::xpath_node xn : pict.select_nodes(".//w:txbxContent")) {
            shape(xn.node(), st);
            any = true;
        }
        if (!any && !object) shape(pugi::xml_node(), st);
        if (!any && object) add_picture(Picture::Kind::Object, "", st, "", 0);
    }

    struct SizeRange {
        int min = INT_MAX, max = 0;
        bool any = false;
        void add(int v) {
            min = std::min(min, v);
            max = std::max(max, v);
            any = true;
        }
        void merge(const SizeRange& o) {
            if (!o.any) return;
            add(o.min);
            add(o.max);
        }
    };

    ReadContext& c_;
    WordDocument* doc_ = nullptr;
    std::map<std::string, pugi::xml_node> notes_, endnotes_;
    std::vector<Field> fields_;
    int overflow_fields_ = 0;
    std::vector<SizeRange> sizes_;
    std::set<int> reported_revisions_;
    std::set<std::string> reported_comments_;
    int paragraphs_ = 0, tables_ = 0, footnote_count_ = 0, endnote_count_ = 0;
    int last_place_ = 0;
    int note_depth_ = 0, text_box_depth_ = 0;
    bool toc_noted_ = false, endnote_noted_ = false;
};

}  // namespace

WordDocument read_document(pugi::xml_node body, ReadContext& ctx) { return DocReader(ctx).read(body); }

}  // namespace bp::docx
