// Page content streams into libharu's page objects. Deflating them is most of
// the time a pack takes to write, and libharu does it at save on one thread.
// So, when there are threads to spare, each page's stream is deflated here,
// in parallel, by libharu's own deflate (the project uses no zlib of its own),
// and handed over finished. That needs libharu 2.3.0's struct internals; they
// are touched only in this file, and checked before use (see can_take_deflated).
#include <algorithm>
#include <atomic>
#include <cstring>
#include <exception>
#include <system_error>
#include <thread>

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

HPDF_STATUS append_to_string(HPDF_Stream stream, const HPDF_BYTE* data, HPDF_UINT size) {
    try {
        static_cast<std::string*>(stream->attr)->append(reinterpret_cast<const char*>(data), size);
        return HPDF_OK;
    } catch (...) {
        return HPDF_FAILD_TO_ALLOC_MEM;  // must not unwind through libharu
    }
}

// libharu's deflate, on a private document so threads share nothing.
class Deflater {
public:
    void deflate(const std::string& in, std::string& out) {
        // One buffer for the whole page: the deflater reads it in 4 KB steps anyway.
        const auto size = static_cast<HPDF_UINT>(in.size());
        Stream src(doc_, HPDF_MemStream_New(doc_.mmgr(), std::max<HPDF_UINT>(size, 4096)));
        doc_.check(HPDF_Stream_Write(src.s, reinterpret_cast<const HPDF_BYTE*>(in.data()), size),
                   "cannot compress a page");
        Stream dst(doc_, HPDF_CallbackWriter_New(doc_.mmgr(), append_to_string, &out));
        doc_.check(
            HPDF_Stream_WriteToStream(src.s, dst.s, HPDF_STREAM_FILTER_FLATE_DECODE, nullptr),
            "cannot compress a page");
    }

private:
    struct Stream {
        Stream(Doc& doc, HPDF_Stream stream) : s(doc.need(stream, "cannot compress a page")) {}
        ~Stream() { HPDF_Stream_Free(s); }
        Stream(const Stream&) = delete;
        Stream& operator=(const Stream&) = delete;
        HPDF_Stream s;
    };
    Doc doc_;
};

void write_raw(Doc& doc, HPDF_Page page, const std::string& bytes) {
    doc.check(
        HPDF_Stream_Write(page_attr(page)->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                          static_cast<HPDF_UINT>(bytes.size())),
        "cannot write a page");
}

// An empty page keeps no /Filter: an empty FlateDecode stream is not valid.
void mark_empty(HPDF_Page page) { page_attr(page)->contents->filter = HPDF_STREAM_FILTER_NONE; }

std::vector<CodeSet> contents_serial(Doc& doc, const std::vector<PageBox>& boxes,
                                     const std::vector<HPDF_Page>& pages,
                                     const std::vector<PageNames>& names, std::size_t face_count) {
    std::vector<CodeSet> used(face_count);
    std::string raw;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        raw.clear();
        build_page_content(boxes[i], names[i], raw, used);
        if (raw.empty())
            mark_empty(pages[i]);
        else
            write_raw(doc, pages[i], raw);  // libharu deflates it at save
    }
    return used;
}

std::vector<CodeSet> contents_parallel(Doc& doc, const std::vector<PageBox>& boxes,
                                       const std::vector<HPDF_Page>& pages,
                                       const std::vector<PageNames>& names, std::size_t face_count,
                                       int threads) {
    const std::size_t n = pages.size();
    std::vector<std::string> deflated(n);
    std::vector<std::vector<CodeSet>> used(threads, std::vector<CodeSet>(face_count));
    std::vector<std::exception_ptr> errors(threads);
    std::atomic<std::size_t> next{0};

    // Pages are handed out one at a time; each is deflated on its own, so
    // the bytes do not depend on which thread took it.
    auto work = [&](int t) {
        try {
            Deflater deflater;
            std::string raw;
            for (std::size_t i; (i = next.fetch_add(1)) < n;) {
                raw.clear();
                build_page_content(boxes[i], names[i], raw, used[t]);
                if (!raw.empty()) deflater.deflate(raw, deflated[i]);
            }
        } catch (...) {
            errors[t] = std::current_exception();
            next = n;
        }
    };
    std::vector<std::thread> pool;
    try {
        for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
    } catch (const std::system_error&) {
        // No more threads to be had: the ones running share out all pages.
    }
    work(0);
    for (std::thread& t : pool) t.join();
    for (const std::exception_ptr& e : errors)
        if (e) std::rethrow_exception(e);

    for (std::size_t i = 0; i < n; ++i) {
        if (deflated[i].empty()) {
            mark_empty(pages[i]);
            continue;
        }
        write_raw(doc, pages[i], deflated[i]);
        HPDF_Dict contents = page_attr(pages[i])->contents;
        contents->filter = HPDF_STREAM_FILTER_NONE;
        contents->write_fn = write_flate_filter;
        std::string().swap(deflated[i]);  // libharu has its own copy now
    }

    std::vector<CodeSet> all(face_count);
    for (const auto& per_thread : used)
        for (std::size_t f = 0; f < face_count; ++f) all[f] |= per_thread[f];
    return all;
}

}  // namespace

std::vector<CodeSet> write_contents(Doc& doc, const std::vector<PageBox>& boxes,
                                    const std::vector<HPDF_Page>& pages,
                                    const std::vector<PageNames>& names, std::size_t face_count,
                                    int threads) {
    threads =
        static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(threads), pages.size()));
    bool parallel = threads > 1;
    for (std::size_t i = 0; parallel && i < pages.size(); ++i)
        parallel = can_take_deflated(pages[i]);
    return parallel ? contents_parallel(doc, boxes, pages, names, face_count, threads)
                    : contents_serial(doc, boxes, pages, names, face_count);
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
