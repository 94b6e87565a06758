#include "deflate.hpp"

#include <algorithm>

namespace bp::pdf {

namespace {

HPDF_STATUS append_to_string(HPDF_Stream stream, const HPDF_BYTE* data, HPDF_UINT size) {
    try {
        static_cast<std::string*>(stream->attr)->append(reinterpret_cast<const char*>(data), size);
        return HPDF_OK;
    } catch (...) {
        return HPDF_FAILD_TO_ALLOC_MEM;  // must not unwind through libharu
    }
}

constexpr const char* kWhat = "cannot compress a stream";

struct Stream {
    Stream(Doc& doc, HPDF_Stream stream) : s(doc.need(stream, kWhat)) {}
    ~Stream() { HPDF_Stream_Free(s); }
    Stream(const Stream&) = delete;
    Stream& operator=(const Stream&) = delete;
    HPDF_Stream s;
};

}  // namespace

void Deflater::deflate(const std::string& in, std::string& out) {
    // One buffer for the whole input: the deflater reads it in 4 KB steps anyway.
    const auto size = static_cast<HPDF_UINT>(in.size());
    Stream src(doc_, HPDF_MemStream_New(doc_.mmgr(), std::max<HPDF_UINT>(size, 4096)));
    doc_.check(HPDF_Stream_Write(src.s, reinterpret_cast<const HPDF_BYTE*>(in.data()), size), kWhat);
    Stream dst(doc_, HPDF_CallbackWriter_New(doc_.mmgr(), append_to_string, &out));
    doc_.check(HPDF_Stream_WriteToStream(src.s, dst.s, HPDF_STREAM_FILTER_FLATE_DECODE, nullptr), kWhat);
}

}  // namespace bp::pdf
