#include "load/paths.hpp"

#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace bp::load {

namespace {

// The real location: absolute, links resolved as far as the path exists.
fs::path absolute_normal(const std::string& p) {
    std::error_code ec;
    fs::path a = fs::absolute(fs::path(p), ec);
    if (ec) a = fs::path(p);
    if (fs::path real = fs::weakly_canonical(a, ec); !ec) a = real;
    a = a.lexically_normal();
    // "dir/" normalises to "dir/" with an empty last element: drop it so
    // component-wise comparison works.
    if (!a.empty() && a.filename().empty()) a = a.parent_path();
    return a;
}

}  // namespace

std::string folder_of(const std::string& file) {
    fs::path parent = fs::path(file).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

std::string resolve_relative(const std::string& base_file, const std::string& rel) {
    fs::path r(rel);
    fs::path joined = r.is_absolute() ? r : fs::path(folder_of(base_file)) / r;
    std::string out = joined.lexically_normal().string();
    return out.empty() ? std::string(".") : out;
}

bool is_inside(const std::string& root, const std::string& path) {
    if (root.empty()) return true;
    fs::path a = absolute_normal(root), b = absolute_normal(path);
    auto ai = a.begin(), bi = b.begin();
    for (; ai != a.end(); ++ai, ++bi) {
        if (bi == b.end() || *ai != *bi) return false;
    }
    return true;
}

FileState file_state(const std::string& path) {
    std::error_code ec;
    fs::file_status st = fs::status(fs::path(path), ec);
    if (ec || !fs::exists(st)) return FileState::Missing;
    if (fs::is_directory(st)) return FileState::NotAFile;
    if (!fs::is_regular_file(st)) return FileState::Special;
    return FileState::Ok;
}

bool is_pdf_path(const std::string& path) {
    if (path.size() < 4) return false;
    std::string ext = path.substr(path.size() - 4);
    for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return ext == ".pdf";
}

}  // namespace bp::load
