// A partner PDF, read as load reads it and bound into a small tagged pack
// as the pdf stage binds it: the qpdf module's own functions, called in
// this process (the program calls them in the partner reader, a process of
// its own, which a fuzzer's coverage and sanitizers cannot see into).
#include <cstdint>
#include <string>
#include <vector>

#include "harness.hpp"
#include "partner/module.hpp"

namespace {

// A pack of `pages` A4 pages, each drawing its partner page at half size,
// with a structure tree of one section (object 4) to graft under.
std::string pack_pdf(std::size_t pages) {
    std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 3 0 R /MarkInfo << /Marked true >> >>",
        "",  // the page tree, below
        "<< /Type /StructTreeRoot /K 4 0 R /ParentTree << /Nums [] >> /ParentTreeNextKey 0 >>",
        "<< /Type /StructElem /S /Sect /P 3 0 R /K [] >>",
    };
    std::string kids;
    const std::string content = "q 0.5 0 0 0.5 50 50 cm /BPPartner Do Q";
    for (std::size_t i = 0; i < pages; ++i) {
        const std::size_t page = objects.size() + 1;
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents " + std::to_string(page + 1) +
                          " 0 R /Resources << >> >>");
        objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
        kids += std::to_string(page) + " 0 R ";
    }
    objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>";
    std::string out = "%PDF-1.7\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t o : offsets) {
        std::string n = std::to_string(o);
        out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace partner = bp::partner;
    bp::fuzz::clear_scratch();
    const std::string path =
        bp::fuzz::put("partner.pdf", std::string_view(reinterpret_cast<const char*>(data), size));
    // Budgets small enough for a fuzzer's memory limit; what they stop is
    // what they stop in a build.
    bp::PartnerBudgets budgets;
    budgets.stream_mb = 16;
    budgets.page_mb = 32;
    budgets.pack_mb = 64;
    budgets.elements = 20000;
    budgets.bookmarks = 2000;
    partner::Refusal why;
    const std::optional<partner::Facts> facts = partner::module::read_facts(path, budgets, why);
    if (!facts) return 0;
    const std::size_t shown = std::min<std::size_t>(facts->pages.size(), 3);
    std::vector<partner::Placement> placements;
    for (std::size_t i = 0; i < shown; ++i)
        placements.push_back(partner::Placement{i, path, static_cast<int>(i), facts->pages[i], {0.5, 0, 0, 0.5, 50, 50},
                                                facts->tagged ? 4u : 0u});
    std::string bound;
    std::size_t at = 0;
    partner::module::bind_pages(pack_pdf(shown), placements, budgets, bound, at, why);
    return 0;
}
