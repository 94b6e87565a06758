#include "content.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string_view>

#include "core/borders.hpp"
#include "partner/partner.hpp"

namespace bp::pdf {

namespace {

constexpr char16_t kReplacement = 0xFFFD;

// One code point from well-formed UTF-8; anything else (stray continuation
// bytes, overlong forms, surrogates, truncation) yields U+FFFD and skips one
// byte, so a bad byte never swallows the text after it.
char16_t next_code(const unsigned char*& p, const unsigned char* end) {
    const unsigned b0 = *p++;
    if (b0 < 0x80) return static_cast<char16_t>(b0);
    int extra = 0;
    char32_t cp = 0, min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        extra = 1, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        extra = 2, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        extra = 3, cp = b0 & 0x07, min = 0x10000;
    } else {
        return kReplacement;
    }
    if (end - p < extra) return kReplacement;
    for (int i = 0; i < extra; ++i) {
        if ((p[i] & 0xC0) != 0x80) return kReplacement;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacement;
    p += extra;
    // Identity-H codes are two bytes: there is no way to show a glyph beyond
    // the BMP, and text/ has already replaced any the face lacks.
    return cp > 0xFFFF ? kReplacement : static_cast<char16_t>(cp);
}

void append_int(std::string& out, long long v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

// 0..255 as a colour component in thousandths, so append_number prints it.
Mpt component(std::uint8_t c) { return (static_cast<Mpt>(c) * 1000 + 127) / 255; }

void append_colour(std::string& out, const Color& c, bool stroke) {
    if (c.r == c.g && c.g == c.b) {
        append_number(out, component(c.r));
        out += stroke ? " G\n" : " g\n";
        return;
    }
    append_number(out, component(c.r));
    out += ' ';
    append_number(out, component(c.g));
    out += ' ';
    append_number(out, component(c.b));
    out += stroke ? " RG\n" : " rg\n";
}

// Colour operators only when the colour changes: the initial state is black.
void set_colour(std::string& out, Color& current, const Color& wanted, bool stroke) {
    if (current == wanted) return;
    append_colour(out, wanted, stroke);
    current = wanted;
}

// A literal string of 2-byte codes: half the size of hex, so less to deflate.
void append_codes(std::string& out, const std::string& utf8, CodeSet& used) {
    auto p = reinterpret_cast<const unsigned char*>(utf8.data());
    const auto end = p + utf8.size();
    out += '(';
    while (p < end) {
        const char16_t code = next_code(p, end);
        used.set(code);
        for (const unsigned b : {unsigned(code >> 8), unsigned(code & 0xFF)}) {
            if (b == '(' || b == ')' || b == '\\') {
                out += '\\';
                out += static_cast<char>(b);
            } else if (b == '\r') {
                out += "\\r";  // a raw CR in a string would be read back as LF
            } else {
                out += static_cast<char>(b);
            }
        }
    }
    out += ")Tj\n";
}

void append_rect(std::string& out, const Rect& r, Mpt page_height) {
    append_number(out, r.x);
    out += ' ';
    append_number(out, page_height - r.y - r.h);
    out += ' ';
    append_number(out, r.w);
    out += ' ';
    append_number(out, r.h);
}

// The matrix that turns a partner page's CropBox by its /Rotate and scales
// it into fp.rect.
void append_partner_matrix(std::string& out, const ForeignPage& fp, Mpt page_height) {
    const std::array<double, 6> m = placement_matrix(fp.source->box, fp.rect, page_height);
    for (std::size_t i = 0; i < 6; ++i) {
        if (i > 0) out += ' ';
        // Six decimals keep a 14400 pt page exact to a millionth of a point;
        // std::to_chars prints the same digits on every machine.
        char buf[48];
        double v = std::round(m[i] * 1e6) / 1e6;
        if (v == 0) v = 0;  // never "-0"
        auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 6);
        std::string_view digits(buf, static_cast<std::size_t>(r.ptr - buf));
        while (digits.back() == '0') digits.remove_suffix(1);
        if (digits.back() == '.') digits.remove_suffix(1);
        out += digits;
    }
}

}  // namespace

void append_number(std::string& out, Mpt mpt) {
    if (mpt < 0) {
        out += '-';
        mpt = -mpt;
    }
    append_int(out, mpt / 1000);
    int frac = static_cast<int>(mpt % 1000);
    if (frac == 0) return;
    char digits[4] = {'.', char('0' + frac / 100), char('0' + frac / 10 % 10),
                      char('0' + frac % 10)};
    int n = 4;
    while (digits[n - 1] == '0') --n;
    out.append(digits, n);
}

std::u16string utf8_to_codes(const std::string& utf8) {
    std::u16string codes;
    auto p = reinterpret_cast<const unsigned char*>(utf8.data());
    const auto end = p + utf8.size();
    while (p < end) codes += next_code(p, end);
    return codes;
}

namespace {

const char* artifact_properties(Artifact a) {
    switch (a) {
        case Artifact::Layout: return "/Artifact <</Type /Layout>> BDC\n";
        case Artifact::Pagination: return "/Artifact <</Type /Pagination>> BDC\n";
        case Artifact::Header: return "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n";
        case Artifact::Footer: return "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n";
        case Artifact::None: break;
    }
    return nullptr;
}

// Whitespace in runs has been collapsed to single spaces by layout.
bool ends_in_space(const std::string& text) { return !text.empty() && text.back() == ' '; }
bool starts_with_space(const std::string& text) { return !text.empty() && text.front() == ' '; }

// Whether the words of items[i], a run, and of the page's next run are
// apart without a space between them: the next run neither begins with one
// nor carries on the line exactly where this one ends (as a change of font
// or a link inside a sentence does).
bool space_lost_after(const std::vector<PageItem>& items, std::size_t i) {
    const auto& run = std::get<GlyphRun>(items[i].what);
    if (ends_in_space(run.text)) return false;
    for (std::size_t j = i + 1; j < items.size(); ++j) {
        const auto* next = std::get_if<GlyphRun>(&items[j].what);
        if (next == nullptr) continue;  // an underline or a border in between
        constexpr Mpt kTolerance = 500;
        // Straight after it, on its baseline or raised or lowered from it by
        // less than half the type size (a superscript "th" is a third, a
        // subscript an eighth; the next line is more than a whole size down):
        // the same line, no space lost.
        const bool same_line = std::abs(next->x - (run.x + run.width)) <= kTolerance &&
                               2 * std::abs(next->baseline - run.baseline) < std::max(run.size, next->size);
        return !same_line && !starts_with_space(next->text);
    }
    return true;
}

// The painting state carried from item to item, so that operators are
// written only when something changes.
struct Painter {
    std::string& out;
    Color fill, stroke;
    Mpt line_width = 1000;  // the PDF default, 1 pt
    bool in_text = false;
    const std::string* font = nullptr;
    Mpt size = -1, at_x = 0, at_y = 0;

    void begin_text() {
        if (in_text) return;
        // BT resets the text position; font and colour carry over.
        out += "BT\n";
        in_text = true;
        at_x = at_y = 0;
    }
    void end_text() {
        if (!in_text) return;
        out += "ET\n";
        in_text = false;
    }
};

// Whether the items from `from` that share its mark (links and borders
// aside, which are drawn elsewhere) are all text.
bool only_text(const std::vector<PageItem>& items, std::size_t from) {
    for (std::size_t i = from; i < items.size(); ++i) {
        if (std::holds_alternative<LinkBox>(items[i].what) || is_border(items[i])) continue;
        if (items[i].mark != items[from].mark) break;
        if (!std::holds_alternative<GlyphRun>(items[i].what)) return false;
    }
    return true;
}

void draw_rule(std::string& out, Painter& paint, const RuleLine& rule, Mpt h) {
    paint.end_text();
    if (rule.thickness != paint.line_width) {
        append_number(out, rule.thickness);
        out += " w\n";
        paint.line_width = rule.thickness;
    }
    set_colour(out, paint.stroke, rule.color, true);
    append_number(out, rule.x1);
    out += ' ';
    append_number(out, h - rule.y1);
    out += " m ";
    append_number(out, rule.x2);
    out += ' ';
    append_number(out, h - rule.y2);
    out += " l S\n";
}

}  // namespace

void build_page_content(const PageBox& page, const StructTree& tree, const PageNames& names,
                        std::string& out, std::vector<CodeSet>& used, std::vector<StructId>& mcids) {
    const Mpt h = page.height;
    const bool tagged = tree.size() > 0;
    Painter paint{out, {}, {}};
    std::optional<Mark> open;
    std::size_t image_index = 0;

    // A marked-content sequence may sit inside a text object or hold whole
    // text objects, but never straddle one: `in_text_mark` says which the
    // open one does. Keeping the text object open from one cell's text to
    // the next saves an ET, a BT and an absolute position per cell.
    bool in_text_mark = false;
    auto open_mark = [&](const Mark& mark) {
        open = mark;
        in_text_mark = paint.in_text;
        if (const char* props = artifact_properties(mark.artifact)) {
            out += props;
        } else if (mark.node != kNoStruct && static_cast<std::size_t>(mark.node) < tree.size()) {
            out += '/';
            out += role_name(tree[mark.node].role);
            out += " <</MCID ";
            append_int(out, static_cast<long long>(mcids.size()));
            out += ">> BDC\n";
            mcids.push_back(mark.node);
        } else {
            throw std::logic_error("an item on a page belongs to no structure element");
        }
    };
    auto close_mark = [&] {
        if (!in_text_mark) paint.end_text();
        out += "EMC\n";
        open.reset();
    };
    // Before anything but text: end the text object, closing and reopening
    // (as a new sequence of the same element) a mark opened inside it.
    auto leave_text = [&] {
        if (!paint.in_text) return;
        if (open && in_text_mark) {
            const Mark mark = *open;
            close_mark();
            paint.end_text();
            open_mark(mark);
        } else {
            paint.end_text();
        }
    };

    for (std::size_t index = 0; index < page.items.size(); ++index) {
        const PageItem& item = page.items[index];
        if (std::holds_alternative<LinkBox>(item.what)) continue;  // an annotation, not content
        if (is_border(item)) continue;  // drawn after the content, joined
        // A partner page whose own structure is grafted in: its content is
        // marked inside the form it is drawn from, so the drawing is not.
        const auto* grafted = std::get_if<ForeignPage>(&item.what);
        if (grafted != nullptr && !grafted->source->graft) grafted = nullptr;
        if (tagged && grafted != nullptr) {
            if (open) close_mark();
            paint.end_text();
        } else if (tagged && (!open || *open != item.mark)) {
            if (open) close_mark();
            // A sequence of text alone opens inside a text object, so the
            // next text can go on in the same one; any other opens outside.
            if (only_text(page.items, index))
                paint.begin_text();
            else
                paint.end_text();
            open_mark(item.mark);
        }
        if (const auto* f = std::get_if<FillRect>(&item.what)) {
            leave_text();
            set_colour(out, paint.fill, f->color, false);
            append_rect(out, f->rect, h);
            out += " re f\n";
        } else if (const auto* img = std::get_if<ImageBox>(&item.what)) {
            leave_text();
            const Rect& r = img->rect;
            out += "q ";
            append_number(out, r.w);
            out += " 0 0 ";
            append_number(out, r.h);
            out += ' ';
            append_number(out, r.x);
            out += ' ';
            append_number(out, h - r.y - r.h);
            out += " cm /";
            out += names.images.at(image_index++);
            out += " Do Q\n";
        } else if (const auto* fp = std::get_if<ForeignPage>(&item.what)) {
            leave_text();
            out += "q ";
            append_partner_matrix(out, *fp, h);
            out += " cm /";
            out += partner::kResourceName;
            out += " Do Q\n";
        } else if (const auto* rule = std::get_if<RuleLine>(&item.what)) {
            leave_text();
            draw_rule(out, paint, *rule, h);
        } else if (const auto* run = std::get_if<GlyphRun>(&item.what)) {
            if (run->text.empty()) continue;
            paint.begin_text();
            const std::string& name = names.fonts[run->face];
            if (paint.font != &name || paint.size != run->size) {
                out += '/';
                out += name;
                out += ' ';
                append_number(out, run->size);
                out += " Tf\n";
                paint.font = &name;
                paint.size = run->size;
            }
            set_colour(out, paint.fill, run->color, false);
            // Td moves relative to the previous run's start: short numbers.
            const Mpt y = h - run->baseline;
            append_number(out, run->x - paint.at_x);
            out += ' ';
            append_number(out, y - paint.at_y);
            out += " Td ";
            paint.at_x = run->x;
            paint.at_y = y;
            // Text extraction and the structure tree read words back from
            // the content alone: where a line of content ends, the space
            // that the line break took is written after its last glyph,
            // where it shows nothing, so "held" and "at" stay two words.
            if (item.mark.node != kNoStruct && space_lost_after(page.items, index))
                append_codes(out, run->text + ' ', used[run->face]);
            else
                append_codes(out, run->text, used[run->face]);
        }
    }
    const std::vector<RuleLine> borders = joined_borders(page.items);
    if (!borders.empty() && tagged && (!open || *open != Mark::as(Artifact::Layout))) {
        // Closed before the text object ends, not reopened: an empty
        // sequence would be an MCID with nothing in it.
        if (open) close_mark();
        paint.end_text();
        open_mark(Mark::as(Artifact::Layout));
    } else if (!borders.empty()) {
        leave_text();
    }
    for (const RuleLine& rule : borders) draw_rule(out, paint, rule, h);
    if (open) close_mark();
    paint.end_text();
}

std::string to_unicode_cmap(const CodeSet& codes) {
    static const char kHex[] = "0123456789ABCDEF";
    std::string out =
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::size_t left = codes.count();
    std::size_t in_block = 0;
    for (std::size_t c = 0; c < codes.size() && left > 0; ++c) {
        if (!codes.test(c)) continue;
        if (in_block == 0) {
            append_int(out, static_cast<long long>(std::min<std::size_t>(left, 100)));
            out += " beginbfchar\n";
        }
        const char hex[4] = {kHex[c >> 12], kHex[(c >> 8) & 15], kHex[(c >> 4) & 15], kHex[c & 15]};
        out += '<';
        out.append(hex, 4);
        out += "> <";
        out.append(hex, 4);
        out += ">\n";
        --left;
        if (++in_block == 100 || left == 0) {
            out += "endbfchar\n";
            in_block = 0;
        }
    }
    out +=
        "endcmap\n"
        "CMapName currentdict /CMap defineresource pop\n"
        "end\n"
        "end\n";
    return out;
}

}  // namespace bp::pdf
