#include "style/style.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>

namespace bp {
namespace {

// Styles the engine asks for, with their built-in parent. A template may
// restate any of them; anything it leaves unset comes from here.
struct BuiltIn {
    const char* name;
    const char* parent;
};
constexpr BuiltIn kBuiltIns[] = {
    {"body", ""},           {"h1", "body"},          {"h2", "h1"},
    {"h3", "h2"},           {"board", "body"},       {"meeting", "body"},
    {"agenda-heading", "h1"}, {"agenda-item", "body"}, {"agenda-note", "body"},
    {"paper-title", "board"}, {"paper-line", "board"}, {"table", "body"},
    {"table-header", "table"}, {"table-note", "table"}, {"quote", "body"},
    {"minute-title", "h1"}, {"chair", "body"},       {"footer", "body"},
    {"stamp", "body"},      {"blank", "body"},       {"cover-title", "h1"},
    {"cover-subtitle", "h2"}, {"contact", "body"},   {"appendix-title", "h1"},
    {"footnote", "body"},
};

// Defaults of the built-in styles before the template speaks.
TextStyleSpec builtin_spec(std::string_view name) {
    TextStyleSpec s;
    auto b = [](std::optional<bool>& f) { f = true; };
    if (name == "body") {
        s.family = "sans";
        s.size = pt(11);
        s.leading = 1.35;
        s.space_after = pt(6);
        s.color = Color{0, 0, 0};
        s.bold = s.italic = s.underline = s.uppercase = false;
        s.space_before = 0;
        s.align = Align::Left;
    } else if (name == "h1") {
        b(s.bold);
        s.space_before = pt(6);
    } else if (name == "h3") {
        s.bold = false;
        b(s.italic);
    } else if (name == "board" || name == "paper-title") {
        b(s.bold);
        s.align = Align::Center;
    } else if (name == "agenda-heading") {
        s.space_before = pt(12);
    } else if (name == "agenda-note") {
        b(s.italic);
    } else if (name == "table" || name == "table-header") {
        s.size = pt(9);
        s.leading = 1.2;
        s.space_after = pt(2);
    } else if (name == "table-note") {
        s.size = pt(8);
    } else if (name == "footnote") {
        // A word processor's footnote text: smaller, close together.
        s.size = pt(9);
        s.space_after = pt(2);
    } else if (name == "quote") {
        b(s.italic);
    } else if (name == "chair") {
        s.align = Align::Center;
        b(s.italic);
    } else if (name == "footer" || name == "stamp") {
        s.size = pt(10);
        s.space_after = 0;
    } else if (name == "stamp") {
        b(s.bold);
    } else if (name == "blank") {
        s.align = Align::Center;
    } else if (name == "cover-title") {
        s.size = pt(20);
        s.align = Align::Center;
    } else if (name == "cover-subtitle") {
        s.size = pt(14);
        s.align = Align::Center;
    }
    if (name == "table-header") b(s.bold);
    if (name == "stamp") b(s.bold);
    return s;
}

void overlay(TextStyleSpec& base, const TextStyleSpec& top) {
    auto take = [](auto& dst, const auto& src) {
        if (src) dst = src;
    };
    take(base.family, top.family);
    take(base.size, top.size);
    take(base.leading, top.leading);
    if (top.size) base.size_loc = top.size_loc;
    if (top.leading) base.leading_loc = top.leading_loc;
    take(base.bold, top.bold);
    take(base.italic, top.italic);
    take(base.underline, top.underline);
    take(base.color, top.color);
    take(base.space_before, top.space_before);
    take(base.space_after, top.space_after);
    take(base.align, top.align);
    take(base.uppercase, top.uppercase);
}

class Resolver {
public:
    Resolver(const TemplateDoc& doc, FontTable& fonts, Diagnostics& diags)
        : doc_(doc), fonts_(fonts), diags_(diags) {
        for (const auto& s : doc.styles) declared_[s.name] = &s;
        for (const auto& f : doc.families) families_[f.name] = &f;
    }

    // The fully inherited spec of a style (template over built-in, then parent).
    TextStyleSpec spec(const std::string& name, int depth = 0) {
        TextStyleSpec own = builtin_spec(name);
        std::string parent = builtin_parent(name);
        auto it = declared_.find(name);
        if (it != declared_.end()) {
            overlay(own, *it->second);
            if (!it->second->parent.empty()) parent = it->second->parent;
        }
        if (parent.empty() || depth > 16) return own;
        if (!declared_.count(parent) && builtin_parent(parent).empty() && parent != "body") {
            diags_.error(it != declared_.end() ? it->second->loc : doc_.loc, rule::unknown_reference,
                         "style \"" + name + "\" names an unknown parent style \"" + parent + "\"");
            parent = "body";
        }
        TextStyleSpec inherited = spec(parent, depth + 1);
        overlay(inherited, own);
        return inherited;
    }

    TextStyle resolve(const TextStyleSpec& s, const std::string& name) {
        TextStyle t;
        t.family = faces(s.family.value_or("sans"), name);
        t.size = s.size.value_or(pt(11));
        double leading = s.leading.value_or(1.2);
        t.line_height = static_cast<Mpt>(static_cast<double>(t.size) * leading + 0.5);
        t.bold = s.bold.value_or(false);
        t.italic = s.italic.value_or(false);
        t.underline = s.underline.value_or(false);
        t.uppercase = s.uppercase.value_or(false);
        t.color = s.color.value_or(Color{});
        t.space_before = s.space_before.value_or(0);
        t.space_after = s.space_after.value_or(0);
        t.align = s.align.value_or(Align::Left);
        return t;
    }

    static std::string builtin_parent(std::string_view name) {
        for (const auto& b : kBuiltIns)
            if (name == b.name) return b.parent;
        return {};
    }

private:
    FamilyFaces faces(const std::string& family, const std::string& style_name) {
        auto cached = loaded_.find(family);
        if (cached != loaded_.end()) return cached->second;
        FamilyFaces out;
        auto it = families_.find(family);
        if (it == families_.end()) {
            if (!reported_.count(family)) {
                reported_.insert(family);
                diags_.error(doc_.loc, rule::unknown_reference, "style \"" + style_name + "\" uses font family \"" + family +
                                           "\", which the template does not define with <font family=\"" +
                                           family + "\" .../>");
            }
            loaded_[family] = out;
            return out;
        }
        const FontFamily& f = *it->second;
        const std::string* paths[4] = {&f.regular, &f.bold, &f.italic, &f.bold_italic};
        const SourceLoc* locs[4] = {&f.regular_loc, &f.bold_loc, &f.italic_loc, &f.bold_italic_loc};
        std::set<std::string> bad;  // a file faces share is reported once
        for (int i = 0; i < 4; ++i) {
            // A family may omit styled faces: fall back to regular rather than fail.
            const std::string& path = paths[i]->empty() ? f.regular : *paths[i];
            std::string error;
            if (!fonts_.add_face(path, &out.face[static_cast<std::size_t>(i)], &error) && bad.insert(path).second) {
                // Templates built by hand (tests) may leave the file's place unset.
                diags_.error(locs[i]->line ? *locs[i] : f.loc, rule::bad_font, error);
            }
        }
        loaded_[family] = out;
        return out;
    }

    const TemplateDoc& doc_;
    FontTable& fonts_;
    Diagnostics& diags_;
    std::map<std::string, const TextStyleSpec*> declared_;
    std::map<std::string, const FontFamily*> families_;
    std::map<std::string, FamilyFaces> loaded_;
    std::set<std::string> reported_;
};

// ---- text that cannot be placed inside the page ----
//
// Layout has no good answer for a line taller than the page or an indent
// wider than the column: the text would be drawn off the page, or lost. So
// these are the template's errors, located at the setting that causes them.

// The room between the margins, in each direction the smaller of portrait
// and landscape (a landscape appendix has the shorter column).
struct TextRoom {
    Mpt width = 0, height = 0;
};

TextRoom text_room(const PageMaster& p) {
    const Mpt narrow = std::min(p.width, p.height);
    return {narrow - p.margin_left - p.margin_right, narrow - p.margin_top - p.margin_bottom};
}

// Text narrower than this after the deepest common indents (a quotation or
// a second-level list) wraps nearly every word onto a line of its own.
constexpr Mpt kMinTextWidth = mm(40);

std::string in_pt(Mpt v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", to_pt(v));
    std::string s = buf;
    if (s.ends_with(".0")) s.resize(s.size() - 2);
    return s + "pt";
}

std::string in_mm(Mpt v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", to_pt(v) * 25.4 / 72.0);
    std::string s = buf;
    if (s.ends_with(".0")) s.resize(s.size() - 2);
    return s + "mm";
}

bool known(const SourceLoc& loc) { return loc.line != 0; }

class FitChecker {
public:
    FitChecker(const TemplateDoc& doc, TextRoom room, Diagnostics& diags) : doc_(doc), room_(room), diags_(diags) {}

    // One report per template setting, though many styles inherit it.
    void style(const TextStyleSpec& spec, const TextStyle& t) {
        if (room_.width <= 0 || room_.height <= 0) return;  // the margins were reported by load
        std::string problem;
        if (t.line_height > room_.height) {
            problem = " makes one line " + in_pt(t.line_height) + " tall, more than the " + in_pt(room_.height) +
                      " between the top and bottom margins, so its text cannot be placed on a page";
        } else if (doc_.paragraph_indent + kMinTextWidth <= room_.width &&  // else indents() reports the indent
                   t.size > room_.width - doc_.paragraph_indent) {
            // A letter is up to about one size wide: it must fit beside the indent.
            problem = " makes a single letter wider than the " + in_pt(room_.width - doc_.paragraph_indent) +
                      " of the text column, so its text cannot be placed on a page";
        }
        if (problem.empty()) return;
        const SourceLoc& at = known(spec.size_loc) ? spec.size_loc : known(spec.leading_loc) ? spec.leading_loc : doc_.loc;
        if (!reported_.insert(key(at)).second) return;
        diags_.error(at, rule::page_geometry, setting_words(spec) + problem,
                     "make the size smaller: body text is usually 11pt or 12pt");
    }

    void indents() {
        if (room_.width <= 0) return;
        const Mpt column = room_.width, para = doc_.paragraph_indent, list = doc_.list_indent;
        const SourceLoc& para_at = known(doc_.paragraph_indent_loc) ? doc_.paragraph_indent_loc : doc_.loc;
        const SourceLoc& list_at = known(doc_.list_indent_loc) ? doc_.list_indent_loc : doc_.loc;
        const std::string columns = "the text column (" + in_mm(column) + " between the side margins)";
        if (para >= column) {
            diags_.error(para_at, rule::page_geometry,
                         "the paragraph indent (" + in_mm(para) + ") is wider than " + columns +
                             ", so the text of every paragraph would start off the page",
                         "make paragraph= on <indent> smaller, e.g. paragraph=\"10mm\"");
        } else if (column - para < kMinTextWidth) {
            diags_.error(para_at, rule::page_geometry,
                         "the paragraph indent (" + in_mm(para) + ") leaves " + in_mm(column - para) + " of " + columns +
                             " for text, less than the " + in_mm(kMinTextWidth) + " it needs",
                         "make paragraph= on <indent> smaller, e.g. paragraph=\"10mm\"");
        } else if (column - para - 2 * list < kMinTextWidth) {
            diags_.error(list_at, rule::page_geometry,
                         "the list indent (" + in_mm(list) + ") leaves " + in_mm(std::max<Mpt>(0, column - para - 2 * list)) +
                             " of " + columns + " for a second-level list or a quotation, less than the " +
                             in_mm(kMinTextWidth) + " it needs",
                         "make list= on <indent> smaller, e.g. list=\"8mm\"");
        }
    }

private:
    static std::string key(const SourceLoc& at) {
        return at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.col);
    }

    // "size=\"700pt\" on the style \"body\"": the setting as written, named
    // by the style that writes it (the others inherit it).
    std::string setting_words(const TextStyleSpec& spec) const {
        for (const TextStyleSpec& declared : doc_.styles) {
            if (known(spec.size_loc) && key(declared.size_loc) == key(spec.size_loc))
                return "size=\"" + in_pt(*declared.size) + "\" on the style \"" + declared.name + "\"";
            if (!known(spec.size_loc) && known(spec.leading_loc) && key(declared.leading_loc) == key(spec.leading_loc))
                return "leading=\"" + format_leading(*declared.leading) + "\" on the style \"" + declared.name + "\"";
        }
        return "the template's text size";
    }

    static std::string format_leading(double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v);
        return buf;
    }

    const TemplateDoc& doc_;
    TextRoom room_;
    Diagnostics& diags_;
    std::set<std::string> reported_;
};

}  // namespace

const TextStyle& StyleSheet::get(std::string_view name) const {
    auto it = styles.find(name);
    if (it != styles.end()) return it->second;
    return styles.find(std::string_view("body"))->second;
}

StyleSheet resolve_styles(const TemplateDoc& doc, FontTable& fonts, Diagnostics& diags) {
    StyleSheet sheet;
    sheet.doc = doc;
    sheet.portrait = doc.portrait;
    sheet.landscape = doc.portrait;
    std::swap(sheet.landscape.width, sheet.landscape.height);
    if (sheet.landscape.width < sheet.landscape.height) std::swap(sheet.landscape.width, sheet.landscape.height);
    for (const std::string* pattern : {&doc.date_pattern, &doc.meeting_date_pattern, &doc.next_meeting_pattern}) {
        std::string error;
        if (!check_date_pattern(*pattern, doc.locale, &error))
            diags.error(doc.loc, rule::bad_value, "date pattern \"" + *pattern + "\" in <dates>: " + error);
    }
    Resolver r(doc, fonts, diags);
    const TextRoom room = text_room(doc.portrait);
    FitChecker fit(doc, room, diags);
    auto add = [&](const std::string& name) {
        const TextStyleSpec spec = r.spec(name);
        const TextStyle& style = sheet.styles[name] = r.resolve(spec, name);
        fit.style(spec, style);
    };
    for (const auto& b : kBuiltIns) add(b.name);
    for (const auto& s : doc.styles)
        if (!sheet.styles.count(s.name)) add(s.name);
    fit.indents();
    return sheet;
}

}  // namespace bp
