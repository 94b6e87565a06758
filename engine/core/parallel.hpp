// Work shared out over threads, for stages whose output must not depend on
// how many threads there are: indexes are handed out one at a time, and each
// job writes only its own result, so which thread ran it never shows.
#pragma once
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace bp {

// Calls job(i) for every i in [0, n) on up to `threads` threads, this one
// included. make_job(t) runs once on thread t (0 is this one) and returns that
// thread's job, so what its jobs share (a line breaker, a deflater) is made
// and used on one thread. When a job throws, no more indexes are handed out,
// and once every thread has stopped the first exception, by thread, is
// rethrown. If no more threads can be started, the ones running do the rest.
template <class MakeJob>
void parallel_for(std::size_t n, int threads, MakeJob make_job) {
    if (n == 0) return;
    const std::size_t workers = std::clamp<std::size_t>(static_cast<std::size_t>(std::max(threads, 1)), 1, n);
    std::atomic<std::size_t> next{0};
    std::vector<std::exception_ptr> errors(workers);
    auto work = [&](std::size_t t) {
        try {
            auto job = make_job(t);
            for (std::size_t i; (i = next.fetch_add(1)) < n;) job(i);
        } catch (...) {
            errors[t] = std::current_exception();
            next = n;
        }
    };
    std::vector<std::thread> pool;
    try {
        for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(work, t);
    } catch (const std::system_error&) {
    }
    work(0);
    for (std::thread& t : pool) t.join();
    for (const std::exception_ptr& e : errors)
        if (e) std::rethrow_exception(e);
}

}  // namespace bp
