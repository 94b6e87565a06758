#include "deflate.hpp"

#include <libdeflate.h>

#include <exception>
#include <memory>
#include <new>
#include <system_error>

namespace bp::pdf {

namespace {
// Level 6 against 1 to 12: past 6 each step costs several times the time
// for a few per cent of the size; below it the size grows faster than the
// time falls (bench/deflate_levels.py).
constexpr int kLevel = 6;
}  // namespace

Deflater::Deflater() : compressor_(libdeflate_alloc_compressor(kLevel)) {
    if (compressor_ == nullptr) throw std::bad_alloc();
}

Deflater::~Deflater() { libdeflate_free_compressor(compressor_); }

void Deflater::deflate(const std::string& in, std::string& out) {
    // Into scratch room of the worst case's size, then only what was
    // written into `out`: a page's deflated stream waits there until it is
    // written, and should not hold its bound's capacity meanwhile.
    const std::size_t bound = libdeflate_zlib_compress_bound(compressor_, in.size());
    if (scratch_.size() < bound) scratch_.resize(bound);
    const std::size_t written =
        libdeflate_zlib_compress(compressor_, in.data(), in.size(), scratch_.data(), scratch_.size());
    out.append(scratch_.data(), written);
}

DeflateQueue::DeflateQueue(int threads) {
    try {
        for (int t = 1; t < threads; ++t) pool_.emplace_back([this] { work(); });
    } catch (const std::system_error&) {
        // No more threads to be had: finish() does the rest.
    }
}

DeflateQueue::~DeflateQueue() { close(); }

void DeflateQueue::push(Job* job) {
    // Jobs waiting are memory held: with no thread to take them, or more
    // waiting than the threads keep up with, this thread deflates too.
    Job* own = nullptr;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        queue_.push_back(job);
        if (pool_.empty() || queue_.size() > kMaxWaiting) {
            own = queue_.front();
            queue_.pop_front();
        }
    }
    if (own == nullptr) {
        ready_.notify_one();
        return;
    }
    if (!own_deflater_) own_deflater_ = std::make_unique<Deflater>();
    run(*own_deflater_, *own);
}

void DeflateQueue::run(Deflater& deflater, Job& job) {
    deflater.deflate(job.raw, job.deflated);
    std::string().swap(job.raw);  // read once: its memory goes now
}

void DeflateQueue::finish() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        closed_ = true;
    }
    ready_.notify_all();
    work();
    close();
    if (error_) std::rethrow_exception(error_);
}

void DeflateQueue::work() {
    try {
        Deflater deflater;
        while (Job* job = next()) run(deflater, *job);
    } catch (...) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!error_) error_ = std::current_exception();
        queue_.clear();
        closed_ = true;
        ready_.notify_all();
    }
}

DeflateQueue::Job* DeflateQueue::next() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [this] { return !queue_.empty() || closed_; });
    if (queue_.empty()) return nullptr;
    Job* job = queue_.front();
    queue_.pop_front();
    return job;
}

void DeflateQueue::close() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        closed_ = true;
    }
    ready_.notify_all();
    for (std::thread& t : pool_) t.join();
    pool_.clear();
}

}  // namespace bp::pdf
