// What a session believes each file holds: read again when it changed,
// whatever an editor did to it, and never read twice in one step.
#include <catch2/catch.hpp>
#include <fcntl.h>

#include "core/sha256.hpp"
#include "fixture.hpp"
#include "session/file_digests.hpp"

using namespace session_test;
using bp::session::FileDigests;

TEST_CASE("a file's digest is its bytes' SHA-256, and what stands there when no file does") {
    TempDir dir;
    FileDigests digests;
    write_file(dir / "a.xml", "<report/>");
    CHECK(digests.digest(dir / "a.xml") == "sha256:" + bp::sha256_hex("<report/>"));
    CHECK(digests.digest(dir / "none.xml") == "missing");
    CHECK(digests.digest(dir / "none/a.xml") == "missing");
    fs::create_directory(dir / "folder.xml");
    CHECK(digests.digest(dir / "folder.xml") == "folder");
    ::mkfifo((dir / "fifo.xml").c_str(), 0600);
    CHECK(digests.digest(dir / "fifo.xml") == "special");
}

TEST_CASE("a file is looked at once a step") {
    TempDir dir;
    FileDigests digests;
    write_file(dir / "a.xml", "one");
    const std::string first = digests.digest(dir / "a.xml");
    write_file(dir / "a.xml", "two");
    CHECK(digests.digest(dir / "a.xml") == first);  // the same step
    digests.next_step();
    CHECK(digests.digest(dir / "a.xml") == "sha256:" + bp::sha256_hex("two"));
}

TEST_CASE("a change is seen in every shape an editor saves it") {
    TempDir dir;
    FileDigests digests;
    const std::string a = dir / "a.xml";
    auto step = [&] {
        digests.next_step();
        return digests.digest(a);
    };
    write_file(a, "first");
    age(a, 60);
    CHECK(step() == "sha256:" + bp::sha256_hex("first"));

    SECTION("rewritten in place, the same length, within the same second") {
        write_file(a, "secnd");
        CHECK(step() == "sha256:" + bp::sha256_hex("secnd"));
        write_file(a, "third");  // still racy: read again, not trusted on its times
        CHECK(step() == "sha256:" + bp::sha256_hex("third"));
    }
    SECTION("a new file renamed over it (rename-on-save)") {
        write_file(dir / "a.xml.tmp", "other");
        age(dir / "a.xml.tmp", 60);
        fs::rename(dir / "a.xml.tmp", a);
        CHECK(step() == "sha256:" + bp::sha256_hex("other"));
    }
    SECTION("deleted, then a folder in its place, then a file again") {
        fs::remove(a);
        CHECK(step() == "missing");
        fs::create_directory(a);
        CHECK(step() == "folder");
        fs::remove(a);
        write_file(a, "back");
        CHECK(step() == "sha256:" + bp::sha256_hex("back"));
    }
    SECTION("a file whose modification time is put back after a write") {
        const timespec old = [&] {
            struct stat st {};
            ::stat(a.c_str(), &st);
            return st.st_mtim;
        }();
        write_file(a, "fifth");
        const timespec times[2] = {old, old};
        ::utimensat(AT_FDCWD, a.c_str(), times, 0);
        // The change time moved with the write: that is seen.
        CHECK(step() == "sha256:" + bp::sha256_hex("fifth"));
    }
    SECTION("forget() reads it again") {
        digests.forget(a);
        CHECK(digests.digest(a) == "sha256:" + bp::sha256_hex("first"));
    }
}
