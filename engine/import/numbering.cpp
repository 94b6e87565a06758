#include "import/numbering.hpp"

#include "import/ooxml.hpp"

namespace bp::docx {

namespace {

std::string roman(int v, bool upper) {
    if (v <= 0 || v >= 4000) return std::to_string(v);
    static const std::pair<int, const char*> kParts[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                         {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                         {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                         {1, "i"}};
    std::string out;
    for (auto [n, s] : kParts)
        while (v >= n) {
            out += s;
            v -= n;
        }
    if (upper)
        for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
    return out;
}

// Word's letters: a..z, then aa..zz, then aaa ...
std::string letters(int v, bool upper) {
    if (v <= 0) return std::to_string(v);
    const char c = static_cast<char>((upper ? 'A' : 'a') + (v - 1) % 26);
    const int times = std::min((v - 1) / 26 + 1, 50);
    return std::string(static_cast<std::size_t>(times), c);
}

std::string ordinal(int v) {
    const int t = v % 100;
    const char* suffix = (t >= 11 && t <= 13) ? "th" : v % 10 == 1 ? "st" : v % 10 == 2 ? "nd" : v % 10 == 3 ? "rd" : "th";
    return std::to_string(v) + suffix;
}

int clamp_count(long long v) { return static_cast<int>(std::max(-1000000LL, std::min(v, 1000000LL))); }

}  // namespace

std::string format_counter(int value, std::string_view f) {
    if (f == "lowerLetter") return letters(value, false);
    if (f == "upperLetter") return letters(value, true);
    if (f == "lowerRoman") return roman(value, false);
    if (f == "upperRoman") return roman(value, true);
    if (f == "decimalZero") return (value >= 0 && value < 10 ? "0" : "") + std::to_string(value);
    if (f == "ordinal") return ordinal(value);
    if (f == "none" || f == "bullet") return "";
    return std::to_string(value);
}

void WordNumbering::read(pugi::xml_node root, const Styles& styles) {
    styles_ = &styles;
    auto read_level = [](pugi::xml_node lvl) {
        Level l;
        l.defined = true;
        if (auto v = to_int(val(lvl.child("w:start")))) l.start = clamp_count(*v);
        if (pugi::xml_node f = lvl.child("w:numFmt")) l.format = std::string(val(f));
        if (l.format.empty()) l.format = "decimal";
        l.text = std::string(val(lvl.child("w:lvlText")));
        if (pugi::xml_node r = lvl.child("w:lvlRestart"))
            if (auto v = to_int(val(r))) l.restart = clamp_count(*v);
        l.legal = on_off(lvl.child("w:isLgl")).value_or(false);
        l.style = std::string(val(lvl.child("w:pStyle")));
        return l;
    };
    for (pugi::xml_node a : root.children("w:abstractNum")) {
        auto id = to_int(attr(a, "w:abstractNumId"));
        if (!id) continue;
        Abstract abs;
        for (pugi::xml_node lvl : a.children("w:lvl")) {
            auto i = to_int(attr(lvl, "w:ilvl"));
            if (i && *i >= 0 && *i <= 8) abs.levels[static_cast<std::size_t>(*i)] = read_level(lvl);
        }
        abs.num_style_link = std::string(val(a.child("w:numStyleLink")));
        abstracts_.emplace(static_cast<int>(*id), std::move(abs));
    }
    for (pugi::xml_node n : root.children("w:num")) {
        auto id = to_int(attr(n, "w:numId"));
        auto abs = to_int(val(n.child("w:abstractNumId")));
        if (!id || !abs) continue;
        Num num;
        num.abstract = static_cast<int>(*abs);
        for (pugi::xml_node o : n.children("w:lvlOverride")) {
            auto i = to_int(attr(o, "w:ilvl"));
            if (!i || *i < 0 || *i > 8) continue;
            const auto li = static_cast<std::size_t>(*i);
            if (pugi::xml_node so = o.child("w:startOverride"))
                if (auto v = to_int(val(so))) num.start_override[li] = clamp_count(*v);
            if (pugi::xml_node lvl = o.child("w:lvl")) {
                num.level_override[li] = read_level(lvl);
                num.own_counters = true;
            }
        }
        nums_.emplace(static_cast<int>(*id), std::move(num));
    }
}

const WordNumbering::Abstract* WordNumbering::abstract_of(const Num& n) const {
    auto it = abstracts_.find(n.abstract);
    if (it == abstracts_.end()) return nullptr;
    // A definition that only links to a numbering style takes the levels of
    // the definition that style's num points at (a few steps at most).
    const Abstract* a = &it->second;
    for (int steps = 0; steps < 4 && !a->num_style_link.empty() && styles_; ++steps) {
        std::optional<int> num = styles_->numbering_style_num(a->num_style_link);
        if (!num) break;
        auto nit = nums_.find(*num);
        if (nit == nums_.end()) break;
        auto ait = abstracts_.find(nit->second.abstract);
        if (ait == abstracts_.end() || &ait->second == a) break;
        a = &ait->second;
    }
    return a;
}

const WordNumbering::Level* WordNumbering::level_of(const Num& n, int level) const {
    const auto li = static_cast<std::size_t>(level);
    if (n.level_override[li]) return &*n.level_override[li];
    const Abstract* a = abstract_of(n);
    if (!a || !a->levels[li].defined) return nullptr;
    return &a->levels[li];
}

std::optional<int> WordNumbering::level_for_style(int num_id, std::string_view style_id) const {
    auto it = nums_.find(num_id);
    if (it == nums_.end() || style_id.empty()) return std::nullopt;
    for (int l = 0; l < 9; ++l)
        if (const Level* lv = level_of(it->second, l); lv && lv->style == style_id) return l;
    return std::nullopt;
}

std::optional<NumberLabel> WordNumbering::next(int num_id, int level) {
    if (level < 0 || level > 8) return std::nullopt;
    auto it = nums_.find(num_id);
    if (it == nums_.end()) return std::nullopt;
    Num& num = it->second;
    const Level* here = level_of(num, level);
    if (!here) return std::nullopt;
    // Nums that share a definition continue one list, as Word counts them,
    // unless one redefines a level.
    const int list = num.own_counters ? -1 - num_id : num.abstract;
    Counters& c = counters_[list];
    const auto li = static_cast<std::size_t>(level);
    auto start_of = [&](int l) {
        const auto i = static_cast<std::size_t>(l);
        if (num.start_override[i]) return *num.start_override[i];
        const Level* lv = level_of(num, l);
        return lv ? lv->start : 1;
    };
    // A num's start override restarts its level the first time it is used.
    if (num.start_override[li] && !num.override_used[li]) {
        num.override_used[li] = true;
        c.set[li] = false;
    }
    c.value[li] = c.set[li] ? c.value[li] + 1 : start_of(level);
    c.set[li] = true;
    // Deeper levels start again, unless their lvlRestart says otherwise
    // (0: never; n: only after levels above n).
    for (int d = level + 1; d < 9; ++d) {
        const Level* lv = level_of(num, d);
        const bool restart = !lv || !lv->restart || (*lv->restart != 0 && level < *lv->restart);
        if (restart) c.set[static_cast<std::size_t>(d)] = false;
    }
    NumberLabel out;
    out.list = list;
    out.num_id = num_id;
    out.level = level;
    out.format = here->format;
    out.pattern = here->text;
    for (int l = 0; l <= level; ++l) {
        const auto i = static_cast<std::size_t>(l);
        out.counters.push_back(c.set[i] ? c.value[i] : start_of(l));
    }
    // A level that shows no number (LibreOffice's outline of headings).
    if (here->format == "none") return std::nullopt;
    // The text: %1 .. %9 replaced by the counters of those levels.
    bool in_order = here->format != "bullet";  // %1, %2 ... up to this level, each decimal
    int expect = 0;
    std::string text;
    const std::string& p = here->text;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p[i] == '%' && i + 1 < p.size() && p[i + 1] >= '1' && p[i + 1] <= '9') {
            const int l = p[i + 1] - '1';
            ++i;
            if (l > level) {
                in_order = false;
                continue;  // Word shows nothing for a deeper level
            }
            const Level* lv = level_of(num, l);
            std::string fmt = lv ? lv->format : std::string("decimal");
            if (here->legal) fmt = "decimal";
            if ((fmt != "decimal" && fmt != "decimalZero") || l != expect) in_order = false;
            ++expect;
            text += format_counter(out.counters[static_cast<std::size_t>(l)], fmt);
        } else {
            text += p[i];
        }
    }
    // Paragraph numbering reads "3", "3." or "3.2": one number per level,
    // single dots between, perhaps one after.
    bool outline = in_order && expect == level + 1;
    if (outline) {
        std::size_t groups = 0;
        for (std::size_t i = 0; i < text.size() && outline;) {
            if (text[i] < '0' || text[i] > '9') outline = false;
            while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
            ++groups;
            if (i < text.size()) {
                if (text[i] != '.') outline = false;
                ++i;
            }
        }
        outline = outline && groups == static_cast<std::size_t>(level + 1);
    }
    out.outline = outline;
    out.text = text;
    return out;
}

}  // namespace bp::docx
