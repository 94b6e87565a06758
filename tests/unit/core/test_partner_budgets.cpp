// --partner-budget NAME=N, and the hint a refusal past a budget gives.
#include <catch2/catch.hpp>

#include "core/partner_page.hpp"

using namespace bp;

TEST_CASE("partner budgets: each is set by its name, in its unit, within bounds", "[core]") {
    PartnerBudgets b;
    std::string error;
    CHECK(set_partner_budget(b, "time=20", error));
    CHECK(set_partner_budget(b, "memory=1536", error));
    CHECK(set_partner_budget(b, "stream=1", error));
    CHECK(set_partner_budget(b, "page=256", error));
    CHECK(set_partner_budget(b, "pack=1048576", error));
    CHECK(set_partner_budget(b, "elements=200000", error));
    CHECK(set_partner_budget(b, "bookmarks=7", error));
    CHECK(error.empty());
    CHECK(b.seconds == 20);
    CHECK(b.memory_mb == 1536);
    CHECK(b.stream_mb == 1);
    CHECK(b.page_mb == 256);
    CHECK(b.pack_mb == 1048576);
    CHECK(b.elements == 200000);
    CHECK(b.bookmarks == 7);

    const PartnerBudgets before = b;
    auto refused = [&](const std::string& spec) {
        std::string e;
        CHECK_FALSE(set_partner_budget(b, spec, e));
        return e;
    };
    const std::string names = "(time, memory, stream, page, pack, elements, bookmarks)";
    CHECK(refused("pages=5") == "\"pages=5\" is not NAME=N for a partner PDF budget " + names);
    CHECK(refused("stream") == "\"stream\" is not NAME=N for a partner PDF budget " + names);
    CHECK(refused("Time=5") == "\"Time=5\" is not NAME=N for a partner PDF budget " + names);
    CHECK(refused(std::string(100, 'x')) ==
          "\"" + std::string(40, 'x') + "\" is not NAME=N for a partner PDF budget " + names);
    for (const char* bad : {"stream=0", "stream=-3", "stream=", "stream=12MB", "stream= 12", "stream=1048577"})
        CHECK(refused(bad) == "the stream budget must be a whole number of megabytes from 1 to 1048576");
    CHECK(refused("time=3601") == "the time budget must be a whole number of seconds from 1 to 3600");
    CHECK(refused("elements=1e6") == "the elements budget must be a whole number of elements from 1 to 100000000");
    // A refused spec changes nothing.
    CHECK(b.stream_mb == before.stream_mb);
    CHECK(b.seconds == before.seconds);
}

TEST_CASE("partner budgets: a refusal past one says how to raise it, to twice its value", "[core]") {
    PartnerBudgets b;
    CHECK(partner_refusal_hint(b, "stream") ==
          "if the PDF comes from someone you trust, give it more with --partner-budget stream=128 "
          "(megabytes; the stream budget is now 64); else ask the partner to save it again");
    CHECK(partner_refusal_hint(b, "elements") ==
          "if the PDF comes from someone you trust, give it more with --partner-budget elements=200000 "
          "(elements; the elements budget is now 100000); else ask the partner to save it again");
    b.seconds = 3000;  // twice would pass the most a budget may be
    CHECK(partner_refusal_hint(b, "time") ==
          "if the PDF comes from someone you trust, give it more with --partner-budget time=3600 "
          "(seconds; the time budget is now 3000); else ask the partner to save it again");
    // Not a budget: what to ask the partner for.
    CHECK(partner_refusal_hint(b, "") ==
          "ask the partner for a PDF that opens without a password and is complete, or save it again");
}
