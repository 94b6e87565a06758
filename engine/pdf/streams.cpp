// Page content streams into libharu's page objects. Deflating them is most of
// the time a pack takes to write, and libharu would do it at save, on one
// thread, with zlib. So each page's stream is deflated here, on as many
// threads as the build has, with libdeflate (deflate.hpp), and handed over
// finished; fonts likewise. That needs libharu 2.3.0's struct internals; they
// are touched only in this file, and checked before use (see can_take_deflated).
#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>

#include "core/parallel.hpp"
#include "deflate.hpp"
#include "pdf.hpp"
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

void write_raw(Doc& doc, HPDF_Page page, const std::string& bytes) {
    doc.check(
        HPDF_Stream_Write(page_attr(page)->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                          static_cast<HPDF_UINT>(bytes.size())),
        "cannot write a page");
}

// An empty page keeps no /Filter: an empty FlateDecode stream is not valid.
void mark_empty(HPDF_Page page) { page_attr(page)->contents->filter = HPDF_STREAM_FILTER_NONE; }

std::vector<CodeSet> contents_serial(Doc& doc, const std::vector<PageBox>& boxes, const StructTree& tree,
                                     const std::vector<HPDF_Page>& pages,
                                     const std::vector<PageNames>& names, std::size_t face_count,
                                     std::vector<std::vector<StructId>>& mcids, const PageDone& page_done) {
    std::vector<CodeSet> used(face_count);
    std::string raw;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        raw.clear();
        build_page_content(boxes[i], tree, names[i], raw, used, mcids[i]);
        if (page_done) page_done(i);
        if (raw.empty())
            mark_empty(pages[i]);
        else
            write_raw(doc, pages[i], raw);  // libharu deflates it at save
    }
    return used;
}

std::vector<CodeSet> contents_parallel(Doc& doc, const std::vector<PageBox>& boxes, const StructTree& tree,
                                       const std::vector<HPDF_Page>& pages,
                                       const std::vector<PageNames>& names, std::size_t face_count,
                                       std::vector<std::vector<StructId>>& mcids, int threads,
                                       const PageDone& page_done) {
    const std::size_t n = pages.size();
    std::vector<std::vector<CodeSet>> used(threads, std::vector<CodeSet>(face_count));
    // libharu is not thread-safe: its objects are touched by one thread at a time.
    std::mutex haru;
    // Pages are handed out one at a time; each is deflated on its own, so
    // the bytes do not depend on which thread took it, and handed to its
    // page at once (each page has its own stream, so the order in which they
    // arrive does not show): no more than one deflated page per thread waits.
    parallel_for(n, threads, [&](std::size_t t) {
        return [&, t, deflater = std::make_unique<Deflater>(), raw = std::string(),
                deflated = std::string()](std::size_t i) mutable {
            raw.clear();
            build_page_content(boxes[i], tree, names[i], raw, used[t], mcids[i]);
            if (page_done) page_done(i);
            deflated.clear();
            if (!raw.empty()) deflater->deflate(raw, deflated);
            std::lock_guard<std::mutex> lock(haru);
            if (deflated.empty()) {
                mark_empty(pages[i]);
                return;
            }
            write_raw(doc, pages[i], deflated);
            HPDF_Dict contents = page_attr(pages[i])->contents;
            contents->filter = HPDF_STREAM_FILTER_NONE;
            contents->write_fn = write_flate_filter;
        };
    });

    std::vector<CodeSet> all(face_count);
    for (const auto& per_thread : used)
        for (std::size_t f = 0; f < face_count; ++f) all[f] |= per_thread[f];
    return all;
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

// Deflate jobs handed from the thread that makes them to threads that
// deflate them, while it goes on making more. Its destructor stops and joins
// the threads, so an exception on the making side leaves nothing running.
class DeflateQueue {
public:
    struct Job {
        std::string raw, deflated;
    };

    explicit DeflateQueue(int threads) {
        try {
            for (int t = 1; t < threads; ++t) pool_.emplace_back([this] { work(); });
        } catch (const std::system_error&) {
            // No more threads to be had: finish() does the rest.
        }
    }
    ~DeflateQueue() { close(); }
    DeflateQueue(const DeflateQueue&) = delete;
    DeflateQueue& operator=(const DeflateQueue&) = delete;

    void push(Job* job) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            queue_.push_back(job);
        }
        ready_.notify_one();
    }

    // Deflates what is left on this thread too, waits for the others and
    // rethrows the first error any of them met.
    void finish() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            closed_ = true;
        }
        ready_.notify_all();
        work();
        close();
        if (error_) std::rethrow_exception(error_);
    }

private:
    void work() {
        try {
            Deflater deflater;
            while (Job* job = next()) deflater.deflate(job->raw, job->deflated);
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex_);
            if (!error_) error_ = std::current_exception();
            queue_.clear();
            closed_ = true;
            ready_.notify_all();
        }
    }

    Job* next() {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [this] { return !queue_.empty() || closed_; });
        if (queue_.empty()) return nullptr;
        Job* job = queue_.front();
        queue_.pop_front();
        return job;
    }

    void close() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            closed_ = true;
        }
        ready_.notify_all();
        for (std::thread& t : pool_) t.join();
        pool_.clear();
    }

    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Job*> queue_;
    bool closed_ = false;
    std::exception_ptr error_;
    std::vector<std::thread> pool_;
};

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

std::vector<CodeSet> write_contents(Doc& doc, const PackBox& pack, const StructTree& tree,
                                    const std::vector<HPDF_Page>& pages, const std::vector<PageNames>& names,
                                    std::vector<std::vector<StructId>>& mcids, int threads,
                                    const PageDone& page_done) {
    const std::vector<PageBox>& boxes = pack.pages;
    const std::size_t face_count = pack.faces.size();
    mcids.assign(pages.size(), {});
    threads = static_cast<int>(
        std::clamp<std::size_t>(static_cast<std::size_t>(threads), 1, std::max<std::size_t>(pages.size(), 1)));
    // Pages are deflated here, on however many threads, whenever this
    // libharu takes deflated content; otherwise libharu deflates them all.
    bool early = true;
    for (std::size_t i = 0; early && i < pages.size(); ++i) early = can_take_deflated(pages[i]);
    return early ? contents_parallel(doc, boxes, tree, pages, names, face_count, mcids, threads, page_done)
                 : contents_serial(doc, boxes, tree, pages, names, face_count, mcids, page_done);
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
