#include "session/file_digests.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <ctime>

#include "core/input_file.hpp"
#include "core/sha256.hpp"

namespace bp::session {

namespace {

// A file written less than this before its bytes were read may be written
// again within the same timestamp without its size changing: such a file
// is read again at every step until it is older.
constexpr std::int64_t kRacyNs = 2'000'000'000;

// As large as an input may be (core/input_file: 256 MB).
constexpr std::size_t kMaxBytes = std::size_t{256} << 20;

std::int64_t ns(const timespec& t) { return std::int64_t{t.tv_sec} * 1'000'000'000 + t.tv_nsec; }

std::int64_t now_ns() {
    timespec t{};
    clock_gettime(CLOCK_REALTIME, &t);
    return ns(t);
}

}  // namespace

std::string FileDigests::digest(const std::string& path) {
    {
        std::lock_guard<std::mutex> hold(lock_);
        auto it = entries_.find(path);
        if (it != entries_.end() && it->second.step == step_) return it->second.digest;
    }
    Entry now;
    now.step = step_;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        now.digest = errno == ENOENT || errno == ENOTDIR ? "missing" : "unreadable";
    } else if (S_ISDIR(st.st_mode)) {
        now.digest = "folder";
    } else if (!S_ISREG(st.st_mode)) {
        now.digest = "special";
    } else {
        now.dev = st.st_dev;
        now.ino = st.st_ino;
        now.size = static_cast<std::uint64_t>(st.st_size);
        now.mtime_ns = ns(st.st_mtim);
        now.ctime_ns = ns(st.st_ctim);
    }
    std::lock_guard<std::mutex> hold(lock_);
    Entry& e = entries_[path];
    if (now.digest.empty()) {
        const bool same = !e.digest.empty() && e.digest.starts_with("sha256:") && e.dev == now.dev &&
                          e.ino == now.ino && e.size == now.size && e.mtime_ns == now.mtime_ns &&
                          e.ctime_ns == now.ctime_ns && e.mtime_ns + kRacyNs < e.hashed_at_ns &&
                          e.ctime_ns + kRacyNs < e.hashed_at_ns;
        if (same) {
            e.step = step_;
            return e.digest;
        }
        now.hashed_at_ns = now_ns();
        std::string bytes, problem;
        // Read under the lock: two threads never read one file twice, and
        // the few files that changed are small beside the step's work.
        if (!read_input_file(path, kMaxBytes, bytes, problem)) {
            now.digest = "unreadable";
        } else {
            now.digest = "sha256:" + sha256_hex(bytes);
        }
    }
    e = std::move(now);
    return e.digest;
}

void FileDigests::next_step() {
    std::lock_guard<std::mutex> hold(lock_);
    ++step_;
}

void FileDigests::forget(const std::string& path) {
    std::lock_guard<std::mutex> hold(lock_);
    entries_.erase(path);
}

void FileDigests::keep_only(const std::set<std::string>& paths) {
    std::lock_guard<std::mutex> hold(lock_);
    std::erase_if(entries_, [&](const auto& e) { return !paths.contains(e.first); });
}

}  // namespace bp::session
