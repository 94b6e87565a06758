// The desk's page says each paper's state in words, links only what the
// server serves, and never lets a title, a file name or a message from the
// papers become markup.
#include <catch2/catch.hpp>

#include "../session/fixture.hpp"
#include "serve/page.hpp"

using namespace session_test;

namespace {

boardpack::ItemSummary item(int number, std::string title, std::vector<boardpack::PaperSummary> papers, bool to_follow = false) {
    boardpack::ItemSummary it;
    it.number = number;
    it.title = std::move(title);
    it.paper_files = std::move(papers);
    it.to_follow = to_follow;
    return it;
}

}  // namespace

TEST_CASE("the desk page's state section: states in words, links to what is served, nothing from the papers as markup") {
    TempDir dir;
    write_file(dir / "pack.pdf", "%PDF");
    bp::serve::ServeOptions options;
    options.pack = dir / "pack/pack.xml";
    options.pdf = dir / "pack.pdf";
    bp::desk::Step step;
    step.number = 3;
    step.last_good = 2;
    const std::string paper = dir / "pack/report <b>.xml";
    step.result.exit_code = 1;
    step.result.items.push_back(item(1, "Introductions", {}));
    step.result.items.push_back(item(2, "Budget <script>alert(1)</script>", {{paper, true, 1, 0}}));
    step.result.items.push_back(item(3, "Late", {{dir / "pack/late.xml", false, 0, 0}}));
    step.result.items.push_back(item(4, "Capital", {}, true));
    step.result.items.push_back(item(5, "Outside", {{"/elsewhere/x.xml", true, 0, 2}}));
    step.result.diagnostics.push_back({paper, 3, 5, "error", "unknown-element", "<tabel> is not allowed \"here\"", ""});
    const std::string h = bp::serve::state_section(step, options, dir.path.string());

    CHECK(h.find("The pack does not build: 1 error, 0 warnings.") != std::string::npos);
    CHECK(h.find("<script>") == std::string::npos);
    CHECK(h.find("<tabel>") == std::string::npos);
    CHECK(h.find("Budget &lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(h.find("&lt;tabel&gt; is not allowed &quot;here&quot;") != std::string::npos);
    // Each state in words, the paper's link percent-encoded, its problems linked.
    CHECK(h.find("<a href=\"/files/report%20%3Cb%3E.xml\">report &lt;b&gt;.xml</a>: <span class=\"state errors\">received, 1 error</span>") !=
          std::string::npos);
    CHECK(h.find("href=\"#problems-1\"") != std::string::npos);
    CHECK(h.find("<h3 id=\"problems-1\">report &lt;b&gt;.xml</h3>") != std::string::npos);
    CHECK(h.find("late.xml: <span class=\"state missing\">missing</span>") != std::string::npos);
    CHECK(h.find("<td>Capital</td><td>to follow</td>") != std::string::npos);
    CHECK(h.find("<td>Introductions</td><td>none</td>") != std::string::npos);
    // A paper outside the pack's folder is named, not linked.
    CHECK(h.find("/elsewhere/x.xml: <span class=\"state warnings\">received, 2 warnings</span>") != std::string::npos);
    CHECK(h.find("href=\"/files//elsewhere") == std::string::npos);
    // The last good build's PDF is linked where /out/ serves it, marked with that build.
    CHECK(h.find("<a href=\"/out/pack.pdf?v=2\">") != std::string::npos);

    SECTION("before any good build, no output is linked") {
        step.last_good = 0;
        const std::string none = bp::serve::state_section(step, options, dir.path.string());
        CHECK(none.find("/out/") == std::string::npos);
        CHECK(none.find("Nothing was written yet.") != std::string::npos);
    }
}
