// Deflate for the streams the pdf stage finishes itself (page contents, font
// files, object streams), with libdeflate at level 6: on a pack's streams it
// takes under half zlib's time at its default level, and writes 2 % fewer
// bytes (bench/deflate_levels.py).
#pragma once
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct libdeflate_compressor;

namespace bp::pdf {

// One per thread: a compressor holds its own working memory, so threads
// share nothing. Throws std::bad_alloc if it cannot have it.
class Deflater {
public:
    Deflater();
    ~Deflater();
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    // Appends the deflated form of `in` (a zlib stream, as /FlateDecode
    // reads it) to `out`.
    void deflate(const std::string& in, std::string& out);

private:
    libdeflate_compressor* compressor_;
    std::string scratch_;
};

// Deflate jobs handed from the thread that makes them to threads that
// deflate them, while it goes on making more. Its destructor stops and joins
// the threads, so an exception on the making side leaves nothing running.
// Each job's raw bytes are freed once deflated.
class DeflateQueue {
public:
    struct Job {
        std::string raw, deflated;
    };

    // `threads` in all: this one, in finish(), and threads - 1 more.
    explicit DeflateQueue(int threads);
    ~DeflateQueue();
    DeflateQueue(const DeflateQueue&) = delete;
    DeflateQueue& operator=(const DeflateQueue&) = delete;

    // The job must stay where it is until finish() returns. With no other
    // thread, or many jobs waiting, it (or an older one) is deflated here.
    void push(Job* job);

    // Deflates what is left on this thread too, waits for the others and
    // rethrows the first error any of them met.
    void finish();

private:
    static void run(Deflater& deflater, Job& job);
    void work();
    Job* next();
    void close();

    static constexpr std::size_t kMaxWaiting = 8;
    std::unique_ptr<Deflater> own_deflater_;  // the pushing thread's
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Job*> queue_;
    bool closed_ = false;
    std::exception_ptr error_;
    std::vector<std::thread> pool_;
};

}  // namespace bp::pdf
