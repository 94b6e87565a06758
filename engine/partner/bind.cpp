// Binding partner pages into the finished pack: each pack page that shows a
// partner page gets that page's content as a form XObject, under the name
// its content stream already draws.
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <map>
#include <memory>
#include <stdexcept>

#include "partner/partner.hpp"

namespace bp::partner {

namespace {

// The partner files, each opened once however many of its pages are bound;
// they stay open until the pack is written, which reads their streams then.
class Sources {
public:
    QPDFPageObjectHelper page(const std::string& path, int index) {
        auto it = open_.find(path);
        if (it == open_.end()) {
            Source s;
            s.pdf = std::make_unique<QPDF>();
            s.pdf->setSuppressWarnings(true);
            s.pdf->setAttemptRecovery(false);
            s.pdf->processFile(path.c_str());
            s.pages = QPDFPageDocumentHelper(*s.pdf).getAllPages();
            it = open_.emplace(path, std::move(s)).first;
        }
        const std::vector<QPDFPageObjectHelper>& pages = it->second.pages;
        if (index < 0 || static_cast<std::size_t>(index) >= pages.size())
            throw std::runtime_error(path + " no longer has a page " + std::to_string(index + 1) +
                                     " (it changed while the pack was built)");
        return pages[static_cast<std::size_t>(index)];
    }

private:
    struct Source {
        std::unique_ptr<QPDF> pdf;
        std::vector<QPDFPageObjectHelper> pages;
    };
    std::map<std::string, Source> open_;
};

QPDFObjectHandle number(Mpt v) { return QPDFObjectHandle::newReal(to_pt(v), 3, true); }

// The partner page as a form XObject showing exactly its CropBox. Its turn
// is left to the pack page's matrix, so the form is the page as drawn.
QPDFObjectHandle page_form(QPDFPageObjectHelper& page, const PartnerPage& box) {
    QPDFObjectHandle form = page.getFormXObjectForPage(false);
    form.getDict().replaceKey("/BBox", QPDFObjectHandle::newArray(std::vector<QPDFObjectHandle>{
                                           number(box.x0), number(box.y0), number(box.x1), number(box.y1)}));
    return form;
}

void give_form(QPDFPageObjectHelper& pack_page, QPDFObjectHandle form) {
    QPDFObjectHandle resources = pack_page.getAttribute("/Resources", true);
    if (!resources.isDictionary()) {
        resources = QPDFObjectHandle::newDictionary();
        pack_page.getObjectHandle().replaceKey("/Resources", resources);
    }
    QPDFObjectHandle xobjects = resources.getKey("/XObject");
    if (!xobjects.isDictionary()) {
        xobjects = QPDFObjectHandle::newDictionary();
        resources.replaceKey("/XObject", xobjects);
    } else if (xobjects.isIndirect()) {
        xobjects = xobjects.shallowCopy();  // never change a dictionary another page shares
        resources.replaceKey("/XObject", xobjects);
    }
    xobjects.replaceKey(std::string("/") + kResourceName, form);
}

}  // namespace

std::string bind_pages(const std::string& pack, const std::vector<Placement>& placements) {
    QPDF out;
    out.setSuppressWarnings(true);
    out.processMemoryFile("pack", pack.data(), pack.size());
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(out).getAllPages();
    Sources sources;
    for (const Placement& p : placements) {
        if (p.pack_page >= pages.size()) throw std::logic_error("a partner page is placed after the pack's last page");
        try {
            QPDFPageObjectHelper source = sources.page(p.path, p.page);
            give_form(pages[p.pack_page], out.copyForeignObject(page_form(source, p.source)));
        } catch (const QPDFExc& e) {
            throw std::runtime_error(p.path + ": " + e.getMessageDetail());
        }
    }
    QPDFWriter w(out);
    w.setOutputMemory();
    // The /ID comes from the content, not the clock: the same pack, the same bytes.
    w.setDeterministicID(true);
    // The pack's own streams are deflated already; leave every stream's
    // filters as they are, compressing only what is not.
    w.setDecodeLevel(qpdf_dl_none);
    w.write();
    std::shared_ptr<Buffer> bytes = w.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(bytes->getBuffer()), bytes->getSize());
}

}  // namespace bp::partner
