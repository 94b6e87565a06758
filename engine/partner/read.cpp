// Reading a partner PDF's facts: its pages' boxes and turns, and what
// binding will have to drop.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <cmath>
#include <exception>

#include "partner/module.hpp"
#include "partner/partner.hpp"
#include "partner/structure.hpp"

namespace bp::partner {

namespace {

// Beyond this a coordinate is nonsense, and millipoints would overflow.
constexpr double kMaxCoordinate = 1e7;

bool is_true(QPDFObjectHandle h) { return h.isBool() && h.getBoolValue(); }

// A clockwise turn of 0, 90, 180 or 270 degrees; PDF allows any multiple
// of 90, negative ones too.
int quarter_turn(QPDFObjectHandle rotate) {
    if (!rotate.isInteger()) return 0;
    const long long r = ((rotate.getIntValue() % 360) + 360) % 360;
    return r % 90 == 0 ? static_cast<int>(r) : 0;
}

std::string page_name(std::size_t index) { return "page " + std::to_string(index + 1); }

// The page's CropBox (its MediaBox when it has none), clipped to the
// MediaBox as viewers clip it.
std::optional<PartnerPage> page_facts(QPDFPageObjectHelper& page, std::size_t index, std::string& reason) {
    QPDFObjectHandle media = page.getMediaBox();
    QPDFObjectHandle crop = page.getCropBox();
    if (!media.isRectangle()) {
        reason = page_name(index) + " has no page size (its MediaBox is missing or not a rectangle)";
        return std::nullopt;
    }
    QPDFObjectHandle::Rectangle m = media.getArrayAsRectangle();
    QPDFObjectHandle::Rectangle c = crop.isRectangle() ? crop.getArrayAsRectangle() : m;
    for (double v : {m.llx, m.lly, m.urx, m.ury, c.llx, c.lly, c.urx, c.ury})
        if (!std::isfinite(v) || std::fabs(v) > kMaxCoordinate) {
            reason = page_name(index) + " has a page box with a coordinate out of range";
            return std::nullopt;
        }
    const double x0 = std::max(std::min(c.llx, c.urx), std::min(m.llx, m.urx));
    const double y0 = std::max(std::min(c.lly, c.ury), std::min(m.lly, m.ury));
    const double x1 = std::min(std::max(c.llx, c.urx), std::max(m.llx, m.urx));
    const double y1 = std::min(std::max(c.lly, c.ury), std::max(m.lly, m.ury));
    PartnerPage p;
    p.x0 = pt(x0);
    p.y0 = pt(y0);
    p.x1 = pt(x1);
    p.y1 = pt(y1);
    // Less than a point across shows nothing a reader could see.
    if (p.x1 - p.x0 < pt(1) || p.y1 - p.y0 < pt(1)) {
        reason = page_name(index) + " has a size of zero";
        return std::nullopt;
    }
    p.rotate = quarter_turn(page.getAttribute("/Rotate", false));
    return p;
}

// The web or e-mail address a link opens, or "" for any other link.
std::string link_address(QPDFObjectHandle link) {
    QPDFObjectHandle action = link.getKey("/A");
    if (!action.isDictionary()) return {};
    QPDFObjectHandle kind = action.getKey("/S"), uri = action.getKey("/URI");
    if (!kind.isName() || kind.getName() != "/URI" || !uri.isString()) return {};
    std::string address = uri.getUTF8Value();
    for (const char* scheme : {"http://", "https://", "mailto:"})
        if (address.rfind(scheme, 0) == 0 && address.size() < 2048) return address;
    return {};
}

// The 0-based page of `pdf` a destination opens, or -1: an explicit
// destination ([page /XYZ ...]), a named one (looked up in the document's
// /Dests or its name tree), or a dictionary holding one in /D.
int destination_page(QPDF& pdf, QPDFOutlineDocumentHelper& outlines, QPDFObjectHandle dest) {
    if (dest.isName() || dest.isString()) dest = outlines.resolveNamedDest(dest);
    if (dest.isDictionary()) dest = dest.getKey("/D");
    if (!dest.isArray() || dest.getArrayNItems() < 1) return -1;
    QPDFObjectHandle page = dest.getArrayItem(0);
    if (!page.isPageObject()) return -1;
    try {
        return pdf.findPage(page);
    } catch (const std::exception&) {
        return -1;  // a page object outside the page tree
    }
}

// The page of the same PDF a link opens, or -1 for any other link.
int link_target_page(QPDF& pdf, QPDFOutlineDocumentHelper& outlines, QPDFObjectHandle link) {
    if (link.hasKey("/Dest")) return destination_page(pdf, outlines, link.getKey("/Dest"));
    QPDFObjectHandle action = link.getKey("/A");
    if (!action.isDictionary()) return -1;
    QPDFObjectHandle kind = action.getKey("/S");
    if (!kind.isName() || kind.getName() != "/GoTo") return -1;
    return destination_page(pdf, outlines, action.getKey("/D"));
}

bool finite_rect(const QPDFObjectHandle::Rectangle& r) {
    for (double v : {r.llx, r.lly, r.urx, r.ury})
        if (!std::isfinite(v) || std::fabs(v) > kMaxCoordinate) return false;
    return true;
}

void read_annotations(QPDF& pdf, QPDFOutlineDocumentHelper& outlines, QPDFPageObjectHelper& page,
                      PartnerPage& facts_page, Facts& facts) {
    QPDFObjectHandle annots = page.getObjectHandle().getKey("/Annots");
    if (!annots.isArray()) return;
    for (QPDFObjectHandle a : annots.aitems()) {
        if (!a.isDictionary()) continue;
        QPDFObjectHandle subtype = a.getKey("/Subtype");
        if (subtype.isName() && subtype.getName() == "/Link") {
            QPDFObjectHandle rect = a.getKey("/Rect");
            std::string address = link_address(a);
            const int target = address.empty() ? link_target_page(pdf, outlines, a) : -1;
            if ((address.empty() && target < 0) || !rect.isRectangle()) {
                ++facts.other_links;
                continue;
            }
            QPDFObjectHandle::Rectangle r = rect.getArrayAsRectangle();
            if (!finite_rect(r)) {
                ++facts.other_links;
                continue;
            }
            facts_page.links.push_back(PartnerLink{pt(std::min(r.llx, r.urx)), pt(std::min(r.lly, r.ury)),
                                                   pt(std::max(r.llx, r.urx)), pt(std::max(r.lly, r.ury)),
                                                   std::move(address), target});
        } else if (!(subtype.isName() && subtype.getName() == "/Popup"))  // a popup goes with its comment
            ++facts.annotations;
    }
}

// Outlines deeper or longer than this are not a reader's table of contents.
constexpr int kMaxOutlineDepth = 8;
constexpr std::size_t kMaxOutlineEntries = 10000;

// The entries that open a page, depth first; an entry without a page is
// left out and its kids take its place.
void read_outline(QPDF& pdf, std::vector<QPDFOutlineObjectHelper> entries, int depth, Facts& facts) {
    if (depth >= kMaxOutlineDepth) return;
    for (QPDFOutlineObjectHelper& e : entries) {
        if (facts.outline.size() >= kMaxOutlineEntries) return;
        QPDFObjectHandle page = e.getDestPage();
        int index = -1;
        if (page.isPageObject()) {
            try {
                index = pdf.findPage(page);
            } catch (const std::exception&) {
                index = -1;  // a destination outside the page tree
            }
        }
        std::string title = e.getTitle();
        if (index >= 0 && !title.empty()) facts.outline.push_back(PartnerBookmark{std::move(title), index, depth});
        read_outline(pdf, e.getKids(), index >= 0 ? depth + 1 : depth, facts);
    }
}

void document_facts(QPDF& pdf, Facts& facts) {
    QPDFObjectHandle root = pdf.getRoot();
    if (is_true(root.getKey("/MarkInfo").getKeyIfDict("/Marked")) && root.getKey("/StructTreeRoot").isDictionary())
        facts.tagged = read_tree(pdf, facts.structure_problem).has_value();
    QPDFObjectHandle fields = root.getKey("/AcroForm").getKeyIfDict("/Fields");
    facts.form = fields.isArray() && fields.getArrayNItems() > 0;
    QPDFObjectHandle names = root.getKey("/Names");
    facts.javascript = names.getKeyIfDict("/JavaScript").isDictionary() || root.getKey("/AA").isDictionary();
    facts.embedded_files = names.getKeyIfDict("/EmbeddedFiles").isDictionary();
    facts.open_action = !root.getKey("/OpenAction").isNull();
}

}  // namespace

std::optional<Facts> module::read_facts(const std::string& path, std::string& reason) {
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        // A damaged file is refused, not patched up: qpdf's recovery can
        // silently lose pages, and the pack's page ranges would be wrong.
        pdf.setAttemptRecovery(false);
        pdf.processFile(path.c_str());
        Facts facts;
        std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
        if (pages.empty()) {
            reason = "it has no pages";
            return std::nullopt;
        }
        facts.pages.reserve(pages.size());
        QPDFOutlineDocumentHelper outlines(pdf);
        for (std::size_t i = 0; i < pages.size(); ++i) {
            std::optional<PartnerPage> p = page_facts(pages[i], i, reason);
            if (!p) return std::nullopt;
            read_annotations(pdf, outlines, pages[i], *p, facts);
            facts.pages.push_back(std::move(*p));
        }
        document_facts(pdf, facts);
        read_outline(pdf, outlines.getTopLevelOutlines(), 0, facts);
        return facts;
    } catch (const QPDFExc& e) {
        if (e.getErrorCode() == qpdf_e_password)
            reason = "it is encrypted with a password (qpdf: " + e.getMessageDetail() + ")";
        else
            reason = "it is damaged or truncated (qpdf: " + e.getMessageDetail() + ")";
    } catch (const std::exception& e) {
        reason = std::string("qpdf cannot read it (") + e.what() + ")";
    }
    return std::nullopt;
}

}  // namespace bp::partner
