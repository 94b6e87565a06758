// The pdf stage's libharu-facing pieces, in the order write_pdf uses them:
// fonts and images (loaded once, on first use), page contents, navigation.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "content.hpp"
#include "core/boxes.hpp"
#include "haru.hpp"

namespace bp::pdf {

// The pack's faces, each loaded only when a page first asks for it: every
// libharu font costs about 40 KB of PDF even if nothing is drawn with it.
class FontSet {
public:
    FontSet(Doc& doc, const std::vector<FontFace>& faces);

    HPDF_Font font(FaceId face);

    // Once every page is built: keeps the glyphs drawn in each subset and
    // replaces libharu's ToUnicode CMap, whose begincidrange form viewers
    // reject, with bfchar entries for exactly the codes drawn.
    void finish(const std::vector<CodeSet>& used);

    // The fonts loaded, in the order they were made (their object order).
    const std::vector<HPDF_Font>& loaded() const { return loaded_; }

private:
    Doc& doc_;
    const std::vector<FontFace>& faces_;
    std::vector<HPDF_Font> by_face_;
    std::map<std::string, HPDF_Font> by_path_;  // one font per file
    std::vector<HPDF_Font> loaded_;
};

// HPDF_GetFont(name, "UTF-8") for a loaded TrueType face: the same objects
// and bytes, built without walking the cmap 65,535 times (font_cmap.cpp).
HPDF_Font get_utf8_font(Doc& doc, const char* name, const std::string& what);

// True when get_utf8_font can take its fast path for this face: libharu
// 2.3.0 and a format 4 cmap with a segment ending at U+FFFF (so every code
// outside the segments has no glyph).
bool cmap_swap_usable(HPDF_FontDef def);

// The glyph libharu's cmap look-up gives each code 0..FFFF, for a format 4
// TrueType face (exposed for the test that checks it against libharu).
std::vector<HPDF_UINT16> glyphs_by_code(HPDF_FontDef def);

// Images as load/ checked them, each embedded once however often it is
// drawn. libharu is handed only verified JPEG bytes or decoded samples,
// never a file to parse.
class ImageSet {
public:
    explicit ImageSet(Doc& doc) : doc_(doc) {}
    HPDF_Image image(const RasterImage& raster);

private:
    Doc& doc_;
    std::map<const RasterImage*, HPDF_Image> by_raster_;
};

// What the steps after the content streams read of a page's items: its
// links, and where its marked pictures and partner pages sit. Taken first,
// so that each page's items can be freed once its content stream is built.
struct KeptItems {
    struct Link {
        LinkBox box;
        StructId node = kNoStruct;
    };
    struct Figure {  // an image or a partner page that belongs to an element
        Rect rect;
        StructId node = kNoStruct;
        bool graft = false;  // a partner page whose own structure is grafted in
    };
    std::vector<Link> links;
    std::vector<Figure> figures;
};
KeptItems keep_items(const PageBox& page);

// Called with a page's index, on the thread that built its content stream,
// once nothing needs that page's items any more; may be empty.
using PageDone = std::function<void(std::size_t)>;

// Builds each page's content stream and hands it to its page; returns the
// codes drawn per face, and in mcids[page][n] the structure element of the
// page's MCID n. The streams are deflated here, on `threads` threads, with
// the pdf stage's deflater (deflate.hpp), each handed to libharu as soon as
// it is deflated, or by libharu at save on a libharu that cannot take them
// deflated; the bytes do not depend on `threads`. A sealed page (seal.hpp)
// brings its stream made; what was bound on after it was sealed goes in
// second[page] (add_content_stream).
// `tree`: the pack's structure, or an empty tree for no marked content.
std::vector<CodeSet> write_contents(Doc& doc, const PackBox& pack, const StructTree& tree,
                                    const std::vector<HPDF_Page>& pages, const std::vector<HPDF_Dict>& second,
                                    const std::vector<PageNames>& names,
                                    std::vector<std::vector<StructId>>& mcids, int threads,
                                    const PageDone& page_done);

// A second content stream for the page, drawn after its own: its /Contents
// becomes an array of the two.
HPDF_Dict add_content_stream(Doc& doc, HPDF_Page page);

// Makes each font's descriptor and font file now rather than at save, and
// deflates the font files, CIDToGIDMaps and CMaps on `threads` threads,
// handing them to libharu finished. Call it last, just before saving: the new
// objects must come after all others, as libharu would number them. With a
// libharu other than 2.3.0 it does nothing and libharu does the same work at
// save, deflating with zlib. The bytes do not depend on `threads`. Returns
// the number of fonts whose streams it deflated.
std::size_t embed_fonts(Doc& doc, const std::vector<HPDF_Font>& fonts, int threads);

// A PDF text string for UTF-8 text: ASCII as it is, anything else as
// UTF-16BE with its byte order mark.
void* text_string(Doc& doc, const std::string& utf8);

// A link annotation and the Link element it belongs to.
struct PlacedLink {
    std::size_t page = 0;
    HPDF_Annotation annot = nullptr;
    StructId node = kNoStruct;
};

// Link annotations, without the 1 pt border libharu gives them by default,
// each with /Contents saying where it goes; returned in page order.
// kept[page]: that page's links (keep_items).
std::vector<PlacedLink> add_links(Doc& doc, const PackBox& pack, const std::vector<KeptItems>& kept,
                                  const std::vector<HPDF_Page>& pages);

class UpdateSection;

// The tagged-PDF part of the document: the structure tree (StructElems with
// their marked content and link annotations), the parent tree, /StructParents
// and /Tabs on pages, /StructParent on annotations; and the catalog entries a
// tagged document needs (MarkInfo, Lang, DisplayDocTitle, XMP metadata with
// the PDF/UA identification).
class StructureWriter {
public:
    // Plans the tree and puts into libharu's objects what belongs there: the
    // catalog entries, the pages' and annotations' parent-tree keys, /Tabs,
    // and an empty StructTreeRoot object for the update to replace.
    // kept[page]: that page's figures (keep_items); the pack's items are not read.
    StructureWriter(Doc& doc, const PackBox& pack, const std::vector<HPDF_Page>& pages,
                    const std::vector<std::vector<StructId>>& mcids, const std::vector<PlacedLink>& links,
                    const std::vector<KeptItems>& kept);

    // After libharu has saved: the StructTreeRoot, every element and the
    // parent tree, as objects of the update. Returns, by page, the object
    // number of the element a partner page's own structure is grafted
    // under (ForeignSource::graft), or 0.
    std::vector<std::uint32_t> write(UpdateSection& update) const;

private:
    // One entry of an element's /K: a child element, marked content on a
    // page, or an annotation. Kept small (as Element is): a long table has
    // several elements per row, all held until the update is written.
    struct Kid {
        enum class Kind : std::uint8_t { Element, Content, Annotation } kind = Kind::Element;
        StructId node = kNoStruct;  // Element
        std::uint32_t page = 0;     // Content, Annotation
        int mcid = 0;               // Content
        std::uint32_t annot = 0;    // Annotation: its object number
    };
    struct Element {
        bool used = false;      // written: it or a descendant has content, or it is a table cell
        bool attached = false;  // already in its parent's /K
        std::optional<std::uint32_t> first_page;
        std::vector<Kid> kids;
    };

    const PackBox& pack_;
    const std::vector<std::vector<StructId>>& mcids_;
    std::vector<Element> el_;
    std::map<StructId, Rect> figure_boxes_;  // by element: its pictures' box on its first page
    std::vector<std::uint32_t> page_ids_;
    std::vector<StructId> link_owners_;  // by link, in parent-tree key order
    std::vector<StructId> graft_under_;  // by page: where its partner page's structure goes, or kNoStruct
    std::uint32_t root_id_ = 0;
    int next_key_ = 0;
};

// The bookmark tree: level 0 under the root, level n under the latest entry
// of level n-1.
void add_outlines(Doc& doc, const PackBox& pack, const std::vector<HPDF_Page>& pages);

}  // namespace bp::pdf
