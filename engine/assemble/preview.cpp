// One paper bound on its own, as an officer previews it: laid out exactly
// as in the pack (layout_paper, the template's footer), pages numbered from
// 1, every page marked DRAFT where a pack page carries its agenda stamp.
#include "assemble/assemble.hpp"

namespace bp {

namespace {

constexpr const char* kDraft = "DRAFT";

GlyphRun draft_run(const TextStyle& st, const LayoutContext& ctx) {
    GlyphRun r;
    r.face = st.face(true, false);
    r.size = st.size;
    r.color = st.color;
    r.text = kDraft;
    r.width = ctx.fonts.measure(r.face, r.text, r.size);
    return r;
}

}  // namespace

PackBox assemble_preview(const Paper& paper, const LayoutContext& ctx) {
    const StyleSheet& ss = ctx.styles;
    PartLayout part = layout_paper(paper, ctx);
    PackBox box;
    box.first_page_number = 1;
    const StructId document = box.structure.add(Role::Document, kNoStruct, paper.loc);
    const StructId offset = box.structure.graft(part.structure, document);
    const TextStyle& stamp = ss.get("stamp");
    const TextStyle& foot = ss.get("footer");
    const std::string title = paper.header.title.empty() ? std::string("Draft") : plain_text(paper.header.title.front());
    box.outlines.push_back(Outline{title, 0, 0, 0});
    for (const PartAnchor& a : part.anchors) box.outlines.push_back(Outline{a.title, a.page, a.y, a.level});
    for (std::size_t n = 0; n < part.pages.size(); ++n) {
        PageBox& p = part.pages[n];
        p.sealed.node_offset += offset;
        for (PageItem& item : p.items)
            if (item.mark.node != kNoStruct) item.mark.node += offset;
        const PageMaster& pm = p.landscape() ? ss.landscape : ss.portrait;
        // DRAFT where the pack prints "Agenda Item N": top right, in the stamp's style.
        GlyphRun draft = draft_run(stamp, ctx);
        draft.x = p.width - pm.margin_right - draft.width;
        draft.baseline = pm.margin_top / 2 + stamp.size / 2;
        p.add(std::move(draft), Mark::as(Artifact::Header));
        // The footer as the pack prints it (assemble's Binding::finish), numbered from 1.
        if (!p.blank || ss.doc.footer_on_blank) {
            GlyphRun f;
            f.face = foot.face(false, false);
            f.size = foot.size;
            f.color = foot.color;
            f.text = fill_template_text(ss.doc.footer, "page", static_cast<int>(n) + 1);
            make_drawable(ctx.fonts, f.face, f.text);
            f.width = ctx.fonts.measure(f.face, f.text, f.size);
            f.x = (p.width - f.width) / 2;
            f.baseline = p.height - pm.margin_bottom / 2;
            p.add(std::move(f), Mark::as(Artifact::Footer));
        }
        box.pages.push_back(std::move(p));
    }
    for (const FontFace& f : ctx.fonts.faces()) box.faces.push_back(f);
    box.meta.title = "DRAFT - " + title;
    box.meta.subject = "Draft paper";
    box.meta.author = paper.header.board;
    box.meta.lang = ss.doc.locale.empty() ? "en-GB" : ss.doc.locale;
    for (char& c : box.meta.lang)
        if (c == '_') c = '-';
    if (paper.header.date) {
        box.meta.year = paper.header.date->year;
        box.meta.month = paper.header.date->month;
        box.meta.day = paper.header.date->day;
    }
    return box;
}

}  // namespace bp
