// A session's rebuild gives the bytes a build from nothing gives: for an
// item kept unchanged, and after every step of a long run of edits,
// additions and deletions of papers.
#include <catch2/catch.hpp>
#include <map>
#include <random>

#include "boardpack/session.hpp"
#include "fixture.hpp"

using namespace session_test;

namespace {

boardpack::BuildRequest request_for(const std::string& pack, const std::string& pdf) {
    boardpack::BuildRequest r;
    r.pack = pack;
    r.output = pdf;
    r.template_dirs.push_back(source("templates"));
    r.jobs = 2;
    return r;
}

// A build from nothing of the same files, to `pdf`.
boardpack::BuildResult cold(const std::string& pack, const std::string& pdf) {
    return boardpack::build(request_for(pack, pdf));
}

std::string diagnostics_of(const boardpack::BuildResult& r) {
    std::string s;
    for (const auto& d : r.diagnostics)
        s += d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.severity + ": " + d.message + " [" + d.rule + "]\n";
    return s;
}

}  // namespace

TEST_CASE("a rebuild after one paper changed gives the bytes of a build from nothing") {
    TempDir dir;
    fs::copy(source("samples/lscsb-2015-09-17"), dir.path / "pack");
    const std::string pack = dir / "pack/pack.xml";
    boardpack::Session session;
    const boardpack::BuildResult first = session.build(request_for(pack, dir / "pack.pdf"));
    REQUIRE(first.exit_code == 0);
    CHECK(first.items_made == 4);
    CHECK(first.items_kept == 0);

    SECTION("nothing changed: every item kept, the same bytes") {
        const std::string before = read_file(dir / "pack.pdf");
        const boardpack::BuildResult again = session.rebuild({});
        REQUIRE(again.exit_code == 0);
        CHECK(again.items_made == 0);
        CHECK(again.items_kept == 4);
        CHECK(read_file(dir / "pack.pdf") == before);
    }
    SECTION("one paper longer: that item made again, the others kept") {
        const std::string paper = dir / "pack/report-prevent.xml";
        std::string text = read_file(paper);
        const std::string para = "<p>Section 29 of the Counter-Terrorism";
        for (int n = 0; n < 12; ++n) text.insert(text.find(para), "<p>An added paragraph that runs on to more pages.</p>\n");
        write_file(paper, text);
        const boardpack::BuildResult again = session.rebuild({paper});
        REQUIRE(again.exit_code == 0);
        CHECK(again.items_made == 1);
        CHECK(again.items_kept == 3);
        REQUIRE(cold(pack, dir / "cold.pdf").exit_code == 0);
        CHECK(read_file(dir / "pack.pdf") == read_file(dir / "cold.pdf"));
        CHECK(read_file(dir / "pack.pdf") != read_file(source("samples/lscsb-2015-09-17/pack.xml")));
    }
    SECTION("a change no watcher reported is found by its digest") {
        const std::string paper = dir / "pack/report-domestic-abuse.xml";
        std::string text = read_file(paper);
        text.replace(text.find("<h1>"), 4, "<h1>Revised: ");
        write_file(paper, text);
        const boardpack::BuildResult again = session.build(request_for(pack, dir / "pack.pdf"));
        REQUIRE(again.exit_code == 0);
        CHECK(again.items_made == 1);
        REQUIRE(cold(pack, dir / "cold.pdf").exit_code == 0);
        CHECK(read_file(dir / "pack.pdf") == read_file(dir / "cold.pdf"));
    }
}

TEST_CASE("a step stopped before layout by a missing paper keeps the other items laid out for the step after") {
    TempDir dir;
    fs::copy(source("samples/lscsb-2015-09-17"), dir.path / "pack");
    const std::string pack = dir / "pack/pack.xml";
    const std::string paper = dir / "pack/report-prevent.xml", aside = dir / "prevent.xml";
    boardpack::Session session;
    REQUIRE(session.build(request_for(pack, dir / "pack.pdf")).exit_code == 0);
    const std::string good = read_file(dir / "pack.pdf");

    SECTION("the paper moved away, then back") {
        fs::rename(paper, aside);
        const boardpack::BuildResult broken = session.rebuild({paper});
        CHECK(broken.exit_code == 1);
        CHECK(read_file(dir / "pack.pdf") == good);
        fs::rename(aside, paper);
    }
    SECTION("a folder where the paper was, then the paper again") {
        fs::rename(paper, aside);
        fs::create_directory(paper);
        CHECK(session.rebuild({paper}).exit_code == 1);
        fs::remove(paper);
        fs::rename(aside, paper);
    }
    const boardpack::BuildResult fixed = session.rebuild({paper});
    REQUIRE(fixed.exit_code == 0);
    CHECK(fixed.items_made == 1);
    CHECK(fixed.items_kept == 3);
    REQUIRE(cold(pack, dir / "cold.pdf").exit_code == 0);
    CHECK(read_file(dir / "pack.pdf") == read_file(dir / "cold.pdf"));
}

TEST_CASE("after every step of 50 random edits, additions and deletions, a rebuild is a build from nothing") {
    TempDir dir;
    const std::string pack = dir / "pack.xml";
    const std::string pdf = dir / "desk.pdf", fresh = dir / "cold.pdf";
    constexpr int kItems = 6;
    std::mt19937 random(20);  // fixed: the same run every time
    std::vector<int> paragraphs(kItems, 3);
    std::vector<bool> named(kItems, true);
    auto paper = [&](int i) { return dir / ("item" + std::to_string(i) + ".xml"); };
    auto write_paper = [&](int i, int version) {
        std::string text = "<report version=\"1\">\n  <header><board>THE BOARD</board><date>2015-09-17</date><title>Paper " + std::to_string(i) +
                           "</title></header>\n  <h1>Summary</h1>\n";
        for (int p = 0; p < paragraphs[i]; ++p)
            text += "  <p>Paragraph " + std::to_string(p) + " of version " + std::to_string(version) +
                    ": the board is asked to note the progress made on the action plan and the risks that remain.</p>\n";
        write_file(paper(i), text + "</report>\n");
    };
    auto write_pack = [&] {
        std::string text = "<pack version=\"1\" template=\"lscsb\">\n  <meeting><body>THE BOARD</body><date>2015-09-17</date>"
                           "<time>10:00</time><venue>County Hall</venue></meeting>\n  <agenda>\n    <item>Introductions</item>\n";
        for (int i = 0; i < kItems; ++i)
            if (named[i])
                text += "    <item><title>Item " + std::to_string(i) + "</title><papers src=\"item" + std::to_string(i) +
                        ".xml\"/></item>\n";
        write_file(pack, text + "  </agenda>\n</pack>\n");
    };
    for (int i = 0; i < kItems; ++i) write_paper(i, 0);
    write_pack();
    boardpack::Session session;
    const boardpack::BuildResult first = session.build(request_for(pack, pdf));
    INFO(diagnostics_of(first));
    REQUIRE(first.exit_code == 0);

    int kept = 0, failed = 0;
    for (int step = 1; step <= 50; ++step) {
        const int i = static_cast<int>(random() % kItems);
        std::vector<std::string> changed;
        switch (random() % 6) {
            case 0:
            case 1:
            case 2:  // an edit: longer or shorter
                paragraphs[i] = 1 + static_cast<int>(random() % 40);
                write_paper(i, step);
                changed = {paper(i)};
                break;
            case 3:  // the paper's file deleted (the build fails and keeps the last PDF)
                fs::remove(paper(i));
                changed = {paper(i)};
                break;
            case 4:  // a paper arrives (again)
                write_paper(i, step);
                changed = {paper(i)};
                break;
            case 5:  // the manifest drops or names an item
                named[i] = !named[i];
                write_pack();
                changed = {pack};
                break;
        }
        INFO("step " << step);
        const std::string before = read_file(pdf);
        const boardpack::BuildResult desk = session.rebuild(changed);
        const boardpack::BuildResult fromscratch = cold(pack, fresh);
        REQUIRE(desk.exit_code == fromscratch.exit_code);
        CHECK(diagnostics_of(desk) == diagnostics_of(fromscratch));
        if (fromscratch.exit_code == 0) {
            REQUIRE(read_file(pdf) == read_file(fresh));
            kept += desk.items_kept;
        } else {
            CHECK(read_file(pdf) == before);  // the last good PDF stays
            ++failed;
        }
    }
    // The run did what it is for: items kept across steps, and broken steps.
    CHECK(kept > 50);
    CHECK(failed > 0);
}

namespace {

// Every file of a folder but its record, by name, with its bytes.
std::map<std::string, std::string> site_files(const std::string& dir) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string()[0] != '.') files[e.path().filename().string()] = read_file(e.path().string());
    return files;
}

}  // namespace

TEST_CASE("a rebuild keeps an unchanged item's web pages and gives the site a build from nothing gives") {
    TempDir dir;
    fs::copy(source("samples/lscsb-2015-09-17"), dir.path / "pack");
    const std::string pack = dir / "pack/pack.xml";
    boardpack::BuildRequest r = request_for(pack, dir / "pack.pdf");
    r.html_dir = dir / "site";
    boardpack::Session session;
    REQUIRE(session.build(r).exit_code == 0);
    const auto first = site_files(dir / "site");
    CHECK(first.count("06-prevent-update.html") == 1);

    const std::string paper = dir / "pack/report-prevent.xml";
    std::string text = read_file(paper);
    text.replace(text.find("<h1>"), 4, "<h1>Revised: ");
    write_file(paper, text);
    const boardpack::BuildResult again = session.rebuild({paper});
    REQUIRE(again.exit_code == 0);
    CHECK(again.items_made == 1);
    CHECK(again.items_kept == 3);
    const auto rebuilt = site_files(dir / "site");
    CHECK(rebuilt.at("06-prevent-update.html").find("Revised: ") != std::string::npos);
    // The kept items' pages are there, unchanged.
    CHECK(rebuilt.at("07-domestic-abuse-partnership-update.html") == first.at("07-domestic-abuse-partnership-update.html"));

    boardpack::BuildRequest fresh = r;
    fresh.output = dir / "cold.pdf";
    fresh.html_dir = dir / "cold-site";
    REQUIRE(boardpack::build(fresh).exit_code == 0);
    auto cold_site = site_files(dir / "cold-site");
    // The same pages; the links to the pack PDF name each build's own file.
    REQUIRE(cold_site.size() == rebuilt.size());
    for (auto& [name, bytes] : cold_site) {
        std::string theirs = rebuilt.at(name), ours = bytes;
        for (std::string* s : {&theirs, &ours})
            for (const char* pdf : {"pack.pdf", "cold.pdf"})
                for (std::size_t at; (at = s->find(pdf)) != std::string::npos;) s->replace(at, 8, "PDF");
        CHECK(theirs == ours);
    }
}
