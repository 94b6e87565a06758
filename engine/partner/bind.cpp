// Binding partner pages into the finished pack: each pack page that shows a
// partner page gets that page's content as a form XObject, under the name
// its content stream already draws.
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <qpdf/QPDFNumberTreeObjectHelper.hh>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <stdexcept>

#include "partner/module.hpp"
#include "partner/partner.hpp"
#include "partner/structure.hpp"

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

    // The open file at `path` (page() has opened it).
    QPDF& pdf(const std::string& path) { return *open_.at(path).pdf; }

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

// A copy, owned by the pack, of a value made of numbers, names, strings,
// arrays and dictionaries (an element's attributes); streams and anything
// deeper than a few levels are left out.
QPDFObjectHandle plain_copy(QPDFObjectHandle h, int depth = 0) {
    if (depth > 8 || h.isStream()) return QPDFObjectHandle::newNull();
    if (h.isArray()) {
        QPDFObjectHandle a = QPDFObjectHandle::newArray();
        for (QPDFObjectHandle item : h.aitems()) a.appendItem(plain_copy(item, depth + 1));
        return a;
    }
    if (h.isDictionary()) {
        QPDFObjectHandle d = QPDFObjectHandle::newDictionary();
        for (const auto& [key, value] : h.ditems()) d.replaceKey(key, plain_copy(value, depth + 1));
        return d;
    }
    // Fresh scalars: even a direct one belongs to the partner's file.
    if (h.isInteger()) return QPDFObjectHandle::newInteger(h.getIntValue());
    if (h.isReal()) return QPDFObjectHandle::newReal(h.getRealValue());
    if (h.isName()) return QPDFObjectHandle::newName(h.getName());
    if (h.isString()) return QPDFObjectHandle::newString(h.getStringValue());
    if (h.isBool()) return QPDFObjectHandle::newBool(h.getBoolValue());
    return QPDFObjectHandle::newNull();
}

// Points to three decimals, as the pack writes them: the same digits on every machine.
double round3(double v) { return std::round(v * 1000) / 1000; }

// The partner's structure, for one run of pack pages that show its pages,
// copied under the pack's element `under`. Marked content in a partner
// page's own content is now in the form drawn on the pack page, so each
// reference names that form (/Stm) and the pack page (/Pg); each form that
// holds such content gets a key of the pack's parent tree.
class Graft {
public:
    Graft(QPDF& out, QPDF& source) : out_(out), source_(source) {}

    // Pack page and form of each partner page of the run, and the matrix
    // the pack page draws the form with.
    void place(int partner_page, QPDFObjectHandle pack_page, QPDFObjectHandle form, const std::array<double, 6>& matrix) {
        pages_[partner_page] = Shown{pack_page, form, matrix};
    }

    void under(QPDFObjectHandle parent, const std::string& path) {
        QPDFObjectHandle root = out_.getRoot().getKey("/StructTreeRoot");
        role_map_ = root.getKey("/RoleMap");
        if (!role_map_.isDictionary()) {
            role_map_ = QPDFObjectHandle::newDictionary();
            root.replaceKey("/RoleMap", role_map_);
        }
        std::string reason;
        std::optional<Tree> tree = read_tree(source_, reason);
        if (!tree) throw std::runtime_error(path + ": " + reason + " (it changed while the pack was built)");
        tree_ = &*tree;
        std::vector<QPDFObjectHandle> kids;
        for (std::size_t top : tree->top) {
            const TreeElement& e = tree->elements[top];
            if (e.role != "Document") {
                kids.push_back(element(top, parent));
                continue;
            }
            // The partner's Document is the pack's section: its kids go in directly.
            for (const TreeKid& k : e.kids) add_kid(k, parent, kids);
        }
        QPDFObjectHandle old = parent.getKey("/K");
        if (old.isArray())
            for (QPDFObjectHandle k : old.aitems()) kids.push_back(k);
        else if (!old.isNull())
            kids.push_back(old);
        parent.replaceKey("/K", QPDFObjectHandle::newArray(kids));
        tree_ = nullptr;
    }

    // Gives each form holding marked content its parent-tree key, from
    // `next_key` on; returns the next free key.
    long long number(QPDFObjectHandle parent_tree, long long next_key) {
        QPDFNumberTreeObjectHelper numbers(parent_tree, out_);
        for (auto& [objgen, owned] : owners_) {
            QPDFObjectHandle array = QPDFObjectHandle::newArray();
            for (const QPDFObjectHandle& e : owned.by_mcid) array.appendItem(e);
            owned.form.getDict().replaceKey("/StructParents", QPDFObjectHandle::newInteger(next_key));
            numbers.insert(next_key++, out_.makeIndirectObject(array));
        }
        return next_key;
    }

private:
    struct Shown {
        QPDFObjectHandle page, form;
        std::array<double, 6> matrix;
    };
    struct Owned {
        QPDFObjectHandle form;
        std::vector<QPDFObjectHandle> by_mcid;  // null where no element owns it
    };

    QPDFObjectHandle element(std::size_t index, QPDFObjectHandle parent) {
        const TreeElement& e = tree_->elements[index];
        QPDFObjectHandle d = out_.makeIndirectObject(QPDFObjectHandle::newDictionary());
        d.replaceKey("/Type", QPDFObjectHandle::newName("/StructElem"));
        d.replaceKey("/S", QPDFObjectHandle::newName("/" + type_of(e)));
        d.replaceKey("/P", parent);
        for (const char* key : {"/T", "/Alt", "/ActualText", "/E", "/Lang", "/A"}) {
            QPDFObjectHandle v = QPDFObjectHandle(e.dict).getKey(key);
            if (!v.isNull()) d.replaceKey(key, plain_copy(v));
        }
        move_boxes(e, d.getKey("/A"));
        std::vector<QPDFObjectHandle> kids;
        for (const TreeKid& k : e.kids) add_kid(k, d, kids);
        d.replaceKey("/K", QPDFObjectHandle::newArray(kids));
        return d;
    }

    // A layout attribute's /BBox (a figure's, a table's) is in the partner
    // page's space: it moves with the page to where the pack page shows it.
    void move_boxes(const TreeElement& e, QPDFObjectHandle attributes) {
        const Shown* shown = nullptr;
        for (const TreeKid& k : e.kids)
            if (!k.is_element && pages_.count(k.page)) {
                shown = &pages_.at(k.page);
                break;
            }
        std::vector<QPDFObjectHandle> sets;
        if (attributes.isArray())
            sets = attributes.getArrayAsVector();
        else
            sets.push_back(attributes);
        for (QPDFObjectHandle a : sets) {
            if (!a.isDictionary() || !a.getKey("/BBox").isRectangle()) continue;
            if (shown == nullptr) {
                a.removeKey("/BBox");  // on no page of this run: no place to give it
                continue;
            }
            const QPDFObjectHandle::Rectangle r = a.getKey("/BBox").getArrayAsRectangle();
            const std::array<double, 6>& m = shown->matrix;
            double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
            bool first = true;
            for (auto [x, y] : {std::pair{r.llx, r.lly}, {r.urx, r.lly}, {r.llx, r.ury}, {r.urx, r.ury}}) {
                const double u = m[0] * x + m[2] * y + m[4], v = m[1] * x + m[3] * y + m[5];
                x0 = first ? u : std::min(x0, u), x1 = first ? u : std::max(x1, u);
                y0 = first ? v : std::min(y0, v), y1 = first ? v : std::max(y1, v);
                first = false;
            }
            a.replaceKey("/BBox", QPDFObjectHandle::newFromRectangle(QPDFObjectHandle::Rectangle(
                                      round3(x0), round3(y0), round3(x1), round3(y1))));
        }
    }

    // The partner's own type where the pack's /RoleMap can map it to the
    // same standard type as the partner's does (its marked content is
    // tagged with that name); else the standard type itself. A Document
    // inside the partner's tree is one more group here.
    std::string type_of(const TreeElement& e) {
        if (e.role == "Document") return "Div";
        if (e.type == e.role) return e.role;
        const std::string key = "/" + e.type;
        QPDFObjectHandle mapped = role_map_.getKey(key);
        if (mapped.isNull()) {
            role_map_.replaceKey(key, QPDFObjectHandle::newName("/" + e.role));
            return e.type;
        }
        return mapped.isNameAndEquals("/" + e.role) ? e.type : e.role;
    }

    void add_kid(const TreeKid& k, QPDFObjectHandle owner, std::vector<QPDFObjectHandle>& kids) {
        if (k.is_element) {
            kids.push_back(element(k.element, owner));
            return;
        }
        auto shown = pages_.find(k.page);
        if (shown == pages_.end()) return;  // a page not bound in this run
        // Content of the page itself is in the page's form; content of a
        // form of its own is in that form's copy.
        QPDFObjectHandle stream = k.stream;  // qpdf's accessors are not const
        QPDFObjectHandle form = stream.isNull() ? shown->second.form : out_.copyForeignObject(stream);
        QPDFObjectHandle mcr = QPDFObjectHandle::newDictionary();
        mcr.replaceKey("/Type", QPDFObjectHandle::newName("/MCR"));
        mcr.replaceKey("/Pg", shown->second.page);
        mcr.replaceKey("/Stm", form);
        mcr.replaceKey("/MCID", QPDFObjectHandle::newInteger(k.mcid));
        kids.push_back(mcr);
        Owned& owned = owners_[form.getObjGen()];
        owned.form = form;
        const auto at = static_cast<std::size_t>(k.mcid);
        if (owned.by_mcid.size() <= at) owned.by_mcid.resize(at + 1, QPDFObjectHandle::newNull());
        owned.by_mcid[at] = owner;
    }

    QPDF& out_;
    QPDF& source_;
    const Tree* tree_ = nullptr;
    QPDFObjectHandle role_map_;  // the pack's, which the partner's custom types join
    std::map<int, Shown> pages_;
    std::map<QPDFObjGen, Owned> owners_;  // by form, in object order: the same keys every time
};

}  // namespace

std::string module::bind_pages(const std::string& pack, const std::vector<Placement>& placements) {
    QPDF out;
    out.setSuppressWarnings(true);
    out.processMemoryFile("pack", pack.data(), pack.size());
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(out).getAllPages();
    Sources sources;
    // Runs of placements with the same file and the same element to graft
    // under: one partner PDF as bound in one place.
    std::vector<std::unique_ptr<Graft>> grafts;
    const Placement* run = nullptr;
    for (const Placement& p : placements) {
        if (p.pack_page >= pages.size()) throw std::logic_error("a partner page is placed after the pack's last page");
        try {
            QPDFPageObjectHelper source = sources.page(p.path, p.page);
            QPDFObjectHandle form = out.copyForeignObject(page_form(source, p.source));
            give_form(pages[p.pack_page], form);
            if (p.graft_under == 0) continue;
            if (run == nullptr || run->path != p.path || run->graft_under != p.graft_under) {
                if (run != nullptr && run->graft_under != 0) grafts.back()->under(out.getObjectByID(static_cast<int>(run->graft_under), 0), run->path);
                grafts.push_back(std::make_unique<Graft>(out, sources.pdf(p.path)));
                run = &p;
            }
            grafts.back()->place(p.page, pages[p.pack_page].getObjectHandle(), form, p.matrix);
        } catch (const QPDFExc& e) {
            throw std::runtime_error(p.path + ": " + e.getMessageDetail());
        }
    }
    if (run != nullptr) {
        try {
            grafts.back()->under(out.getObjectByID(static_cast<int>(run->graft_under), 0), run->path);
            QPDFObjectHandle root = out.getRoot().getKey("/StructTreeRoot");
            QPDFObjectHandle next = root.getKey("/ParentTreeNextKey");
            long long key = next.isInteger() ? next.getIntValue() : 0;
            for (const auto& g : grafts) key = g->number(root.getKey("/ParentTree"), key);
            root.replaceKey("/ParentTreeNextKey", QPDFObjectHandle::newInteger(key));
        } catch (const QPDFExc& e) {
            throw std::runtime_error(run->path + ": " + e.getMessageDetail());
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
