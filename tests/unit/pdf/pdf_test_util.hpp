// Helpers for the pdf tests: a scratch folder, running the reader's tools
// (poppler-utils, qpdf) on what write_pdf made, and a small pack.
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "core/boxes.hpp"
#include "pdf/pdf.hpp"

namespace bp::test {

namespace fs = std::filesystem;

class ScratchDir {
public:
    explicit ScratchDir(const std::string& name) {
        path_ = fs::temp_directory_path() /
                (std::string("bp-pdf-") + name + "-" + std::to_string(::getpid()));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

struct Run {
    int status = -1;
    std::string out;  // stdout and stderr together, so warnings show up
};

inline Run run(const std::string& cmd) {
    Run r;
    if (std::FILE* p = ::popen((cmd + " 2>&1").c_str(), "r")) {
        char buf[4096];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
        r.status = ::pclose(p);
    }
    return r;
}

inline std::string quoted(const std::string& s) { return std::string("'") + s + "'"; }

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1))
        ++n;
    return n;
}

inline std::string font_path(const std::string& style) {
    return std::string(BOARDPACK_SOURCE_DIR) + "/fonts/LiberationSans-" + style + ".ttf";
}

inline GlyphRun text_run(const std::string& text, Mpt x, Mpt baseline, FaceId face = 0,
                         Mpt size = pt(11), Color color = {}) {
    GlyphRun r;
    r.text = text;
    r.x = x;
    r.baseline = baseline;
    r.face = face;
    r.size = size;
    r.color = color;
    return r;
}

// A w x h RGBA PNG, red with alpha rising left to right, written by hand:
// zlib "stored" blocks need no compressor.
inline void write_rgba_png(const std::string& path, int w, int h) {
    auto crc32 = [](const std::string& bytes) {
        std::uint32_t c = 0xFFFFFFFFu;
        for (unsigned char b : bytes) {
            c ^= b;
            for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
        }
        return c ^ 0xFFFFFFFFu;
    };
    auto be32 = [](std::uint32_t v) {
        return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    };
    auto chunk = [&](const std::string& type, const std::string& data) {
        return be32(static_cast<std::uint32_t>(data.size())) + type + data +
               be32(crc32(type + data));
    };
    std::string raw;
    for (int y = 0; y < h; ++y) {
        raw += '\0';  // filter: none
        for (int x = 0; x < w; ++x) raw += std::string{char(255), 0, 0, char(x * 255 / (w - 1))};
    }
    std::uint32_t a = 1, b = 0;
    for (unsigned char c : raw) a = (a + c) % 65521, b = (b + a) % 65521;
    std::string z = "\x78\x01";
    for (std::size_t at = 0; at < raw.size(); at += 65535) {
        const std::size_t n = std::min<std::size_t>(65535, raw.size() - at);
        z += char(at + n == raw.size() ? 1 : 0);
        z += std::string{char(n & 0xFF), char(n >> 8), char(~n & 0xFF), char((~n >> 8) & 0xFF)};
        z += raw.substr(at, n);
    }
    z += be32((b << 16) | a);
    const std::string ihdr = be32(static_cast<std::uint32_t>(w)) +
                             be32(static_cast<std::uint32_t>(h)) + std::string{8, 6, 0, 0, 0};
    std::ofstream(path, std::ios::binary) << std::string("\x89PNG\r\n\x1A\n") +
                                                 chunk("IHDR", ihdr) + chunk("IDAT", z) +
                                                 chunk("IEND", "");
}

// Content of element 1 (a P under the Document) in every test pack.
inline const Mark kP = Mark::content(1);

// The structure every test pack carries: Document > P.
inline StructTree test_structure() {
    StructTree t;
    t.add(Role::Document, kNoStruct);
    t.add(Role::P, 0);
    return t;
}

inline const std::string kSpecial = "£10,000 – “quoted” → ↑ ↓ ’";

// Three pages: A4 portrait with the awkward characters, a fill, a rule and
// two links; A4 landscape; portrait again. Two bookmarks, one nested.
inline PackBox sample_pack() {
    PackBox pack;
    pack.faces = {{font_path("Regular")}, {font_path("Bold")}};
    pack.structure = test_structure();

    PageBox p1;
    p1.add(text_run("Agenda", pt(72), pt(90), 1, pt(18)), kP);
    p1.add(text_run(kSpecial, pt(72), pt(130)), kP);
    p1.add(text_run("Back to (the) \\ start", pt(72), pt(150), 0, pt(11), {200, 0, 0}), kP);
    p1.add(FillRect{{pt(70), pt(100), pt(200), pt(12)}, {230, 230, 230}}, kP);
    p1.add(RuleLine{pt(72), pt(160), pt(523), pt(160), 750, {0, 0, 128}}, kP);
    p1.add(LinkBox{{pt(72), pt(140), pt(100), pt(14)}, "https://example.org/papers?id=42", -1}, kP);
    p1.add(LinkBox{{pt(72), pt(170), pt(100), pt(14)}, "", 2}, kP);

    PageBox p2;
    p2.width = kA4Height;
    p2.height = kA4Width;
    p2.add(text_run("Landscape budget table", pt(72), pt(72)), kP);

    PageBox p3;
    p3.add(text_run("Appendix page", pt(72), pt(72), 1), kP);

    pack.pages = {p1, p2, p3};
    pack.outlines = {{"1. Finance – “budget”", 0, pt(90), 0}, {"Appendix A", 2, 0, 1}};
    pack.meta = {"Board pack – May", "Council meeting", "Clerk’s office", "en-GB", 2024, 5, 17};
    return pack;
}

// Writes `pack` to `path` with write_pdf, failing the test with its message
// if it cannot; returns the path.
inline std::string write_ok(const PackBox& pack, const std::string& path, int threads = 0) {
    std::string error;
    const bool ok = write_pdf(pack, path, PdfOptions{threads}, &error);
    INFO(error);
    REQUIRE(ok);
    return path;
}

}  // namespace bp::test
