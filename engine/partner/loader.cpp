// partner.hpp's functions in the program. Each runs the partner reader,
// boardpack-partner-reader, as a process of its own, which opens the qpdf
// module and does the work there (module.hpp). A partner PDF is a
// stranger's file, and qpdf can be made to recurse off the end of its stack,
// loop forever or allocate without end by one; in a process of its own,
// limited in processor time and address space and killed past its wall
// time, such a file costs the build one refusal, not the build. The reader
// is a program of its own, started with posix_spawn (fork and exec in one
// step, safe however many threads the build runs), not a fork of the
// build: a forked copy of a threaded process may only do what is safe
// between fork and exec, and qpdf's work is not. A pack without partner
// PDFs starts no reader.
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "core/installation.hpp"
#include "partner/module.hpp"
#include "partner/partner.hpp"
#include "partner/wire.hpp"

extern char** environ;

namespace bp::partner {

namespace {

namespace fs = std::filesystem;

struct Located {
    std::string module, reader;
    std::string problem;  // why not, when module is empty
};

std::string listed(const std::vector<std::string>& paths) {
    std::string out;
    for (std::size_t i = 0; i < paths.size(); ++i)
        out += (i == 0 ? "" : i + 1 == paths.size() ? " and " : ", ") + paths[i];
    return out;
}

// The module and the reader beside it. The program does not open the
// module (that would load qpdf into it): the reader does, and says when
// it is of another version.
Located locate(const std::string& named) {
    Located l;
    const ModuleLookup found = find_module(named);
    if (found.path.empty()) {
        l.problem = named.empty() ? std::string("boardpack's partner module ") + module::kFileName +
                                        " is not installed (looked for " + listed(found.looked_at) + ")"
                                  : "boardpack's partner module " + named + " does not exist";
        return l;
    }
    const std::string reader = (fs::path(found.path).parent_path() / module::kReaderName).string();
    if (access(reader.c_str(), X_OK) != 0) {
        l.problem = std::string("boardpack's partner reader ") + reader + ", which reads partner PDFs with " +
                    found.path + ", is not installed beside it";
        return l;
    }
    l.module = found.path;
    l.reader = reader;
    return l;
}

// Each module named, found once, whichever thread asks first.
const Located& located(const std::string& named) {
    static std::mutex lock;
    static std::map<std::string, std::unique_ptr<const Located>> found;
    std::lock_guard<std::mutex> hold(lock);
    std::unique_ptr<const Located>& l = found[named];
    if (!l) l = std::make_unique<const Located>(locate(named));
    return *l;
}

// What became of one run of the reader.
struct Run {
    bool replied = false;
    std::string reply;
    Refusal problem;  // when not replied
};

std::string seconds_text(std::int64_t s) { return std::to_string(s) + " s"; }

// Runs the reader on `request`, for at most `seconds` of processor time and
// `megabytes` of address space. A PDF that makes qpdf loop spends processor
// time; the wall time, three times as long, catches a reader that waits
// (and leaves a build on a busy machine the time it needs). `doing`
// ("reading it", "binding it") begins the sentence that says what went wrong.
Run run_reader(const Located& where, const std::string& request, std::int64_t seconds, std::int64_t megabytes,
               const std::string& doing) {
    Run run;
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
        run.problem.reason = "the partner reader cannot be started (" + std::string(std::strerror(errno)) + ")";
        return run;
    }
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_adddup2(&files, sv[1], 0);
    posix_spawn_file_actions_adddup2(&files, sv[1], 1);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    // The reader starts with no signal blocked and the usual ones at their
    // defaults, whatever the thread that starts it had set.
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD, SIGXCPU, SIGXFSZ, SIGALRM, SIGUSR1, SIGUSR2})
        sigaddset(&defaults, s);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    const std::string& reader = where.reader;
    const std::string& module = where.module;
    const std::string secs = std::to_string(seconds), mbs = std::to_string(megabytes);
    char* argv[] = {const_cast<char*>(reader.c_str()), const_cast<char*>(module.c_str()), const_cast<char*>(secs.c_str()),
                    const_cast<char*>(mbs.c_str()), nullptr};
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, reader.c_str(), &files, &attributes, argv, environ);
    posix_spawn_file_actions_destroy(&files);
    posix_spawnattr_destroy(&attributes);
    close(sv[1]);
    if (spawned != 0) {
        close(sv[0]);
        run.problem.reason = "the partner reader " + reader + " cannot be started (" + std::strerror(spawned) + ")";
        return run;
    }

    // The request goes in and the reply comes out side by side, within the wall time.
    const std::int64_t wall = 3 * seconds;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(wall);
    std::size_t sent = 0;
    bool timed_out = false;
    if (request.empty()) shutdown(sv[0], SHUT_WR);
    char buffer[1 << 16];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            timed_out = true;
            break;
        }
        pollfd p{sv[0], static_cast<short>(POLLIN | (sent < request.size() ? POLLOUT : 0)), 0};
        const int n = poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
        if (n < 0 && errno != EINTR) break;
        if (n <= 0) continue;
        if ((p.revents & POLLOUT) && sent < request.size()) {
            const ssize_t w = send(sv[0], request.data() + sent, std::min<std::size_t>(request.size() - sent, sizeof buffer),
                                   MSG_NOSIGNAL | MSG_DONTWAIT);
            if (w > 0) sent += static_cast<std::size_t>(w);
            if (w < 0 && errno != EAGAIN && errno != EINTR) sent = request.size();  // it has gone: see how it ended
            if (sent == request.size()) shutdown(sv[0], SHUT_WR);
        }
        if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
            const ssize_t r = recv(sv[0], buffer, sizeof buffer, MSG_DONTWAIT);
            if (r > 0) run.reply.append(buffer, static_cast<std::size_t>(r));
            if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR)) break;
        }
    }
    close(sv[0]);
    if (timed_out) kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (timed_out) {
        run.problem = Refusal{doing + " took more than " + seconds_text(wall), "time"};
    } else if (WIFSIGNALED(status) && (WTERMSIG(status) == SIGXCPU || WTERMSIG(status) == SIGKILL)) {
        // The processor time ran out (SIGKILL at its hard limit, or by the
        // system when memory ran short).
        run.problem = Refusal{doing + " took more than " + seconds_text(seconds) + " of processor time", "time"};
    } else if (WIFSIGNALED(status)) {
        run.problem.reason = "the PDF library crashed " + doing + " (signal " + std::to_string(WTERMSIG(status)) + ", " +
                             strsignal(WTERMSIG(status)) + ")";
    } else if (WIFEXITED(status) && WEXITSTATUS(status) == 3) {
        run.problem = Refusal{doing + " needed more than " + std::to_string(megabytes) + " MB of memory", "memory"};
    } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        run.problem.reason = "the partner reader failed " + doing + " (exit " + std::to_string(WEXITSTATUS(status)) + ")";
    } else {
        run.replied = true;
    }
    return run;
}

}  // namespace

ModuleLookup find_module(const std::string& module) {
    ModuleLookup out;
    if (!module.empty()) {
        out.looked_at.push_back(module);
        std::error_code ec;
        if (fs::is_regular_file(module, ec)) out.path = module;
        return out;
    }
    for (const std::string& prefix : installation::prefixes()) {
        const std::string path = (fs::path(installation::module_dir(prefix)) / module::kFileName).string();
        out.looked_at.push_back(path);
        std::error_code ec;
        if (fs::is_regular_file(path, ec)) {
            out.path = path;
            break;
        }
    }
    return out;
}

std::string module_problem(const std::string& module) { return located(module).problem; }

std::optional<Facts> read_facts(const PartnerOptions& options, const std::string& path, Refusal& why) {
    const Located& where = located(options.module);
    if (where.module.empty()) {
        why.reason = where.problem;
        return std::nullopt;
    }
    const PartnerBudgets& budgets = options.budgets;
    Run run = run_reader(where, wire::read_request(path, budgets), budgets.seconds, budgets.memory_mb, "reading it");
    if (!run.replied) {
        why = run.problem;
        return std::nullopt;
    }
    wire::Message m = wire::decode(run.reply);
    if (m.ok && m.kind == wire::Kind::Facts) return std::move(m.facts);
    why = m.ok && m.kind == wire::Kind::Refused ? m.refusal : Refusal{"the partner reader's reply is not whole", {}};
    return std::nullopt;
}

std::string bind_pages(const PartnerOptions& options, const std::string& pack, const std::vector<Placement>& placements) {
    const Located& where = located(options.module);
    if (where.module.empty()) throw BindFailure(0, Refusal{where.problem, {}});
    const PartnerBudgets& budgets = options.budgets;
    // Each partner file bound is given the time one read is.
    std::set<std::string> files;
    for (const Placement& p : placements) files.insert(p.path);
    const std::int64_t seconds = budgets.seconds * static_cast<std::int64_t>(std::max<std::size_t>(files.size(), 1));
    Run run = run_reader(where, wire::bind_request(pack, placements, budgets), seconds, budgets.memory_mb,
                         "binding it");
    if (!run.replied) throw BindFailure(0, run.problem);
    if (wire::take_bound(run.reply)) return std::move(run.reply);
    const wire::Message m = wire::decode(run.reply);
    if (m.ok && m.kind == wire::Kind::Refused)
        throw BindFailure(std::min(m.placement, placements.empty() ? 0 : placements.size() - 1), m.refusal);
    throw BindFailure(0, Refusal{"the partner reader's reply is not whole", {}});
}

}  // namespace bp::partner
