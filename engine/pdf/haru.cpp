#include "haru.hpp"

#include <cstdio>
#include <cstring>

namespace bp::pdf {

namespace {

// The codes a pack build can actually meet; the rest are shown as numbers.
const char* haru_reason(HPDF_STATUS code) {
    switch (code) {
        case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
        case HPDF_FILE_IO_ERROR: return "read or write error";
        case HPDF_FILE_OPEN_ERROR: return "cannot open file";
        case HPDF_INVALID_DATE_TIME: return "invalid date";
        case HPDF_INVALID_DESTINATION: return "invalid link or bookmark target";
        case HPDF_INVALID_FONTDEF_DATA:
        case HPDF_INVALID_FONT_NAME:
        case HPDF_TTF_INVALID_CMAP:
        case HPDF_TTF_INVALID_FOMAT:
        case HPDF_TTF_MISSING_TABLE:
        case HPDF_UNSUPPORTED_FONT_TYPE: return "not a usable TrueType font";
        case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "the font's licence flags forbid embedding";
        case HPDF_INVALID_IMAGE:
        case HPDF_INVALID_PNG_IMAGE:
        case HPDF_LIBPNG_ERROR: return "not a PNG image libharu can read";
        case HPDF_INVALID_JPEG_DATA:
        case HPDF_UNSUPPORTED_JPEG_FORMAT: return "not a JPEG image libharu can read";
        case HPDF_INVALID_URI: return "invalid link address";
        case HPDF_PAGE_INVALID_SIZE: return "page size out of range";
        case HPDF_ZLIB_ERROR: return "compression failed";
        default: return nullptr;
    }
}

}  // namespace

std::string describe_haru_error(HPDF_STATUS code, HPDF_STATUS detail) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%04X", static_cast<unsigned>(code));
    std::string out = std::string("libharu error ") + hex;
    if (const char* reason = haru_reason(code)) out += std::string(": ") + reason;
    // For file errors libharu's detail is errno.
    if ((code == HPDF_FILE_OPEN_ERROR || code == HPDF_FILE_IO_ERROR) && detail != 0)
        out += std::string(" (") + std::strerror(static_cast<int>(detail)) + ")";
    return out;
}

Doc::Doc() {
    doc_ = HPDF_New(&Doc::on_error, &recorded_);
    if (doc_ == nullptr) throw Failure("cannot start a PDF document (out of memory)");
}

Doc::~Doc() { HPDF_Free(doc_); }

void Doc::on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) noexcept {
    auto* r = static_cast<Recorded*>(user);
    if (r->code == HPDF_OK) *r = Recorded{code, detail};  // the first error is the cause
}

void Doc::check(HPDF_STATUS status, const std::string& what) {
    if (status != HPDF_OK || recorded_.code != HPDF_OK || HPDF_GetError(doc_) != HPDF_OK)
        fail(what, status);
}

void Doc::fail(const std::string& what, HPDF_STATUS status) {
    HPDF_STATUS code = recorded_.code, detail = recorded_.detail;
    if (code == HPDF_OK) {
        code = HPDF_GetError(doc_);
        detail = HPDF_GetErrorDetail(doc_);
    }
    if (code == HPDF_OK) code = status;
    throw Failure(code == HPDF_OK ? what : what + ": " + describe_haru_error(code, detail));
}

}  // namespace bp::pdf
