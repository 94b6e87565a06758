#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "core/installation.hpp"
#include "partner/partner.hpp"

using namespace bp;
namespace fs = std::filesystem;

namespace {
// This test program is build/tests/unit_tests; its build folder is build/.
fs::path build_folder() { return fs::read_symlink("/proc/self/exe").parent_path().parent_path(); }
}  // namespace

TEST_CASE("boardpack's files are looked for from where the library's code is", "[core]") {
    const std::vector<std::string> prefixes = installation::prefixes();
    // The program records no package (it links the stages, not boardpack::boardpack):
    // the folder above the program, then the program's own folder.
    REQUIRE(prefixes.size() == 2);
    CHECK(prefixes[0] == build_folder().string());
    CHECK(prefixes[1] == (build_folder() / "tests").string());
    // The build folder stages share/boardpack/ as installed.
    CHECK(fs::is_regular_file(installation::data_dir(prefixes[0]) + "/templates/lscsb.xml"));
    CHECK(fs::is_regular_file(installation::data_dir(prefixes[0]) + "/fonts/LiberationSans-Regular.ttf"));
}

TEST_CASE("the partner module is found in the build folder's lib/boardpack, or where it is named", "[partner]") {
    const partner::ModuleLookup found = partner::find_module("");
    CHECK(found.path == installation::module_dir(build_folder().string()) + "/boardpack-partner.so");
    CHECK(found.looked_at == std::vector<std::string>{found.path});
    CHECK(partner::module_problem("").empty());

    const std::string named = (build_folder() / "no-such-folder" / "boardpack-partner.so").string();
    const partner::ModuleLookup missing = partner::find_module(named);
    CHECK(missing.path.empty());
    CHECK(missing.looked_at == std::vector<std::string>{named});
    CHECK(partner::module_problem(named) == "boardpack's partner module " + named + " does not exist");

    // A module without the partner reader beside it: the reader is named.
    const std::string alone = (fs::path(BOARDPACK_SOURCE_DIR) / "templates" / "lscsb.xml").string();
    CHECK(partner::module_problem(alone) == "boardpack's partner reader " +
                                                (fs::path(alone).parent_path() / "boardpack-partner-reader").string() +
                                                ", which reads partner PDFs with " + alone + ", is not installed beside it");
    partner::Refusal why;
    CHECK_FALSE(partner::read_facts(PartnerOptions{alone, {}}, alone, why));
    CHECK(why.reason == partner::module_problem(alone));

    // A file that is not a module, with the reader beside it: the reader
    // cannot load it, and says so, naming it.
    const fs::path dir = fs::temp_directory_path() / ("bp-module-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    fs::copy_file(fs::path(found.path).parent_path() / "boardpack-partner-reader", dir / "boardpack-partner-reader",
                  fs::copy_options::overwrite_existing);
    const std::string not_a_module = (dir / "boardpack-partner.so").string();
    fs::copy_file(alone, not_a_module, fs::copy_options::overwrite_existing);
    CHECK(partner::module_problem(not_a_module).empty());
    CHECK_FALSE(partner::read_facts(PartnerOptions{not_a_module, {}}, alone, why));
    CHECK(why.reason.starts_with("boardpack's partner module " + not_a_module + " cannot be loaded ("));
    fs::remove_all(dir);
}
