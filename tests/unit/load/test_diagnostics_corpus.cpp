// tests/diagnostics/NAME.xml holds a bad input; NAME.expected the exact
// diagnostic lines boardpack must print for it (load, then validate), with
// paths relative to the repository root. Companion files (papers a bad pack
// names, images) live in subfolders, which are not cases themselves.
//
// BOARDPACK_UPDATE_DIAGNOSTICS=1 rewrites the .expected files from the
// current output: review the diff before committing it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/load.hpp"
#include "validate/validate.hpp"

namespace fs = std::filesystem;
using namespace bp;

namespace {

std::string run_case(const std::string& path) {
    Diagnostics d;
    switch (sniff_file_kind(path)) {
        case FileKind::Pack:
            if (auto pack = load_pack(path, LoadOptions{}, d)) validate_pack(*pack, d);
            break;
        case FileKind::Template: load_template(path, d); break;
        case FileKind::Paper:
        case FileKind::Unknown:
            if (auto paper = load_paper(path, fs::path(path).parent_path().string(), d)) validate_paper(*paper, d);
            break;
    }
    std::string out;
    for (const Diagnostic& x : d.all()) out += format_diagnostic(x) + "\n";
    return out;
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("diagnostics corpus: every bad file gives exactly its expected messages", "[load][validate][diagnostics]") {
    // The expected paths are relative to the repository root.
    fs::current_path(BOARDPACK_SOURCE_DIR);
    const fs::path dir = "tests/diagnostics";
    std::vector<std::string> cases;
    for (const fs::directory_entry& e : fs::directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".xml") cases.push_back(e.path().generic_string());
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() >= 25);

    const char* update = std::getenv("BOARDPACK_UPDATE_DIAGNOSTICS");
    for (const std::string& c : cases) {
        fs::path expected_path = fs::path(c).replace_extension(".expected");
        std::string actual = run_case(c);
        if (update && std::string(update) == "1") std::ofstream(expected_path, std::ios::binary) << actual;
        INFO("case " << c << " (expected in " << expected_path.generic_string() << ")");
        REQUIRE(fs::exists(expected_path));
        std::string expected = read(expected_path);
        CHECK_FALSE(expected.empty());  // a case exists to produce a diagnostic
        CHECK(actual == expected);
    }
}
