// A pack folder in one input: files separated by lines "### NAME", the first
// being the manifest. Built through the library entry point, every edition
// the manifest allows: public, full, per item and the supplement.
#include <boardpack/build.hpp>

#include <filesystem>

#include "harness.hpp"

namespace {

// Plain names only: the input may not write outside the scratch folder.
bool safe_name(std::string_view n) {
    if (n.empty() || n.size() > 64 || n[0] == '.') return false;
    for (char c : n)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '.'))
            return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace bp;
    fuzz::clear_scratch();
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    std::string name = "pack.xml";
    std::size_t at = 0;
    while (at <= in.size()) {
        std::size_t next = in.find("\n### ", at);
        const std::string_view body = in.substr(at, next == std::string_view::npos ? std::string_view::npos : next - at);
        if (safe_name(name)) fuzz::put(name, body);
        if (next == std::string_view::npos) break;
        const std::size_t name_end = in.find('\n', next + 5);
        name = std::string(in.substr(next + 5, name_end == std::string_view::npos ? std::string_view::npos : name_end - next - 5));
        if (name_end == std::string_view::npos) break;
        at = name_end + 1;
    }
    boardpack::BuildRequest r;
    r.pack = fuzz::scratch() + "/pack.xml";
    r.output = fuzz::scratch() + "/pack.pdf";
    r.audience = boardpack::Audience::Full;
    r.split_dir = fuzz::scratch() + "/items";
    r.template_dirs = {fuzz::source_dir() + "/templates"};
    r.jobs = 1;
    boardpack::build(r);
    return 0;
}
