// Reading a partner PDF's facts: its pages' boxes and turns, its bookmarks,
// what binding will have to drop; and every page put through the copy
// binding makes (into a scratch PDF), so that what would stop the binding
// stops the reading instead, at the paper that names the file.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>

#include <cmath>
#include <exception>
#include <map>
#include <set>

#include "partner/copy.hpp"
#include "partner/module.hpp"
#include "partner/pages.hpp"
#include "partner/partner.hpp"
#include "partner/refusal.hpp"
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

// A page's attribute, from the page or the nearest /Pages above it.
QPDFObjectHandle inherited(QPDFObjectHandle page, const char* key) {
    std::set<QPDFObjGen> seen;
    for (QPDFObjectHandle node = page; node.isDictionary() && seen.size() <= kMaxPageTreeDepth;) {
        QPDFObjectHandle v = node.getKey(key);
        if (!v.isNull()) return v;
        if (node.isIndirect() && !seen.insert(node.getObjGen()).second) break;
        node = node.getKey("/Parent");
    }
    return QPDFObjectHandle::newNull();
}

// The page's CropBox (its MediaBox when it has none), clipped to the
// MediaBox as viewers clip it.
PartnerPage page_facts(QPDFObjectHandle page, std::size_t index) {
    QPDFObjectHandle media = inherited(page, "/MediaBox");
    QPDFObjectHandle crop = inherited(page, "/CropBox");
    if (!media.isRectangle())
        throw Refused(page_name(index) + " has no page size (its MediaBox is missing or not a rectangle)");
    QPDFObjectHandle::Rectangle m = media.getArrayAsRectangle();
    QPDFObjectHandle::Rectangle c = crop.isRectangle() ? crop.getArrayAsRectangle() : m;
    for (double v : {m.llx, m.lly, m.urx, m.ury, c.llx, c.lly, c.urx, c.ury})
        if (!std::isfinite(v) || std::fabs(v) > kMaxCoordinate)
            throw Refused(page_name(index) + " has a page box with a coordinate out of range");
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
    if (p.x1 - p.x0 < pt(1) || p.y1 - p.y0 < pt(1)) throw Refused(page_name(index) + " has a size of zero");
    p.rotate = quarter_turn(inherited(page, "/Rotate"));
    return p;
}

// The document's named destinations (ISO 32000-1, 12.3.2.3): a /Dests
// dictionary by name, a /Names /Dests tree by string; the tree read once,
// with a visited set and within bounds (qpdf's own reader follows a tree
// that loops).
class Destinations {
public:
    explicit Destinations(QPDF& pdf) : root_(pdf.getRoot()) {}

    QPDFObjectHandle find(QPDFObjectHandle name) {
        if (name.isName()) {
            QPDFObjectHandle dests = root_.getKey("/Dests");
            return dests.isDictionary() ? dests.getKey(name.getName()) : QPDFObjectHandle::newNull();
        }
        if (!name.isString()) return QPDFObjectHandle::newNull();
        if (!read_) {
            read_ = true;
            QPDFObjectHandle names = root_.getKey("/Names");
            if (names.isDictionary()) walk(names.getKey("/Dests"), 0);
        }
        auto it = by_string_.find(name.getStringValue());
        return it == by_string_.end() ? QPDFObjectHandle::newNull() : it->second;
    }

private:
    static constexpr int kMaxDepth = 32;
    static constexpr std::size_t kMaxNames = 100000;

    void walk(QPDFObjectHandle node, int depth) {
        if (depth > kMaxDepth || !node.isDictionary() || by_string_.size() >= kMaxNames) return;
        if (node.isIndirect() && !seen_.insert(node.getObjGen()).second) return;
        QPDFObjectHandle names = node.getKey("/Names");
        if (names.isArray())
            for (int i = 0; i + 1 < names.getArrayNItems() && by_string_.size() < kMaxNames; i += 2) {
                QPDFObjectHandle key = names.getArrayItem(i);
                if (key.isString()) by_string_.emplace(key.getStringValue(), names.getArrayItem(i + 1));
            }
        QPDFObjectHandle kids = node.getKey("/Kids");
        if (kids.isArray())
            for (QPDFObjectHandle kid : kids.aitems()) walk(kid, depth + 1);
    }

    QPDFObjectHandle root_;
    bool read_ = false;
    std::set<QPDFObjGen> seen_;
    std::map<std::string, QPDFObjectHandle> by_string_;
};

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

// The 0-based page a destination opens, or -1: an explicit destination
// ([page /XYZ ...]), a named one, or a dictionary holding one in /D.
int destination_page(const PageList& pages, Destinations& named, QPDFObjectHandle dest) {
    if (dest.isName() || dest.isString()) dest = named.find(dest);
    if (dest.isDictionary()) dest = dest.getKey("/D");
    if (!dest.isArray() || dest.getArrayNItems() < 1) return -1;
    return pages.find(dest.getArrayItem(0));
}

// The page a link or a bookmark opens (by /Dest or a GoTo action), or -1.
int target_page(const PageList& pages, Destinations& named, QPDFObjectHandle item) {
    if (item.hasKey("/Dest")) return destination_page(pages, named, item.getKey("/Dest"));
    QPDFObjectHandle action = item.getKey("/A");
    if (!action.isDictionary()) return -1;
    QPDFObjectHandle kind = action.getKey("/S");
    if (!kind.isName() || kind.getName() != "/GoTo") return -1;
    return destination_page(pages, named, action.getKey("/D"));
}

bool finite_rect(const QPDFObjectHandle::Rectangle& r) {
    for (double v : {r.llx, r.lly, r.urx, r.ury})
        if (!std::isfinite(v) || std::fabs(v) > kMaxCoordinate) return false;
    return true;
}

void read_annotations(const PageList& pages, Destinations& named, QPDFObjectHandle page, PartnerPage& facts_page,
                      Facts& facts) {
    QPDFObjectHandle annots = page.getKey("/Annots");
    if (!annots.isArray()) return;
    for (QPDFObjectHandle a : annots.aitems()) {
        if (!a.isDictionary()) continue;
        QPDFObjectHandle subtype = a.getKey("/Subtype");
        if (subtype.isName() && subtype.getName() == "/Link") {
            QPDFObjectHandle rect = a.getKey("/Rect");
            std::string address = link_address(a);
            const int target = address.empty() ? target_page(pages, named, a) : -1;
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
        } else if (!(subtype.isName() && subtype.getName() == "/Popup")) {  // a popup goes with its comment
            ++facts.annotations;
        }
    }
}

// Outlines deeper than this are not a reader's table of contents; titles
// longer than this are cut.
constexpr int kMaxOutlineDepth = 8;
constexpr int kMaxOutlineNesting = 64;
constexpr std::size_t kMaxTitle = 400;

// `s` cut to `most` characters (UTF-8), with an ellipsis.
std::string cut(const std::string& s, std::size_t most, bool& was_cut) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (chars++ == most) {
            was_cut = true;
            return s.substr(0, i) + "\u2026";
        }
    }
    return s;
}

// The bookmarks that open a page, depth first, each entry once: its /Next
// and /First chains are followed with a visited set (qpdf's own outline
// reader loops forever on a /Next chain that loops). An entry without a
// page is left out and its kids take its place.
class OutlineReader {
public:
    OutlineReader(const PageList& pages, Destinations& named, long long budget, Facts& facts)
        : pages_(pages), named_(named), budget_(budget), facts_(facts) {}

    void entries(QPDFObjectHandle first, int depth, int nesting) {
        if (nesting > kMaxOutlineNesting) return;
        for (QPDFObjectHandle e = first; e.isDictionary(); e = e.getKey("/Next")) {
            if (e.isIndirect() && !seen_.insert(e.getObjGen()).second) return;  // a loop: every entry is read
            if (++read_ > budget_)
                throw Refused("it has more than " + std::to_string(budget_) + " bookmarks", "bookmarks");
            const int index = target_page(pages_, named_, e);
            if (index >= 0 && depth < kMaxOutlineDepth) {
                std::string t = title(e.getKey("/Title"));
                if (!t.empty()) facts_.outline.push_back(PartnerBookmark{std::move(t), index, depth});
            }
            entries(e.getKey("/First"), index >= 0 ? depth + 1 : depth, nesting + 1);
        }
    }

private:
    std::string title(QPDFObjectHandle h) {
        if (!h.isString()) return {};
        // One title object shared by many entries is converted once.
        if (h.isIndirect())
            if (auto it = titles_.find(h.getObjGen()); it != titles_.end()) {
                facts_.cut_titles += it->second.second ? 1 : 0;
                return it->second.first;
            }
        bool was_cut = false;
        std::string t = cut(h.getUTF8Value(), kMaxTitle, was_cut);
        facts_.cut_titles += was_cut ? 1 : 0;
        if (h.isIndirect()) titles_.emplace(h.getObjGen(), std::make_pair(t, was_cut));
        return t;
    }

    const PageList& pages_;
    Destinations& named_;
    const long long budget_;
    Facts& facts_;
    long long read_ = 0;
    std::set<QPDFObjGen> seen_;
    std::map<QPDFObjGen, std::pair<std::string, bool>> titles_;
};

void document_facts(QPDF& pdf, const PageList& pages, const PartnerBudgets& budgets, Facts& facts) {
    QPDFObjectHandle root = pdf.getRoot();
    if (is_true(root.getKey("/MarkInfo").getKeyIfDict("/Marked")) && root.getKey("/StructTreeRoot").isDictionary()) {
        std::optional<Tree> tree = read_tree(pdf, pages, budgets.elements, facts.structure_problem);
        facts.tagged = tree.has_value();
        if (tree) facts.long_texts = tree->long_texts;
    }
    QPDFObjectHandle fields = root.getKey("/AcroForm").getKeyIfDict("/Fields");
    facts.form = fields.isArray() && fields.getArrayNItems() > 0;
    QPDFObjectHandle names = root.getKey("/Names");
    facts.javascript = facts.javascript || names.getKeyIfDict("/JavaScript").isDictionary() ||
                       root.getKey("/AA").isDictionary();
    facts.embedded_files = names.getKeyIfDict("/EmbeddedFiles").isDictionary();
    facts.open_action = facts.open_action || !root.getKey("/OpenAction").isNull();
    if (pdf.isEncrypted()) {
        if (!pdf.allowPrintHighRes()) facts.restrictions.emplace_back("printing");
        if (!pdf.allowExtractAll()) facts.restrictions.emplace_back("copying its text");
    }
}

Facts facts_of(QPDF& pdf, const PartnerBudgets& budgets) {
    const PageList pages = read_pages(pdf);
    if (pages.pages.empty()) throw Refused("it has no pages");
    Facts facts;
    facts.pages.reserve(pages.pages.size());
    Destinations named(pdf);
    for (std::size_t i = 0; i < pages.pages.size(); ++i) {
        PartnerPage p = page_facts(pages.pages[i], i);
        read_annotations(pages, named, pages.pages[i], p, facts);
        if (QPDFObjectHandle(pages.pages[i]).getKey("/AA").isDictionary()) facts.open_action = true;  // run when the page opens
        facts.pages.push_back(std::move(p));
    }
    document_facts(pdf, pages, budgets, facts);
    QPDFObjectHandle outlines = pdf.getRoot().getKey("/Outlines");
    if (outlines.isDictionary()) OutlineReader(pages, named, budgets.bookmarks, facts).entries(outlines.getKey("/First"), 0, 0);
    // Each page copied as binding copies it, into a PDF thrown away.
    QPDF scratch;
    scratch.emptyPDF();
    Decoded decoded{0, static_cast<std::uint64_t>(budgets.pack_mb) << 20};
    PageCopier copier(pdf, scratch, budgets, decoded, false);
    for (std::size_t i = 0; i < pages.pages.size(); ++i) {
        copier.page_form(pages.pages[i], static_cast<int>(i), facts.pages[i]);
        if (copier.last_page_hid()) ++facts.hidden_pages;
    }
    facts.decoded_bytes = decoded.total;
    return facts;
}

}  // namespace

std::optional<Facts> module::read_facts(const std::string& path, const PartnerBudgets& budgets, Refusal& why) {
    try {
        std::unique_ptr<QPDF> pdf = open_pdf(path);
        return facts_of(*pdf, budgets);
    } catch (const Refused& r) {
        why = Refusal{excerpt(r.reason), r.budget};
    } catch (const QPDFExc& e) {
        if (e.getErrorCode() == qpdf_e_password)
            why.reason = "it is encrypted with a password (qpdf: " + excerpt(e.getMessageDetail()) + ")";
        else
            why.reason = "it is damaged or truncated (qpdf: " + excerpt(e.getMessageDetail()) + ")";
    } catch (const std::exception& e) {
        why.reason = "qpdf cannot read it (" + excerpt(e.what()) + ")";
    }
    return std::nullopt;
}

}  // namespace bp::partner
