#include "output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "haru.hpp"

namespace bp::pdf {

namespace {
std::atomic<unsigned> temp_counter{0};  // two writes in one process never share a name
}

OutputFile::OutputFile(std::string path) : path_(std::move(path)) {
    temp_ = path_ + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(temp_counter++);
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd_ < 0) fail("cannot create the file", errno);
}

OutputFile::~OutputFile() {
    if (committed_) return;
    if (fd_ >= 0) ::close(fd_);
    ::unlink(temp_.c_str());
}

void OutputFile::fail(const char* what, int err) {
    throw Failure(std::string(what) + " (" + std::strerror(err) + ")");
}

void OutputFile::write(const void* data, std::size_t size) {
    auto p = static_cast<const char*>(data);
    while (size > 0) {
        ssize_t n = ::write(fd_, p, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("cannot write the file", errno);
        }
        p += n;
        size -= static_cast<std::size_t>(n);
    }
}

void OutputFile::commit() {
    // fsync before rename: after a crash the name holds the whole new file
    // or the old one, not an empty one.
    if (::fsync(fd_) != 0) fail("cannot write the file", errno);
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail("cannot write the file", errno);
    if (std::rename(temp_.c_str(), path_.c_str()) != 0)
        fail("cannot move the finished file into place", errno);
    committed_ = true;
}

}  // namespace bp::pdf
