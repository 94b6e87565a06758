// boardpack-partner-reader MODULE SECONDS MEGABYTES: the process in which
// a partner PDF is read or a pack bound. It limits itself to SECONDS of
// processor time and MEGABYTES of address space, opens the qpdf module
// MODULE, reads one request (wire.hpp) from standard input to its end, and
// writes the reply to standard output. It exits 0 having replied, 3 when
// memory ran out, 2 when it was started wrongly or the request was not
// whole; a signal is a crash (or SIGXCPU: the processor time ran out).
#include <dlfcn.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <new>
#include <string>

#include "partner/module.hpp"
#include "partner/wire.hpp"

namespace {

constexpr int kBadStart = 2;
constexpr int kOutOfMemory = 3;

bool number(const char* s, long long& v) {
    const char* end = s + std::strlen(s);
    const auto [p, ec] = std::from_chars(s, end, v);
    return ec == std::errc() && p == end && v > 0;
}

void limit(int resource, rlim_t soft, rlim_t hard) {
    const rlimit l{soft, hard};
    setrlimit(resource, &l);
}

bool write_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

std::string read_all(int fd) {
    std::string in;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return in;
        in.append(buffer, static_cast<std::size_t>(n));
    }
}

}  // namespace

int main(int argc, char** argv) {
    namespace wire = bp::partner::wire;
    long long seconds = 0, megabytes = 0;
    if (argc != 4 || !number(argv[2], seconds) || !number(argv[3], megabytes)) return kBadStart;
    // Gone with the build that started it, however that ends.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() == 1) return kBadStart;
    // Nothing but the request and the reply: no descriptor the program had
    // open by chance, no core file, no file written.
    close_range(3, ~0U, 0);
    limit(RLIMIT_CORE, 0, 0);
    limit(RLIMIT_FSIZE, 0, 0);
    limit(RLIMIT_CPU, static_cast<rlim_t>(seconds), static_cast<rlim_t>(seconds + 1));
    limit(RLIMIT_AS, static_cast<rlim_t>(megabytes) << 20, static_cast<rlim_t>(megabytes) << 20);
    // An allocation that fails is the memory budget, wherever it happens
    // (qpdf would otherwise report it as a damaged file).
    std::set_new_handler([] { _exit(kOutOfMemory); });

    const std::string request = read_all(0);
    void* handle = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        const char* why = dlerror();
        const std::string reply = wire::refused_reply(
            0, bp::partner::Refusal{std::string("boardpack's partner module ") + argv[1] + " cannot be loaded (" +
                                        (why != nullptr ? why : "no reason given") + ")",
                                    {}});
        return write_all(1, reply.data(), reply.size()) ? 0 : kBadStart;
    }
    auto entry = reinterpret_cast<const bp::partner::module::Api* (*)()>(dlsym(handle, bp::partner::module::kApiSymbol));
    const bp::partner::module::Api* api = entry != nullptr ? entry() : nullptr;
    if (api == nullptr || api->version != bp::partner::module::kApiVersion) {
        const std::string reply = wire::refused_reply(
            0, bp::partner::Refusal{std::string("boardpack's partner module ") + argv[1] +
                                        " is of another version of boardpack",
                                    {}});
        return write_all(1, reply.data(), reply.size()) ? 0 : kBadStart;
    }
    const wire::Message m = wire::decode(request);
    if (!m.ok) return kBadStart;
    bp::partner::Refusal why;
    if (m.kind == wire::Kind::Read) {
        const std::optional<bp::partner::Facts> facts = api->read_facts(m.path, m.budgets, why);
        const std::string reply = facts ? wire::facts_reply(*facts) : wire::refused_reply(0, why);
        return write_all(1, reply.data(), reply.size()) ? 0 : kBadStart;
    }
    if (m.kind == wire::Kind::Bind) {
        std::string bound;
        std::size_t at = 0;
        if (!api->bind_pages(m.pack, m.placements, m.budgets, bound, at, why)) {
            const std::string reply = wire::refused_reply(at, why);
            return write_all(1, reply.data(), reply.size()) ? 0 : kBadStart;
        }
        const std::string header = wire::bound_header(bound.size());
        return write_all(1, header.data(), header.size()) && write_all(1, bound.data(), bound.size()) ? 0 : kBadStart;
    }
    return kBadStart;
}
