#include "update.hpp"

#include <algorithm>
#include <charconv>
#include <memory>

#include "deflate.hpp"
#include "haru.hpp"

namespace bp::pdf {

namespace {

// Objects per object stream: big enough to deflate well, small enough that a
// reader looking up one element does not inflate much of the tree.
constexpr std::size_t kObjectsPerStream = 500;
// Objects this long or longer are packed plainly: a row this wide is mostly
// padding for the short ones, and long objects are few.
constexpr std::size_t kLongObject = 128;

// The text an object begins with, up to its first digit: objects alike in it
// (the same structure type, the same keys) share a lane.
std::string_view shape_of(std::string_view body) {
    return body.substr(0, std::min(body.size(), body.find_first_of("0123456789")));
}

// `raw` cut into rows of `columns` bytes (the last one padded with zeros),
// each through the PNG "Up" predictor: a tag byte, then each byte less the
// one above it (ISO 32000-1, 7.4.4.4).
std::string up_predicted(std::string_view raw, std::size_t columns) {
    const std::size_t count = (raw.size() + columns - 1) / columns;
    std::string rows(count * (columns + 1), '\0');
    auto in = reinterpret_cast<const unsigned char*>(raw.data());
    auto out = reinterpret_cast<unsigned char*>(rows.data());
    for (std::size_t r = 0; r < count; ++r) {
        const std::size_t at = r * columns, have = std::min(columns, raw.size() - at);
        unsigned char* row = out + r * (columns + 1);
        row[0] = 2;
        // Written a row at a time, with no check per byte: the loop vectorises.
        if (r == 0) {
            for (std::size_t k = 0; k < have; ++k) row[1 + k] = in[at + k];
        } else {
            const unsigned char* above = in + at - columns;
            for (std::size_t k = 0; k < have; ++k) row[1 + k] = static_cast<unsigned char>(in[at + k] - above[k]);
            for (std::size_t k = have; k < columns; ++k) row[1 + k] = static_cast<unsigned char>(0 - above[k]);
        }
    }
    return rows;
}

void append_uint(std::string& out, std::uint64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

void append_be(std::string& out, std::uint64_t v, int bytes) {
    for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

[[noreturn]] void bad_base(const char* why) {
    throw Failure(std::string("cannot add the document structure: ") + why);
}

// The unsigned number after `key` in `text`, or fails.
std::uint64_t number_after(std::string_view text, std::string_view key) {
    const std::size_t at = text.find(key);
    if (at == std::string_view::npos) bad_base("the file has no trailer entry it needs");
    std::size_t p = at + key.size();
    while (p < text.size() && (text[p] == ' ' || text[p] == '\r' || text[p] == '\n')) ++p;
    std::uint64_t v = 0;
    const auto r = std::from_chars(text.data() + p, text.data() + text.size(), v);
    if (r.ec != std::errc()) bad_base("a trailer entry is not a number");
    return v;
}

// "/Root 3 0 R" as it stands in the trailer, or "" when absent.
std::string reference_entry(std::string_view trailer, std::string_view key) {
    const std::size_t at = trailer.find(key);
    if (at == std::string_view::npos) return {};
    const std::size_t end = trailer.find('R', at + key.size());
    if (end == std::string_view::npos) bad_base("a trailer reference is cut short");
    return std::string(trailer.substr(at, end + 1 - at));
}

}  // namespace

BaseFile read_base_file(std::string_view tail, std::uint64_t file_size) {
    BaseFile base;
    base.size = file_size;
    const std::size_t trailer = tail.rfind("trailer");
    const std::size_t startxref = tail.rfind("startxref");
    if (trailer == std::string_view::npos || startxref == std::string_view::npos || startxref < trailer)
        bad_base("the file has no trailer");
    const std::string_view dict = tail.substr(trailer, startxref - trailer);
    base.xref_offset = number_after(tail.substr(startxref), "startxref");
    const std::uint64_t size = number_after(dict, "/Size");
    if (size == 0 || size > 0x7FFFFF || base.xref_offset >= file_size) bad_base("the trailer is out of range");
    base.next_id = static_cast<std::uint32_t>(size);
    base.root = reference_entry(dict, "/Root");
    base.info = reference_entry(dict, "/Info");
    if (base.root.empty()) bad_base("the trailer names no catalog");
    if (tail.back() != '\n' && tail.back() != '\r') base.separator = "\n";
    return base;
}

void UpdateSection::add(std::uint32_t id, std::string_view body) {
    const std::string_view shape = body.size() < kLongObject ? shape_of(body) : std::string_view();
    auto lane = lanes_.find(shape);
    if (lane == lanes_.end()) lane = lanes_.emplace(std::string(shape), Lane{}).first;
    Lane& open = lane->second;
    open.pending.push_back(entries_.size());
    entries_.push_back(Entry{id, 0, open.ids.size()});
    open.ids.push_back(id);
    open.objects.append(body);
    open.ends.push_back(open.objects.size());
    if (open.ids.size() == kObjectsPerStream) close_stream(open, !shape.empty());
}

void UpdateSection::close_stream(Lane& lane, bool rows) {
    if (lane.ids.empty()) return;
    Stream& st = streams_.emplace_back();
    std::string& raw = st.bytes.raw;
    st.id = new_id();
    st.count = static_cast<std::uint32_t>(lane.ids.size());
    for (std::size_t e : lane.pending) entries_[e].stream = st.id;
    st.entry = entries_.size();
    entries_.push_back(Entry{st.id, 0, 0});  // offset set once written

    std::size_t widest = 0;
    for (std::size_t k = 0, begin = 0; k < lane.ends.size(); begin = lane.ends[k++])
        widest = std::max(widest, lane.ends[k] - begin);
    if (rows) {
        // One row an index pair and one an object, the width a multiple of
        // ten so that the offsets' last digits repeat.
        const std::size_t width = std::max<std::size_t>((widest + 1 + 9) / 10 * 10, 30);
        st.columns = width;
        st.first = lane.ids.size() * width;
        raw.reserve(2 * st.first);
        for (std::size_t k = 0; k < lane.ids.size(); ++k) {
            const std::size_t row = raw.size();
            append_uint(raw, lane.ids[k]);
            raw += ' ';
            append_uint(raw, k * width);
            raw.resize(row + width, ' ');
        }
        for (std::size_t k = 0, begin = 0; k < lane.ends.size(); begin = lane.ends[k++]) {
            const std::size_t row = raw.size();
            raw.append(lane.objects, begin, lane.ends[k] - begin);
            raw.resize(row + width, ' ');
        }
    } else {
        std::string objects;
        objects.reserve(lane.objects.size() + lane.ids.size());
        for (std::size_t k = 0, begin = 0; k < lane.ends.size(); begin = lane.ends[k++]) {
            append_uint(raw, lane.ids[k]);
            raw += ' ';
            append_uint(raw, objects.size());
            raw += ' ';
            objects.append(lane.objects, begin, lane.ends[k] - begin);
            objects += '\n';
        }
        st.first = raw.size();
        raw += objects;
    }
    if (st.columns) raw = up_predicted(raw, st.columns);
    deflating_.push(&st.bytes);
    lane = Lane{};
}

std::string UpdateSection::finish(const BaseFile& base) {
    for (auto& [shape, lane] : lanes_) close_stream(lane, !shape.empty());
    deflating_.finish();

    for (std::size_t i = 0; i < streams_.size(); ++i) {
        Stream& st = streams_[i];
        const std::string& packed = st.bytes.deflated;
        entries_[st.entry].offset = out_.size();
        append_uint(out_, st.id);
        out_ += " 0 obj\n<</Type/ObjStm/N ";
        append_uint(out_, st.count);
        out_ += "/First ";
        append_uint(out_, st.first);
        out_ += "/Filter/FlateDecode";
        if (st.columns) out_ += "/DecodeParms<</Predictor 12/Columns " + std::to_string(st.columns) + ">>";
        out_ += "/Length ";
        append_uint(out_, packed.size());
        out_ += ">>\nstream\n";
        out_ += packed;
        out_ += "\nendstream\nendobj\n";
        std::string().swap(st.bytes.deflated);
    }
    const std::uint32_t xref_id = new_id();
    entries_.push_back(Entry{xref_id, 0, out_.size()});
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) { return a.id < b.id; });

    // Each row: type (1: at an offset, 2: in an object stream), offset or
    // stream number, generation or index; the fields as narrow as the
    // largest value allows.
    std::uint64_t widest = 0, widest_index = 0;
    for (const Entry& e : entries_) {
        if (e.stream != 0) {
            widest = std::max<std::uint64_t>(widest, e.stream);
            widest_index = std::max(widest_index, e.offset);
        } else {
            widest = std::max(widest, base.size + base.separator.size() + e.offset);
        }
    }
    auto bytes_for = [](std::uint64_t v) {
        int n = 1;
        while (n < 8 && (v >> (8 * n)) != 0) ++n;
        return n;
    };
    const int w2 = bytes_for(widest), w3 = bytes_for(widest_index);
    const std::size_t row = 1 + static_cast<std::size_t>(w2 + w3);

    // Rows go through the PNG "Up" predictor, which turns runs of similar
    // rows into zeros that deflate well.
    std::string rows, index;
    rows.reserve(entries_.size() * row);
    for (std::size_t i = 0; i < entries_.size();) {
        std::size_t j = i + 1;
        while (j < entries_.size() && entries_[j].id == entries_[j - 1].id + 1) ++j;
        append_uint(index, entries_[i].id);
        index += ' ';
        append_uint(index, j - i);
        index += ' ';
        for (; i < j; ++i) {
            const Entry& e = entries_[i];
            if (e.stream != 0) {
                rows += '\x02';
                append_be(rows, e.stream, w2);
                append_be(rows, e.offset, w3);
            } else {
                rows += '\x01';
                append_be(rows, base.size + base.separator.size() + e.offset, w2);
                append_be(rows, 0, w3);
            }
        }
    }
    index.pop_back();
    std::string packed;
    Deflater().deflate(up_predicted(rows, row), packed);

    const std::uint64_t xref_at = base.size + base.separator.size() + out_.size();
    append_uint(out_, xref_id);
    out_ += " 0 obj\n<</Type/XRef/Size ";
    append_uint(out_, entries_.back().id + 1);
    out_ += "/Index[";
    out_ += index;
    out_ += "]/W[1 " + std::to_string(w2) + " " + std::to_string(w3) + "]/Prev ";
    append_uint(out_, base.xref_offset);
    out_ += base.root;
    out_ += base.info;
    out_ += "/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns " + std::to_string(row) + ">>/Length ";
    append_uint(out_, packed.size());
    out_ += ">>\nstream\n";
    out_ += packed;
    out_ += "\nendstream\nendobj\nstartxref\n";
    append_uint(out_, xref_at);
    out_ += "\n%%EOF\n";
    return base.separator + out_;
}

}  // namespace bp::pdf
