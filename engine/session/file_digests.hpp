// What each file the session depends on holds, as a digest: its bytes'
// SHA-256, or what stands where a file should be. A file's bytes are read
// again only when its size, times or inode moved, or when it was written so
// recently that a second write in the same clock tick could hide behind an
// unchanged time (git's "racily clean" files).
#pragma once
#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>

namespace bp::session {

class FileDigests {
public:
    // "sha256:<hex>" for a regular file; "missing", "folder", "special" or
    // "unreadable" when no file that can be read is there. A path is looked
    // at once a step. Safe to call from several threads.
    std::string digest(const std::string& path);

    // A new step: every path is looked at again on its next digest().
    void next_step();
    // Read the file's bytes again on its next digest(), whatever its times say.
    void forget(const std::string& path);
    // Drops every path not in `paths` (files the pack no longer names).
    void keep_only(const std::set<std::string>& paths);

private:
    struct Entry {
        std::uint64_t dev = 0, ino = 0, size = 0;
        std::int64_t mtime_ns = 0, ctime_ns = 0;
        std::int64_t hashed_at_ns = 0;  // when the bytes were read (the clock files are stamped by)
        std::uint64_t step = 0;         // the step it was last looked at in
        std::string digest;
    };
    std::mutex lock_;
    std::unordered_map<std::string, Entry> entries_;
    std::uint64_t step_ = 1;
};

}  // namespace bp::session
