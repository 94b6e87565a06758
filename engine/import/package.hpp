// The .docx as what it is on disk: a zip of parts (ECMA-376 Part 2, Open
// Packaging Conventions), read with libzip under limits that a hostile file
// cannot get past: the file's size, the number of parts, the size of each
// part and of all parts read, how far one part may expand, and names that
// climb out of the package or start at the root. Internal to import/.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bp::docx {

struct Limits {
    std::uint64_t max_file = 128ull << 20;     // the .docx itself
    std::uint64_t max_parts = 10'000;          // entries in the zip
    std::uint64_t max_part = 128ull << 20;     // one part, unpacked
    std::uint64_t max_total = 512ull << 20;    // every part read, unpacked
    // A part that unpacks to more than `ratio_floor` may not be more than
    // `max_ratio` times its packed size: XML packs 5 to 50 times, a zip bomb
    // a thousand times.
    std::uint64_t max_ratio = 200;
    std::uint64_t ratio_floor = 4ull << 20;
};

// Why `bytes` are not a .docx when they are plainly another kind of file,
// as words that follow "the file is": "a Word 97-2003 document (.doc)", or
// "" when they are a zip (a .docx, or a zip to look into further).
std::string sniff_other_format(std::string_view bytes);

class Package {
public:
    // Opens the zip held in `bytes` (which must outlive the package).
    // nullptr with `problem` (words that follow "the file ") when it cannot
    // be used: not a zip, damaged, encrypted, names out of bounds.
    static std::unique_ptr<Package> open(std::string_view bytes, const Limits& limits, std::string& problem);
    ~Package();
    Package(const Package&) = delete;
    Package& operator=(const Package&) = delete;

    // Part names as OPC writes them ("word/document.xml"), compared without
    // case and without a leading "/".
    bool has(std::string_view part) const;
    // The part's bytes, unpacked; nullopt with `problem` (words that follow
    // the part's name) when it is missing, damaged or over a limit.
    std::optional<std::string> read(std::string_view part, std::string& problem);
    // Every part's name, in the zip's order.
    std::vector<std::string> parts() const;

private:
    struct Impl;
    explicit Package(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// "word/media/image1.png" from a relationship's target "media/image1.png"
// written in part "word/document.xml"; "" when the target leaves the package.
std::string resolve_target(std::string_view source_part, std::string_view target);

}  // namespace bp::docx
