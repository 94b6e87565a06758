// pdf: page boxes -> a PDF file. In: a finished PackBox. Out: a file, written
// to a temporary name beside the target and renamed into place only when
// complete, so a failed build never leaves a half-written PDF. Sole libharu
// writer. Never decides layout: every position comes from the boxes.
#pragma once
#include <string>

#include "core/boxes.hpp"

namespace bp {

struct PdfOptions {
    int threads = 0;  // page-stream compression threads; 0 = hardware concurrency (max 4)
};

// Returns true on success; on failure *error says what went wrong and no
// file exists at out_path (nor a temporary one).
bool write_pdf(const PackBox& pack, const std::string& out_path, const PdfOptions& options,
               std::string* error);

}  // namespace bp
