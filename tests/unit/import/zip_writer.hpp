// A zip of stored entries written in order, byte for byte as a test asks
// (an entry may lie about its unpacked size), with nothing but the
// standard library: the import tests build .docx files with it, hostile
// ones included, and the import's fuzz harness zips the parts it is given.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bp::test {

inline std::uint32_t crc32(std::string_view s) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : s) {
        c ^= b;
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

// A zip of stored entries, written in order. `declared` lets a test lie
// about an entry's unpacked size.
class ZipWriter {
public:
    void add(const std::string& name, const std::string& data, std::optional<std::uint32_t> declared = {}) {
        entries_.push_back({name, data, declared});
    }
    std::string bytes() const {
        std::string out, central;
        for (const Entry& e : entries_) {
            const std::uint32_t offset = static_cast<std::uint32_t>(out.size());
            const std::uint32_t crc = crc32(e.data), size = static_cast<std::uint32_t>(e.data.size());
            const std::uint32_t unpacked = e.declared.value_or(size);
            auto header = [&](std::string& s, bool central_entry) {
                put32(s, central_entry ? 0x02014b50 : 0x04034b50);
                if (central_entry) put16(s, 20);
                put16(s, 20);  // version needed
                put16(s, 0);   // flags
                put16(s, 0);   // stored
                put16(s, 0);
                put16(s, 0x21);  // time, date
                put32(s, crc);
                put32(s, size);
                put32(s, unpacked);
                put16(s, static_cast<std::uint16_t>(e.name.size()));
                put16(s, 0);  // extra
                if (central_entry) {
                    put16(s, 0);  // comment
                    put16(s, 0);  // disk
                    put16(s, 0);  // internal attributes
                    put32(s, 0);  // external attributes
                    put32(s, offset);
                }
                s += e.name;
            };
            header(out, false);
            out += e.data;
            header(central, true);
        }
        const std::uint32_t cd_offset = static_cast<std::uint32_t>(out.size());
        out += central;
        put32(out, 0x06054b50);
        put16(out, 0);
        put16(out, 0);
        put16(out, static_cast<std::uint16_t>(entries_.size()));
        put16(out, static_cast<std::uint16_t>(entries_.size()));
        put32(out, static_cast<std::uint32_t>(central.size()));
        put32(out, cd_offset);
        put16(out, 0);
        return out;
    }

private:
    struct Entry {
        std::string name, data;
        std::optional<std::uint32_t> declared;
    };
    static void put16(std::string& s, std::uint16_t v) {
        s += static_cast<char>(v & 0xFF);
        s += static_cast<char>(v >> 8);
    }
    static void put32(std::string& s, std::uint32_t v) {
        put16(s, static_cast<std::uint16_t>(v & 0xFFFF));
        put16(s, static_cast<std::uint16_t>(v >> 16));
    }
    std::vector<Entry> entries_;
};

}  // namespace bp::test
