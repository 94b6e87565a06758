// Where a thing came from in the XML: every model node and diagnostic has one.
#pragma once
#include <compare>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace bp {

// The path of the file a location is in, shared by every location in that
// file: a long paper holds a location per cell and per run of text, and a
// copy of the path in each of them weighed as much as the rest of the model.
class FilePath {
public:
    FilePath() = default;
    // Implicit: a location is written with its path, SourceLoc{"a.xml", 3, 1}.
    FilePath(std::string path)
        : path_(path.empty() ? nullptr : std::make_shared<const std::string>(std::move(path))) {}
    FilePath(const char* path) : FilePath(std::string(path)) {}

    const std::string& str() const { return path_ ? *path_ : none(); }
    operator const std::string&() const { return str(); }
    bool empty() const { return !path_; }
    const char* c_str() const { return str().c_str(); }

    friend bool operator==(const FilePath& a, const FilePath& b) { return a.path_ == b.path_ || a.str() == b.str(); }
    friend std::strong_ordering operator<=>(const FilePath& a, const FilePath& b) { return a.str() <=> b.str(); }
    friend std::string operator+(const FilePath& a, const std::string& b) { return a.str() + b; }
    friend std::string operator+(const std::string& a, const FilePath& b) { return a + b.str(); }

private:
    static const std::string& none() {
        static const std::string empty;
        return empty;
    }
    std::shared_ptr<const std::string> path_;
};

struct SourceLoc {
    FilePath file;  // path as the user named it (relative to the working dir)
    std::uint32_t line = 0;  // 1-based; 0 = unknown
    std::uint32_t col = 0;   // 1-based, in characters (code points), as XML and editors count; 0 = unknown
};

// Between a column and the bytes of its line (UTF-8, without its end of
// line; a BOM starting the file's first line is the caller's to drop). A
// byte that starts no character (broken UTF-8) counts as one column.
inline bool starts_character(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// Where column `col` starts in `line`: its byte index (line.size() past the end).
inline std::size_t byte_of_column(std::string_view line, std::uint32_t col) {
    std::size_t i = 0;
    for (std::uint32_t c = 1; c < col && i < line.size(); ++c)
        do ++i;
        while (i < line.size() && !starts_character(line[i]));
    return i;
}

// The column of the character that byte `byte` of `line` belongs to.
inline std::uint32_t column_of_byte(std::string_view line, std::size_t byte) {
    std::uint32_t col = 1;
    for (std::size_t i = 1; i <= byte; ++i) col += i >= line.size() || starts_character(line[i]);
    return col;
}

}  // namespace bp
