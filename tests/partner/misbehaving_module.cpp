// A stand-in for boardpack-partner.so that misbehaves as a hostile PDF can
// make the PDF library misbehave, chosen by the name of the file it is asked
// to read (or by the pack it is asked to bind): it crashes, spins, waits or
// allocates without end; "ok" answers. tests/unit/partner/test_isolation.cpp
// runs it in the partner reader to see that each costs one refusal.
#include <signal.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <vector>

#include "partner/module.hpp"

namespace {

using bp::PartnerBudgets;
using bp::PartnerPage;
using namespace bp::partner;

bool names(const std::string& s, const char* what) { return s.find(what) != std::string::npos; }

// Returns only for a name that asks for none of it.
void misbehave(const std::string& what) {
    if (names(what, "crash")) raise(SIGSEGV);
    if (names(what, "spin"))
        for (;;) asm volatile("");  // a loop the compiler keeps
    if (names(what, "wait"))
        for (;;) pause();
    if (names(what, "allocate")) {
        std::vector<std::unique_ptr<char[]>> held;
        for (;;) {
            held.emplace_back(new char[1 << 20]);
            held.back()[0] = 1;
        }
    }
}

std::optional<Facts> read_facts(const std::string& path, const PartnerBudgets&, Refusal& why) {
    misbehave(path);
    if (!names(path, "ok")) {
        why.reason = "it is not one of the misbehaving module's names";
        return std::nullopt;
    }
    Facts facts;
    PartnerPage page;
    page.x1 = page.y1 = 100000;
    facts.pages.push_back(page);
    return facts;
}

bool bind_pages(const std::string& pack, const std::vector<Placement>&, const PartnerBudgets&, std::string& bound,
                std::size_t& at, Refusal& why) {
    misbehave(pack);
    at = 0;
    if (!names(pack, "ok")) {
        why.reason = "it is not one of the misbehaving module's names";
        return false;
    }
    bound = "bound: " + pack;
    return true;
}

}  // namespace

extern "C" __attribute__((visibility("default"))) const bp::partner::module::Api* boardpack_partner_api() {
    static const bp::partner::module::Api api{bp::partner::module::kApiVersion, &read_facts, &bind_pages};
    return &api;
}
