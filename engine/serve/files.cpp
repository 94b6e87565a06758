#include "serve/files.hpp"

#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <memory>

namespace bp::serve {

std::string resolved(const std::string& path) {
    std::unique_ptr<char, decltype(&::free)> real(::realpath(path.c_str(), nullptr), &::free);
    return real ? std::string(real.get()) : std::string();
}

std::string file_under(const std::string& root, std::string_view rel) {
    if (rel.empty() || rel.size() > 4096) return {};
    if (rel.find('\0') != std::string_view::npos || rel.find('\\') != std::string_view::npos) return {};
    // Every name a plain one: "a/b.pdf", never "/a", "a//b", "./a", "a/../b".
    for (std::size_t at = 0;;) {
        const std::size_t slash = rel.find('/', at);
        const std::string_view name = rel.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at);
        if (name.empty() || name == "." || name == "..") return {};
        if (slash == std::string_view::npos) break;
        at = slash + 1;
    }
    const std::string base = resolved(root);
    if (base.empty()) return {};
    // Resolved as a whole, links included: a link inside that leads out is out.
    const std::string file = resolved(base + "/" + std::string(rel));
    if (file.empty() || !file.starts_with(base == "/" ? base : base + "/")) return {};
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return {};
    return file;
}

}  // namespace bp::serve
