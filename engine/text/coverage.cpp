// Characters the template's fonts cannot print: found before layout, so an
// officer hears of a ✓ or an emoji from validate instead of finding "?" in
// the published pack.
#include <set>
#include <cstdio>
#include <fstream>
#include <map>
#include <utility>

#include "core/walk.hpp"
#include "text/text.hpp"
#include "text/utf8_decode.hpp"

namespace bp {

namespace {

std::string code_point_label(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    std::string s = buf;
    s += " \"";
    append_utf8(s, cp);
    return s + "\"";
}

// The place of the first `needle` at or after `from` in its file: the text
// was collapsed and unescaped by load, so the exact column is found in the
// source. `from` itself when the file cannot be read or the character was
// written as a reference (&#x2713;).
SourceLoc locate(const SourceLoc& from, std::string_view needle) {
    std::ifstream in(from.file, std::ios::binary);
    if (!in || from.line == 0) return from;
    std::string line;
    SourceLoc at = from;
    for (std::uint32_t n = 1; std::getline(in, line); ++n) {
        if (n < from.line) continue;
        std::string_view text = line;
        if (n == 1 && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // columns start after a BOM
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        const std::size_t start = n == from.line && from.col > 0 ? byte_of_column(text, from.col) : 0;
        const std::size_t hit = text.find(needle, start);
        if (hit != std::string_view::npos) {
            at.line = n;
            at.col = column_of_byte(text, hit);
            return at;
        }
        if (n > from.line + 2000) break;  // a block is never that long
    }
    return from;
}

class CoverageCheck {
public:
    CoverageCheck(const FontTable& fonts, Diagnostics& diags) : fonts_(fonts), diags_(diags) {}

    void text(const SourceLoc& loc, std::string_view s) {
        for (std::size_t i = 0; i < s.size();) {
            char32_t cp = utf8::decode_or_replace(s, i);
            if (cp < 0x80 || printable(cp)) continue;
            Finding& f = findings_[{loc.file, cp}];
            if (f.count++ == 0) f.loc = loc;
        }
    }

    void report() {
        for (const auto& [key, f] : findings_) {
            std::string needle;
            append_utf8(needle, key.second);
            std::string msg = "character " + code_point_label(key.second) +
                              " cannot be printed with the template's fonts; the pack would show \"?\" or a gap in its place";
            if (f.count > 1) msg += " (" + std::to_string(f.count) + " times in this file, the first here)";
            diags_.error(locate(f.loc, needle), rule::unprintable_character, msg,
                         "use a character the fonts have (for a tick, write \"Yes\"; for a symbol, its name), "
                         "or choose a template whose fonts cover it");
        }
    }

private:
    bool printable(char32_t cp) {
        auto it = known_.find(cp);
        if (it != known_.end()) return it->second;
        bool ok = true;
        for (std::size_t face = 0; face < fonts_.faces().size() && ok; ++face)
            ok = can_draw(fonts_, static_cast<FaceId>(face), cp);
        known_.emplace(cp, ok);
        return ok;
    }

    struct Finding {
        SourceLoc loc;
        std::size_t count = 0;
    };
    const FontTable& fonts_;
    Diagnostics& diags_;
    std::map<char32_t, bool> known_;
    std::map<std::pair<std::string, char32_t>, Finding> findings_;
};

}  // namespace

void report_unprintable(const Paper& paper, const FontTable& fonts, Diagnostics& diags) {
    CoverageCheck check(fonts, diags);
    for_each_text(paper, [&](const SourceLoc& loc, std::string_view s) { check.text(loc, s); });
    check.report();
}

void report_unprintable(const PackManifest& manifest, const FontTable& fonts, Diagnostics& diags) {
    CoverageCheck check(fonts, diags);
    for_each_text(manifest, [&](const SourceLoc& loc, std::string_view s) { check.text(loc, s); });
    check.report();
}

void report_unprintable(const PackDocument& pack, const FontTable& fonts, Diagnostics& diags) {
    report_unprintable(pack.manifest, fonts, diags);
    std::set<std::string> seen;
    for (const auto& papers : pack.papers)
        for (const Paper& p : papers)
            if (seen.insert(p.loc.file).second) report_unprintable(p, fonts, diags);
}

}  // namespace bp
