#include <algorithm>

#include "writer.hpp"

namespace bp::pdf {

namespace {

HPDF_Rect pdf_rect(const Rect& r, Mpt page_height) {
    return HPDF_Rect{
        static_cast<HPDF_REAL>(to_pt(r.x)), static_cast<HPDF_REAL>(to_pt(page_height - r.y - r.h)),
        static_cast<HPDF_REAL>(to_pt(r.x + r.w)), static_cast<HPDF_REAL>(to_pt(page_height - r.y))};
}

// A URI in a PDF is 7-bit ASCII: anything else is percent-encoded.
std::string ascii_uri(const std::string& uri) {
    static const char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : uri) {
        if (c > 0x20 && c < 0x7F) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

// [page /XYZ 0 top null]: opens `target` with `top` at the top of the window
// and leaves the reader's zoom alone. libharu's SetXYZ insists on a zoom
// between 0.08 and 32, so the array is written here instead.
HPDF_Destination destination(Doc& doc, HPDF_Page target, Mpt top, const std::string& what) {
    HPDF_Destination dst = doc.need(HPDF_Page_CreateDestination(target), what);
    HPDF_Array_Clear(dst);
    doc.check(HPDF_Array_Add(dst, target), what);
    doc.check(HPDF_Array_AddName(dst, "XYZ"), what);
    doc.check(HPDF_Array_AddNumber(dst, 0), what);
    doc.check(HPDF_Array_AddReal(dst, static_cast<HPDF_REAL>(to_pt(top))), what);
    doc.check(HPDF_Array_Add(dst, doc.need(HPDF_Null_New(dst->mmgr), what)), what);
    return dst;
}

}  // namespace

KeptItems keep_items(const PageBox& page) {
    KeptItems kept;
    for (const PageItem& item : page.items) {
        if (const auto* link = std::get_if<LinkBox>(&item.what)) {
            kept.links.push_back({*link, item.mark.node});
        } else if (item.mark.node == kNoStruct) {
            continue;
        } else if (const auto* img = std::get_if<ImageBox>(&item.what)) {
            kept.figures.push_back({img->rect, item.mark.node, false});
        } else if (const auto* fp = std::get_if<ForeignPage>(&item.what)) {
            kept.figures.push_back({fp->rect, item.mark.node, fp->source->graft});
        }
    }
    return kept;
}

std::vector<PlacedLink> add_links(Doc& doc, const PackBox& pack, const std::vector<KeptItems>& kept,
                                  const std::vector<HPDF_Page>& pages) {
    std::vector<PlacedLink> placed;
    const std::vector<PageBox>& boxes = pack.pages;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const Mpt h = boxes[i].height;
        for (const KeptItems::Link& kept_link : kept[i].links) {
            const LinkBox* link = &kept_link.box;
            const std::string what =
                std::string("cannot add a link on page ") + std::to_string(i + 1);
            HPDF_Annotation annot;
            std::string contents;
            if (!link->uri.empty()) {
                annot = doc.need(HPDF_Page_CreateURILinkAnnot(pages[i], pdf_rect(link->rect, h),
                                                              ascii_uri(link->uri).c_str()),
                                 what);
                contents = link->uri;
            } else {
                const auto target = static_cast<std::size_t>(link->target_page);
                HPDF_Destination dst = destination(doc, pages[target], boxes[target].height, what);
                annot = doc.need(HPDF_Page_CreateLinkAnnot(pages[i], pdf_rect(link->rect, h), dst),
                                 what);
                contents = "Go to page " + std::to_string(target + 1);
            }
            doc.check(HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0), what);
            // A screen reader announces /Contents: the element's own words
            // where it has them ("Agenda item 3, ..."), else the target.
            const StructId node = kept_link.node;
            if (node != kNoStruct && static_cast<std::size_t>(node) < pack.structure.size() &&
                !pack.structure.text(node).alt.empty())
                contents = pack.structure.text(node).alt;
            doc.check(HPDF_Dict_Add(annot, "Contents", text_string(doc, contents)), what);
            placed.push_back(PlacedLink{i, annot, node});
        }
    }
    return placed;
}

void add_outlines(Doc& doc, const PackBox& pack, const std::vector<HPDF_Page>& pages) {
    if (pack.outlines.empty()) return;
    HPDF_Encoder utf8 = doc.need(HPDF_GetEncoder(doc.get(), "UTF-8"), "cannot add bookmarks");
    std::vector<HPDF_Outline> latest;  // latest[k]: the newest entry of level k
    for (const Outline& o : pack.outlines) {
        const std::string what = std::string("cannot add bookmark '") + o.title + "'";
        const std::size_t level =
            std::min<std::size_t>(static_cast<std::size_t>(std::max(o.level, 0)), latest.size());
        HPDF_Outline parent = level == 0 ? nullptr : latest[level - 1];  // null: the root
        HPDF_Outline item =
            doc.need(HPDF_CreateOutline(doc.get(), parent, o.title.c_str(), utf8), what);
        const PageBox& page = pack.pages[static_cast<std::size_t>(o.page)];
        const Mpt top = std::clamp<Mpt>(page.height - o.y, 0, page.height);
        doc.check(HPDF_Outline_SetDestination(
                      item, destination(doc, pages[static_cast<std::size_t>(o.page)], top, what)),
                  what);
        latest.resize(level);
        latest.push_back(item);
    }
}

}  // namespace bp::pdf
