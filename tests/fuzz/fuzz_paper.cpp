// A paper (report, minutes, document) as an officer might send it: load,
// validate, lay out in the house style, write the PDF.
#include "harness.hpp"
#include "load/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace bp;
    fuzz::clear_scratch();
    const std::string path = fuzz::put("paper.xml", std::string_view(reinterpret_cast<const char*>(data), size));
    Diagnostics diags;
    std::optional<Paper> paper = load_paper(path, fuzz::scratch(), diags);
    if (paper && !diags.has_errors()) fuzz::typeset(*paper, fuzz::lscsb());
    return 0;
}
