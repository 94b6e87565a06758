// Binding partner pages into the finished pack: each pack page that shows a
// partner page gets that page as a form XObject (copy.hpp: what it shows,
// nothing else), under the name its content stream already draws.
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

#include "partner/copy.hpp"
#include "partner/module.hpp"
#include "partner/pages.hpp"
#include "partner/partner.hpp"
#include "partner/refusal.hpp"
#include "partner/structure.hpp"

namespace bp::partner {

namespace {

// The partner files, each opened once however many of its pages are bound,
// with its page copier; they stay open until the pack is written, which
// reads their images and fonts then.
class Sources {
public:
    Sources(QPDF& out, const PartnerBudgets& budgets) : out_(out), budgets_(budgets) {
        decoded_.pack_left = static_cast<std::uint64_t>(budgets.pack_mb) << 20;
    }

    struct Source {
        std::unique_ptr<QPDF> pdf;
        PageList pages;
        std::unique_ptr<PageCopier> copier;
    };

    Source& open(const std::string& path) {
        auto it = open_.find(path);
        if (it == open_.end()) {
            Source s;
            s.pdf = open_pdf(path);
            s.pages = read_pages(*s.pdf);
            s.copier = std::make_unique<PageCopier>(*s.pdf, out_, budgets_, decoded_, true);
            it = open_.emplace(path, std::move(s)).first;
        }
        return it->second;
    }

    // The partner page as a form XObject showing exactly its CropBox. Its
    // turn is left to the pack page's matrix, so the form is the page as drawn.
    QPDFObjectHandle page_form(const Placement& p) {
        Source& s = open(p.path);
        if (p.page < 0 || static_cast<std::size_t>(p.page) >= s.pages.pages.size())
            throw Refused("it no longer has a page " + std::to_string(p.page + 1) + " (it changed while the pack was built)");
        return s.copier->page_form(s.pages.pages[static_cast<std::size_t>(p.page)], p.page, p.source);
    }

private:
    QPDF& out_;
    const PartnerBudgets& budgets_;
    Decoded decoded_;  // across the pack's partner files
    std::map<std::string, Source> open_;
};

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

// Points to three decimals, as the pack writes them: the same digits on every machine.
double round3(double v) { return std::round(v * 1000) / 1000; }

// The partner's structure, for one run of pack pages that show its pages,
// copied under the pack's element `under`. Marked content in a partner
// page's own content is now in the form drawn on the pack page, so each
// reference names that form (/Stm) and the pack page (/Pg); each form that
// holds such content gets a key of the pack's parent tree.
class Graft {
public:
    Graft(QPDF& out, Sources::Source& source, long long max_elements)
        : out_(out), source_(source), max_elements_(max_elements) {}

    // Pack page and form of each partner page of the run, and the matrix
    // the pack page draws the form with.
    void place(int partner_page, QPDFObjectHandle pack_page, QPDFObjectHandle form, const std::array<double, 6>& matrix) {
        pages_[partner_page] = Shown{pack_page, form, matrix};
    }

    void under(QPDFObjectHandle parent) {
        QPDFObjectHandle root = out_.getRoot().getKey("/StructTreeRoot");
        role_map_ = root.getKey("/RoleMap");
        if (!role_map_.isDictionary()) {
            role_map_ = QPDFObjectHandle::newDictionary();
            root.replaceKey("/RoleMap", role_map_);
        }
        std::string reason;
        std::optional<Tree> tree = read_tree(*source_.pdf, source_.pages, max_elements_, reason);
        if (!tree) throw Refused(reason + " (it changed while the pack was built)");
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
        for (const auto& [key, bytes] : e.texts) d.replaceKey(key, QPDFObjectHandle::newString(bytes));
        attributes(e, d);
        std::vector<QPDFObjectHandle> kids;
        for (const TreeKid& k : e.kids) add_kid(k, d, kids);
        d.replaceKey("/K", QPDFObjectHandle::newArray(kids));
        return d;
    }

    // The element's attributes, each set made once in the pack. A layout
    // attribute's /BBox (a figure's, a table's) is in the partner page's
    // space: it moves with the page to where the pack page shows it, in a
    // set of the element's own.
    void attributes(const TreeElement& e, QPDFObjectHandle d) {
        std::vector<QPDFObjectHandle> sets;
        for (std::size_t index : e.attributes) {
            QPDFObjectHandle source = tree_->attributes[index];
            if (!source.hasKey("/BBox")) {
                auto [it, fresh] = attribute_sets_.try_emplace(index);
                if (fresh) it->second = out_.makeIndirectObject(source.shallowCopy());
                sets.push_back(it->second);
                continue;
            }
            QPDFObjectHandle own = source.shallowCopy();
            move_box(e, own);
            sets.push_back(own);
        }
        if (sets.size() == 1) d.replaceKey("/A", sets.front());
        if (sets.size() > 1) d.replaceKey("/A", QPDFObjectHandle::newArray(sets));
    }

    void move_box(const TreeElement& e, QPDFObjectHandle a) {
        const Shown* shown = nullptr;
        for (const TreeKid& k : e.kids)
            if (!k.is_element && pages_.count(k.page)) {
                shown = &pages_.at(k.page);
                break;
            }
        if (shown == nullptr || !a.getKey("/BBox").isRectangle()) {
            a.removeKey("/BBox");  // on no page of this run: no place to give it
            return;
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
        a.replaceKey("/BBox", QPDFObjectHandle::newFromRectangle(
                                  QPDFObjectHandle::Rectangle(round3(x0), round3(y0), round3(x1), round3(y1))));
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
        QPDFObjectHandle form = stream.isNull() ? shown->second.form : source_.copier->form_copy(stream.getObjGen());
        if (form.isNull()) return;  // a form no bound page draws
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
    Sources::Source& source_;
    const long long max_elements_;
    const Tree* tree_ = nullptr;
    std::map<std::size_t, QPDFObjectHandle> attribute_sets_;  // by Tree::attributes index, made in the pack
    QPDFObjectHandle role_map_;  // the pack's, which the partner's custom types join
    std::map<int, Shown> pages_;
    std::map<QPDFObjGen, Owned> owners_;  // by form, in object order: the same keys every time
};

}  // namespace

bool module::bind_pages(const std::string& pack, const std::vector<Placement>& placements,
                        const PartnerBudgets& budgets, std::string& bound, std::size_t& at, Refusal& why) {
    at = 0;
    try {
        QPDF out;
        out.setSuppressWarnings(true);
        out.processMemoryFile("pack", pack.data(), pack.size());
        std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(out).getAllPages();
        Sources sources(out, budgets);
        // Runs of placements with the same file and the same element to graft
        // under: one partner PDF as bound in one place.
        std::vector<std::unique_ptr<Graft>> grafts;
        std::vector<std::size_t> graft_at;  // each graft's first placement
        const Placement* run = nullptr;
        auto finish_run = [&] {
            if (run != nullptr && run->graft_under != 0)
                grafts.back()->under(out.getObjectByID(static_cast<int>(run->graft_under), 0));
        };
        for (std::size_t i = 0; i < placements.size(); ++i) {
            const Placement& p = placements[i];
            at = i;
            if (p.pack_page >= pages.size()) throw std::logic_error("a partner page is placed after the pack's last page");
            QPDFObjectHandle form = sources.page_form(p);
            give_form(pages[p.pack_page], form);
            if (p.graft_under == 0) continue;
            if (run == nullptr || run->path != p.path || run->graft_under != p.graft_under) {
                if (run != nullptr) at = graft_at.back();
                finish_run();
                at = i;
                grafts.push_back(std::make_unique<Graft>(out, sources.open(p.path), budgets.elements));
                graft_at.push_back(i);
                run = &p;
            }
            grafts.back()->place(p.page, pages[p.pack_page].getObjectHandle(), form, p.matrix);
        }
        if (run != nullptr) {
            at = graft_at.back();
            finish_run();
            QPDFObjectHandle root = out.getRoot().getKey("/StructTreeRoot");
            QPDFObjectHandle next = root.getKey("/ParentTreeNextKey");
            long long key = next.isInteger() ? next.getIntValue() : 0;
            for (const auto& g : grafts) key = g->number(root.getKey("/ParentTree"), key);
            root.replaceKey("/ParentTreeNextKey", QPDFObjectHandle::newInteger(key));
        }
        // From here a failure is the pack's, whichever file's stream it was.
        at = placements.empty() ? 0 : placements.size() - 1;
        QPDFWriter w(out);
        w.setOutputMemory();
        // The /ID comes from the content, not the clock: the same pack, the same bytes.
        w.setDeterministicID(true);
        // The pack's own streams are deflated already; leave every stream's
        // filters as they are, compressing only what is not.
        w.setDecodeLevel(qpdf_dl_none);
        w.write();
        std::shared_ptr<Buffer> bytes = w.getBufferSharedPointer();
        bound.assign(reinterpret_cast<const char*>(bytes->getBuffer()), bytes->getSize());
        return true;
    } catch (const Refused& r) {
        why = Refusal{excerpt(r.reason), r.budget};
    } catch (const QPDFExc& e) {
        why.reason = "it can no longer be read (qpdf: " + excerpt(e.getMessageDetail()) + ")";
    } catch (const std::exception& e) {
        why.reason = "it can no longer be read (" + excerpt(e.what()) + ")";
    }
    return false;
}

}  // namespace bp::partner
