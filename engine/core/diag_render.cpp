#include "diag_render.hpp"

#include <algorithm>
#include <cstdio>

namespace bp {

namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kReset = "\033[0m";
constexpr const char* kGreen = "\033[1;32m";
constexpr const char* kCyan = "\033[1;36m";

const char* severity_colour(Severity s) {
    switch (s) {
        case Severity::Error: return "\033[1;31m";
        case Severity::Warning: return "\033[1;35m";
        case Severity::Note: return kCyan;
    }
    return "";
}

// Length of the valid UTF-8 sequence starting at s[i], or 0 if invalid.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return 0;
    return n;
}

// How much of a long source line is shown: at most kWindow characters,
// kBefore of them before the caret when the line is cut, and "..." where it
// is (as clang does), so a paper written on one 6 MB line prints a short
// line per diagnostic.
constexpr std::size_t kWindow = 100;
constexpr std::size_t kBefore = 40;

// The source line made safe for a terminal (control characters and broken
// UTF-8 shown as '?'), and under it a caret at column `col` (in characters):
// the padding copies tabs so the caret lines up however wide the
// terminal's tabs are.
void source_and_caret(std::string_view line, std::uint32_t col, std::string& shown, std::string& caret) {
    // A character: a byte that starts one and the continuation bytes after it.
    auto next = [&](std::size_t i) {
        do ++i;
        while (i < line.size() && !starts_character(line[i]));
        return i;
    };
    // Characters are counted only as far as the window can reach, so a
    // report near the start of a long line does not read all of it.
    const std::size_t wanted = col > 0 ? col - 1 : 0;
    const std::size_t reach = std::max(wanted + (kWindow - kBefore), kWindow) + 1;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < line.size() && chars < reach; i = next(i)) ++chars;
    const std::size_t target = std::min(wanted, chars);
    std::size_t first = 0, last = chars;
    if (chars > kWindow) {
        first = target > kBefore ? target - kBefore : 0;
        last = std::min(chars, first + kWindow);
        first = last - kWindow;
    }
    if (first > 0) {
        shown += "...";
        caret += "   ";
    }
    std::size_t index = 0;
    for (std::size_t i = 0; i < line.size() && index < last; i = next(i), ++index) {
        if (index < first) continue;
        const std::size_t n = next(i) - i;
        const bool control = n == 1 && static_cast<unsigned char>(line[i]) < 0x20 && line[i] != '\t';
        if (utf8_length(line, i) != n || control)
            shown += '?';
        else
            shown.append(line.substr(i, n));
        if (index < target) caret += line[i] == '\t' ? '\t' : ' ';
    }
    if (last < chars) shown += "...";
    caret += '^';
}

}  // namespace

std::string render_text(const std::vector<Diagnostic>& diags, const SourceLineLookup& lines,
                        const RenderOptions& options) {
    const bool c = options.colour;
    std::string out;
    for (const Diagnostic& d : diags) {
        std::string head = format_diagnostic(d);
        if (c) {
            // Bold location, coloured severity, plain message.
            std::string sev = std::string(": ") + std::string(severity_name(d.severity)) + ": ";
            std::size_t at = head.find(sev);
            if (at != std::string::npos)
                head = kBold + head.substr(0, at) + kReset + ": " + severity_colour(d.severity) +
                       std::string(severity_name(d.severity)) + ":" + kReset + " " + head.substr(at + sev.size());
        }
        out += head + '\n';
        std::optional<std::string> text;
        if (d.loc.line > 0 && lines) text = lines(d.loc.file, d.loc.line);
        if (text) {
            std::string shown, caret;
            source_and_caret(*text, d.loc.col, shown, caret);
            char number[16];
            std::snprintf(number, sizeof number, "%5u", static_cast<unsigned>(d.loc.line));
            out += std::string(number) + " | " + shown + '\n';
            out += "      | ";
            if (c) {
                std::size_t mark = caret.size() - 1;
                out += caret.substr(0, mark) + kGreen + "^" + kReset;
            } else {
                out += caret;
            }
            out += '\n';
        }
        if (!d.hint.empty()) out += std::string("  ") + (c ? kCyan : "") + "hint:" + (c ? kReset : "") + " " + d.hint + '\n';
    }
    return out;
}

std::string json_escape(std::string_view s) {
    std::string o;
    o.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        // A run of characters that need no escape is copied at once (the
        // open data carries every paper's text through here).
        std::size_t plain = i;
        while (plain < s.size()) {
            const auto c = static_cast<unsigned char>(s[plain]);
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
            ++plain;
        }
        o.append(s.data() + i, plain - i);
        i = plain;
        if (i == s.size()) break;
        std::size_t n = utf8_length(s, i);
        if (n == 0) {
            o += "\\ufffd";
            ++i;
            continue;
        }
        char ch = s[i];
        if (n > 1) {
            o.append(s.substr(i, n));
        } else if (ch == '"') {
            o += "\\\"";
        } else if (ch == '\\') {
            o += "\\\\";
        } else if (ch == '\n') {
            o += "\\n";
        } else if (ch == '\t') {
            o += "\\t";
        } else if (static_cast<unsigned char>(ch) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(ch));
            o += buf;
        } else {
            o += ch;
        }
        i += n;
    }
    return o;
}

std::string render_json(const std::vector<Diagnostic>& diags) {
    if (diags.empty()) return "[]\n";
    std::string out = "[\n";
    for (std::size_t i = 0; i < diags.size(); ++i) {
        const Diagnostic& d = diags[i];
        out += "  {\"file\": \"" + json_escape(d.loc.file.str()) + "\", \"line\": " + std::to_string(d.loc.line) +
               ", \"column\": " + std::to_string(d.loc.col) + ", \"severity\": \"" +
               std::string(severity_name(d.severity)) + "\", \"rule\": \"" + json_escape(d.rule) +
               "\", \"message\": \"" + json_escape(d.message) + "\", \"hint\": \"" + json_escape(d.hint) + "\"}";
        out += i + 1 < diags.size() ? ",\n" : "\n";
    }
    return out + "]\n";
}

}  // namespace bp
