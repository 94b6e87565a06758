#include "core/installation.hpp"

#include <dlfcn.h>
#include <link.h>

#include <algorithm>
#include <filesystem>

namespace bp::installation {

namespace {

namespace fs = std::filesystem;

// The file holding this code: a shared library when the library is one,
// else the program it is linked into (whose own name dladdr gives only as
// argv[0], so it is read from /proc instead).
fs::path file_of_library() {
    Dl_info info{};
    link_map* map = nullptr;
    if (dladdr1(reinterpret_cast<void*>(&prefixes), &info, reinterpret_cast<void**>(&map), RTLD_DL_LINKMAP) != 0 &&
        map != nullptr && map->l_name != nullptr && map->l_name[0] != '\0') {
        std::error_code ec;
        const fs::path lib = fs::weakly_canonical(map->l_name, ec);
        if (!ec) return lib;
    }
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : self;
}

}  // namespace

std::vector<std::string> prefixes() {
    std::vector<std::string> out;
    auto add = [&](const fs::path& p) {
        std::string s = p.lexically_normal().string();
        if (s.size() > 1 && s.back() == '/') s.pop_back();  // "build/tests/.." is "build/"
        if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    };
    if (boardpack_package_prefix != nullptr)
        if (const char* recorded = boardpack_package_prefix(); recorded != nullptr && *recorded != '\0') add(recorded);
    const fs::path lib = file_of_library();
    if (!lib.empty()) {
        add(lib.parent_path() / BOARDPACK_BINDIR_TO_PREFIX);
        add(lib.parent_path());
    }
    return out;
}

std::string module_dir(const std::string& prefix) {
    return (fs::path(prefix) / BOARDPACK_LIBDIR / "boardpack").lexically_normal().string();
}

std::string data_dir(const std::string& prefix) {
    return (fs::path(prefix) / BOARDPACK_DATADIR / "boardpack").lexically_normal().string();
}

}  // namespace bp::installation
