#include "desk/file_watcher.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <system_error>

namespace bp::desk {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// What a folder reports: a file in it written, closed, made, removed,
// renamed in or out, its times or permissions changed; the folder itself
// removed or moved away. IN_ONLYDIR: a file that took a folder's place is
// never watched as one.
constexpr std::uint32_t kMask = IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                                IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK;

bool is_folder(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

// The nearest folder at or above `file`'s own that exists, and the name in
// it that leads to the file.
std::pair<fs::path, std::string> anchor_for(const fs::path& file) {
    fs::path dir = file.parent_path();
    std::string name = file.filename().string();
    while (!is_folder(dir) && dir.has_relative_path()) {
        name = dir.filename().string();
        dir = dir.parent_path();
    }
    return {dir, name};
}

}  // namespace

FileWatcher::FileWatcher() {
    inotify_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (inotify_ < 0) throw std::system_error(errno, std::generic_category(), "inotify");
    wake_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (wake_ < 0) {
        const int e = errno;
        ::close(inotify_);
        throw std::system_error(e, std::generic_category(), "eventfd");
    }
}

FileWatcher::~FileWatcher() {
    ::close(inotify_);
    ::close(wake_);
}

void FileWatcher::follow(const std::vector<std::string>& files) {
    files_ = files;
    std::set<std::string> ignored;
    refollow(ignored);
}

void FileWatcher::refollow(std::set<std::string>& changed) {
    std::map<int, Anchor> next;
    std::map<std::string, int> next_of;
    std::map<std::string, std::string> where;  // file -> "folder/name" it is followed at now
    for (const std::string& file : files_) {
        std::error_code ec;
        const fs::path path = fs::absolute(file, ec).lexically_normal();
        if (ec) continue;
        // A link is followed at its own place and at its target's: a file
        // written through either is seen.
        std::vector<fs::path> places{path};
        if (fs::is_symlink(path, ec))
            if (fs::path target = fs::canonical(path, ec); !ec && target != path) places.push_back(target);
        for (const fs::path& place : places) {
            auto [dir, name] = anchor_for(place);
            const int wd = ::inotify_add_watch(inotify_, dir.c_str(), kMask);
            if (wd < 0) continue;  // a folder that cannot be read is not watched; its file is read when another changes
            Anchor& a = next[wd];
            a.folder = dir.string();
            a.files.emplace(name, file);
            if (place == path) {
                next_of.emplace(file, wd);
                where[file] = a.folder + '/' + name;
            }
        }
    }
    // A file now reached through another folder (its folder was made or
    // removed) may have been written before its new folder was watched.
    for (const auto& [file, wd] : anchor_of_) {
        auto now = next_of.find(file);
        if (now == next_of.end()) continue;
        auto then = anchors_.find(wd);
        if (then == anchors_.end()) continue;
        for (const auto& [name, f] : then->second.files)
            if (f == file && then->second.folder + '/' + name != where[file]) changed.insert(file);
    }
    for (const auto& [wd, anchor] : anchors_)
        if (!next.contains(wd)) ::inotify_rm_watch(inotify_, wd);
    anchors_ = std::move(next);
    anchor_of_ = std::move(next_of);
}

bool FileWatcher::drain(std::set<std::string>& changed) {
    bool touched = false, moved = false;
    alignas(inotify_event) char buf[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(inotify_, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        for (std::size_t at = 0; at < static_cast<std::size_t>(n);) {
            const auto* ev = reinterpret_cast<const inotify_event*>(buf + at);
            at += sizeof(inotify_event) + ev->len;
            if (ev->mask & IN_Q_OVERFLOW) {
                // Events were lost: every file may have changed.
                changed.insert(files_.begin(), files_.end());
                touched = moved = true;
                continue;
            }
            auto anchor = anchors_.find(ev->wd);
            if (anchor == anchors_.end()) continue;
            if (ev->mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT)) {
                for (const auto& [name, file] : anchor->second.files) changed.insert(file);
                touched = moved = true;
                continue;
            }
            if (ev->len == 0) continue;
            auto [from, to] = anchor->second.files.equal_range(ev->name);
            for (auto it = from; it != to; ++it) {
                changed.insert(it->second);
                touched = true;
                if (ev->mask & IN_ISDIR) moved = true;
            }
        }
    }
    if (moved) refollow(changed);
    return touched;
}

std::vector<std::string> FileWatcher::wait(std::chrono::milliseconds settle, std::chrono::milliseconds longest) {
    std::set<std::string> changed;
    Clock::time_point first{}, last{};
    for (;;) {
        int timeout = -1;
        if (!changed.empty()) {
            const auto until = std::min(last + settle, first + longest);
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
            if (left <= 0) break;
            timeout = static_cast<int>(left);
        }
        pollfd fds[2] = {{inotify_, POLLIN, 0}, {wake_, POLLIN, 0}};
        const int n = ::poll(fds, 2, timeout);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw std::system_error(errno, std::generic_category(), "poll");
        }
        if (fds[1].revents & POLLIN) {
            std::uint64_t count = 0;
            [[maybe_unused]] const ssize_t r = ::read(wake_, &count, sizeof count);
            return {};
        }
        if (n == 0) break;
        const bool was_empty = changed.empty();
        // Only a followed file's change holds the rebuild back: the
        // outputs written beside the papers do not.
        if (drain(changed)) {
            last = Clock::now();
            if (was_empty) first = last;
        }
    }
    return {changed.begin(), changed.end()};
}

void FileWatcher::wake() {
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t r = ::write(wake_, &one, sizeof one);
}

}  // namespace bp::desk
