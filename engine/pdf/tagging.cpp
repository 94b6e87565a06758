// Tagged PDF with libharu's object API: libharu has no tagging of its own,
// but a StructElem is only a dictionary. Everything here is written after the
// pages' content, from the MCIDs that content.cpp assigned, so the tree and
// the marked content cannot disagree.
#include <algorithm>
#include <optional>

#include "writer.hpp"

namespace bp::pdf {

namespace {

constexpr const char* kWhat = "cannot write the document structure";

// One entry of an element's /K: a child element, marked content on a page,
// or an annotation.
struct Kid {
    enum class Kind : std::uint8_t { Element, Content, Annotation } kind = Kind::Element;
    StructId node = kNoStruct;     // Element
    std::size_t page = 0;          // Content, Annotation
    int mcid = 0;                  // Content
    HPDF_Annotation annot = nullptr;  // Annotation
};

struct Element {
    bool used = false;      // written: it or a descendant has content, or it is a table cell
    bool attached = false;  // already in its parent's /K
    std::vector<Kid> kids;
    HPDF_Dict dict = nullptr;
    std::optional<std::size_t> first_page;
    std::optional<Rect> bbox;  // Figure: the image's box on its first page
};

void add_name(Doc& doc, HPDF_Dict d, const char* key, const char* name) {
    doc.check(HPDF_Dict_AddName(d, key, name), kWhat);
}

HPDF_Array real_array(Doc& doc, std::initializer_list<double> values) {
    HPDF_Array a = doc.need(HPDF_Array_New(doc.mmgr()), kWhat);
    for (double v : values) doc.check(HPDF_Array_AddReal(a, static_cast<HPDF_REAL>(v)), kWhat);
    return a;
}

std::string xml_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

// XMP with the title and the PDF/UA identification schema. Uncompressed, as
// metadata must be readable by tools that do not parse PDF streams.
void add_metadata(Doc& doc, const PackBox& pack) {
    const std::string title = xml_escape(pack.meta.title);
    const std::string xmp =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "  <rdf:Description rdf:about=\"\"\n"
        "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
        "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
        "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
        "   <dc:format>application/pdf</dc:format>\n"
        "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + title + "</rdf:li></rdf:Alt></dc:title>\n"
        "   <dc:creator><rdf:Seq><rdf:li>" + xml_escape(pack.meta.author) + "</rdf:li></rdf:Seq></dc:creator>\n"
        "   <dc:language><rdf:Bag><rdf:li>" + xml_escape(pack.meta.lang) + "</rdf:li></rdf:Bag></dc:language>\n"
        "   <pdf:Producer>boardpack</pdf:Producer>\n"
        "   <xmp:CreatorTool>boardpack</xmp:CreatorTool>\n"
        "   <pdfuaid:part>1</pdfuaid:part>\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        "<?xpacket end=\"w\"?>";
    HPDF_Doc d = doc.get();
    HPDF_Dict meta = doc.need(HPDF_DictStream_New(doc.mmgr(), d->xref), kWhat);
    meta->filter = HPDF_STREAM_FILTER_NONE;
    add_name(doc, meta, "Type", "Metadata");
    add_name(doc, meta, "Subtype", "XML");
    doc.check(HPDF_Stream_Write(meta->stream, reinterpret_cast<const HPDF_BYTE*>(xmp.data()),
                                static_cast<HPDF_UINT>(xmp.size())),
              kWhat);
    doc.check(HPDF_Dict_Add(d->catalog, "Metadata", meta), kWhat);
}

void add_catalog_entries(Doc& doc, const PackBox& pack, HPDF_Dict tree_root) {
    HPDF_Doc d = doc.get();
    HPDF_Dict catalog = d->catalog;
    HPDF_Dict mark_info = doc.need(HPDF_Dict_New(doc.mmgr()), kWhat);
    doc.check(HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE), kWhat);
    doc.check(HPDF_Dict_Add(catalog, "MarkInfo", mark_info), kWhat);
    doc.check(HPDF_Dict_Add(catalog, "Lang", doc.need(HPDF_String_New(doc.mmgr(), pack.meta.lang.c_str(), nullptr), kWhat)),
              kWhat);
    HPDF_Dict prefs = doc.need(HPDF_Dict_New(doc.mmgr()), kWhat);
    doc.check(HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE), kWhat);
    doc.check(HPDF_Dict_Add(catalog, "ViewerPreferences", prefs), kWhat);
    doc.check(HPDF_Dict_Add(catalog, "StructTreeRoot", tree_root), kWhat);
    add_metadata(doc, pack);
}

Rect union_of(const Rect& a, const Rect& b) {
    const Mpt x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
    const Mpt x1 = std::max(a.x + a.w, b.x + b.w), y1 = std::max(a.y + a.h, b.y + b.h);
    return Rect{x0, y0, x1 - x0, y1 - y0};
}

}  // namespace

void* text_string(Doc& doc, const std::string& utf8) {
    // Plain ASCII is the same in PDFDocEncoding: a literal string, shorter
    // and shown as it is by every tool.
    if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c < 0x7F; }))
        return doc.need(HPDF_String_New(doc.mmgr(), utf8.c_str(), nullptr), kWhat);
    std::string bytes = "\xFE\xFF";
    // The same code points the pages can show: none beyond U+FFFF.
    const std::u16string units = utf8_to_codes(utf8);
    for (char16_t u : units) {
        bytes += static_cast<char>(u >> 8);
        bytes += static_cast<char>(u & 0xFF);
    }
    return doc.need(HPDF_Binary_New(doc.mmgr(), reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                                    static_cast<HPDF_UINT>(bytes.size())),
                    kWhat);
}

void write_structure(Doc& doc, const PackBox& pack, const std::vector<HPDF_Page>& pages,
                     const std::vector<std::vector<StructId>>& mcids, const std::vector<PlacedLink>& links) {
    const StructTree& tree = pack.structure;
    if (tree.size() == 0) throw Failure("the pack has no document structure");
    std::vector<Element> el(tree.size());
    auto at = [&](StructId id) -> Element& { return el[static_cast<std::size_t>(id)]; };

    // Attaches an element to its parent's /K the first time it is met, so
    // siblings are read in the order their content appears.
    auto attach = [&](StructId id) {
        for (StructId n = id; n != kNoStruct && !at(n).attached; n = tree[n].parent) {
            at(n).attached = at(n).used = true;
            if (tree[n].parent != kNoStruct) at(tree[n].parent).kids.push_back(Kid{Kid::Kind::Element, n});
        }
    };

    // Content in reading order: pages in order, MCIDs in order, then the
    // page's annotations.
    std::size_t next_link = 0;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        for (std::size_t m = 0; m < mcids[p].size(); ++m) {
            const StructId n = mcids[p][m];
            attach(n);
            if (!at(n).first_page) at(n).first_page = p;
            at(n).kids.push_back(Kid{Kid::Kind::Content, kNoStruct, p, static_cast<int>(m)});
        }
        for (; next_link < links.size() && links[next_link].page == p; ++next_link) {
            const PlacedLink& l = links[next_link];
            if (l.node == kNoStruct || static_cast<std::size_t>(l.node) >= tree.size())
                throw Failure("a link on page " + std::to_string(p + 1) + " belongs to no Link element");
            attach(l.node);
            if (!at(l.node).first_page) at(l.node).first_page = p;
            at(l.node).kids.push_back(Kid{Kid::Kind::Annotation, kNoStruct, p, 0, l.annot});
        }
        for (const PageItem& item : pack.pages[p].items)
            if (const auto* img = std::get_if<ImageBox>(&item.what); img && item.mark.node != kNoStruct) {
                Element& e = at(item.mark.node);
                if (e.first_page == p) e.bbox = e.bbox ? union_of(*e.bbox, img->rect) : img->rect;
            }
    }
    // Table cells are written even when empty, so every row keeps its
    // columns; each goes after the sibling created just before it.
    for (std::size_t i = 0; i < tree.size(); ++i) {
        const StructNode& n = tree.nodes[i];
        if ((n.role != Role::TD && n.role != Role::TH) || el[i].attached || n.parent == kNoStruct) continue;
        attach(n.parent);
        el[i].attached = el[i].used = true;
        std::vector<Kid>& kids = at(n.parent).kids;
        auto pos = kids.begin();
        for (auto it = kids.begin(); it != kids.end(); ++it)
            if (it->kind == Kid::Kind::Element && it->node < static_cast<StructId>(i)) pos = it + 1;
        kids.insert(pos, Kid{Kid::Kind::Element, static_cast<StructId>(i)});
    }

    HPDF_Doc d = doc.get();
    HPDF_Dict root = doc.need(HPDF_Dict_New(doc.mmgr()), kWhat);
    doc.check(HPDF_Xref_Add(d->xref, root), kWhat);
    add_name(doc, root, "Type", "StructTreeRoot");

    // The dictionaries first, so parents and children can refer to each other.
    for (std::size_t i = 0; i < tree.size(); ++i) {
        if (!el[i].used) continue;
        el[i].dict = doc.need(HPDF_Dict_New(doc.mmgr()), kWhat);
        doc.check(HPDF_Xref_Add(d->xref, el[i].dict), kWhat);
    }
    HPDF_Array top = doc.need(HPDF_Array_New(doc.mmgr()), kWhat);
    for (std::size_t i = 0; i < tree.size(); ++i) {
        if (!el[i].used) continue;
        const StructNode& n = tree.nodes[i];
        HPDF_Dict e = el[i].dict;
        add_name(doc, e, "Type", "StructElem");
        add_name(doc, e, "S", role_name(n.role));
        doc.check(HPDF_Dict_Add(e, "P", n.parent == kNoStruct ? root : at(n.parent).dict), kWhat);
        if (n.parent == kNoStruct) doc.check(HPDF_Array_Add(top, e), kWhat);
        if (el[i].first_page) doc.check(HPDF_Dict_Add(e, "Pg", pages[*el[i].first_page]), kWhat);
        if (!n.title.empty()) doc.check(HPDF_Dict_Add(e, "T", text_string(doc, n.title)), kWhat);
        if (!n.alt.empty()) doc.check(HPDF_Dict_Add(e, "Alt", text_string(doc, n.alt)), kWhat);
        if (!n.lang.empty())
            doc.check(HPDF_Dict_Add(e, "Lang", doc.need(HPDF_String_New(doc.mmgr(), n.lang.c_str(), nullptr), kWhat)),
                      kWhat);

        HPDF_Dict attrs = nullptr;
        auto attributes = [&](const char* owner) {
            if (attrs == nullptr) {
                attrs = doc.need(HPDF_Dict_New(doc.mmgr()), kWhat);
                add_name(doc, attrs, "O", owner);
                doc.check(HPDF_Dict_Add(e, "A", attrs), kWhat);
            }
            return attrs;
        };
        if (n.role == Role::TH)
            add_name(doc, attributes("Table"), "Scope", n.scope == HeaderScope::Row ? "Row" : "Column");
        if ((n.role == Role::TH || n.role == Role::TD) && n.rowspan > 1)
            doc.check(HPDF_Dict_AddNumber(attributes("Table"), "RowSpan", n.rowspan), kWhat);
        if ((n.role == Role::TH || n.role == Role::TD) && n.colspan > 1)
            doc.check(HPDF_Dict_AddNumber(attributes("Table"), "ColSpan", n.colspan), kWhat);
        if (n.role == Role::Figure && el[i].bbox && el[i].first_page) {
            const Rect& r = *el[i].bbox;
            const Mpt h = pack.pages[*el[i].first_page].height;
            doc.check(HPDF_Dict_Add(attributes("Layout"), "BBox",
                                    real_array(doc, {to_pt(r.x), to_pt(h - r.y - r.h), to_pt(r.x + r.w), to_pt(h - r.y)})),
                      kWhat);
        }

        HPDF_Array k = doc.need(HPDF_Array_New(doc.mmgr()), kWhat);
        for (const Kid& kid : el[i].kids) {
            if (kid.kind == Kid::Kind::Element) {
                doc.check(HPDF_Array_Add(k, at(kid.node).dict), kWhat);
            } else if (kid.kind == Kid::Kind::Content && kid.page == el[i].first_page) {
                doc.check(HPDF_Array_AddNumber(k, kid.mcid), kWhat);  // on the element's /Pg
            } else if (kid.kind == Kid::Kind::Content) {
                HPDF_Dict mcr = doc.need(HPDF_Dict_New(doc.mmgr()), kWhat);
                add_name(doc, mcr, "Type", "MCR");
                doc.check(HPDF_Dict_Add(mcr, "Pg", pages[kid.page]), kWhat);
                doc.check(HPDF_Dict_AddNumber(mcr, "MCID", kid.mcid), kWhat);
                doc.check(HPDF_Array_Add(k, mcr), kWhat);
            } else {
                HPDF_Dict objr = doc.need(HPDF_Dict_New(doc.mmgr()), kWhat);
                add_name(doc, objr, "Type", "OBJR");
                doc.check(HPDF_Dict_Add(objr, "Pg", pages[kid.page]), kWhat);
                doc.check(HPDF_Dict_Add(objr, "Obj", kid.annot), kWhat);
                doc.check(HPDF_Array_Add(k, objr), kWhat);
            }
        }
        doc.check(HPDF_Dict_Add(e, "K", k), kWhat);
    }
    doc.check(HPDF_Dict_Add(root, "K", top), kWhat);

    // The parent tree: page i's MCIDs under key i, then one key per link.
    HPDF_Dict parent_tree = doc.need(HPDF_Dict_New(doc.mmgr()), kWhat);
    HPDF_Array nums = doc.need(HPDF_Array_New(doc.mmgr()), kWhat);
    int key = 0;
    for (std::size_t p = 0; p < pages.size(); ++p, ++key) {
        if (mcids[p].empty()) continue;
        HPDF_Array owners = doc.need(HPDF_Array_New(doc.mmgr()), kWhat);
        for (StructId n : mcids[p]) doc.check(HPDF_Array_Add(owners, at(n).dict), kWhat);
        doc.check(HPDF_Array_AddNumber(nums, key), kWhat);
        doc.check(HPDF_Array_Add(nums, owners), kWhat);
        doc.check(HPDF_Dict_AddNumber(pages[p], "StructParents", key), kWhat);
    }
    std::vector<bool> has_annots(pages.size(), false);
    for (const PlacedLink& l : links) {
        doc.check(HPDF_Array_AddNumber(nums, key), kWhat);
        doc.check(HPDF_Array_Add(nums, at(l.node).dict), kWhat);
        doc.check(HPDF_Dict_AddNumber(l.annot, "StructParent", key), kWhat);
        has_annots[l.page] = true;
        ++key;
    }
    // Tab through a page's links in structure order.
    for (std::size_t p = 0; p < pages.size(); ++p)
        if (has_annots[p]) add_name(doc, pages[p], "Tabs", "S");
    doc.check(HPDF_Dict_Add(parent_tree, "Nums", nums), kWhat);
    doc.check(HPDF_Dict_Add(root, "ParentTree", parent_tree), kWhat);
    doc.check(HPDF_Dict_AddNumber(root, "ParentTreeNextKey", key), kWhat);

    add_catalog_entries(doc, pack, root);
    d->pdf_version = HPDF_VER_17;
}

}  // namespace bp::pdf
