// Printing diagnostics for people (with the source line and a caret under
// the column, as GCC and Clang do) and for tools (a JSON array).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "diag.hpp"

namespace bp {

// The text of line `line` (1-based, without its end of line) of `file`, or
// nullopt when it cannot be had; the caller decides where text comes from.
using SourceLineLookup = std::function<std::optional<std::string>(const std::string& file, std::uint32_t line)>;

struct RenderOptions {
    bool colour = false;  // ANSI colours; only for a terminal
};

// Each diagnostic as format_diagnostic, then (when its line can be had) the
// line and a caret under the column, then its hint.
std::string render_text(const std::vector<Diagnostic>& diags, const SourceLineLookup& lines,
                        const RenderOptions& options);

// [{"file":..., "line":..., "column":..., "severity":..., "rule":...,
//   "message":..., "hint":...}, ...] one object per line.
std::string render_json(const std::vector<Diagnostic>& diags);

// Escapes `s` for a JSON string (without the quotes); invalid UTF-8 bytes
// become U+FFFD so the output always parses.
std::string json_escape(std::string_view s);

}  // namespace bp
