#include "text_file.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace bp {

bool write_text_file(const std::string& path, const std::string& text) {
    namespace fs = std::filesystem;
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    std::error_code ec;
    {
        std::ofstream f(tmp, std::ios::binary);
        if (!f) return false;
        f << text;
        f.flush();
        if (!f) {
            fs::remove(tmp, ec);
            return false;
        }
    }
    fs::rename(tmp, path, ec);
    if (ec) fs::remove(tmp, ec);
    return !ec;
}

}  // namespace bp
