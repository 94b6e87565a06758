// Reading a partner PDF's structure tree for grafting: every element once,
// its type mapped to a standard one, its content as (page, MCID, stream).
#include "partner/structure.hpp"

#include <initializer_list>
#include <map>
#include <set>
#include <string_view>
#include <utility>

#include "partner/refusal.hpp"

namespace bp::partner {

namespace {

constexpr int kMaxDepth = 64;
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

// ISO 32000-1, 14.8.5: the standard attribute owners a reader knows, and
// their keys; another owner's attributes (XML, HTML, CSS, a program's own)
// mean nothing to a screen reader and stay behind.
struct Owner {
    std::string_view name;
    std::initializer_list<std::string_view> keys;
};
const Owner kOwners[] = {
    {"/Layout",
     {"/Placement", "/WritingMode", "/BackgroundColor", "/BorderColor", "/BorderStyle", "/BorderThickness",
      "/Padding", "/Color", "/SpaceBefore", "/SpaceAfter", "/StartIndent", "/EndIndent", "/TextIndent",
      "/TextAlign", "/BBox", "/Width", "/Height", "/BlockAlign", "/InlineAlign", "/TBorderStyle", "/TPadding",
      "/BaselineShift", "/LineHeight", "/TextDecorationColor", "/TextDecorationThickness", "/TextDecorationType",
      "/RubyAlign", "/RubyPosition", "/GlyphOrientationVertical", "/ColumnCount", "/ColumnGap", "/ColumnWidths"}},
    {"/List", {"/ListNumbering"}},
    {"/PrintField", {"/Role", "/checked", "/Checked", "/Desc"}},
    {"/Table", {"/RowSpan", "/ColSpan", "/Headers", "/Scope", "/Summary"}},
};

constexpr std::size_t kMaxAttributeString = 1000;
constexpr int kMaxAttributeItems = 64;

// An attribute's value: a number, a name, a short string, or a short array
// of those (two levels: a border's colour per side); else null.
QPDFObjectHandle attribute_value(QPDFObjectHandle h, int depth = 0) {
    if (h.isArray()) {
        if (depth >= 2 || h.getArrayNItems() > kMaxAttributeItems) return QPDFObjectHandle::newNull();
        QPDFObjectHandle a = QPDFObjectHandle::newArray();
        for (QPDFObjectHandle item : h.aitems()) a.appendItem(attribute_value(item, depth + 1));
        return a;
    }
    if (h.isInteger()) return QPDFObjectHandle::newInteger(h.getIntValue());
    if (h.isReal()) return QPDFObjectHandle::newReal(h.getRealValue());
    if (h.isName()) return QPDFObjectHandle::newName(h.getName());
    if (h.isBool()) return QPDFObjectHandle::newBool(h.getBoolValue());
    if (h.isString() && h.getStringValue().size() <= kMaxAttributeString)
        return QPDFObjectHandle::newString(h.getStringValue());
    return QPDFObjectHandle::newNull();
}

class TreeReader {
public:
    TreeReader(const PageList& pages, QPDFObjectHandle root, long long max_elements)
        : pages_(pages), role_map_(root.getKey("/RoleMap")), max_elements_(max_elements) {}

    // The element `h` and everything under it; false (with `reason`) when
    // the tree cannot be carried over.
    bool element(QPDFObjectHandle h, int depth, std::size_t& index) {
        if (depth > kMaxDepth) return fail("it is nested more than 64 levels deep");
        if (mcid_slots > kMaxMcidSlots) return fail("its marked content is numbered beyond 1,000,000 in all");
        if (static_cast<long long>(tree.elements.size()) >= max_elements_)
            throw Refused("it has more than " + std::to_string(max_elements_) + " structure elements", "elements");
        if (h.isIndirect() && !seen_.insert(h.getObjGen()).second)
            return fail("an element is reached twice (object " + std::to_string(h.getObjectID()) + ")");
        QPDFObjectHandle type = h.getKey("/S");
        if (!type.isName()) return fail("an element has no type (/S)");
        index = tree.elements.size();
        tree.elements.push_back(TreeElement{type.getName().substr(1), standard_type(type.getName()), texts(h),
                                            attributes(h.getKey("/A")), {}});
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
    // The element's strings that go with it, each and all within bounds.
    std::vector<std::pair<std::string, std::string>> texts(QPDFObjectHandle h) {
        std::vector<std::pair<std::string, std::string>> out;
        for (const char* key : {"/T", "/Lang", "/Alt", "/ActualText", "/E"}) {
            QPDFObjectHandle v = h.getKey(key);
            if (!v.isString()) continue;
            std::string bytes = v.getStringValue();
            const std::size_t most = std::string_view(key) == "/Lang" ? 64 : kMaxElementText;
            if (bytes.size() > most || text_bytes_ + bytes.size() > kMaxTreeText) {
                ++tree.long_texts;
                continue;
            }
            text_bytes_ += bytes.size();
            out.emplace_back(key, std::move(bytes));
        }
        return out;
    }

    // The element's attribute dictionaries (/A: one, or an array of them and
    // revision numbers), each kept once.
    std::vector<std::size_t> attributes(QPDFObjectHandle a) {
        std::vector<QPDFObjectHandle> sets;
        if (a.isArray()) {
            for (int i = 0; i < a.getArrayNItems() && i < kMaxAttributeItems; ++i) sets.push_back(a.getArrayItem(i));
        } else {
            sets.push_back(a);
        }
        std::vector<std::size_t> out;
        for (QPDFObjectHandle d : sets) {
            if (!d.isDictionary() || d.isStream()) continue;
            if (d.isIndirect()) {
                auto it = attribute_index_.find(d.getObjGen());
                if (it != attribute_index_.end()) {
                    if (it->second != kNone) out.push_back(it->second);
                    continue;
                }
            }
            const std::size_t made = attribute_set(d);
            if (d.isIndirect()) attribute_index_.emplace(d.getObjGen(), made);
            if (made != kNone) out.push_back(made);
        }
        return out;
    }

    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

    std::size_t attribute_set(QPDFObjectHandle d) {
        QPDFObjectHandle o = d.getKey("/O");
        for (const Owner& owner : kOwners) {
            if (!o.isName() || o.getName() != owner.name) continue;
            QPDFObjectHandle copy = QPDFObjectHandle::newDictionary();
            copy.replaceKey("/O", QPDFObjectHandle::newName(std::string(owner.name)));
            for (std::string_view key : owner.keys) {
                QPDFObjectHandle v = attribute_value(d.getKey(std::string(key)));
                if (!v.isNull()) copy.replaceKey(std::string(key), v);
            }
            tree.attributes.push_back(copy);
            return tree.attributes.size() - 1;
        }
        return kNone;
    }

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
        if (mcid < 0 || mcid > kMaxMcid) return;
        const int index = pages_.find(page);
        if (index < 0) return;  // not a page, or one outside the page tree
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

    const PageList& pages_;
    QPDFObjectHandle role_map_;
    const long long max_elements_;
    std::size_t text_bytes_ = 0;
    std::map<QPDFObjGen, std::size_t> attribute_index_;  // by the partner's object: kept as, or kNone
    std::set<QPDFObjGen> seen_;
    std::map<QPDFObjGen, int> highest_mcid_;  // one past the highest MCID, by content stream
};

}  // namespace

std::optional<Tree> read_tree(QPDF& pdf, const PageList& pages, long long max_elements, std::string& reason) {
    QPDFObjectHandle root = pdf.getRoot().getKey("/StructTreeRoot");
    if (!root.isDictionary()) {
        reason = "it has no structure tree";
        return std::nullopt;
    }
    TreeReader reader(pages, root, max_elements);
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
    } catch (const Refused&) {
        throw;
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
