// Reading a partner PDF's structure tree for grafting: every element once,
// its type mapped to a standard one, its content as (page, MCID, stream).
#include "partner/structure.hpp"

#include <map>
#include <set>
#include <string_view>
#include <utility>

namespace bp::partner {

namespace {

constexpr int kMaxDepth = 64;
constexpr std::size_t kMaxElements = 500000;
constexpr int kMaxMcid = 1000000;
constexpr std::size_t kMaxMcidSlots = 1000000;

// ISO 32000-1, 14.8.4: the types every reader knows.
constexpr std::string_view kStandardTypes[] = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6",
    "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody",
    "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby",
    "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form"};

bool is_standard(std::string_view type) {
    for (std::string_view s : kStandardTypes)
        if (s == type) return true;
    return false;
}

class TreeReader {
public:
    TreeReader(QPDF& pdf, QPDFObjectHandle root) : pdf_(pdf), role_map_(root.getKey("/RoleMap")) {}

    // The element `h` and everything under it; false (with `reason`) when
    // the tree cannot be carried over.
    bool element(QPDFObjectHandle h, int depth, std::size_t& index) {
        if (depth > kMaxDepth) return fail("it is nested more than 64 levels deep");
        if (mcid_slots > kMaxMcidSlots) return fail("its marked content is numbered beyond 1,000,000 in all");
        if (tree.elements.size() >= kMaxElements) return fail("it has more than 500,000 elements");
        if (h.isIndirect() && !seen_.insert(h.getObjGen()).second)
            return fail("an element is reached twice (object " + std::to_string(h.getObjectID()) + ")");
        QPDFObjectHandle type = h.getKey("/S");
        if (!type.isName()) return fail("an element has no type (/S)");
        index = tree.elements.size();
        tree.elements.push_back(TreeElement{h, type.getName().substr(1), standard_type(type.getName()), {}});
        QPDFObjectHandle page = h.getKey("/Pg");
        QPDFObjectHandle k = h.getKey("/K");
        std::vector<QPDFObjectHandle> kids;
        if (k.isArray())
            kids = k.getArrayAsVector();
        else if (!k.isNull())
            kids.push_back(k);
        std::vector<TreeKid> out;
        for (QPDFObjectHandle kid : kids) {
            if (kid.isInteger()) {
                content(page, kid.getIntValue(), QPDFObjectHandle::newNull(), out);
            } else if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/MCR")) {
                QPDFObjectHandle pg = kid.getKey("/Pg");
                QPDFObjectHandle mcid = kid.getKey("/MCID");
                if (!mcid.isInteger()) continue;
                QPDFObjectHandle stm = kid.getKey("/Stm");
                content(pg.isNull() ? page : pg, mcid.getIntValue(), stm.isStream() ? stm : QPDFObjectHandle::newNull(),
                        out);
            } else if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/OBJR")) {
                continue;  // an annotation: the pack does not carry the partner's annotations
            } else if (kid.isDictionary() && kid.hasKey("/S")) {
                std::size_t child = 0;
                if (!element(kid, depth + 1, child)) return false;
                out.push_back(TreeKid{true, child, 0, 0, {}});
            }
        }
        tree.elements[index].kids = std::move(out);
        return true;
    }

    Tree tree;
    std::string reason;
    bool has_content = false;
    std::size_t mcid_slots = 0;  // the parent tree's arrays, all together

private:
    bool fail(std::string why) {
        reason = std::move(why);
        return false;
    }

    // The partner's type, through its /RoleMap to a standard one; a type
    // that maps to none groups without meaning anything (NonStruct).
    std::string standard_type(std::string name) {
        for (int step = 0; step < 16; ++step) {
            const std::string bare = name.substr(1);
            if (is_standard(bare)) return bare;
            QPDFObjectHandle to = role_map_.isDictionary() ? role_map_.getKey(name) : QPDFObjectHandle::newNull();
            if (!to.isName()) break;
            name = to.getName();
        }
        return "NonStruct";
    }

    void content(QPDFObjectHandle page, long long mcid, QPDFObjectHandle stream, std::vector<TreeKid>& out) {
        if (!page.isPageObject() || mcid < 0 || mcid > kMaxMcid) return;
        int index = -1;
        try {
            index = pdf_.findPage(page);
        } catch (const std::exception&) {
            return;  // a page outside the page tree
        }
        out.push_back(TreeKid{false, 0, index, static_cast<int>(mcid), stream});
        has_content = true;
        // The parent tree holds an array up to the highest MCID of each
        // content stream: its length, not the number of kids, is the cost.
        const QPDFObjGen where = stream.isNull() ? page.getObjGen() : stream.getObjGen();
        int& highest = highest_mcid_[where];
        if (mcid + 1 > highest) {
            mcid_slots += static_cast<std::size_t>(mcid + 1 - highest);
            highest = static_cast<int>(mcid + 1);
        }
    }

    QPDF& pdf_;
    QPDFObjectHandle role_map_;
    std::set<QPDFObjGen> seen_;
    std::map<QPDFObjGen, int> highest_mcid_;  // one past the highest MCID, by content stream
};

}  // namespace

std::optional<Tree> read_tree(QPDF& pdf, std::string& reason) {
    QPDFObjectHandle root = pdf.getRoot().getKey("/StructTreeRoot");
    if (!root.isDictionary()) {
        reason = "it has no structure tree";
        return std::nullopt;
    }
    TreeReader reader(pdf, root);
    try {
        QPDFObjectHandle k = root.getKey("/K");
        std::vector<QPDFObjectHandle> top;
        if (k.isArray())
            top = k.getArrayAsVector();
        else if (k.isDictionary())
            top.push_back(k);
        for (QPDFObjectHandle h : top) {
            if (!h.isDictionary()) continue;
            std::size_t index = 0;
            if (!reader.element(h, 0, index)) {
                reason = "its structure tree is broken: " + reader.reason;
                return std::nullopt;
            }
            reader.tree.top.push_back(index);
        }
    } catch (const std::exception& e) {
        reason = std::string("its structure tree cannot be read (qpdf: ") + e.what() + ")";
        return std::nullopt;
    }
    if (reader.mcid_slots > kMaxMcidSlots) {
        reason = "its structure tree is broken: its marked content is numbered beyond 1,000,000 in all";
        return std::nullopt;
    }
    if (!reader.has_content) {
        reason = "its structure tree holds none of its pages' content";
        return std::nullopt;
    }
    return std::move(reader.tree);
}

}  // namespace bp::partner
