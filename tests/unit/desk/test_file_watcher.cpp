// The desk's file watcher reports a followed file however it is saved, and
// nothing else: written in place, saved by renaming over it, deleted,
// replaced by a folder, arriving in a folder that did not exist; a burst of
// saves is one report.
#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "../session/fixture.hpp"
#include "desk/file_watcher.hpp"

using namespace session_test;
using namespace std::chrono_literals;
using bp::desk::FileWatcher;

namespace {

// What the watcher reports while `act` runs on another thread; nothing when
// no report came within `within` of the start.
std::vector<std::string> reported(FileWatcher& w, const std::function<void()>& act,
                                  std::chrono::milliseconds within = 2000ms) {
    std::mutex m;
    std::condition_variable cv;
    bool done = false;
    std::thread doer([&] {
        act();
        std::unique_lock<std::mutex> lock(m);
        if (!cv.wait_for(lock, within, [&] { return done; })) w.wake();
    });
    std::vector<std::string> got = w.wait(100ms, 1000ms);
    {
        std::lock_guard<std::mutex> lock(m);
        done = true;
    }
    cv.notify_all();
    doer.join();
    return got;
}

}  // namespace

TEST_CASE("the file watcher reports a followed file however it is saved") {
    TempDir dir;
    const std::string paper = dir / "paper.xml", other = dir / "notes.txt";
    write_file(paper, "one");
    FileWatcher w;
    w.follow({paper, dir / "late/sub/paper2.xml"});
    CHECK(w.folders() == 1);

    SECTION("written in place") {
        CHECK(reported(w, [&] { write_file(paper, "two"); }) == std::vector<std::string>{paper});
    }
    SECTION("saved by renaming a new file over it") {
        CHECK(reported(w, [&] {
                  write_file(dir / ".paper.xml.swp", "two");
                  fs::rename(dir / ".paper.xml.swp", paper);
              }) == std::vector<std::string>{paper});
    }
    SECTION("deleted, then replaced by a folder") {
        CHECK(reported(w, [&] { fs::remove(paper); }) == std::vector<std::string>{paper});
        CHECK(reported(w, [&] { fs::create_directory(paper); }) == std::vector<std::string>{paper});
    }
    SECTION("a file not followed, in the same folder, is not reported") {
        CHECK(reported(w, [&] { write_file(other, "x"); }, 400ms).empty());
    }
    SECTION("a burst of saves is one report, once they settle") {
        const auto start = std::chrono::steady_clock::now();
        CHECK(reported(w, [&] {
                  for (int i = 0; i < 5; ++i) {
                      write_file(paper, "burst " + std::to_string(i));
                      std::this_thread::sleep_for(20ms);
                  }
              }) == std::vector<std::string>{paper});
        CHECK(std::chrono::steady_clock::now() - start >= 180ms);
        CHECK(reported(w, [] {}, 400ms).empty());
    }
    SECTION("a paper arriving in folders made after it was followed") {
        const std::string late = dir / "late/sub/paper2.xml";
        CHECK(reported(w, [&] {
                  fs::create_directories(dir / "late/sub");
                  write_file(late, "arrived");
              }) == std::vector<std::string>{late});
        CHECK(w.folders() == 2);
        CHECK(reported(w, [&] { write_file(late, "edited"); }) == std::vector<std::string>{late});
    }
}
