// Objects the pdf stage writes itself, after libharu's file, as one
// incremental update (ISO 32000-1, 7.5.6). libharu keeps every object it
// writes as a tree of small allocations (a 128-byte name buffer per
// dictionary key), which for the tens of thousands of structure elements of a
// large pack costs over 100 MB; here each object is a few dozen bytes of text,
// packed into deflated object streams and found through a cross-reference
// stream whose /Prev is libharu's table.
//
// Structure elements are many, short and alike, and mostly differ in their
// numbers, which deflate alone compresses poorly (an object stream's index of
// "id offset" pairs is nearly incompressible). So objects that begin alike
// (the same text up to their first digit: "<</S/TD/P ") share object
// streams, each object starts a fixed-width row, the index holds one pair a
// row, and the rows go through the PNG "Up" predictor (each byte less the one
// above it) before deflate: alike rows become zeros. This roughly halves the
// structure tree's bytes. Long objects are packed plainly.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "deflate.hpp"

namespace bp::pdf {

// What the update needs to know of the file it follows, read from that
// file's trailer (libharu's exact layout; anything else is a Failure).
struct BaseFile {
    std::uint64_t size = 0;         // bytes; the update's offsets start here
    std::uint64_t xref_offset = 0;  // its cross-reference table, for /Prev
    std::uint32_t next_id = 0;      // its /Size: the first free object number
    std::string root, info;         // "/Root n 0 R", "/Info n 0 R" ("" if absent)
    std::string separator;          // "\n" when the file does not end with one
};

// Reads the trailer at the end of `tail`, the last bytes of a file of
// `file_size` bytes (the last 1 KB is plenty for libharu's).
BaseFile read_base_file(std::string_view tail, std::uint64_t file_size);

class UpdateSection {
public:
    // The object streams are deflated as they fill, on threads - 1 threads
    // beside this one (and the rest on this one in finish()), while the
    // caller goes on adding; the bytes are the same for any number.
    explicit UpdateSection(std::uint32_t first_free_id, int threads = 1)
        : next_id_(first_free_id), deflating_(threads) {}

    // A new object number.
    std::uint32_t new_id() { return next_id_++; }

    // Object `id` (a new one, or one of the base file's, which it replaces)
    // with `body`, a dictionary, array, number or string: no stream.
    void add(std::uint32_t id, std::string_view body);

    // The update's bytes: object streams, then the cross-reference stream,
    // then startxref and %%EOF. Call once, after the last add().
    std::string finish(const BaseFile& base);

private:
    struct Entry {
        std::uint32_t id = 0;
        std::uint32_t stream = 0;  // object stream holding it (type 2), or 0 (type 1)
        std::uint64_t offset = 0;  // type 2: index in its stream; type 1: offset in out_
    };
    // The objects of one open object stream: those that begin alike, or the
    // long ones.
    struct Lane {
        std::vector<std::uint32_t> ids;
        std::vector<std::size_t> ends;      // where each object ends in `objects`
        std::string objects;                // the bodies, back to back
        std::vector<std::size_t> pending;   // their entries_
    };
    void close_stream(Lane& lane, bool rows);

    // An object stream, closed and handed to be deflated.
    struct Stream {
        std::uint32_t id = 0, count = 0;
        std::size_t first = 0;    // its /First: where the objects start
        std::size_t columns = 0;  // its row width, or 0 when packed plainly
        std::size_t entry = 0;    // its own entry in entries_
        // raw: the "id offset" pairs, then the objects (through the Up
        // predictor when in rows); deflated: what is written.
        DeflateQueue::Job bytes;
    };

    std::uint32_t next_id_;
    std::vector<Entry> entries_;
    std::deque<Stream> streams_;  // where the deflating threads find them
    DeflateQueue deflating_;
    std::string out_;  // the update's bytes, built by finish()
    // Open lanes by their objects' common beginning; the plain lane has "".
    // Ordered, so the streams left open at the end close in the same order
    // every time.
    std::map<std::string, Lane, std::less<>> lanes_;
};

}  // namespace bp::pdf
