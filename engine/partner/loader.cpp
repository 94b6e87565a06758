// partner.hpp's functions in the program: each opens the qpdf module
// (module.hpp) on first use and hands the call on. A pack without partner
// PDFs never opens it.
#include <dlfcn.h>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "core/installation.hpp"
#include "partner/module.hpp"
#include "partner/partner.hpp"

namespace bp::partner {

namespace {

namespace fs = std::filesystem;

struct Loaded {
    const module::Api* api = nullptr;
    std::string problem;  // why not, when api is null
};

std::string listed(const std::vector<std::string>& paths) {
    std::string out;
    for (std::size_t i = 0; i < paths.size(); ++i)
        out += (i == 0 ? "" : i + 1 == paths.size() ? " and " : ", ") + paths[i];
    return out;
}

Loaded open_module(const std::string& named) {
    Loaded l;
    const ModuleLookup found = find_module(named);
    if (found.path.empty()) {
        l.problem = named.empty() ? std::string("boardpack's partner module ") + module::kFileName +
                                        " is not installed (looked for " + listed(found.looked_at) + ")"
                                  : "boardpack's partner module " + named + " does not exist";
        return l;
    }
    void* handle = dlopen(found.path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        const char* why = dlerror();
        l.problem = "boardpack's partner module " + found.path + " cannot be loaded" +
                    (why != nullptr ? std::string(" (") + why + ")" : std::string());
        return l;
    }
    auto entry = reinterpret_cast<const module::Api* (*)()>(dlsym(handle, module::kApiSymbol));
    const module::Api* api = entry != nullptr ? entry() : nullptr;
    if (api == nullptr || api->version != module::kApiVersion || !api->read_facts || !api->bind_pages) {
        dlclose(handle);
        l.problem = "boardpack's partner module " + found.path + " is of another version of boardpack";
        return l;
    }
    l.api = api;  // kept open for the rest of the process
    return l;
}

// Each module named, opened once, whichever thread asks first.
const Loaded& loaded(const std::string& named) {
    static std::mutex lock;
    static std::map<std::string, std::unique_ptr<const Loaded>> opened;
    std::lock_guard<std::mutex> hold(lock);
    std::unique_ptr<const Loaded>& l = opened[named];
    if (!l) l = std::make_unique<const Loaded>(open_module(named));
    return *l;
}

}  // namespace

ModuleLookup find_module(const std::string& module) {
    ModuleLookup out;
    if (!module.empty()) {
        out.looked_at.push_back(module);
        std::error_code ec;
        if (fs::is_regular_file(module, ec)) out.path = module;
        return out;
    }
    for (const std::string& prefix : installation::prefixes()) {
        const std::string path = (fs::path(installation::module_dir(prefix)) / module::kFileName).string();
        out.looked_at.push_back(path);
        std::error_code ec;
        if (fs::is_regular_file(path, ec)) {
            out.path = path;
            break;
        }
    }
    return out;
}

std::string module_problem(const std::string& module) { return loaded(module).problem; }

std::optional<Facts> read_facts(const std::string& module, const std::string& path, std::string& reason) {
    const Loaded& l = loaded(module);
    if (l.api == nullptr) {
        reason = l.problem;
        return std::nullopt;
    }
    return l.api->read_facts(path, reason);
}

std::string bind_pages(const std::string& module, const std::string& pack, const std::vector<Placement>& placements) {
    const Loaded& l = loaded(module);
    if (l.api == nullptr) throw std::runtime_error(l.problem);
    return l.api->bind_pages(pack, placements);
}

}  // namespace bp::partner
