#include "desk/desk.hpp"

#include <ctime>

#include "desk/file_watcher.hpp"

namespace bp::desk {

using SteadyClock = std::chrono::steady_clock;

namespace {

double process_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace

std::string clock_time(std::chrono::system_clock::time_point t) {
    const std::time_t tt = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    localtime_r(&tt, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
    return buf;
}

Desk::Desk(boardpack::BuildRequest request)
    : request_(std::move(request)), watcher_(std::make_unique<FileWatcher>()) {}

Desk::~Desk() = default;

Step Desk::build() {
    const auto started = SteadyClock::now();
    Step step;
    step.cpu_seconds = process_cpu_seconds();
    // The manifest's folder is watched while the first step reads: a paper
    // saved meanwhile is seen. After each step, the files it read are
    // followed; a save during a step waits for the step to end.
    watcher_->follow({request_.pack});
    step.result = session_.build(request_);
    return finish(std::move(step), started);
}

std::optional<Step> Desk::next() {
    while (!stopped_) {
        std::vector<std::string> changed = watcher_->wait(kSettle, kLongest);
        if (stopped_) break;
        if (changed.empty()) continue;
        const auto started = SteadyClock::now();
        Step step;
        step.cpu_seconds = process_cpu_seconds();
        step.changed = std::move(changed);
        step.result = session_.rebuild(step.changed);
        return finish(std::move(step), started);
    }
    return std::nullopt;
}

void Desk::stop() {
    stopped_ = true;
    watcher_->wake();
}

Step Desk::finish(Step step, SteadyClock::time_point started) {
    step.seconds = std::chrono::duration<double>(SteadyClock::now() - started).count();
    step.cpu_seconds = process_cpu_seconds() - step.cpu_seconds;
    step.at = std::chrono::system_clock::now();
    step.number = ++steps_;
    if (step.result.exit_code == 0) {
        last_good_ = step.number;
        last_good_at_ = step.at;
        last_good_outputs_ = step.result.outputs;
    }
    step.last_good = last_good_;
    step.last_good_at = last_good_at_;
    step.last_good_outputs = last_good_outputs_;
    // What the step read is what the next waits on: a paper the manifest
    // now names, a picture a paper now shows.
    step.inputs = session_.dependencies();
    watcher_->follow(step.inputs);
    step.folders = watcher_->folders();
    return step;
}

}  // namespace bp::desk
