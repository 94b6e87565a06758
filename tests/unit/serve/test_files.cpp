// The one rule the desk's server reads a file by: plain names inside the
// folder, and the file itself inside it after every link is followed.
#include <catch2/catch.hpp>

#include "../session/fixture.hpp"
#include "serve/files.hpp"

using namespace session_test;
using bp::serve::file_under;
using bp::serve::resolved;

TEST_CASE("file_under finds only regular files inside the folder, by plain names") {
    TempDir dir;
    fs::create_directories(dir.path / "site/pages");
    write_file(dir / "site/index.html", "<p>");
    write_file(dir / "site/pages/a b.html", "<p>");
    write_file(dir / "secret.txt", "outside");
    fs::create_symlink(dir / "secret.txt", dir.path / "site/leak.html");
    fs::create_directory_symlink(dir.path, dir.path / "site/up");
    fs::create_symlink("index.html", dir.path / "site/alias.html");
    const std::string site = dir / "site";

    CHECK(file_under(site, "index.html") == resolved(dir / "site/index.html"));
    CHECK(file_under(site, "pages/a b.html") == resolved(dir / "site/pages/a b.html"));
    CHECK(file_under(site, "alias.html") == resolved(dir / "site/index.html"));  // a link that stays inside
    for (const char* out : {"../secret.txt", "pages/../../secret.txt", "/etc/passwd", "./index.html", "pages//a b.html",
                            "leak.html", "up/secret.txt", "pages", "", "missing.html", "..", "index.html/",
                            "pages\\..\\..\\secret.txt"})
        CHECK(file_under(site, out).empty());
    CHECK(file_under(site, std::string_view("index.html\0.pdf", 15)).empty());
    CHECK(file_under(dir / "no-such-folder", "index.html").empty());
}
