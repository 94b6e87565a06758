// PNG and JPEG bytes as a paper's picture: decoded and checked by load,
// laid out and embedded in the PDF.
#pragma once
#include "harness.hpp"
#include "load/load.hpp"

namespace bp::fuzz {

inline int typeset_picture(const std::uint8_t* data, std::size_t size, const std::string& name) {
    clear_scratch();
    put(name, std::string_view(reinterpret_cast<const char*>(data), size));
    const std::string paper_path = put(
        "paper.xml", "<report version=\"1\"><header><board>BOARD</board><date>2016-09-08</date><title>PICTURE</title>"
                     "</header><p>Above.</p><img src=\"" + name + "\" alt=\"A chart\"/><p>Below.</p></report>");
    Diagnostics diags;
    std::optional<Paper> paper = load_paper(paper_path, scratch(), diags);
    if (paper && !diags.has_errors()) typeset(*paper, lscsb());
    return 0;
}

}  // namespace bp::fuzz
