#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/parallel.hpp"

using bp::parallel_for;

TEST_CASE("parallel_for: every index once, whatever the number of threads", "[core]") {
    for (int threads : {1, 2, 3, 8}) {
        std::vector<int> hits(1000, 0);
        std::vector<int> made(8, 0);
        parallel_for(hits.size(), threads, [&](std::size_t t) {
            ++made[t];
            return [&](std::size_t i) { ++hits[i]; };
        });
        CHECK(std::count(hits.begin(), hits.end(), 1) == 1000);
        // One job maker per thread, and never more threads than asked.
        for (std::size_t t = 0; t < made.size(); ++t) CHECK(made[t] == (t < static_cast<std::size_t>(threads) ? 1 : 0));
    }
}

TEST_CASE("parallel_for: nothing to do makes no job, fewer indexes than threads start fewer", "[core]") {
    int made = 0;
    parallel_for(0, 4, [&](std::size_t) {
        ++made;
        return [](std::size_t) {};
    });
    CHECK(made == 0);
    std::vector<std::thread::id> ran(2);
    parallel_for(2, 8, [&](std::size_t) {
        return [&](std::size_t i) { ran[i] = std::this_thread::get_id(); };
    });
    CHECK(ran[0] != std::thread::id());
    CHECK(ran[1] != std::thread::id());
}

TEST_CASE("parallel_for: a job's exception comes back to the caller and stops the rest", "[core]") {
    std::vector<int> hits(10000, 0);
    CHECK_THROWS_AS(parallel_for(hits.size(), 2, [&](std::size_t) {
                        return [&](std::size_t i) {
                            if (i == 3) throw std::runtime_error("bad item");
                            ++hits[i];
                        };
                    }),
                    std::runtime_error);
    CHECK(std::count(hits.begin(), hits.end(), 1) < 10000);
}
