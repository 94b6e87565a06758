// What the program and the partner reader send each other: every field
// comes back as it went, and a reply cut short or inflated is refused.
#include <catch2/catch.hpp>

#include "partner/wire.hpp"

using namespace bp;
using namespace bp::partner;

TEST_CASE("wire: facts, placements and refusals come back whole", "[partner]") {
    Facts f;
    PartnerPage p;
    p.x0 = -5, p.y0 = 10, p.x1 = pt(595.276), p.y1 = pt(841.89), p.rotate = 270;
    p.links.push_back(PartnerLink{1, 2, 3, 4, "https://example.org/\xc3\xa9", -1});
    p.links.push_back(PartnerLink{5, 6, 7, 8, "", 3});
    f.pages = {p, PartnerPage{}};
    f.outline = {PartnerBookmark{"Contents \xe2\x80\x93 one", 1, 0}, PartnerBookmark{"", 0, 7}};
    f.tagged = true;
    f.structure_problem = "a reason";
    f.annotations = 3, f.other_links = 4, f.form = true, f.javascript = true, f.open_action = false;
    f.embedded_files = true, f.hidden_pages = 2, f.long_texts = 9, f.cut_titles = 1;
    f.restrictions = {"printing", "copying its text"};
    f.decoded_bytes = 1ULL << 40;
    const wire::Message m = wire::decode(wire::facts_reply(f));
    REQUIRE(m.ok);
    CHECK(m.kind == wire::Kind::Facts);
    REQUIRE(m.facts.pages.size() == 2);
    CHECK(m.facts.pages[0].x0 == -5);
    CHECK(m.facts.pages[0].y1 == pt(841.89));
    CHECK(m.facts.pages[0].rotate == 270);
    REQUIRE(m.facts.pages[0].links.size() == 2);
    CHECK(m.facts.pages[0].links[0].uri == "https://example.org/\xc3\xa9");
    CHECK(m.facts.pages[0].links[1].target_page == 3);
    CHECK(m.facts.outline[0].title == "Contents \xe2\x80\x93 one");
    CHECK(m.facts.outline[1].depth == 7);
    CHECK(m.facts.tagged);
    CHECK(m.facts.structure_problem == "a reason");
    CHECK(m.facts.annotations == 3);
    CHECK(m.facts.form);
    CHECK_FALSE(m.facts.open_action);
    CHECK(m.facts.hidden_pages == 2);
    CHECK(m.facts.long_texts == 9);
    CHECK(m.facts.cut_titles == 1);
    CHECK(m.facts.restrictions == f.restrictions);
    CHECK(m.facts.decoded_bytes == 1ULL << 40);

    PartnerBudgets b;
    b.stream_mb = 7, b.elements = 12;
    std::vector<Placement> placements = {Placement{3, "a.pdf", 2, p, {1, 0, 0, 1, 2.5, -3.25}, 77}};
    const wire::Message bind = wire::decode(wire::bind_request(std::string("%PDF\0bytes", 10), placements, b));
    REQUIRE(bind.ok);
    CHECK(bind.pack == std::string("%PDF\0bytes", 10));
    CHECK(bind.budgets.stream_mb == 7);
    CHECK(bind.budgets.elements == 12);
    REQUIRE(bind.placements.size() == 1);
    CHECK(bind.placements[0].pack_page == 3);
    CHECK(bind.placements[0].path == "a.pdf");
    CHECK(bind.placements[0].matrix[5] == -3.25);
    CHECK(bind.placements[0].graft_under == 77);
    CHECK(bind.placements[0].source.links.size() == 2);

    const wire::Message refused = wire::decode(wire::refused_reply(4, Refusal{"too big", "stream"}));
    REQUIRE(refused.ok);
    CHECK(refused.placement == 4);
    CHECK(refused.refusal.reason == "too big");
    CHECK(refused.refusal.budget == "stream");
}

TEST_CASE("wire: a reply cut short, with bytes left over or with a count past its end is not whole", "[partner]") {
    Facts f;
    f.pages.resize(3);
    const std::string reply = wire::facts_reply(f);
    for (std::size_t cut = 0; cut < reply.size(); ++cut) CHECK_FALSE(wire::decode(reply.substr(0, cut)).ok);
    CHECK_FALSE(wire::decode(reply + "x").ok);
    // A page count of 2^62 in a reply of a few bytes: refused, not allocated.
    std::string huge = reply;
    huge[1 + 7] = 0x40;
    CHECK_FALSE(wire::decode(huge).ok);
    CHECK_FALSE(wire::decode("?").ok);

    std::string bound = wire::bound_header(5) + "%PDF-";
    CHECK(wire::take_bound(bound));
    CHECK(bound == "%PDF-");
    std::string short_one = wire::bound_header(6) + "%PDF-";
    CHECK_FALSE(wire::take_bound(short_one));
}
