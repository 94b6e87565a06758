// A folder of outputs rewritten as a whole (--split): the next build removes
// what the last one wrote and does not write again, never a file boardpack
// did not write, and a build killed half way leaves a record that lets the
// next one finish the job.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/output_file.hpp"
#include "core/output_folder.hpp"
#include "core/sha256.hpp"

namespace fs = std::filesystem;
using bp::OutputFolder;

namespace {

struct Folder {
    fs::path path;
    Folder() {
        std::string tmpl = (fs::temp_directory_path() / "bp-folder-XXXXXX").string();
        path = ::mkdtemp(tmpl.data());
    }
    ~Folder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string operator/(const std::string& name) const { return (path / name).string(); }
    void write(const std::string& name, const std::string& text) const { std::ofstream(path / name, std::ios::binary) << text; }
    std::string read(const std::string& name) const {
        std::ifstream in(path / name, std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& e : fs::directory_iterator(path)) out.push_back(e.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }
    // One build: records `files`, writes each (its name and `edition` as its
    // bytes), then settles the folder.
    OutputFolder::Finished build(const std::vector<std::string>& files, const std::string& edition = "1") const {
        OutputFolder f(path.string());
        f.begin(files);
        for (const std::string& n : files) write(n, n + " " + edition);
        return f.finish({});
    }
};

std::vector<std::string> base_names(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const std::string& p : paths) out.push_back(fs::path(p).filename().string());
    return out;
}

}  // namespace

TEST_CASE("output folder: a renumbered item's old PDF is removed, the rest are this build's", "[core][output]") {
    Folder d;
    d.build({"00-agenda.pdf", "05-prevent.pdf", "06-abuse.pdf"});
    OutputFolder::Finished second = d.build({"00-agenda.pdf", "04-prevent.pdf", "05-abuse.pdf"}, "2");
    CHECK(base_names(second.removed) == std::vector<std::string>{"05-prevent.pdf", "06-abuse.pdf"});
    CHECK(second.changed.empty());
    CHECK(d.names() == std::vector<std::string>{".boardpack-files", "00-agenda.pdf", "04-prevent.pdf", "05-abuse.pdf"});
    // 05 was rewritten, not removed: it holds this build's bytes.
    CHECK(d.read("05-abuse.pdf") == "05-abuse.pdf 2");
    CHECK(d.read(".boardpack-files") ==
          "# The files boardpack wrote in this folder, with their SHA-256. The next build\n"
          "# removes those it does not write again, if unchanged; keep this file here.\n" +
          bp::sha256_hex("00-agenda.pdf 2") + "  00-agenda.pdf\n" + bp::sha256_hex("04-prevent.pdf 2") +
          "  04-prevent.pdf\n" + bp::sha256_hex("05-abuse.pdf 2") + "  05-abuse.pdf\n");
}

TEST_CASE("output folder: files boardpack did not write, or that changed since, stay", "[core][output]") {
    Folder d;
    d.write("notes.txt", "the clerk's own");
    d.write("03-old.pdf", "written by hand before any build");
    d.build({"00-agenda.pdf", "07-late.pdf", "08-gone.pdf"});
    d.write("07-late.pdf", "edited by an officer after the build");
    OutputFolder::Finished second = d.build({"00-agenda.pdf"}, "2");
    CHECK(base_names(second.removed) == std::vector<std::string>{"08-gone.pdf"});
    CHECK(base_names(second.changed) == std::vector<std::string>{"07-late.pdf"});
    CHECK(d.names() == std::vector<std::string>{".boardpack-files", "00-agenda.pdf", "03-old.pdf", "07-late.pdf", "notes.txt"});
    CHECK(d.read("07-late.pdf") == "edited by an officer after the build");
    // The changed file is no longer boardpack's: a third build leaves it without a word.
    OutputFolder::Finished third = d.build({"00-agenda.pdf"}, "3");
    CHECK(third.removed.empty());
    CHECK(third.changed.empty());
}

TEST_CASE("output folder: a build killed half way leaves its files named, the next removes them", "[core][output]") {
    Folder d;
    d.build({"00-agenda.pdf", "05-prevent.pdf"});
    {
        // Killed after begin() and one file: finish() never runs.
        OutputFolder killed(d.path.string());
        killed.begin({"00-agenda.pdf", "04-prevent.pdf", "09-new.pdf"});
        d.write("09-new.pdf", "half a build");
        const std::string record = d.read(".boardpack-files");
        CHECK(record.find(bp::sha256_hex("05-prevent.pdf 1") + "  05-prevent.pdf\n") != std::string::npos);
        CHECK(record.find("pending  00-agenda.pdf\n") != std::string::npos);
        CHECK(record.find("pending  04-prevent.pdf\n") != std::string::npos);
        CHECK(record.find("pending  09-new.pdf\n") != std::string::npos);
    }
    OutputFolder::Finished next = d.build({"00-agenda.pdf", "04-prevent.pdf"}, "2");
    std::vector<std::string> removed = base_names(next.removed);
    std::sort(removed.begin(), removed.end());
    CHECK(removed == std::vector<std::string>{"05-prevent.pdf", "09-new.pdf"});
    CHECK(d.names() == std::vector<std::string>{".boardpack-files", "00-agenda.pdf", "04-prevent.pdf"});
}

TEST_CASE("output folder: a record cannot make a build remove anything outside the folder", "[core][output]") {
    Folder d;
    fs::create_directory(d.path / "inner");
    d.write("inner/keep.pdf", "x");
    d.write("outside.pdf", "x");
    fs::create_directory(d.path / "items");
    const std::string digest = bp::sha256_hex("x");
    d.write("items/.boardpack-files", "pending  ../outside.pdf\n" + digest + "  ../outside.pdf\npending  .\npending  ..\n"
            "pending  .boardpack-files\n" + digest + "  inner/keep.pdf\nnot-a-digest  x.pdf\nno gap.pdf\n");
    d.write("items/x.pdf", "x");
    OutputFolder f((d.path / "items").string());
    f.begin({"00-agenda.pdf"});
    d.write("items/00-agenda.pdf", "agenda");
    OutputFolder::Finished done = f.finish({});
    CHECK(done.removed.empty());
    CHECK(fs::exists(d.path / "outside.pdf"));
    CHECK(fs::exists(d.path / "inner/keep.pdf"));
    CHECK(fs::exists(d.path / "items/x.pdf"));
}

TEST_CASE("output folder: a file the build reads is never removed", "[core][output]") {
    Folder d;
    d.build({"00-agenda.pdf", "05-chart.pdf"});
    OutputFolder f(d.path.string());
    f.begin({"00-agenda.pdf"});
    d.write("00-agenda.pdf", "agenda 2");
    OutputFolder::Finished done = f.finish({d / "05-chart.pdf"});
    CHECK(done.removed.empty());
    CHECK(fs::exists(d.path / "05-chart.pdf"));
}

TEST_CASE("output folder: a record that cannot be written stops the build before any file", "[core][output]") {
    Folder d;
    fs::create_directory(d.path / ".boardpack-files");  // a folder where the record goes
    OutputFolder f(d.path.string());
    CHECK_THROWS_AS(f.begin({"00-agenda.pdf"}), bp::OutputError);
}

TEST_CASE("output folder: digests the caller has are recorded without reading the files again", "[core][output]") {
    Folder d;
    OutputFolder f(d.path.string());
    f.begin({"index.html", "meeting.json"});
    d.write("index.html", "<p>agenda</p>");
    d.write("meeting.json", "{}");
    // Given for one file, read for the other.
    f.finish({}, {{"index.html", bp::sha256_hex("<p>agenda</p>")}});
    CHECK(d.read(".boardpack-files").find(bp::sha256_hex("<p>agenda</p>") + "  index.html\n") != std::string::npos);
    CHECK(d.read(".boardpack-files").find(bp::sha256_hex("{}") + "  meeting.json\n") != std::string::npos);
    // A digest given is the one recorded: the next build takes the file as
    // changed since if the caller's digest was not of its bytes.
    OutputFolder g(d.path.string());
    g.begin({"index.html"});
    g.finish({}, {{"index.html", bp::sha256_hex("other bytes")}});
    OutputFolder h(d.path.string());
    h.begin({});
    const OutputFolder::Finished last = h.finish({});
    CHECK(base_names(last.changed) == std::vector<std::string>{"index.html"});
}
