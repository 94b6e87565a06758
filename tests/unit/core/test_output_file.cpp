// Outputs are written whole or not at all, keep what they replace intact on
// failure, and report a full disk instead of leaving a short file.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "core/output_file.hpp"
#include "core/sha256.hpp"

namespace fs = std::filesystem;
using bp::OutputError;
using bp::OutputFile;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "bp-output-XXXXXX").string();
        path = ::mkdtemp(tmpl.data());
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string operator/(const std::string& name) const { return (path / name).string(); }
    // Everything in the folder, so a temporary file left behind shows.
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& e : fs::directory_iterator(path)) out.push_back(e.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }
};

std::string contents(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void put(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

unsigned mode_of(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("a full disk is a write error that says so, not a short file", "[output]") {
    // /dev/full fails every write with ENOSPC, as a full disk does.
    const int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
    REQUIRE(fd >= 0);
    const std::string page(70000, 'x');
    CHECK_THROWS_WITH(bp::write_all(fd, page.data(), page.size()), "cannot be written: the disk is full");
    ::close(fd);
}

TEST_CASE("an output replaces its target only when committed", "[output]") {
    TempDir dir;
    const std::string target = dir / "pack.pdf";
    put(target, "the old pack");
    {
        OutputFile out(target);
        out.write("the new", 7);
        CHECK(contents(target) == "the old pack");  // not yet: the bytes are in the temporary file
        CHECK(dir.names().size() == 2);
        out.commit();
    }
    CHECK(contents(target) == "the new");
    CHECK(dir.names() == std::vector<std::string>{"pack.pdf"});
}

TEST_CASE("an output abandoned before commit leaves the old file and no temporary", "[output]") {
    TempDir dir;
    const std::string target = dir / "pack.pdf";
    put(target, "the old pack");
    {
        OutputFile out(target);
        out.write("half of a new", 13);
    }
    CHECK(contents(target) == "the old pack");
    CHECK(dir.names() == std::vector<std::string>{"pack.pdf"});
}

TEST_CASE("two outputs to one target at once use different temporary files", "[output]") {
    TempDir dir;
    const std::string target = dir / "pack.pdf";
    OutputFile a(target), b(target);
    a.write("first", 5);
    b.write("second", 6);
    CHECK(dir.names().size() == 2);
    a.commit();
    b.commit();
    CHECK(contents(target) == "second");
    CHECK(dir.names() == std::vector<std::string>{"pack.pdf"});
}

TEST_CASE("a rebuilt output keeps its permissions, a new one follows the umask", "[output]") {
    TempDir dir;
    const std::string kept = dir / "private.pdf";
    put(kept, "old");
    ::chmod(kept.c_str(), 0600);
    REQUIRE(bp::write_whole_file(kept, "new", nullptr));
    CHECK(mode_of(kept) == 0600);
    CHECK(contents(kept) == "new");

    const mode_t mask = ::umask(022);
    const std::string fresh = dir / "fresh.pdf";
    REQUIRE(bp::write_whole_file(fresh, "new", nullptr));
    ::umask(mask);
    CHECK(mode_of(fresh) == 0644);
}

TEST_CASE("an output through a symbolic link replaces the link's target and keeps the link", "[output]") {
    TempDir dir;
    fs::create_directory(dir.path / "real");
    const std::string real = dir / "real/pack.pdf";
    put(real, "old");
    fs::create_symlink("real/pack.pdf", dir.path / "latest.pdf");
    REQUIRE(bp::write_whole_file(dir / "latest.pdf", "new", nullptr));
    CHECK(fs::is_symlink(dir.path / "latest.pdf"));
    CHECK(contents(real) == "new");
    CHECK(dir.names() == std::vector<std::string>{"latest.pdf", "real"});

    // A link to a file not made yet: the file is made where the link points.
    fs::create_symlink("real/next.pdf", dir.path / "next.pdf");
    REQUIRE(bp::write_whole_file(dir / "next.pdf", "made", nullptr));
    CHECK(fs::is_symlink(dir.path / "next.pdf"));
    CHECK(contents(dir / "real/next.pdf") == "made");
}

TEST_CASE("only a regular file, or a new name in a folder that exists, is an output target", "[output]") {
    TempDir dir;
    put(dir / "old.pdf", "x");
    REQUIRE(::mkfifo((dir / "pipe").c_str(), 0600) == 0);
    CHECK(bp::output_target_problem(dir / "old.pdf").empty());
    CHECK(bp::output_target_problem(dir / "new.pdf").empty());
    CHECK(bp::output_target_problem("-").empty());
    CHECK(bp::output_target_problem("/dev/null") == "is a device, not a regular file");
    CHECK(bp::output_target_problem(dir / "pipe") == "is a FIFO (named pipe), not a regular file");
    CHECK(bp::output_target_problem(dir.path.string()) == "is a folder, not a file");
    CHECK(bp::output_target_problem(dir / "no/such.pdf") ==
          "cannot be written: its folder " + (dir / "no") + " does not exist");

    // Refused at creation as well, so nothing is ever written to them.
    CHECK_THROWS_WITH(OutputFile("/dev/null"), "is a device, not a regular file");
    CHECK_THROWS_AS(OutputFile(dir / "pipe"), OutputError);
    std::string error;
    CHECK_FALSE(bp::write_whole_file(dir.path.string(), "x", &error));
    CHECK(error == "is a folder, not a file");
    CHECK(dir.names() == std::vector<std::string>{"old.pdf", "pipe"});
}

TEST_CASE("paths naming one file have one identity", "[output]") {
    TempDir dir;
    fs::create_directory(dir.path / "sub");
    put(dir / "pack.xml", "<pack/>");
    fs::create_symlink("pack.xml", dir.path / "alias.xml");
    fs::create_hard_link(dir.path / "pack.xml", dir.path / "hard.xml");
    const std::string id = bp::file_identity(dir / "pack.xml");
    CHECK(bp::file_identity(dir / "alias.xml") == id);
    CHECK(bp::file_identity(dir / "hard.xml") == id);
    CHECK(bp::file_identity(dir / "sub/../pack.xml") == id);
    CHECK(bp::file_identity(dir / "sub/../new.pdf") == bp::file_identity(dir / "new.pdf"));
    CHECK(bp::file_identity(dir / "new.pdf") != id);
    CHECK(bp::file_identity("-") == "standard output");
}

TEST_CASE("a batch of files is written whole, each in place, with its digest", "[output]") {
    TempDir dir;
    put(dir / "b.html", "old b");
    std::vector<std::string> bytes;
    for (int i = 0; i < 40; ++i) bytes.push_back("page " + std::to_string(i) + std::string(static_cast<std::size_t>(i) * 100, 'x'));
    std::vector<bp::FileBytes> files;
    for (int i = 0; i < 40; ++i) files.push_back({dir / ("p" + std::to_string(i) + ".html"), bytes[static_cast<std::size_t>(i)]});
    files.push_back({dir / "b.html", "new b"});
    std::string error;
    std::vector<std::string> digests;
    CHECK(bp::write_files(files, 8, &error, &digests) == files.size());
    CHECK(error.empty());
    for (std::size_t i = 0; i < 40; ++i) CHECK(contents(files[i].path) == bytes[i]);
    CHECK(contents(dir / "b.html") == "new b");
    REQUIRE(digests.size() == files.size());
    CHECK(digests.back() == bp::sha256_hex("new b"));
    CHECK(dir.names().size() == 41);  // no temporary left
}

TEST_CASE("a batch stops at the first file that cannot be written, the rest untouched", "[output]") {
    TempDir dir;
    put(dir / "c.html", "old c");
    fs::create_directory(dir / "a folder");
    const std::vector<bp::FileBytes> files{{dir / "a.html", "a"}, {dir / "a folder", "no"}, {dir / "c.html", "new c"}};
    std::string error;
    CHECK(bp::write_files(files, 4, &error) == 1);
    CHECK(error == "is a folder, not a file");
    CHECK(contents(dir / "a.html") == "a");
    CHECK(contents(dir / "c.html") == "old c");
    CHECK(dir.names() == std::vector<std::string>{"a folder", "a.html", "c.html"});
}
