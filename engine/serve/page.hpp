// The desk's page as HTML: the whole page, and its state section, which
// each build replaces in the pages open.
#pragma once
#include <string>

#include "desk/desk.hpp"
#include "serve/serve.hpp"

namespace bp::serve {

// The state section of build `step`: what the pack is now, the outputs
// (linked below /out/ by their places in `outputs_root`), the table of
// agenda items, each file's diagnostics.
std::string state_section(const desk::Step& step, const ServeOptions& options, const std::string& outputs_root);

// The whole page around a state section (`build`: its step's number).
std::string desk_page(const std::string& state, int build, const ServeOptions& options);

// The page's stylesheet and script, served as files of their own so that
// the page may forbid every other (Content-Security-Policy: default-src 'self').
extern const char* const kDeskCss;
extern const char* const kDeskJs;

// `text` safe inside HTML text and attribute values.
std::string html_escape(std::string_view text);

// `path` as a URL path: every byte but letters, digits, "-._~/" percent-encoded.
std::string url_path(std::string_view path);

}  // namespace bp::serve
