// A style sheet and fonts for layout tests, built without XML: the house
// defaults with the repository's Liberation Sans.
#pragma once
#include <algorithm>
#include <string>

#include "core/template.hpp"
#include "layout/layout.hpp"

namespace bp::test {

inline TemplateDoc test_template() {
    TemplateDoc t;
    FontFamily f;
    f.name = "sans";
    const std::string dir = std::string(BOARDPACK_SOURCE_DIR) + "/fonts/";
    f.regular = dir + "LiberationSans-Regular.ttf";
    f.bold = dir + "LiberationSans-Bold.ttf";
    f.italic = dir + "LiberationSans-Italic.ttf";
    f.bold_italic = dir + "LiberationSans-BoldItalic.ttf";
    t.families.push_back(f);
    return t;
}

struct Env {
    FontTable fonts;
    Diagnostics diags;
    StyleSheet styles;
    LineBreaker breaker;
    LayoutContext ctx;
    explicit Env(const TemplateDoc& t = test_template())
        : styles(resolve_styles(t, fonts, diags)), breaker("en_GB"), ctx{styles, fonts, breaker, diags} {}
};

inline Inlines text(const std::string& s, std::uint8_t flags = 0) {
    Inline i;
    i.text = s;
    i.flags = flags;
    return {i};
}

// Blocks are built by assignment: GCC 12 at -O3 misreads the aggregate form.
template <class Node>
inline Block block(Node n) {
    Block b;
    b.node = std::move(n);
    return b;
}

inline Block para(const std::string& s, Numbering n = Numbering::Auto) {
    Paragraph p;
    p.text = text(s);
    p.numbering = n;
    return block(std::move(p));
}

inline Block heading(const std::string& s, int level = 1) {
    Heading h;
    h.level = level;
    h.text = text(s);
    return block(std::move(h));
}

inline std::string words(int n) {
    static const char* w[] = {"the", "board", "noted", "performance", "across", "districts", "remains", "stable"};
    std::string s;
    for (int i = 0; i < n; ++i) s += std::string(i ? " " : "") + w[i % 8];
    return s;
}

// All text on a page, runs joined in drawing order.
inline std::string page_text(const PageBox& p) {
    std::string s;
    for (const auto& r : p.runs()) s += r.text + "|";
    return s;
}

inline bool has_run(const PageBox& p, const std::string& t) {
    const auto p_runs = p.runs();
    return std::any_of(p_runs.begin(), p_runs.end(), [&](const GlyphRun& r) { return r.text == t; });
}

inline Paper report(Blocks blocks) {
    Paper p;
    p.kind = Paper::Kind::Report;
    Section s;
    s.blocks = std::move(blocks);
    p.sections.push_back(std::move(s));
    return p;
}

}  // namespace bp::test
