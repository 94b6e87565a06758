#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <memory>

#include "../layout/fixture.hpp"
#include "assemble/assemble.hpp"

using namespace bp;
using namespace bp::test;

namespace {

AgendaItem item(const std::string& title) {
    AgendaItem it;
    it.title = text(title);
    return it;
}

// A report of roughly `paras` long paragraphs.
Paper long_report(int paras) {
    Blocks bs;
    for (int i = 0; i < paras; ++i) bs.push_back(para(words(90)));
    return report(bs);
}

PackDocument pack_with(const std::vector<int>& paper_sizes) {
    PackDocument d;
    d.manifest.meeting.body = "TEST BOARD";
    d.manifest.meeting.date = Date{2015, 9, 17};
    d.manifest.items.push_back(item("Introductions"));
    d.papers.emplace_back();
    for (int n : paper_sizes) {
        d.manifest.items.push_back(item("Report " + std::to_string(n)));
        d.papers.push_back({long_report(n)});
    }
    return d;
}

bool has_text(const PageBox& p, const std::string& t) { return page_text(p).find(t) != std::string::npos; }

}  // namespace

TEST_CASE("items start on odd pages with blank pages between", "[assemble]") {
    Env env;
    auto r = assemble_pack(pack_with({3, 12, 1}), env.ctx, {});
    REQUIRE(r);
    const auto& pages = r->box.pages;
    CHECK(pages.size() % 2 == 0);
    CHECK(r->front_pages == 1);
    CHECK(pages[1].blank);  // back of the agenda
    for (const AgendaEntry& e : r->entries) {
        if (!e.first_page) continue;
        CHECK(*e.first_page % 2 == 1);
        // The stamp is on the item's first page, and only there.
        const PageBox& first = pages[static_cast<std::size_t>(*e.first_page - 1)];
        CHECK(has_text(first, "Agenda Item " + std::to_string(e.number)));
        if (*e.last_page > *e.first_page)
            CHECK_FALSE(has_text(pages[static_cast<std::size_t>(*e.first_page)], "Agenda Item"));
    }
    // Ranges are contiguous: the next item starts right after, or after one blank.
    int prev = r->front_pages;
    for (const AgendaEntry& e : r->entries) {
        if (!e.first_page) continue;
        CHECK((*e.first_page == prev + 1 || (*e.first_page == prev + 2 && pages[static_cast<std::size_t>(prev)].blank)));
        prev = *e.last_page;
    }
}

TEST_CASE("footers carry the physical page number, blank pages carry only the blank text", "[assemble]") {
    Env env;
    auto r = assemble_pack(pack_with({2, 5}), env.ctx, {});
    REQUIRE(r);
    for (std::size_t i = 0; i < r->box.pages.size(); ++i) {
        const PageBox& p = r->box.pages[i];
        if (p.blank) {
            REQUIRE(p.runs().size() == 1);
            CHECK(p.runs()[0].text == "This page is intentionally left blank");
        } else {
            CHECK(has_run(p, "Page " + std::to_string(i + 1)));
        }
    }
}

TEST_CASE("the front sheet prints the ranges where items were bound", "[assemble]") {
    Env env;
    auto r = assemble_pack(pack_with({4, 9}), env.ctx, {});
    REQUIRE(r);
    const PageBox& front = r->box.pages[0];
    for (const AgendaEntry& e : r->entries) {
        if (!e.first_page) continue;
        CHECK(has_run(front, " (Pages " + std::to_string(*e.first_page) + " - " + std::to_string(*e.last_page) + ")"));
        // ... and links there.
        const auto front_links = front.links();
        bool linked = std::any_of(front_links.begin(), front_links.end(),
                                  [&](const LinkBox& l) { return l.target_page == *e.first_page - 1; });
        CHECK(linked);
    }
}

TEST_CASE("a front sheet longer than a page moves every range", "[assemble]") {
    Env env;
    PackDocument d = pack_with({2, 3});
    // Enough items without papers to push the agenda onto a second page.
    for (int i = 0; i < 40; ++i) {
        d.manifest.items.push_back(item("Verbal update number " + std::to_string(i)));
        d.papers.emplace_back();
    }
    auto r = assemble_pack(d, env.ctx, {});
    REQUIRE(r);
    CHECK(r->front_pages == 2);
    REQUIRE(r->entries[1].first_page);
    CHECK(*r->entries[1].first_page == 3);
    const AgendaEntry& e = r->entries[1];
    CHECK(has_run(r->box.pages[0], " (Pages 3 - " + std::to_string(*e.last_page) + ")"));
}

TEST_CASE("exempt items are left out of the public pack but listed", "[assemble]") {
    Env env;
    PackDocument d = pack_with({2, 3});
    d.manifest.items[2].exempt = "Paragraph 3 of Part 1 of Schedule 12A";
    auto pub = assemble_pack(d, env.ctx, {});
    REQUIRE(pub);
    CHECK_FALSE(pub->entries[2].first_page);
    CHECK(has_text(pub->box.pages[0], "Exempt: Paragraph 3 of Part 1 of Schedule 12A"));
    AssembleOptions all;
    all.include_exempt = true;
    auto full = assemble_pack(d, env.ctx, all);
    REQUIRE(full);
    CHECK(full->entries[2].first_page);
    CHECK(full->box.pages.size() > pub->box.pages.size());
}

TEST_CASE("outlines point at the agenda and each item's first page", "[assemble]") {
    Env env;
    auto r = assemble_pack(pack_with({2, 3}), env.ctx, {});
    REQUIRE(r);
    const auto& o = r->box.outlines;
    REQUIRE(o.size() >= 3);
    CHECK(o[0].title == "Agenda");
    CHECK(o[0].page == 0);
    bool found = std::any_of(o.begin(), o.end(), [&](const Outline& x) {
        return x.level == 0 && x.title == "2. Report 2" && x.page == *r->entries[1].first_page - 1;
    });
    CHECK(found);
}

TEST_CASE("the front sheet's and the binder's words are the template's wording", "[assemble][wording]") {
    PackDocument d = pack_with({2, 3});
    d.manifest.meeting.time = Time{14, 30};
    d.manifest.items[2].exempt = "Paragraph 3";
    AgendaItem late = item("Late report");
    late.to_follow = true;
    d.manifest.items.push_back(late);
    d.papers.emplace_back();
    TemplateDoc t = test_template();
    Wording& w = t.wording;
    w.agenda = "Order of business";
    w.pages = "pp. {first}-{last}";
    w.to_follow = "[to come]";
    w.exempt = "Closed session: {reason}";
    w.agenda_number = "Item {n}";
    w.meeting_when = "{date}, {time}";
    w.time = "{H}:{mm}";
    w.item_title = "Item {n}: {title}";
    w.not_for_publication = "CONFIDENTIAL";
    w.pack_title = "{body} on {date}";
    w.pack_subject = "Papers";
    Env env(t);
    AssembleOptions all;
    all.include_exempt = true;
    auto r = assemble_pack(d, env.ctx, all);
    REQUIRE(r);
    const PageBox& sheet = r->box.pages[0];
    CHECK(has_text(sheet, "Order of business|"));
    CHECK(has_text(sheet, "Thursday, 17 September 2015, 14:30|"));
    CHECK(has_text(sheet, "Item 2|"));
    CHECK(has_text(sheet, " pp. " + std::to_string(*r->entries[1].first_page) + "-" +
                              std::to_string(*r->entries[1].last_page) + "|"));
    CHECK(has_text(sheet, " [to come]|"));
    CHECK(has_text(sheet, "Closed session: Paragraph 3|"));
    CHECK_FALSE(has_text(sheet, "Agenda"));
    CHECK_FALSE(has_text(sheet, "Pages"));
    CHECK(r->box.outlines.at(0).title == "Order of business");
    CHECK(r->box.structure.text(1).title == "Order of business");  // the sheet's Part, under the Document
    const bool item_titled = std::any_of(r->box.outlines.begin(), r->box.outlines.end(),
                                         [](const Outline& o) { return o.title == "Item 2: Report 2"; });
    CHECK(item_titled);
    const PageBox& exempt_first = r->box.pages.at(static_cast<std::size_t>(*r->entries[2].first_page - 1));
    CHECK(has_text(exempt_first, "CONFIDENTIAL|"));
    CHECK_FALSE(has_text(exempt_first, "NOT FOR PUBLICATION"));
    CHECK(r->box.meta.title == "TEST BOARD on Thursday, 17 September 2015");
    CHECK(r->box.meta.subject == "Papers");

    // The same pack in the house's words, for the contrast.
    Env house;
    auto plain = assemble_pack(d, house.ctx, all);
    REQUIRE(plain);
    CHECK(has_text(plain->box.pages[0], "Agenda|"));
    CHECK(has_text(plain->box.pages[0], "Thursday, 17 September 2015 at 2.30 pm|"));
    CHECK(has_text(plain->box.pages[0], " (Paper to follow)|"));
    CHECK(plain->box.meta.title == "TEST BOARD - Thursday, 17 September 2015");
}

TEST_CASE("a preview's words are the template's wording", "[assemble][wording]") {
    TemplateDoc t = test_template();
    t.wording.draft = "ENTWURF";
    t.wording.draft_title = "Entwurf: {title}";
    t.wording.draft_untitled = "Ohne Titel";
    Env env(t);
    const PackBox box = assemble_preview(long_report(2), env.ctx);
    CHECK(has_text(box.pages.at(0), "ENTWURF|"));
    CHECK(box.meta.title == "Entwurf: Ohne Titel");
}

namespace {

NextMeeting next_meeting(Date d, std::optional<Time> time = std::nullopt, bool weekday = false,
                         std::string sentence = "") {
    NextMeeting n;
    n.date = d;
    n.time = time;
    n.weekday = weekday;
    n.sentence = std::move(sentence);
    return n;
}

}  // namespace

TEST_CASE("next meeting dates follow the template's pattern, locale and ordinal choice", "[assemble]") {
    TemplateDoc t = test_template();
    t.next_meeting_pattern = "EEEE d MMMM y";
    {
        Env env(t);
        PackDocument d = pack_with({1});
        d.manifest.items.push_back(item("Date of the next meeting"));
        d.manifest.items.back().next_meetings = {next_meeting(Date{2018, 6, 15})};
        d.papers.emplace_back();
        auto r = assemble_pack(d, env.ctx, {});
        REQUIRE(r);
        CHECK(has_run(r->box.pages[0], "Friday 15 June 2018"));
    }
    t.next_meeting_pattern = "d MMMM y";
    t.ordinal_next_meeting = true;
    Env env(t);
    PackDocument d = pack_with({1});
    d.manifest.items.push_back(item("Date of the next meeting"));
    d.manifest.items.back().next_meetings = {next_meeting(Date{2016, 9, 8})};
    d.papers.emplace_back();
    auto r = assemble_pack(d, env.ctx, {});
    REQUIRE(r);
    CHECK(has_run(r->box.pages[0], "8th September 2016"));
    // The meeting date itself stays as the template's meeting pattern says.
    CHECK(has_run(r->box.pages[0], "Thursday, 17 September 2015"));
}

TEST_CASE("a next meeting with its weekday and time, or a sentence around them", "[assemble]") {
    Env env;
    PackDocument d = pack_with({1});
    d.manifest.items.push_back(item("Date of the next meeting"));
    d.manifest.items.back().next_meetings = {
        next_meeting(Date{2015, 12, 10}, Time{14, 0}, true),
        next_meeting(Date{2016, 3, 3}, Time{10, 30}, true,
                     "The Board next meets on {date} at {time}."),
        next_meeting(Date{2016, 6, 9}, std::nullopt, false, "Then on {date}.")};
    d.papers.emplace_back();
    auto r = assemble_pack(d, env.ctx, {});
    REQUIRE(r);
    const PageBox& front = r->box.pages[0];
    CHECK(has_run(front, "Thursday 10 December 2015 at 2.00pm"));
    CHECK(has_run(front, "The Board next meets on Thursday 3 March 2016 at 10.30am."));
    CHECK(has_run(front, "Then on 9 June 2016."));
    // In the order written, under the item's title.
    auto baseline = [&](const std::string& t) {
        for (const GlyphRun& g : front.runs())
            if (g.text == t) return g.baseline;
        return Mpt{-1};
    };
    CHECK(baseline("Date of the next meeting") < baseline("Thursday 10 December 2015 at 2.00pm"));
    CHECK(baseline("Thursday 10 December 2015 at 2.00pm") <
          baseline("The Board next meets on Thursday 3 March 2016 at 10.30am."));
    CHECK(baseline("The Board next meets on Thursday 3 March 2016 at 10.30am.") <
          baseline("Then on 9 June 2016."));
}

TEST_CASE("ranges count the padding page when the template says so", "[assemble]") {
    // Item papers of 1 and 3 pages: both end on an odd page and are padded.
    PackDocument pack = pack_with({1, 12});
    Env plain;
    auto without = assemble_pack(pack, plain.ctx, {});
    REQUIRE(without);
    TemplateDoc t = test_template();
    t.blank_in_range = true;
    Env counted(t);
    auto with = assemble_pack(pack, counted.ctx, {});
    REQUIRE(with);
    REQUIRE(without->box.pages.size() == with->box.pages.size());  // the same pages, only the ranges differ
    for (std::size_t i = 0; i < with->entries.size(); ++i) {
        const AgendaEntry& a = without->entries[i];
        const AgendaEntry& b = with->entries[i];
        if (!a.first_page) continue;
        const int length = *a.last_page - *a.first_page + 1;
        CHECK(*b.first_page == *a.first_page);
        CHECK(*b.last_page == *a.last_page + (length % 2 == 1 ? 1 : 0));
        // The page the range gained is the padding page.
        if (length % 2 == 1) CHECK(with->box.pages[static_cast<std::size_t>(*b.last_page - 1)].blank);
    }
    // The front sheet prints the longer range.
    CHECK(has_text(with->box.pages[0], "(Pages 3 - 4)"));
    CHECK(has_text(without->box.pages[0], "(Pages 3 - 3)"));
}

TEST_CASE("papers read item by item are freed before their thread reads the next item", "[assemble]") {
    const PackDocument whole = pack_with({2, 1, 3, 2, 1, 2, 1, 1});
    for (int jobs : {1, 2, 3}) {
        INFO("jobs " << jobs);
        Env env;
        // Each item read holds a picture whose deleter counts it out: the
        // hook takes the picture off the laid-out pages, so the model holds
        // the last copy and frees it with the item's papers.
        std::atomic<int> alive{0}, most{0}, reads{0};
        auto read = [&](std::size_t i) {
            std::vector<Paper> papers = whole.papers[i];
            ++reads;
            if (papers.empty()) return papers;
            const int now = ++alive;
            for (int was = most; now > was && !most.compare_exchange_weak(was, now);) {
            }
            auto picture = std::make_shared<RasterImage>();
            picture->width = picture->height = 1;
            picture->data = {0, 0, 0};
            Image img;
            img.alt = "a dot";
            img.raster = std::shared_ptr<const RasterImage>(picture.get(), [&alive, picture](const RasterImage*) mutable {
                picture.reset();
                --alive;
            });
            papers.front().sections.front().blocks.push_back(block(std::move(img)));
            return papers;
        };
        auto drop_pictures = [](PageBox& page, const StructTree&) {
            std::erase_if(page.items, [](const PageItem& i) { return std::holds_alternative<ImageBox>(i.what); });
        };
        const LaidOutParts parts = lay_out_parts(whole.manifest, read, env.ctx, jobs, drop_pictures);
        CHECK(reads == static_cast<int>(whole.manifest.items.size()));
        CHECK(most >= 1);
        CHECK(most <= jobs);
        CHECK(alive == 0);
        // The same pages as from the loaded pack, item for item.
        const LaidOutParts loaded = lay_out_parts(whole, env.ctx, jobs);
        REQUIRE(parts.items.size() == loaded.items.size());
        for (std::size_t i = 0; i < parts.items.size(); ++i) CHECK(parts.items[i].page_count() == loaded.items[i].page_count());
    }
}

TEST_CASE("the edition plan says once what each audience's editions hold", "[assemble][plan]") {
    Env env;
    // 1 Introductions (no papers), 2 and 3 reports, 4 exempt, 5 to follow.
    PackDocument d = pack_with({2, 3, 1, 1});
    d.manifest.items[3].exempt = "Paragraph 3 of Part 1 of Schedule 12A";
    d.manifest.items[3].title = text("Contract: the Award (Part B)");
    d.manifest.items[4].to_follow = true;
    const LaidOutParts parts = lay_out_parts(d, env.ctx);
    const auto numbering = number_pack(d, parts, env.ctx);
    REQUIRE(numbering);

    const EditionPlan pub = plan_edition(d.manifest, *numbering, Audience::Public);
    const EditionPlan full = plan_edition(d.manifest, *numbering, Audience::Full);
    REQUIRE(pub.items.size() == 5);
    REQUIRE(full.items.size() == 5);
    CHECK(pub.pages == numbering->public_pages);
    CHECK(full.pages == numbering->full_pages);
    CHECK(pub.pages < full.pages);
    CHECK(pub.full_pages == full.pages);

    // Public: items 2 and 3 bound in agenda order; the exempt one and the
    // one to follow listed without pages.
    CHECK(pub.order == std::vector<std::size_t>{1, 2});
    CHECK_FALSE(pub.items[0].bound());
    CHECK(pub.items[1].bound());
    CHECK_FALSE(pub.items[3].bound());
    CHECK_FALSE(pub.entries[3].first_page);
    CHECK_FALSE(pub.items[4].bound());
    // Full: Part B after the public items, on the pages the numbering gave it.
    CHECK(full.order == std::vector<std::size_t>{1, 2, 3});
    CHECK(full.items[3].first_page == numbering->entries[3].first_page);
    CHECK(*full.items[3].first_page > *full.items[2].last_page);
    // A public item has the same pages whatever the audience.
    CHECK(pub.items[2].first_page == full.items[2].first_page);
    CHECK(pub.items[2].last_page == full.items[2].last_page);

    // Names: number and title, whatever the punctuation.
    CHECK(pub.items[1].name == "02-report-2");
    CHECK(full.items[3].name == "04-contract-the-award-part-b");
    CHECK(file_slug("  Prevent Update. ") == "prevent-update");
    CHECK(file_slug("£ — ?") == "item");

    // The binder follows the plan: its pack is the plan's length, and each
    // bound item's stamp is on the plan's first page.
    const Edition bound_pub = bind_pack(d, parts, pub, env.ctx);
    const Edition bound_full = bind_pack(d, parts, full, env.ctx);
    CHECK(static_cast<int>(bound_pub.box.pages.size()) == pub.pages);
    CHECK(static_cast<int>(bound_full.box.pages.size()) == full.pages);
    for (std::size_t i : full.order) {
        const PlannedItem& it = full.items[i];
        CHECK(has_text(bound_full.box.pages[static_cast<std::size_t>(*it.first_page - 1)],
                       "Agenda Item " + std::to_string(it.number)));
    }
    // One item's own PDF starts at its plan's page number.
    const Edition one = bind_item(d, parts, pub, 2, env.ctx);
    CHECK(one.box.first_page_number == *pub.items[2].first_page);
    // ... and has the pages the plan says, as every bound item's does.
    for (std::size_t i : full.order) {
        const Edition own = bind_item(d, parts, full, i, env.ctx);
        CHECK(static_cast<int>(own.box.pages.size()) == full.items[i].own_pages);
        CHECK(full.items[i].own_pages % 2 == 0);
    }
    CHECK(pub.items[3].own_pages == 0);
}
