// The clerk's desk: a pack built, then built again each time a file the
// build read is saved, through one resident Session, so that a step reads
// and lays out only the items whose files changed. The files followed are
// those the last step depended on (the manifest, the papers it names
// whether they have arrived or not, pictures, partner PDFs, the template
// and its fonts), watched through their folders; a burst of saves makes
// one step, once they have settled.
//
// A step whose input has errors writes nothing, so the outputs of the
// last good step stay in place. Bad input never ends the desk: a deleted
// paper, a half-saved one, a folder where a paper was, a manifest that
// does not load are each a step's diagnostics, and the desk goes on.
#pragma once
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "boardpack/session.hpp"

namespace bp::desk {

class FileWatcher;

// One build of the desk, and what set it off.
struct Step {
    int number = 0;                     // 1 for the first build
    std::vector<std::string> changed;   // the files whose saves set it off (none for the first)
    boardpack::BuildResult result;
    double seconds = 0;                 // its wall time
    double cpu_seconds = 0;             // the CPU time the process spent in it, every thread
    std::chrono::system_clock::time_point at;  // when it finished
    // The last step that wrote the outputs (this one, when it did); 0 when
    // none has yet. A step with errors leaves that one's outputs in place.
    int last_good = 0;
    std::chrono::system_clock::time_point last_good_at;
    std::vector<boardpack::WrittenFile> last_good_outputs;  // what it wrote, in place still
    std::vector<std::string> inputs;    // the files followed after it
    std::size_t folders = 0;            // the folders watched for them
};

// "10:42:03": a time of the desk's, as the clerk's clock shows it.
std::string clock_time(std::chrono::system_clock::time_point t);

class Desk {
public:
    // How long the saves of a burst may be apart and still make one step,
    // and how long a file written without pause holds a step back.
    static constexpr std::chrono::milliseconds kSettle{120}, kLongest{1000};

    // Throws std::system_error when the kernel gives no file watcher.
    explicit Desk(boardpack::BuildRequest request);
    ~Desk();
    Desk(const Desk&) = delete;
    Desk& operator=(const Desk&) = delete;

    // The first step: everything read and written.
    Step build();
    // Waits for the next settled change of a file followed and builds
    // again; nullopt once stop() was called.
    std::optional<Step> next();
    // Ends a next() under way, or the next one; from any thread.
    void stop();

private:
    Step finish(Step step, std::chrono::steady_clock::time_point started);

    boardpack::BuildRequest request_;
    boardpack::Session session_;
    std::unique_ptr<FileWatcher> watcher_;
    std::atomic<bool> stopped_{false};
    int steps_ = 0, last_good_ = 0;
    std::chrono::system_clock::time_point last_good_at_;
    std::vector<boardpack::WrittenFile> last_good_outputs_;
};

}  // namespace bp::desk
