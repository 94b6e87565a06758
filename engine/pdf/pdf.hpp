// pdf: page boxes -> a PDF file. In: a finished PackBox. Out: a file, written
// to a temporary name beside the target and renamed into place only when
// complete, so a failed build never leaves a half-written PDF. Sole libharu
// writer. Never decides layout: every position comes from the boxes.
#pragma once
#include <optional>
#include <string>

#include "core/boxes.hpp"

namespace bp {

struct PdfOptions {
    int threads = 0;  // page-stream compression threads; 0 = hardware concurrency (max 4)
    // false only to measure what tagging costs: no structure tree and no
    // marked content, so the PDF is not accessible.
    bool tagged = true;
    // How partner pages are bound: the module, the budgets.
    PartnerOptions partner{};
};

// A partner PDF that could not be bound into the pack: the fault is the
// input's, located at the paper that names it, not the output's.
struct PartnerBindError {
    SourceLoc loc;
    std::string message;  // "the PDF "x.pdf" cannot be bound: ..."
    std::string budget;   // the budget it exceeds, if that is why
};

// Returns true on success. On failure *error says what went wrong, in words
// that follow the path ("cannot be written: the disk is full"), no temporary
// file is left behind, and out_path is as it was: absent, or the previous
// file untouched. out_path "-" writes to standard output. When a partner
// PDF is at fault and `partner_error` is given, it says where and why.
bool write_pdf(const PackBox& pack, const std::string& out_path, const PdfOptions& options,
               std::string* error, PartnerBindError* partner_error = nullptr);

// The same bytes, from a pack the caller gives up: each page's items are
// freed as soon as its content stream is built, so a long pack is not held
// whole while the file is written. Only the pages' sizes are left in it.
bool write_pdf(PackBox&& pack, const std::string& out_path, const PdfOptions& options,
               std::string* error, PartnerBindError* partner_error = nullptr);

// The title of a PDF that boardpack wrote, read from its XMP metadata; nullopt
// when the file at `path` is not one (or cannot be read). How a build tells
// an earlier edition of its own (a supplement now stale) from anyone else's
// file, which it never removes.
std::optional<std::string> title_of_written_pdf(const std::string& path);

// True when this libharu lets write_pdf deflate page streams on several
// threads and hand them over finished (it relies on 2.3.0's struct layout).
// When false, libharu deflates them at save on one thread; the bytes written
// are the same either way, only slower.
bool pdf_parallel_deflate_available();

}  // namespace bp
