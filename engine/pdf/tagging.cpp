// Tagged PDF. libharu has no tagging of its own: the catalog entries and the
// pages' keys into the parent tree go into its objects, and the structure
// tree itself is written as text into the update that follows libharu's file
// (update.hpp). Everything here is planned after the pages' content, from the
// MCIDs that content.cpp assigned, so the tree and the marked content cannot
// disagree.
#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>

#include "core/input_file.hpp"
#include "pdf.hpp"
#include "update.hpp"
#include "writer.hpp"

namespace bp::pdf {

namespace {

constexpr const char* kWhat = "cannot write the document structure";

void add_name(Doc& doc, HPDF_Dict d, const char* key, const char* name) {
    doc.check(HPDF_Dict_AddName(d, key, name), kWhat);
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

// What title_of_written_pdf looks for in the XMP add_metadata writes.
constexpr std::string_view kTitleOpen = "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">";
constexpr std::string_view kTitleClose = "</rdf:li>";
constexpr std::string_view kProducer = "<pdf:Producer>boardpack</pdf:Producer>";

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
        "   " + std::string(kTitleOpen) + title + std::string(kTitleClose) + "</rdf:Alt></dc:title>\n"
        "   <dc:creator><rdf:Seq><rdf:li>" + xml_escape(pack.meta.author) + "</rdf:li></rdf:Seq></dc:creator>\n"
        "   <dc:language><rdf:Bag><rdf:li>" + xml_escape(pack.meta.lang) + "</rdf:li></rdf:Bag></dc:language>\n"
        "   " + std::string(kProducer) + "\n"
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

namespace {

std::uint32_t object_id(const void* obj) {
    return static_cast<const HPDF_Obj_Header*>(obj)->obj_id & 0x00FFFFFF;
}

void append_ref(std::string& out, std::uint32_t id) {
    out += ' ';
    out += std::to_string(id);
    out += " 0 R";
}

// A PDF text string: printable ASCII as a literal, anything else as UTF-16BE
// with its byte order mark, in hex.
void append_text(std::string& out, const std::string& utf8) {
    if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) {
        out += '(';
        for (char c : utf8) {
            if (c == '(' || c == ')' || c == '\\') out += '\\';
            out += c;
        }
        out += ')';
        return;
    }
    static const char* hex = "0123456789ABCDEF";
    out += "<FEFF";
    for (char16_t u : utf8_to_codes(utf8))
        for (int shift = 12; shift >= 0; shift -= 4) out += hex[(u >> shift) & 0xF];
    out += '>';
}

}  // namespace

StructureWriter::StructureWriter(Doc& doc, const PackBox& pack, const std::vector<HPDF_Page>& pages,
                                 const std::vector<std::vector<StructId>>& mcids,
                                 const std::vector<PlacedLink>& links, const std::vector<KeptItems>& kept)
    : pack_(pack), mcids_(mcids) {
    const StructTree& tree = pack.structure;
    if (tree.size() == 0) throw Failure("the pack has no document structure");
    el_.resize(tree.size());
    auto at = [&](StructId id) -> Element& { return el_[static_cast<std::size_t>(id)]; };

    // Attaches an element to its parent's /K the first time it is met, so
    // siblings are read in the order their content appears.
    auto attach = [&](StructId id) {
        for (StructId n = id; n != kNoStruct && !at(n).attached; n = tree[n].parent) {
            at(n).attached = at(n).used = true;
            if (tree[n].parent != kNoStruct) at(tree[n].parent).kids.push_back(Kid{Kid::Kind::Element, n});
        }
    };

    page_ids_.reserve(pages.size());
    for (HPDF_Page page : pages) page_ids_.push_back(object_id(page));

    // Content in reading order: pages in order, MCIDs in order, then the
    // page's annotations.
    std::size_t next_link = 0;
    graft_under_.assign(pages.size(), kNoStruct);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const auto page = static_cast<std::uint32_t>(p);
        for (std::size_t m = 0; m < mcids[p].size(); ++m) {
            const StructId n = mcids[p][m];
            attach(n);
            if (!at(n).first_page) at(n).first_page = page;
            at(n).kids.push_back(Kid{Kid::Kind::Content, kNoStruct, page, static_cast<int>(m)});
        }
        for (; next_link < links.size() && links[next_link].page == p; ++next_link) {
            const PlacedLink& l = links[next_link];
            if (l.node == kNoStruct || static_cast<std::size_t>(l.node) >= tree.size())
                throw Failure("a link on page " + std::to_string(p + 1) + " belongs to no Link element");
            attach(l.node);
            if (!at(l.node).first_page) at(l.node).first_page = page;
            at(l.node).kids.push_back(Kid{Kid::Kind::Annotation, kNoStruct, page, 0, object_id(l.annot)});
        }
        for (const KeptItems::Figure& f : kept[p].figures) {
            if (f.graft) {
                attach(f.node);  // its kids come with the graft
                graft_under_[p] = f.node;
                continue;
            }
            if (at(f.node).first_page != page) continue;
            const auto [box, fresh] = figure_boxes_.try_emplace(f.node, f.rect);
            if (!fresh) box->second = union_of(box->second, f.rect);
        }
    }
    // Table cells are written even when empty, so every row keeps its
    // columns; each goes after the sibling created just before it.
    for (std::size_t i = 0; i < tree.size(); ++i) {
        const StructNode& n = tree.nodes[i];
        if ((n.role != Role::TD && n.role != Role::TH) || el_[i].attached || n.parent == kNoStruct) continue;
        attach(n.parent);
        el_[i].attached = el_[i].used = true;
        std::vector<Kid>& kids = at(n.parent).kids;
        auto pos = kids.begin();
        for (auto it = kids.begin(); it != kids.end(); ++it)
            if (it->kind == Kid::Kind::Element && it->node < static_cast<StructId>(i)) pos = it + 1;
        kids.insert(pos, Kid{Kid::Kind::Element, static_cast<StructId>(i)});
    }

    // What belongs in libharu's objects: the pages' and annotations' keys
    // into the parent tree, and the root, empty here and replaced by the
    // update. Page i's MCIDs are under key i, then one key per link.
    HPDF_Doc d = doc.get();
    HPDF_Dict root = doc.need(HPDF_Dict_New(doc.mmgr()), kWhat);
    doc.check(HPDF_Xref_Add(d->xref, root), kWhat);
    root_id_ = object_id(root);
    int key = 0;
    for (std::size_t p = 0; p < pages.size(); ++p, ++key)
        if (!mcids[p].empty()) doc.check(HPDF_Dict_AddNumber(pages[p], "StructParents", key), kWhat);
    std::vector<bool> has_annots(pages.size(), false);
    link_owners_.reserve(links.size());
    for (const PlacedLink& l : links) {
        doc.check(HPDF_Dict_AddNumber(l.annot, "StructParent", key), kWhat);
        link_owners_.push_back(l.node);
        has_annots[l.page] = true;
        ++key;
    }
    next_key_ = key;
    // Tab through a page's links in structure order.
    for (std::size_t p = 0; p < pages.size(); ++p)
        if (has_annots[p]) add_name(doc, pages[p], "Tabs", "S");
    add_catalog_entries(doc, pack, root);
    d->pdf_version = HPDF_VER_17;
}

std::vector<std::uint32_t> StructureWriter::write(UpdateSection& update) const {
    const StructTree& tree = pack_.structure;
    // Numbered role by role (in tree order within a role): the update packs
    // alike objects together, and a cross-reference table whose neighbours
    // sit side by side in the same object stream compresses to almost nothing.
    std::vector<std::uint32_t> ids(tree.size(), 0);
    {
        // A counting sort by role: one pass to count, one to number.
        std::vector<std::uint32_t> first(kRoleCount + 1, 0);
        for (std::size_t i = 0; i < tree.size(); ++i)
            if (el_[i].used) ++first[static_cast<std::size_t>(tree.nodes[i].role) + 1];
        for (std::size_t r = 1; r < first.size(); ++r) first[r] += first[r - 1];
        const std::uint32_t base = first.back() > 0 ? update.new_id() : 0;
        for (std::uint32_t k = 1; k < first.back(); ++k) update.new_id();
        for (std::size_t i = 0; i < tree.size(); ++i)
            if (el_[i].used) ids[i] = base + first[static_cast<std::size_t>(tree.nodes[i].role)]++;
    }
    auto id_of = [&](StructId n) { return ids[static_cast<std::size_t>(n)]; };

    std::string body, attrs;
    std::vector<std::uint32_t> top;
    // PDF/UA gives every Note an /ID, and IDs are found through the root's
    // IDTree; zero-padded, the names sort as the elements do.
    auto note_id = [](std::size_t i) {
        std::string digits = std::to_string(i);
        return "note" + std::string(digits.size() < 10 ? 10 - digits.size() : 0, '0') + digits;
    };
    std::vector<std::size_t> notes;
    for (std::size_t i = 0; i < tree.size(); ++i) {
        const Element& e = el_[i];
        if (!e.used) continue;
        const StructNode& n = tree.nodes[i];
        const StructText& t = tree.texts[n.text];
        body = "<</S/";
        body += role_name(n.role);
        if (n.role == Role::Note) {
            body += "/ID";
            append_text(body, note_id(i));
            notes.push_back(i);
        }
        body += "/P";
        append_ref(body, n.parent == kNoStruct ? root_id_ : id_of(n.parent));
        if (n.parent == kNoStruct) top.push_back(ids[i]);
        if (e.first_page) {
            body += "/Pg";
            append_ref(body, page_ids_[*e.first_page]);
        }
        if (!t.title.empty()) {
            body += "/T";
            append_text(body, t.title);
        }
        if (!t.alt.empty()) {
            body += "/Alt";
            append_text(body, t.alt);
        }
        if (!t.lang.empty()) {
            body += "/Lang";
            append_text(body, t.lang);
        }

        attrs.clear();
        const bool cell = n.role == Role::TH || n.role == Role::TD;
        if (n.role == Role::TH) attrs += n.scope == HeaderScope::Row ? "/Scope/Row" : "/Scope/Column";
        if (cell && n.rowspan > 1) attrs += "/RowSpan " + std::to_string(n.rowspan);
        if (cell && n.colspan > 1) attrs += "/ColSpan " + std::to_string(n.colspan);
        if (!attrs.empty()) body += "/A<</O/Table" + attrs + ">>";
        const auto figure_box = figure_boxes_.find(static_cast<StructId>(i));
        if (n.role == Role::Figure && figure_box != figure_boxes_.end() && e.first_page) {
            const Rect& r = figure_box->second;
            const Mpt h = pack_.pages[*e.first_page].height;
            body += "/A<</O/Layout/BBox[";
            for (Mpt v : {r.x, h - r.y - r.h, r.x + r.w, h - r.y}) {
                append_number(body, v);
                body += ' ';
            }
            body.back() = ']';
            body += ">>";
        }

        // One kid stands alone; several make an array.
        const bool array = e.kids.size() != 1;
        body += array ? "/K[" : "/K";
        for (const Kid& kid : e.kids) {
            if (kid.kind == Kid::Kind::Element) {
                append_ref(body, id_of(kid.node));
            } else if (kid.kind == Kid::Kind::Content && kid.page == e.first_page) {
                body += ' ';  // on the element's /Pg
                body += std::to_string(kid.mcid);
            } else if (kid.kind == Kid::Kind::Content) {
                body += "<</Type/MCR/Pg";
                append_ref(body, page_ids_[kid.page]);
                body += "/MCID " + std::to_string(kid.mcid) + ">>";
            } else {
                body += "<</Type/OBJR/Pg";
                append_ref(body, page_ids_[kid.page]);
                body += "/Obj";
                append_ref(body, kid.annot);
                body += ">>";
            }
        }
        body += array ? "]>>" : ">>";
        update.add(ids[i], body);
    }

    // The parent tree: page i's MCIDs under key i, then one key per link.
    body = "<</Type/StructTreeRoot/K[";
    for (std::uint32_t id : top) append_ref(body, id);
    body += "]/ParentTree<</Nums[";
    int key = 0;
    for (std::size_t p = 0; p < mcids_.size(); ++p, ++key) {
        if (mcids_[p].empty()) continue;
        body += ' ' + std::to_string(key) + "[";
        for (StructId n : mcids_[p]) append_ref(body, id_of(n));
        body += "]";
    }
    for (StructId owner : link_owners_) {
        body += ' ' + std::to_string(key++);
        append_ref(body, id_of(owner));
    }
    body += "]>>/ParentTreeNextKey " + std::to_string(next_key_);
    if (!notes.empty()) {
        body += "/IDTree<</Names[";
        for (std::size_t i : notes) {
            append_text(body, note_id(i));
            append_ref(body, ids[i]);
        }
        body += "]>>";
    }
    body += ">>";
    update.add(root_id_, body);

    std::vector<std::uint32_t> grafts(graft_under_.size(), 0);
    for (std::size_t p = 0; p < graft_under_.size(); ++p)
        if (graft_under_[p] != kNoStruct) grafts[p] = id_of(graft_under_[p]);
    return grafts;
}

}  // namespace bp::pdf

namespace bp {

std::optional<std::string> title_of_written_pdf(const std::string& path) {
    // A supplement or a per-item PDF is a few megabytes; a file far larger
    // is not one boardpack would be asked to recognise.
    constexpr std::size_t kMaxBytes = std::size_t{512} << 20;
    std::string bytes, problem;
    if (!read_input_file(path, kMaxBytes, bytes, problem) || !bytes.starts_with("%PDF-")) return std::nullopt;
    const std::string_view b = bytes;
    const std::size_t open = b.find(pdf::kTitleOpen);
    if (open == std::string_view::npos) return std::nullopt;
    const std::size_t from = open + pdf::kTitleOpen.size();
    const std::size_t close = b.find(pdf::kTitleClose, from);
    // The producer follows the title in the same packet, a few lines on.
    const std::size_t producer = b.find(pdf::kProducer, from);
    if (close == std::string_view::npos || producer == std::string_view::npos || producer - close > 1024) return std::nullopt;
    std::string title;
    for (std::size_t i = from; i < close; ++i) {
        if (b[i] != '&') {
            title += b[i];
            continue;
        }
        bool known = false;
        for (auto [entity, c] : {std::pair{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}})
            if (b.substr(i).starts_with(entity)) {
                title += c;
                i += std::string_view(entity).size() - 1;
                known = true;
                break;
            }
        if (!known) title += '&';
    }
    return title;
}

}  // namespace bp
