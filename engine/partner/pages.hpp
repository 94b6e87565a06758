// A partner PDF opened and its pages found, the page tree checked by hand
// first: qpdf walks it by recursion, and a tree nested some tens of
// thousands of levels deep overflows the stack. Internal to engine/partner.
#pragma once
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace bp::partner {

// Deeper than this a page tree is not a document's (a balanced tree of a
// million pages is a few levels deep).
inline constexpr int kMaxPageTreeDepth = 256;

// The PDF at `path`, refused rather than repaired when damaged (qpdf's
// recovery can silently lose pages), its warnings kept quiet.
std::unique_ptr<QPDF> open_pdf(const std::string& path);

struct PageList {
    std::vector<QPDFObjectHandle> pages;  // in order
    std::map<QPDFObjGen, int> index;      // 0-based, by page object
    // The 0-based index of page object `h`, or -1 when it is none of them.
    int find(QPDFObjectHandle h) const;
};

// The pages of `pdf`. Throws Refused for a page tree that loops or is
// nested deeper than kMaxPageTreeDepth.
PageList read_pages(QPDF& pdf);

}  // namespace bp::partner
