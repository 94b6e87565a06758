// partner.hpp's functions in the program: each opens the qpdf module
// (module.hpp) on first use and hands the call on. A pack without partner
// PDFs never opens it.
#include <dlfcn.h>

#include <filesystem>
#include <stdexcept>

#include "partner/module.hpp"
#include "partner/partner.hpp"

namespace bp::partner {

namespace {

namespace fs = std::filesystem;

struct Loaded {
    const module::Api* api = nullptr;
    std::string problem;  // why not, when api is null
};

// Where the module may be, first found first: installed beside the program
// (PREFIX/bin/boardpack, PREFIX/lib/boardpack/), in the build tree beside
// it or a folder or two up (the tests' programs), and installed where this
// library was meant to go (a program of someone else's linking it).
std::vector<fs::path> candidates() {
    std::vector<fs::path> out;
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path dir = self.parent_path();
        out.push_back(dir / ".." / "lib" / "boardpack" / module::kFileName);
        out.push_back(dir / module::kFileName);
        out.push_back(dir / ".." / module::kFileName);
        out.push_back(dir / ".." / ".." / module::kFileName);
    }
    out.push_back(fs::path(BOARDPACK_PARTNER_INSTALL_DIR) / module::kFileName);
    return out;
}

Loaded open_module() {
    Loaded l;
    std::string tried;
    for (const fs::path& path : candidates()) {
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) continue;
        void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (handle == nullptr) {
            const char* why = dlerror();
            tried += std::string(tried.empty() ? "" : "; ") + (why != nullptr ? why : path.string());
            continue;
        }
        auto entry = reinterpret_cast<const module::Api* (*)()>(dlsym(handle, module::kApiSymbol));
        const module::Api* api = entry != nullptr ? entry() : nullptr;
        if (api == nullptr || api->version != module::kApiVersion || !api->read_facts || !api->bind_pages) {
            tried += std::string(tried.empty() ? "" : "; ") + path.lexically_normal().string() + " is of another version";
            dlclose(handle);
            continue;
        }
        l.api = api;  // kept open for the rest of the process
        return l;
    }
    l.problem = std::string("partner PDFs cannot be read: boardpack's ") + module::kFileName +
                (tried.empty() ? " is not installed" : " cannot be loaded (" + tried + ")");
    return l;
}

const Loaded& loaded() {
    static const Loaded l = open_module();  // once, whichever thread asks first
    return l;
}

}  // namespace

std::optional<Facts> read_facts(const std::string& path, std::string& reason) {
    const Loaded& l = loaded();
    if (l.api == nullptr) {
        reason = l.problem;
        return std::nullopt;
    }
    return l.api->read_facts(path, reason);
}

std::string bind_pages(const std::string& pack, const std::vector<Placement>& placements) {
    const Loaded& l = loaded();
    if (l.api == nullptr) throw std::runtime_error(l.problem);
    return l.api->bind_pages(pack, placements);
}

}  // namespace bp::partner
