// Private to html/: the parts of a site, each made by its own file.
#pragma once
#include <cstdint>
#include <map>
#include <string>

#include "html/html.hpp"

namespace bp::html {

// style.cpp: the template as CSS, for screens and for paper.
std::string screen_stylesheet(const StyleSheet& styles, const FontTable& fonts);
std::string print_stylesheet(const StyleSheet& styles);

// open_data.cpp: the meeting as OParl 1.1 JSON. `sizes`: the bytes of each
// file of the site by name (the pages, written before it).
std::string meeting_json(const SiteInputs& in, const std::map<std::string, std::uint64_t>& sizes);

// The URL of `relative` (a file of the site, or "../pack.pdf") from the
// site's address; `relative` itself when the site has none.
std::string site_address(const std::string& site_url, const std::string& relative);

}  // namespace bp::html
