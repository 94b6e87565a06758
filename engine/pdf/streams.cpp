// Page content streams into libharu's page objects. Deflating them is most of
// the time a pack takes to write, and libharu would do it at save, on one
// thread, with zlib. So each page's stream is deflated here, on as many
// threads as the build has, with libdeflate (deflate.hpp), and handed over
// finished; fonts likewise. That needs libharu 2.3.0's struct internals; they
// are touched only in this file, and checked before use (see can_take_deflated).
#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

#include "core/parallel.hpp"
#include "deflate.hpp"
#include "pdf.hpp"
#include "seal.hpp"
#include "writer.hpp"

namespace bp::pdf {

namespace {

HPDF_PageAttr page_attr(HPDF_Page page) { return static_cast<HPDF_PageAttr>(page->attr); }

// True when the page's content stream is the plain dict-with-memory-stream
// of 2.3.0 that libharu would deflate itself at save.
bool can_take_deflated(HPDF_Page page) {
    if (std::strcmp(HPDF_GetVersion(), "2.3.0") != 0) return false;
    HPDF_PageAttr a = page_attr(page);
    return a != nullptr && a->contents != nullptr && a->stream != nullptr &&
           a->contents->stream == a->stream && a->contents->write_fn == nullptr &&
           a->contents->filter == HPDF_STREAM_FILTER_FLATE_DECODE &&
           HPDF_Stream_Size(a->stream) == 0;
}

// Written after the dictionary's own entries. libharu drops a /Filter entry
// from any stream whose filter field is "none", so the entry for an already
// deflated stream goes in here, byte for byte as libharu would write it.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) {
    return HPDF_Stream_WriteStr(stream, "/Filter [ /FlateDecode ]\012");
}

// Gives a stream dictionary `bytes` in a memory stream of their own size:
// libharu's streams grow in 4 KB pieces, which for a pack's pages (2 KB
// deflated on average) and footers (a hundred bytes) would be most of the
// memory the file takes until it is saved.
void put_bytes(Doc& doc, HPDF_Dict dict, const std::string& bytes) {
    HPDF_Stream fitted = HPDF_MemStream_New(doc.get()->mmgr, static_cast<HPDF_UINT>(std::max<std::size_t>(bytes.size(), 1)));
    if (fitted == nullptr) doc.fail("cannot write a page", HPDF_OK);
    const HPDF_STATUS st =
        HPDF_Stream_Write(fitted, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size()));
    if (st != HPDF_OK) {
        HPDF_Stream_Free(fitted);
        doc.check(st, "cannot write a page");
    }
    HPDF_Stream_Free(dict->stream);
    dict->stream = fitted;
}

void write_raw(Doc& doc, HPDF_Page page, const std::string& bytes) {
    HPDF_PageAttr attr = page_attr(page);
    put_bytes(doc, attr->contents, bytes);
    attr->stream = attr->contents->stream;
}

// An empty page keeps no /Filter: an empty FlateDecode stream is not valid.
void mark_empty(HPDF_Page page) { page_attr(page)->contents->filter = HPDF_STREAM_FILTER_NONE; }

// A page's streams as they go to libharu: deflated (by us) or raw (for
// libharu to deflate at save).
struct PageStreams {
    std::string own, after;  // own: a stream built here; after: what a sealed page had bound on after sealing
    const std::string* body = &own;  // own, or the sealed page's stream (read until installed)
    bool body_deflated = false;
};

// Builds (or, for a sealed page, takes) page i's streams; codes drawn go in `used`.
void make_streams(const PageBox& box, const StructTree& tree, const PageNames& names, bool has_second,
                  std::vector<CodeSet>& used, std::vector<StructId>& mcids, Deflater* deflater, std::string& raw,
                  PageStreams& out) {
    out.own.clear();
    out.body = &out.own;
    out.after.clear();
    raw.clear();
    const SealedContent* sealed = box.sealed.content.get();
    if (sealed == nullptr) {
        build_page_content(box, tree, names, raw, used, mcids);
        if (deflater != nullptr && !raw.empty()) {
            deflater->deflate(raw, out.own);
            out.body_deflated = true;
        } else {
            out.own.swap(raw);
            out.body_deflated = false;
        }
        return;
    }
    if (sealed->deflated && deflater == nullptr)
        throw Failure("a page was sealed deflated but this libharu cannot take deflated streams");
    out.body = &sealed->stream;
    out.body_deflated = sealed->deflated;
    mcids.reserve(sealed->mcids.size());
    for (StructId node : sealed->mcids) mcids.push_back(node + box.sealed.node_offset);
    for (std::uint32_t code : sealed->codes) {
        const std::size_t face = code >> 16;
        if (face >= used.size()) throw Failure("a sealed page draws with a face the pack does not have");
        used[face].set(code & 0xFFFF);
    }
    if (!has_second) return;
    PageBox after;  // the items bound on after sealing: footers, stamps
    after.width = box.width;
    after.height = box.height;
    after.items.assign(box.items.begin() + std::min<std::size_t>(box.sealed.items, box.items.size()), box.items.end());
    // A footer and a stamp or two: deflated, with its /Filter entry, it would
    // take more bytes than it saves.
    build_page_content(after, tree, names, out.after, used, mcids);
}

// Hands page i's streams to libharu.
void install_streams(Doc& doc, HPDF_Page page, HPDF_Dict second, const PageStreams& s) {
    if (s.body->empty()) {
        mark_empty(page);
    } else {
        write_raw(doc, page, *s.body);
        if (s.body_deflated) {
            HPDF_Dict contents = page_attr(page)->contents;
            contents->filter = HPDF_STREAM_FILTER_NONE;
            contents->write_fn = write_flate_filter;
        }
    }
    if (second == nullptr) return;
    put_bytes(doc, second, s.after);
    second->filter = HPDF_STREAM_FILTER_NONE;
}

HPDF_FontAttr font_attr(HPDF_Font font) { return static_cast<HPDF_FontAttr>(font->attr); }

// True when the font is 2.3.0's Type0 font over an embedded TrueType face
// whose descriptor and font file libharu has not made yet: its before-write
// hook would make them at save and leave every stream to be deflated there.
bool can_embed_early(HPDF_Font font) {
    if (std::strcmp(HPDF_GetVersion(), "2.3.0") != 0) return false;
    if (font == nullptr || font->attr == nullptr || font->before_write_fn == nullptr ||
        font->stream != nullptr || font->filter != HPDF_STREAM_FILTER_FLATE_DECODE)
        return false;
    HPDF_FontAttr a = font_attr(font);
    if (a->type != HPDF_FONT_TYPE0_TT || a->fontdef == nullptr ||
        a->fontdef->type != HPDF_FONTDEF_TYPE_TRUETYPE || a->fontdef->descriptor != nullptr ||
        a->fontdef->attr == nullptr)
        return false;
    return static_cast<HPDF_TTFontDefAttr>(a->fontdef->attr)->embedding == HPDF_TRUE;
}

// A stream dictionary libharu would deflate itself at save.
bool deflated_at_save(HPDF_Dict dict) {
    return dict != nullptr && dict->stream != nullptr && dict->write_fn == nullptr &&
           dict->filter == HPDF_STREAM_FILTER_FLATE_DECODE &&
           dict->stream->type == HPDF_STREAM_MEMORY;
}

// The bytes of a memory stream, or false if its buffers do not add up.
bool stream_bytes(HPDF_Stream stream, std::string& out) {
    const HPDF_UINT count = HPDF_MemStream_GetBufCount(stream);
    for (HPDF_UINT i = 0; i < count; ++i) {
        HPDF_UINT len = 0;
        const HPDF_BYTE* p = HPDF_MemStream_GetBufPtr(stream, i, &len);
        if (p == nullptr) return false;
        out.append(reinterpret_cast<const char*>(p), len);
    }
    return out.size() == HPDF_Stream_Size(stream);
}

// Replaces a stream's bytes with their deflated form, which libharu then
// writes as they are, under the same /Filter it would have written.
void install_deflated(Doc& doc, HPDF_Dict dict, const std::string& deflated, const char* what) {
    HPDF_MemStream_FreeData(dict->stream);
    doc.check(HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(deflated.data()),
                                static_cast<HPDF_UINT>(deflated.size())),
              what);
    dict->filter = HPDF_STREAM_FILTER_NONE;
    dict->write_fn = write_flate_filter;
}

}  // namespace

std::size_t embed_fonts(Doc& doc, const std::vector<HPDF_Font>& fonts, int threads) {
    // On one thread too: which deflater wrote a stream must not depend on
    // the thread count, or the bytes would.
    if (fonts.empty()) return 0;
    for (HPDF_Font font : fonts)
        if (!can_embed_early(font)) return 0;

    // libharu makes each font's descriptor and font file when it writes the
    // font, appending them to the object table; calling its hook now, in the
    // order it would, after every other object exists, gives the same objects
    // with the same numbers. Its second call, at save, finds the descriptor
    // made and only sets the filters of the CIDToGIDMap and CMap streams to
    // the font's own, which is why that becomes "none" once they are taken.
    //
    // The CIDToGIDMap and CMap streams exist from the start, so other threads
    // deflate them while this one makes the font files (libharu's subsetting,
    // about 1 ms a face), and each font file as soon as it is made.
    struct FontJobs {
        HPDF_Dict dicts[3];  // font file, CIDToGIDMap, CMap; any may be null
        DeflateQueue::Job jobs[3];
        bool usable = true;
    };
    std::vector<FontJobs> work(fonts.size());
    DeflateQueue queue(threads);
    for (std::size_t f = 0; f < fonts.size(); ++f) {
        HPDF_FontAttr a = font_attr(fonts[f]);
        FontJobs& w = work[f];
        w.dicts[0] = nullptr;
        w.dicts[1] = a->map_stream;
        w.dicts[2] = a->cmap_stream;
        for (int k = 1; k < 3; ++k) {
            if (w.dicts[k] == nullptr) continue;
            w.usable = w.usable && w.dicts[k]->stream != nullptr &&
                       w.dicts[k]->stream->type == HPDF_STREAM_MEMORY &&
                       stream_bytes(w.dicts[k]->stream, w.jobs[k].raw);
            if (w.usable) queue.push(&w.jobs[k]);
        }
    }
    for (std::size_t f = 0; f < fonts.size(); ++f) {
        HPDF_Font font = fonts[f];
        FontJobs& w = work[f];
        doc.check(font->before_write_fn(font), "cannot embed a font");
        w.dicts[0] = static_cast<HPDF_Dict>(
            HPDF_Dict_GetItem(font_attr(font)->fontdef->descriptor, "FontFile2", HPDF_OCLASS_DICT));
        doc.check(HPDF_OK, "cannot embed a font");
        w.usable = w.usable && deflated_at_save(w.dicts[0]) &&
                   stream_bytes(w.dicts[0]->stream, w.jobs[0].raw);
        if (w.usable) queue.push(&w.jobs[0]);
    }
    queue.finish();

    std::size_t taken = 0;
    for (std::size_t f = 0; f < fonts.size(); ++f) {
        FontJobs& w = work[f];
        for (HPDF_Dict d : w.dicts) w.usable = w.usable && (d == nullptr || deflated_at_save(d));
        if (!w.usable) continue;  // libharu deflates this font's streams at save
        for (int k = 0; k < 3; ++k)
            if (w.dicts[k] != nullptr)
                install_deflated(doc, w.dicts[k], w.jobs[k].deflated, "cannot embed a font");
        fonts[f]->filter = HPDF_STREAM_FILTER_NONE;
        ++taken;
    }
    return taken;
}

HPDF_Dict add_content_stream(Doc& doc, HPDF_Page page) {
    HPDF_Doc d = doc.get();
    HPDF_Dict stream = HPDF_DictStream_New(d->mmgr, d->xref);
    if (stream == nullptr) doc.fail("cannot add a content stream", HPDF_OK);
    HPDF_Array contents = HPDF_Array_New(d->mmgr);
    if (contents == nullptr) doc.fail("cannot add a content stream", HPDF_OK);
    doc.check(HPDF_Dict_Add(page, "Contents", contents), "cannot add a content stream");
    doc.check(HPDF_Array_Add(contents, page_attr(page)->contents), "cannot add a content stream");
    doc.check(HPDF_Array_Add(contents, stream), "cannot add a content stream");
    return stream;
}

std::vector<CodeSet> write_contents(Doc& doc, const PackBox& pack, const StructTree& tree,
                                    const std::vector<HPDF_Page>& pages, const std::vector<HPDF_Dict>& second,
                                    const std::vector<PageNames>& names,
                                    std::vector<std::vector<StructId>>& mcids, int threads,
                                    const PageDone& page_done) {
    const std::vector<PageBox>& boxes = pack.pages;
    const std::size_t face_count = pack.faces.size();
    const std::size_t n = pages.size();
    mcids.assign(n, {});
    // Pages are deflated here, on however many threads, whenever this
    // libharu takes deflated content; otherwise libharu deflates them all,
    // at save, on one thread.
    bool early = true;
    for (std::size_t i = 0; early && i < n; ++i) early = can_take_deflated(pages[i]);
    if (!early) threads = 1;
    threads = static_cast<int>(std::clamp<std::size_t>(static_cast<std::size_t>(threads), 1, std::max<std::size_t>(n, 1)));
    std::vector<std::vector<CodeSet>> used(threads, std::vector<CodeSet>(face_count));
    // libharu is not thread-safe: its objects are touched by one thread at a time.
    std::mutex haru;
    // Pages are handed out one at a time; each is deflated on its own, so
    // the bytes do not depend on which thread took it, and handed to its
    // page at once (each page has its own streams, so the order in which
    // they arrive does not show): no more than one page per thread waits.
    parallel_for(n, threads, [&](std::size_t t) {
        return [&, t, deflater = early ? std::make_unique<Deflater>() : nullptr, raw = std::string(),
                streams = PageStreams()](std::size_t i) mutable {
            make_streams(boxes[i], tree, names[i], second[i] != nullptr, used[t], mcids[i], deflater.get(), raw,
                         streams);
            {
                std::lock_guard<std::mutex> lock(haru);
                install_streams(doc, pages[i], second[i], streams);
            }
            // After: a sealed page's stream is read from the page until installed.
            if (page_done) page_done(i);
        };
    });

    std::vector<CodeSet> all(face_count);
    for (const auto& per_thread : used)
        for (std::size_t f = 0; f < face_count; ++f) all[f] |= per_thread[f];
    return all;
}

}  // namespace bp::pdf

namespace bp {

bool pdf_parallel_deflate_available() {
    try {
        pdf::Doc doc;
        doc.check(HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL), "compression");
        return pdf::can_take_deflated(doc.need(HPDF_AddPage(doc.get()), "page"));
    } catch (const pdf::Failure&) {
        return false;
    }
}

}  // namespace bp
