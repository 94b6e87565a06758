#include "harness.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "assemble/assemble.hpp"
#include "layout/layout.hpp"
#include "load/load.hpp"
#include "pdf/pdf.hpp"
#include "validate/validate.hpp"

namespace bp::fuzz {

namespace fs = std::filesystem;

std::string source_dir() { return BOARDPACK_SOURCE_DIR; }

const std::string& scratch() {
    static const std::string dir = [] {
        std::string tmpl = (fs::temp_directory_path() / "bp-fuzz-XXXXXX").string();
        if (::mkdtemp(tmpl.data()) == nullptr) std::abort();
        // The folder goes when the process ends normally; a crash leaves it
        // for the input to be looked at.
        static const std::string kept = tmpl;
        std::atexit([] {
            std::error_code ec;
            fs::remove_all(kept, ec);
        });
        return tmpl;
    }();
    return dir;
}

void clear_scratch() {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(scratch(), ec))
        if (e.path().filename() != "fonts") fs::remove_all(e.path(), ec);
}

std::string put(const std::string& name, std::string_view bytes) {
    const std::string path = (fs::path(scratch()) / name).string();
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
}

House::House(const TemplateDoc& doc) : styles(resolve_styles(doc, fonts, diags)), breaker(doc.locale) {}

House& lscsb() {
    static House house = [] {
        Diagnostics d;
        std::optional<TemplateDoc> t = load_template(source_dir() + "/templates/lscsb.xml", d);
        if (!t || d.has_errors()) std::abort();
        return House(*t);
    }();
    return house;
}

const Paper& sample_paper() {
    static const Paper paper = [] {
        Diagnostics d;
        const std::string dir = source_dir() + "/samples/lscsb-2015-09-17";
        std::optional<Paper> p = load_paper(dir + "/report-prevent.xml", dir, d);
        if (!p || d.has_errors()) std::abort();
        return *p;
    }();
    return paper;
}

void typeset(Paper& paper, House& house) {
    Diagnostics diags;
    validate_paper(paper, diags);
    load_images(paper, kMaxPixels, diags);
    if (diags.has_errors()) return;
    report_unprintable(paper, house.fonts, diags);
    if (diags.has_errors()) return;
    LayoutContext ctx{house.styles, house.fonts, house.breaker, diags};
    const PackBox box = assemble_preview(paper, ctx);
    if (diags.has_errors()) return;
    std::string error;
    // A PDF that cannot be written is a finding only if it crashes; a
    // refusal with a message is the engine working.
    write_pdf(box, scratch() + "/out.pdf", PdfOptions{1}, &error);
}

}  // namespace bp::fuzz
