// A scratch folder for tests that need files: each test writes its XML
// from inline strings, so a fixture reads next to what it checks.
#pragma once
#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "core/diag.hpp"

namespace bp::test {

class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("boardpack-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    // Writes `content` to `name` (subfolders created); returns its path.
    std::string write(const std::string& name, const std::string& content) const {
        std::filesystem::path p = path_ / name;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << content;
        return p.string();
    }
    std::string path(const std::string& name = "") const { return name.empty() ? path_.string() : (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

// All diagnostics as "file:line:col: severity: message; hint" lines (the
// rule ids are pinned by the diagnostics corpus), with the temp folder's
// path cut out so expectations stay short.
inline std::string messages(const Diagnostics& d, const std::string& strip = "") {
    std::string out;
    for (Diagnostic x : d.all()) {
        x.rule = {};
        if (!x.hint.empty()) x.message += "; " + x.hint;
        std::string line = format_diagnostic(x);
        if (!strip.empty())
            for (std::size_t p; (p = line.find(strip)) != std::string::npos;) line.erase(p, strip.size() + 1);
        out += line + "\n";
    }
    return out;
}

// A PNG signature: enough for the image checks, which read no further.
inline const std::string kPngBytes = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);

}  // namespace bp::test
