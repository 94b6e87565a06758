// A template as a council might write it, with the repository's fonts
// beside it: load, resolve the styles, lay out a sample report in it and
// write the PDF.
#include <filesystem>

#include "harness.hpp"
#include "load/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace bp;
    namespace fs = std::filesystem;
    static const bool fonts_copied = [] {
        std::error_code ec;
        fs::copy(fuzz::source_dir() + "/fonts", fuzz::scratch() + "/fonts", fs::copy_options::recursive | fs::copy_options::skip_existing, ec);
        fs::create_directory(fuzz::scratch() + "/templates", ec);
        return !ec;
    }();
    if (!fonts_copied) return 0;
    fuzz::clear_scratch();
    fs::create_directory(fuzz::scratch() + "/templates");
    // "templates/house.xml", so the usual "../fonts/..." paths find the fonts.
    const std::string path = fuzz::put("templates/house.xml", std::string_view(reinterpret_cast<const char*>(data), size));
    Diagnostics diags;
    std::optional<TemplateDoc> tpl = load_template(path, diags);
    if (!tpl || diags.has_errors()) return 0;
    fuzz::House house(*tpl);
    if (house.diags.has_errors()) return 0;
    Paper paper = fuzz::sample_paper();
    fuzz::typeset(paper, house);
    return 0;
}
