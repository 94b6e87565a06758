#include "core/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace bp {

namespace {

std::string open_problem(int err) { return std::string("cannot be opened (") + std::strerror(err) + ")"; }

// Closes the descriptor on every return path.
struct Fd {
    int fd;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

std::string input_file_problem(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return open_problem(errno);
    return file_kind_problem(st.st_mode);
}

bool read_input_file(const std::string& path, std::size_t max_bytes, std::string& bytes, std::string& problem) {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
    // writer forever. The type is checked on the open descriptor, so a file
    // swapped after a stat() cannot slip through.
    Fd f{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
    if (f.fd < 0) {
        problem = open_problem(errno);
        return false;
    }
    struct stat st {};
    if (::fstat(f.fd, &st) != 0) {
        problem = open_problem(errno);
        return false;
    }
    if (problem = file_kind_problem(st.st_mode); !problem.empty()) return false;
    if (static_cast<unsigned long long>(st.st_size) > max_bytes) {
        problem = "is larger than " + std::to_string(max_bytes >> 20) + " MB";
        return false;
    }
    bytes.clear();
    bytes.reserve(static_cast<std::size_t>(st.st_size));
    char buf[1 << 16];
    for (;;) {
        ssize_t n = ::read(f.fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            problem = std::string("cannot be read (") + std::strerror(errno) + ")";
            return false;
        }
        if (n == 0) break;
        if (bytes.size() + static_cast<std::size_t>(n) > max_bytes) {  // grew while being read
            problem = "is larger than " + std::to_string(max_bytes >> 20) + " MB";
            return false;
        }
        bytes.append(buf, static_cast<std::size_t>(n));
    }
    return true;
}

std::string file_kind_problem(mode_t mode) {
    if (S_ISREG(mode)) return "";
    if (S_ISDIR(mode)) return "is a folder, not a file";
    if (S_ISFIFO(mode)) return "is a FIFO (named pipe), not a regular file";
    if (S_ISSOCK(mode)) return "is a socket, not a regular file";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a regular file";
    return "is not a regular file";
}

}  // namespace bp
