// A partner page copied into another PDF as a form XObject holding only
// what the page shows: its content (less what its switched-off layers hold)
// and the resources that content names, each object copied once, each
// dictionary with the keys its kind of object has in ISO 32000 and nothing
// else. A catalog, an action, an annotation, an attachment, a form field,
// metadata or an unknown key is never reached. Internal to engine/partner.
#pragma once
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>

#include "core/partner_page.hpp"

namespace bp::partner {

// The document's optional content as its default configuration shows it
// (/OCProperties /D: /BaseState, /ON, /OFF).
class Layers {
public:
    explicit Layers(QPDF& pdf);
    bool any_off() const { return any_off_; }
    // Whether content marked with `oc` (a group, /OCG, or a membership
    // dictionary, /OCMD) is hidden. A membership too large to weigh (more
    // than kMaxTerms groups and terms of its expression, however they are
    // shared) counts as hidden: what might be hidden is never printed.
    bool off(QPDFObjectHandle oc) const;
    static constexpr int kMaxTerms = 4096;

private:
    bool group_off(QPDFObjectHandle group) const;
    bool membership_off(QPDFObjectHandle oc) const;
    bool any_off_ = false, base_off_ = false;
    std::set<QPDFObjGen> listed_, on_, off_;
    mutable std::map<QPDFObjGen, bool> weighed_;  // memberships already weighed, by object
};

// Decoded content counted against the budgets, across the pages of a pass.
struct Decoded {
    std::uint64_t total = 0;      // every page so far
    std::uint64_t pack_left = 0;  // what the pack's budget allows before this pass
};

class PageCopier {
public:
    // keep_content: false to check only (what binding would copy, the
    // budgets, damage), without building any content for writing.
    PageCopier(QPDF& source, QPDF& out, const PartnerBudgets& budgets, Decoded& decoded, bool keep_content);
    ~PageCopier();
    PageCopier(const PageCopier&) = delete;
    PageCopier& operator=(const PageCopier&) = delete;

    // The page (index: 0-based) as a form XObject of `out` showing exactly
    // `box`. Throws Refused.
    QPDFObjectHandle page_form(QPDFObjectHandle page, int index, const PartnerPage& box);
    // Whether the last page_form left content of a switched-off layer out.
    bool last_page_hid() const { return hid_; }
    // The copy of a form XObject of the source that a copied page draws;
    // a null handle when none has drawn it.
    QPDFObjectHandle form_copy(QPDFObjGen source) const;

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
    bool hid_ = false;
};

}  // namespace bp::partner
