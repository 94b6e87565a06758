// A partner PDF is read, and a pack bound, in the partner reader, a process
// of its own limited in processor time, wall time and memory: whatever the
// PDF library does there costs the build one refusal saying what happened.
// The library is stood in for by tests/partner/misbehaving_module.cpp, which
// crashes, spins, waits or allocates without end as it is asked.
#include <unistd.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

#include "partner/partner.hpp"

using namespace bp;
namespace fs = std::filesystem;

namespace {

// The misbehaving module with the reader beside it, as an installed tree has them.
std::string staged_module() {
    const fs::path dir = fs::temp_directory_path() / ("bp-isolation-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    fs::copy_file(BOARDPACK_PARTNER_READER, dir / "boardpack-partner-reader", fs::copy_options::overwrite_existing);
    fs::copy_file(BOARDPACK_MISBEHAVING_MODULE, dir / "boardpack-partner.so", fs::copy_options::overwrite_existing);
    return (dir / "boardpack-partner.so").string();
}

}  // namespace

TEST_CASE("isolation: a crash, a loop, a wait or an allocation without end is a refusal that says so", "[partner]") {
    PartnerOptions options;
    options.module = staged_module();
    options.budgets.seconds = 1;
    options.budgets.memory_mb = 256;
    auto read = [&](const std::string& path) {
        partner::Refusal why;
        const std::optional<partner::Facts> facts = partner::read_facts(options, path, why);
        return facts ? "read " + std::to_string(facts->pages.size()) + " page" : why.budget + ": " + why.reason;
    };
    CHECK(read("ok.pdf") == "read 1 page");
    CHECK(read("other.pdf") == ": it is not one of the misbehaving module's names");
    CHECK(read("crash.pdf") == ": the PDF library crashed reading it (signal 11, Segmentation fault)");
    CHECK(read("allocate.pdf") == "memory: reading it needed more than 256 MB of memory");
    const auto start = std::chrono::steady_clock::now();
    // Its processor time ends it (or, on a machine too busy to give it a
    // second in three, its wall time).
    const std::string spun = read("spin.pdf");
    CHECK((spun == "time: reading it took more than 1 s of processor time" ||
           spun == "time: reading it took more than 3 s"));
    // A reader that waits spends no processor time: its wall time, three
    // times the budget, ends it.
    CHECK(read("wait.pdf") == "time: reading it took more than 3 s");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));

    // Binding: the pack comes back whole, or the failure is the first placement's.
    const std::vector<partner::Placement> one{partner::Placement{0, "ok.pdf", 0, {}, {}, 0}};
    CHECK(partner::bind_pages(options, "an ok pack", one) == "bound: an ok pack");
    auto bind = [&](const std::string& pack) {
        try {
            partner::bind_pages(options, pack, one);
        } catch (const partner::BindFailure& f) {
            return std::to_string(f.placement) + " " + f.refusal.budget + ": " + f.refusal.reason;
        }
        return std::string("bound");
    };
    CHECK(bind("a pack that makes it crash") == "0 : the PDF library crashed binding it (signal 11, Segmentation fault)");
    const std::string spun_binding = bind("a pack that makes it spin");
    CHECK((spun_binding == "0 time: binding it took more than 1 s of processor time" ||
           spun_binding == "0 time: binding it took more than 3 s"));
    fs::remove_all(fs::path(options.module).parent_path());
}
