// tests/diagnostics/NAME.xml holds a bad input; NAME.expected the exact
// diagnostics boardpack must print for it (load, then validate; a paper
// without errors is then laid out in the house style, as preview and build
// lay it out) in the text form, sorted, each with its hint; NAME.json the
// same as JSON. Paths are
// relative to the repository root. Companion files (papers a bad pack names,
// images) live in subfolders, which are not cases themselves.
//
// BOARDPACK_UPDATE_DIAGNOSTICS=1 rewrites the .expected and .json files from
// the current output: review the diff before committing it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "core/diag_render.hpp"
#include "layout/layout.hpp"
#include "load/load.hpp"
#include "style/style.hpp"
#include "text/text.hpp"
#include "validate/validate.hpp"

namespace fs = std::filesystem;
using namespace bp;

namespace {

// A template's fonts, as `boardpack validate` loads them to check papers
// for characters they cannot print, and its styles, to lay papers out.
struct House {
    FontTable fonts;
    std::optional<StyleSheet> styles;
};
House& house(const std::string& path) {
    static std::map<std::string, std::unique_ptr<House>> loaded;
    std::unique_ptr<House>& h = loaded[path];
    if (!h) {
        h = std::make_unique<House>();
        Diagnostics ignored;
        if (std::optional<TemplateDoc> t = load_template(path, ignored)) h->styles = resolve_styles(*t, h->fonts, ignored);
    }
    return *h;
}
const FontTable& template_fonts(const std::string& path) { return house(path).fonts; }

// What laying a paper out finds (a table too wide for its words).
void lay_out(const Paper& paper, const std::string& template_path, Diagnostics& d) {
    House& h = house(template_path);
    REQUIRE(h.styles);
    LineBreaker breaker(h.styles->doc.locale);
    layout_paper(paper, LayoutContext{*h.styles, h.fonts, breaker, d});
}

// What `boardpack validate FILE` reports, sorted.
std::vector<Diagnostic> run_case(const std::string& path) {
    Diagnostics d;
    switch (sniff_file_kind(path)) {
        case FileKind::Pack:
            if (auto pack = load_pack(path, LoadOptions{}, d)) {
                validate_pack(*pack, d);
                const FontTable& fonts = template_fonts(pack->manifest.template_ref);
                report_unprintable(pack->manifest, fonts, d);
                for (const auto& papers : pack->papers)
                    for (const Paper& p : papers) report_unprintable(p, fonts, d);
                load_images(*pack, kDefaultMaxImagePixels, d);
            }
            break;
        case FileKind::Template:
            if (auto t = load_template(path, d); t && !d.has_errors()) {
                FontTable fonts;
                resolve_styles(*t, fonts, d);
            }
            break;
        case FileKind::Paper:
        case FileKind::Unknown:
            if (auto paper = load_paper(path, fs::path(path).parent_path().string(), d)) {
                validate_paper(*paper, d);
                report_unprintable(*paper, template_fonts("templates/lscsb.xml"), d);
                load_images(*paper, kDefaultMaxImagePixels, d);
                if (!d.has_errors()) lay_out(*paper, "templates/lscsb.xml", d);
            }
            break;
    }
    return d.sorted();
}

std::string as_text(const std::vector<Diagnostic>& diags) {
    std::string out;
    for (const Diagnostic& x : diags) out += format_with_hint(x) + "\n";
    return out;
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> corpus_cases() {
    fs::current_path(BOARDPACK_SOURCE_DIR);  // the expected paths are relative to the repository root
    std::vector<std::string> cases;
    for (const fs::directory_entry& e : fs::directory_iterator("tests/diagnostics"))
        if (e.is_regular_file() && e.path().extension() == ".xml") cases.push_back(e.path().generic_string());
    std::sort(cases.begin(), cases.end());
    return cases;
}

bool updating() {
    const char* update = std::getenv("BOARDPACK_UPDATE_DIAGNOSTICS");
    return update && std::string(update) == "1";
}

}  // namespace

TEST_CASE("diagnostics corpus: every bad file gives exactly its expected messages", "[load][validate][diagnostics]") {
    std::vector<std::string> cases = corpus_cases();
    REQUIRE(cases.size() >= 25);
    for (const std::string& c : cases) {
        fs::path expected_path = fs::path(c).replace_extension(".expected");
        std::string actual = as_text(run_case(c));
        if (updating()) std::ofstream(expected_path, std::ios::binary) << actual;
        INFO("case " << c << " (expected in " << expected_path.generic_string() << ")");
        REQUIRE(fs::exists(expected_path));
        std::string expected = read(expected_path);
        CHECK_FALSE(expected.empty());  // a case exists to produce a diagnostic
        CHECK(actual == expected);
    }
}

TEST_CASE("diagnostics corpus: the JSON form of every case", "[load][validate][diagnostics]") {
    for (const std::string& c : corpus_cases()) {
        fs::path expected_path = fs::path(c).replace_extension(".json");
        std::string actual = render_json(run_case(c));
        if (updating()) std::ofstream(expected_path, std::ios::binary) << actual;
        INFO("case " << c << " (expected in " << expected_path.generic_string() << ")");
        REQUIRE(fs::exists(expected_path));
        CHECK(actual == read(expected_path));
    }
}

TEST_CASE("diagnostics corpus: every rule id is produced by some case", "[load][validate][diagnostics]") {
    // Rules no single bad file can trigger through load, validate and
    // laying out a paper: an unreadable file (the corpus holds files),
    // faults inside boardpack, and what only a pack's build finds. Each of
    // these has its own unit or e2e test.
    const std::set<std::string_view> not_from_a_file = {
        "file-unreadable", "internal-error", "front-sheet",
        "agenda",  // build --supplement with no late papers, a note (tests/e2e/test_outputs.py)
        "output",  // outputs that cannot be written (tests/e2e/test_cli.py)
        // Importing a Word file: tests/unit/import and tests/e2e/test_import.py.
        "import-unreadable", "import-revisions", "import-hidden-text", "import-typed-number", "import-numbering",
        "import-picture", "import-dropped", "import-header", "import-moved",
    };
    std::set<std::string_view> seen;
    for (const std::string& c : corpus_cases())
        for (const Diagnostic& d : run_case(c)) seen.insert(d.rule);
    for (const Rule* r : all_rules()) {
        if (not_from_a_file.count(r->id)) continue;
        INFO("rule " << r->id << " has no case in tests/diagnostics");
        CHECK(seen.count(r->id) == 1);
    }
    for (std::string_view id : seen) {
        INFO("rule " << id);
        CHECK(find_rule(id) != nullptr);
    }
}
