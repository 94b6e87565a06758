#include "update.hpp"

#include <algorithm>
#include <charconv>
#include <memory>

#include "core/parallel.hpp"
#include "deflate.hpp"
#include "haru.hpp"

namespace bp::pdf {

namespace {

// Objects per object stream: big enough to deflate well, small enough that a
// reader looking up one element does not inflate the whole tree.
constexpr std::uint32_t kObjectsPerStream = 200;

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
    if (open_count_ == kObjectsPerStream) close_stream();
    pending_.push_back(entries_.size());
    entries_.push_back(Entry{id, 0, open_count_});
    append_uint(header_, id);
    header_ += ' ';
    append_uint(header_, objects_.size());
    header_ += ' ';
    objects_.append(body);
    objects_ += '\n';
    ++open_count_;
}

void UpdateSection::close_stream() {
    if (open_count_ == 0) return;
    Stream st;
    st.id = new_id();
    st.count = open_count_;
    st.first = header_.size();
    for (std::size_t e : pending_) entries_[e].stream = st.id;
    st.entry = entries_.size();
    entries_.push_back(Entry{st.id, 0, 0});  // offset set once written
    st.raw.reserve(header_.size() + objects_.size());
    st.raw += header_;
    st.raw += objects_;
    streams_.push_back(std::move(st));
    header_.clear();
    objects_.clear();
    pending_.clear();
    open_count_ = 0;
}

std::string UpdateSection::finish(const BaseFile& base, int threads) {
    close_stream();
    // Each stream deflated on its own, handed out one at a time.
    std::vector<std::string> packed_streams(streams_.size());
    parallel_for(streams_.size(), threads, [&](std::size_t) {
        return [&, deflater = std::make_unique<Deflater>()](std::size_t i) {
            deflater->deflate(streams_[i].raw, packed_streams[i]);
            std::string().swap(streams_[i].raw);
        };
    });

    for (std::size_t i = 0; i < streams_.size(); ++i) {
        const Stream& st = streams_[i];
        const std::string& packed = packed_streams[i];
        entries_[st.entry].offset = out_.size();
        append_uint(out_, st.id);
        out_ += " 0 obj\n<</Type/ObjStm/N ";
        append_uint(out_, st.count);
        out_ += "/First ";
        append_uint(out_, st.first);
        out_ += "/Filter/FlateDecode/Length ";
        append_uint(out_, packed.size());
        out_ += ">>\nstream\n";
        out_ += packed;
        out_ += "\nendstream\nendobj\n";
        std::string().swap(packed_streams[i]);
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

    // Rows go through the PNG "Up" predictor (each byte less the one above
    // it), which turns runs of similar rows into zeros that deflate well.
    std::string rows, index, previous(row, '\0'), current;
    for (std::size_t i = 0; i < entries_.size();) {
        std::size_t j = i + 1;
        while (j < entries_.size() && entries_[j].id == entries_[j - 1].id + 1) ++j;
        append_uint(index, entries_[i].id);
        index += ' ';
        append_uint(index, j - i);
        index += ' ';
        for (; i < j; ++i) {
            const Entry& e = entries_[i];
            current.clear();
            if (e.stream != 0) {
                current += '\x02';
                append_be(current, e.stream, w2);
                append_be(current, e.offset, w3);
            } else {
                current += '\x01';
                append_be(current, base.size + base.separator.size() + e.offset, w2);
                append_be(current, 0, w3);
            }
            rows += '\x02';  // the Up predictor's tag
            for (std::size_t k = 0; k < row; ++k)
                rows += static_cast<char>(static_cast<unsigned char>(current[k]) - static_cast<unsigned char>(previous[k]));
            previous.swap(current);
        }
    }
    index.pop_back();
    std::string packed;
    Deflater().deflate(rows, packed);

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
