#include "text/truetype_check.hpp"

#include "text/text.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string_view>

namespace bp {
namespace {

// A table of the font: the bytes it spans inside the file.
using Table = std::string_view;

std::uint16_t u16(Table t, std::size_t at) {
    return static_cast<std::uint16_t>((static_cast<unsigned char>(t[at]) << 8) |
                                      static_cast<unsigned char>(t[at + 1]));
}
std::int16_t s16(Table t, std::size_t at) { return static_cast<std::int16_t>(u16(t, at)); }
std::uint32_t u32(Table t, std::size_t at) {
    return (static_cast<std::uint32_t>(u16(t, at)) << 16) | u16(t, at + 2);
}

constexpr std::uint32_t tag(std::string_view name) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(name[i]);
    return value;
}

bool read_whole_file(const std::string& path, std::string* bytes, std::string* problem) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (status.type() == std::filesystem::file_type::not_found) {
        *problem = "no such file";
        return false;
    }
    if (ec) {
        *problem = "it cannot be opened (" + ec.message() + ")";
        return false;
    }
    if (std::filesystem::is_directory(status)) {
        *problem = "it is a folder, not a font file";
        return false;
    }
    if (!std::filesystem::is_regular_file(status)) {
        *problem = "it is not a regular file";
        return false;
    }
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
        *problem = std::string("it cannot be opened (") + std::strerror(errno) + ")";
        return false;
    }
    const std::streamsize size = in.tellg();
    bytes->resize(static_cast<std::size_t>(std::max<std::streamsize>(size, 0)));
    in.seekg(0);
    if (size < 0 || !in.read(bytes->data(), size)) {
        *problem = "it cannot be read";
        return false;
    }
    return true;
}

class FontFile {
public:
    explicit FontFile(std::string_view bytes) : bytes_(bytes) {}

    bool check(TrueTypeFacts* facts, std::string* problem) {
        problem_ = problem;
        return check_header() && read_directory() && check_required_tables() && check_head() &&
               check_metrics() && check_loca() && check_cmap() && check_name() && read_family(facts) && read_post(facts);
    }

private:
    bool fail(std::string why) {
        *problem_ = std::move(why);
        return false;
    }
    Table table(std::uint32_t t) const { return tables_.at(t); }

    bool check_header() {
        if (bytes_.size() < 12) return fail("it is not a TrueType font (the file is too short)");
        const std::uint32_t version = u32(bytes_, 0);
        if (version == tag("ttcf"))
            return fail("it is a font collection (.ttc); give one .ttf file instead");
        if (version == tag("OTTO"))
            return fail("it has PostScript (CFF) outlines; only TrueType outlines can be embedded");
        if (version != 0x00010000 && version != tag("true"))
            return fail("it is not a TrueType font");
        return true;
    }

    bool read_directory() {
        const std::size_t count = u16(bytes_, 4);
        if (12 + 16 * count > bytes_.size())
            return fail("it is damaged or cut short (its table directory runs past the end)");
        for (std::size_t i = 0; i < count; ++i) {
            const std::size_t entry = 12 + 16 * i;
            const std::uint64_t offset = u32(bytes_, entry + 8);
            const std::uint64_t length = u32(bytes_, entry + 12);
            if (offset + length > bytes_.size())
                return fail("it is damaged or cut short (a table runs past the end of the file)");
            tables_.emplace(u32(bytes_, entry),
                            bytes_.substr(offset, length));  // libharu takes the first
        }
        return true;
    }

    bool check_required_tables() {
        for (const char* name :
             {"head", "hhea", "maxp", "hmtx", "cmap", "loca", "glyf", "name", "post", "OS/2"}) {
            if (!tables_.count(tag(name)))
                return fail(std::string("it has no '") + name +
                            "' table, which every TrueType font needs");
        }
        if (table(tag("OS/2")).size() < 78) return fail("its 'OS/2' table is damaged");
        return true;
    }

    bool check_head() {
        const Table head = table(tag("head"));
        if (head.size() < 54) return fail("its 'head' table is damaged");
        units_per_em_ = u16(head, 18);
        loca_long_ = s16(head, 50) == 1;
        if (units_per_em_ < 16 || units_per_em_ > 16384 || s16(head, 50) < 0 || s16(head, 50) > 1)
            return fail("its 'head' table is damaged");
        return true;
    }

    bool check_metrics() {
        const Table maxp = table(tag("maxp")), hhea = table(tag("hhea")), hmtx = table(tag("hmtx"));
        if (maxp.size() < 6 || hhea.size() < 36)
            return fail("its glyph count or metrics header is damaged");
        glyphs_ = u16(maxp, 4);
        const std::size_t long_metrics = u16(hhea, 34);
        if (glyphs_ == 0 || long_metrics == 0 || long_metrics > glyphs_)
            return fail("its glyph count or metrics header is damaged");
        if (hmtx.size() < 4 * long_metrics + 2 * (glyphs_ - long_metrics))
            return fail("its 'hmtx' table (advance widths) is cut short");
        return true;
    }

    bool check_loca() {
        const Table loca = table(tag("loca"));
        const std::size_t entry = loca_long_ ? 4 : 2;
        if (loca.size() < (glyphs_ + 1) * entry) return fail("its 'loca' table is cut short");
        const std::uint64_t glyf_size = table(tag("glyf")).size();
        std::uint64_t previous = 0;
        for (std::size_t g = 0; g <= glyphs_; ++g) {
            const std::uint64_t offset = loca_long_ ? u32(loca, g * 4) : 2u * u16(loca, g * 2);
            if (offset < previous || offset > glyf_size)
                return fail("its 'loca' table points outside the glyph data");
            previous = offset;
        }
        return true;
    }

    // libharu uses the first Windows Unicode BMP subtable (3, 1) in format 4.
    bool check_cmap() {
        const Table cmap = table(tag("cmap"));
        if (cmap.size() < 4 || u16(cmap, 0) != 0) return fail("its 'cmap' table is damaged");
        const std::size_t count = u16(cmap, 2);
        if (4 + 8 * count > cmap.size()) return fail("its 'cmap' table is damaged");
        for (std::size_t i = 0; i < count; ++i) {
            const std::size_t record = 4 + 8 * i;
            const std::uint64_t offset = u32(cmap, record + 4);
            if (offset + 2 > cmap.size()) return fail("its 'cmap' table is damaged");
            if (u16(cmap, record) == 3 && u16(cmap, record + 2) == 1 && u16(cmap, offset) == 4)
                return check_cmap_format4(cmap.substr(offset));
        }
        return fail("it has no Unicode character map (cmap format 4 for Windows)");
    }

    bool check_cmap_format4(Table sub) {
        const std::string damaged = "its Unicode character map is damaged";
        if (sub.size() < 14 || u16(sub, 2) > sub.size() || u16(sub, 2) < 16) return fail(damaged);
        sub = sub.substr(0, u16(sub, 2));
        const std::size_t seg_x2 = u16(sub, 6), segments = seg_x2 / 2;
        const std::size_t header = 16 + 4 * seg_x2;
        if (segments == 0 || seg_x2 % 2 != 0 || header > sub.size()) return fail(damaged);
        const std::size_t ends = 14, starts = 16 + seg_x2, range_offsets = 16 + 3 * seg_x2;
        const long glyph_ids = static_cast<long>((sub.size() - header) / 2);
        long previous_end = -1;
        for (std::size_t s = 0; s < segments; ++s) {
            const long start = u16(sub, starts + 2 * s), end = u16(sub, ends + 2 * s);
            if (start > end || start <= previous_end) return fail(damaged);
            previous_end = end;
            const long range_offset = u16(sub, range_offsets + 2 * s);
            if (range_offset == 0) continue;
            // libharu's index into glyphIdArray for the first and last code point.
            const long first = range_offset / 2 - static_cast<long>(segments - s);
            const long last = first + (end - start);
            if (first < 0 || last >= glyph_ids) return fail(damaged);
        }
        if (previous_end != 0xFFFF)
            return fail(damaged);  // libharu reads past the last segment otherwise
        return true;
    }

    bool check_name() {
        const Table name = table(tag("name"));
        if (name.size() < 6) return fail("its 'name' table is damaged");
        const std::size_t count = u16(name, 2), storage = u16(name, 4);
        if (6 + 12 * count > name.size()) return fail("its 'name' table is damaged");
        for (std::size_t i = 0; i < count; ++i) {
            const std::size_t record = 6 + 12 * i;
            if (storage + u16(name, record + 10) + u16(name, record + 8) > name.size())
                return fail("its 'name' table is damaged");
        }
        return true;
    }

    // The family name (name ID 1): Windows Unicode (UTF-16BE) for US English
    // if the font has it, else the Macintosh Roman record. A font without
    // one keeps an empty name; it is not needed to draw the font.
    bool read_family(TrueTypeFacts* facts) {
        const Table name = table(tag("name"));
        const std::size_t count = u16(name, 2), storage = u16(name, 4);
        std::string mac;
        for (std::size_t i = 0; i < count; ++i) {
            const std::size_t record = 6 + 12 * i;
            const std::size_t platform = u16(name, record), encoding = u16(name, record + 2);
            const std::size_t language = u16(name, record + 4), id = u16(name, record + 6);
            const std::size_t length = u16(name, record + 8), at = storage + u16(name, record + 10);
            if (id != 1) continue;
            if (platform == 3 && encoding == 1 && (language == 0x409 || facts->family.empty())) {
                std::string s;
                for (std::size_t k = 0; k + 1 < length; k += 2) {
                    const char32_t unit = u16(name, at + k);
                    if (unit < 0xD800 || unit > 0xDFFF) append_utf8(s, unit);
                }
                facts->family = std::move(s);
            } else if (platform == 1 && encoding == 0 && mac.empty()) {
                for (std::size_t k = 0; k < length; ++k) {
                    const unsigned char c = static_cast<unsigned char>(name[at + k]);
                    if (c >= 0x20 && c < 0x7F) mac += static_cast<char>(c);
                }
            }
        }
        if (facts->family.empty()) facts->family = std::move(mac);
        return true;
    }

    bool read_post(TrueTypeFacts* facts) {
        const Table post = table(tag("post"));
        if (post.size() < 12) return fail("its 'post' table is damaged");
        facts->units_per_em = static_cast<int>(units_per_em_);
        facts->underline_position = s16(post, 8);
        facts->underline_thickness = s16(post, 10);
        return true;
    }

    std::string_view bytes_;
    std::string* problem_ = nullptr;
    std::map<std::uint32_t, Table> tables_;
    std::size_t units_per_em_ = 0, glyphs_ = 0;
    bool loca_long_ = false;
};

}  // namespace

bool inspect_truetype_file(const std::string& path, TrueTypeFacts* facts, std::string* problem) {
    std::string bytes;
    if (!read_whole_file(path, &bytes, problem)) return false;
    return FontFile(bytes).check(facts, problem);
}

}  // namespace bp
