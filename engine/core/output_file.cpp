#include "core/output_file.hpp"

#include "core/parallel.hpp"
#include "core/sha256.hpp"

#include "core/input_file.hpp"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <set>
#include <memory>
#include <filesystem>

namespace bp {

namespace {

// ---- the temporaries a signal handler removes ---------------------------
//
// A fixed table, so the handler touches no allocator and no lock: it reads
// each slot's state and calls unlink(), both async-signal-safe. A slot is
// claimed (Writing), its path filled in, then published (Live) before the
// file is created, so a signal at any moment finds every file that exists.

enum SlotState : int { kFree = 0, kWriting = 1, kLive = 2 };

struct TempSlot {
    std::atomic<int> state{kFree};
    char path[PATH_MAX];
};

constexpr int kSlots = 64;  // outputs open at once: one per build thread, and the report
TempSlot temp_slots[kSlots];
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler reads slot states");

// -1 when every slot is taken (or the path is too long): the file is then
// still removed on every failure, only not on a signal.
int claim_slot(const std::string& path) {
    if (path.size() >= PATH_MAX) return -1;
    for (int i = 0; i < kSlots; ++i) {
        int expected = kFree;
        if (!temp_slots[i].state.compare_exchange_strong(expected, kWriting)) continue;
        std::memcpy(temp_slots[i].path, path.c_str(), path.size() + 1);
        temp_slots[i].state.store(kLive);
        return i;
    }
    return -1;
}

void release_slot(int slot) {
    if (slot >= 0) temp_slots[slot].state.store(kFree);
}

extern "C" void remove_temporaries_and_die(int sig) {
    const int saved = errno;
    for (TempSlot& s : temp_slots)
        if (s.state.load() == kLive) ::unlink(s.path);
    // The handler was reset to the default on entry (SA_RESETHAND): raising
    // again ends the process the way the signal would have.
    ::raise(sig);
    errno = saved;
}

std::atomic<unsigned> temp_counter{0};  // two outputs of one process never share a name

std::string errno_words(int err) {
    if (err == ENOSPC) return "the disk is full";
    if (err == EDQUOT) return "the disk quota is used up";
    return std::strerror(err);
}

[[noreturn]] void fail(const std::string& what, int err) { throw OutputError(what + ": " + errno_words(err)); }

// The file a chain of symbolic links ends at, so the link itself is kept
// and the file it points to is replaced.
std::string follow_links(std::string path) {
    namespace fs = std::filesystem;
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return path;
        char to[PATH_MAX];
        const ssize_t n = ::readlink(path.c_str(), to, sizeof to - 1);
        if (n < 0) fail("cannot be written: its link cannot be read", errno);
        const fs::path next(std::string(to, static_cast<std::size_t>(n)));
        path = next.is_absolute() ? next.string() : (fs::path(path).parent_path() / next).string();
    }
    fail("cannot be written", ELOOP);
}

std::string parent_folder(const std::string& path) {
    const std::string parent = std::filesystem::path(path).parent_path().string();
    return parent.empty() ? "." : parent;
}

// The rename itself reaches the disk with the folder's own fsync; the file
// is complete either way, so a folder that refuses is no error.
void sync_folder(const std::string& folder) {
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

}  // namespace

void write_all(int fd, const void* data, std::size_t size) {
    auto p = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd, p, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("cannot be written", errno);
        }
        if (n == 0) fail("cannot be written", ENOSPC);  // no progress: nowhere to put the bytes
        p += n;
        size -= static_cast<std::size_t>(n);
    }
}

std::string output_target_problem(const std::string& path) {
    if (path == kStandardOutput) return "";
    if (path.empty()) return "is an empty name";
    std::string target;
    try {
        target = follow_links(path);
    } catch (const OutputError& e) {
        return e.what();
    }
    struct stat st {};
    if (::stat(target.c_str(), &st) == 0) return file_kind_problem(st.st_mode);
    if (errno != ENOENT) return std::string("cannot be checked (") + std::strerror(errno) + ")";
    const std::string folder = parent_folder(target);
    if (::stat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        return "cannot be written: its folder " + folder + " does not exist";
    return "";
}

std::string file_identity(const std::string& path) {
    if (path == kStandardOutput) return "standard output";
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0)
        return "file " + std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
    std::error_code ec;
    const std::filesystem::path p = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
    return "path " + (ec ? path : p.string());
}

OutputFile::OutputFile(const std::string& path) {
    if (path == kStandardOutput) {
        fd_ = STDOUT_FILENO;
        return;
    }
    target_ = follow_links(path);
    if (const std::string problem = output_target_problem(target_); !problem.empty()) throw OutputError(problem);
    struct stat old {};
    const bool replacing = ::stat(target_.c_str(), &old) == 0;
    // O_EXCL: a name another build (or a killed one) holds is never shared;
    // try the next number instead.
    for (int attempt = 0; fd_ < 0; ++attempt) {
        temp_ = target_ + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(temp_counter++);
        slot_ = claim_slot(temp_);
        fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, 0666);
        if (fd_ >= 0) break;
        const int err = errno;
        release_slot(slot_);
        slot_ = -1;
        if (err != EEXIST || attempt >= 100) {
            temp_.clear();
            fail("cannot be written: no file can be made in its folder", err);
        }
    }
    // A rebuilt file keeps the permissions (and, for root, the owner) the
    // previous one had; a new one gets the usual 0666 less the umask.
    if (replacing) {
        if (::fchmod(fd_, old.st_mode & 07777) != 0) {
            const int err = errno;
            discard();
            fail("cannot be written: its permissions cannot be kept", err);
        }
        if (old.st_uid != ::geteuid() || old.st_gid != ::getegid()) {
            // Only root may give a file away; anyone else writes it as their own.
            [[maybe_unused]] const int ignored = ::fchown(fd_, old.st_uid, old.st_gid);
        }
    }
}

OutputFile::~OutputFile() { discard(); }

void OutputFile::discard() noexcept {
    if (committed_ || temp_.empty()) return;
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    ::unlink(temp_.c_str());
    release_slot(slot_);
    slot_ = -1;
    temp_.clear();
}

void OutputFile::write(const void* data, std::size_t size) { write_all(fd_, data, size); }

void OutputFile::sync() {
    if (temp_.empty() || synced_) return;
    if (::fsync(fd_) != 0) fail("cannot be written", errno);
    synced_ = true;
}

void OutputFile::commit(bool folder_later) {
    if (temp_.empty()) {  // standard output: nothing to rename
        committed_ = true;
        return;
    }
    // fsync before rename: after a crash the name holds the whole new file
    // or the old one, never an empty one.
    sync();
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail("cannot be written", errno);
    if (::rename(temp_.c_str(), target_.c_str()) != 0) fail("cannot be put in place", errno);
    committed_ = true;
    release_slot(slot_);
    slot_ = -1;
    if (!folder_later) sync_folder(parent_folder(target_));
}

std::size_t write_files(const std::vector<FileBytes>& files, int threads, std::string* error,
                        std::vector<std::string>* sha256) {
    std::vector<std::unique_ptr<OutputFile>> out(files.size());
    std::vector<std::string> problems(files.size());
    if (sha256) sha256->assign(files.size(), std::string());
    // Written and flushed side by side; each one's problem kept for it.
    parallel_for(files.size(), threads, [&](std::size_t) {
        return [&](std::size_t i) {
            try {
                auto f = std::make_unique<OutputFile>(files[i].path);
                f->write(files[i].bytes.data(), files[i].bytes.size());
                if (sha256) (*sha256)[i] = sha256_hex(files[i].bytes);
                f->sync();
                out[i] = std::move(f);
            } catch (const OutputError& e) {
                problems[i] = e.what();
            } catch (const std::bad_alloc&) {
                problems[i] = "cannot be written: out of memory";
            }
        };
    });
    // Put in place in order, up to the first that failed.
    std::set<std::string> folders;
    std::size_t done = 0;
    for (; done < files.size(); ++done) {
        if (!problems[done].empty()) {
            if (error) *error = problems[done];
            break;
        }
        try {
            out[done]->commit(/*folder_later=*/true);
            folders.insert(parent_folder(files[done].path));
        } catch (const OutputError& e) {
            if (error) *error = e.what();
            break;
        }
    }
    for (const std::string& f : folders) sync_folder(f);
    return done;
}

bool write_whole_file(const std::string& path, std::string_view bytes, std::string* error) {
    try {
        OutputFile out(path);
        out.write(bytes.data(), bytes.size());
        out.commit();
        return true;
    } catch (const OutputError& e) {
        if (error) *error = e.what();
    } catch (const std::bad_alloc&) {
        if (error) *error = "cannot be written: out of memory";
    }
    return false;
}

void remove_temporaries_on_signals() {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction old {};
        // A signal the process ignores, or handles itself, is left alone.
        if (::sigaction(sig, nullptr, &old) != 0 || (old.sa_flags & SA_SIGINFO) || old.sa_handler != SIG_DFL) continue;
        struct sigaction act {};
        act.sa_handler = remove_temporaries_and_die;
        sigemptyset(&act.sa_mask);
        act.sa_flags = SA_RESETHAND;
        ::sigaction(sig, &act, nullptr);
    }
}

}  // namespace bp
