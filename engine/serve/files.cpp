#include "serve/files.hpp"

#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <memory>
#include <vector>

#include "serve/serve.hpp"

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

std::string outputs_folder(const ServeOptions& options) {
    std::vector<std::string> wanted;
    if (!options.pdf.empty()) {
        const std::filesystem::path parent = std::filesystem::path(options.pdf).parent_path();
        wanted.push_back(parent.empty() ? "." : parent.string());
    }
    if (!options.html_dir.empty()) wanted.push_back(options.html_dir);
    if (!options.split_dir.empty()) wanted.push_back(options.split_dir);
    std::vector<std::filesystem::path> folders;
    for (const std::string& f : wanted)
        if (const std::string r = resolved(f); !r.empty()) folders.emplace_back(r);
    if (folders.empty()) return {};
    std::filesystem::path common;
    auto first = folders.front().begin();
    for (std::size_t depth = 0;; ++depth, ++first) {
        if (first == folders.front().end()) break;
        bool all = true;
        for (const auto& f : folders) {
            auto it = f.begin();
            std::advance(it, static_cast<std::ptrdiff_t>(depth));
            all = all && it != f.end() && *it == *first;
        }
        if (!all) break;
        common /= *first;
    }
    return common.string();
}

}  // namespace bp::serve
