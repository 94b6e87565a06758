// Which of a set of files changed, from the kernel (inotify), once their
// saves have settled. The folders the files lie in are watched, not the
// files: a folder sees a file written in place, a file saved by renaming
// a new one over it (as most editors save), a file deleted, made again,
// or replaced by a folder, and a file that does not exist yet arriving.
// A file whose folder does not exist yet is watched through the nearest
// folder above it that does, and followed down as its folders appear.
#pragma once
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace bp::desk {

class FileWatcher {
public:
    // Throws std::system_error when the kernel gives no watcher.
    FileWatcher();
    ~FileWatcher();
    FileWatcher(const FileWatcher&) = delete;
    FileWatcher& operator=(const FileWatcher&) = delete;

    // The files to follow from now on (paths as the caller names them; the
    // same names come back from wait()). Replaces the set given before.
    void follow(const std::vector<std::string>& files);

    // Blocks until a followed file changes, then until no more change comes
    // for `settle` (or `longest` after the first, for a file written without
    // end), and returns the files that changed, each once, sorted. Returns
    // nothing, at once, after wake().
    std::vector<std::string> wait(std::chrono::milliseconds settle, std::chrono::milliseconds longest);

    // Ends a wait() under way or the next one; from any thread.
    void wake();

    // The folders watched, for the caller's count.
    std::size_t folders() const { return anchors_.size(); }

private:
    // A folder watched, and the files followed through it: each file's name
    // in it, or the name of its first folder on the way down that is not
    // there yet.
    struct Anchor {
        std::string folder;
        std::multimap<std::string, std::string> files;  // name in the folder -> file followed
    };

    // Reads the events waiting; adds the files they touch to `changed`.
    // True when any followed file was touched.
    bool drain(std::set<std::string>& changed);
    // Watches again the folders the files need now (a folder made or
    // removed moves a file's anchor); a file whose anchor moved is changed.
    void refollow(std::set<std::string>& changed);

    int inotify_ = -1, wake_ = -1;
    std::vector<std::string> files_;
    std::map<int, Anchor> anchors_;           // by watch descriptor
    std::map<std::string, int> anchor_of_;    // file -> the watch it is followed through
};

}  // namespace bp::desk
