// style: template model -> StyleSheet. In: a TemplateDoc and the FontTable to
// load its faces into. Out: every named text style resolved (inheritance
// applied, faces loaded, sizes in millipoints), page masters, house texts.
// Never reads XML (load/ did) and never lays anything out.
#pragma once
#include <array>
#include <map>
#include <string>

#include "core/diag.hpp"
#include "core/template.hpp"
#include "text/text.hpp"

namespace bp {

// The four faces of a family, indexed by (bold ? 1 : 0) | (italic ? 2 : 0).
struct FamilyFaces {
    std::array<FaceId, 4> face{};
};

struct TextStyle {
    FamilyFaces family;
    Mpt size = 11000;
    Mpt line_height = 14850;  // baseline-to-baseline pitch
    bool bold = false, italic = false, underline = false, uppercase = false;
    Color color;
    Mpt space_before = 0, space_after = 0;
    Align align = Align::Left;

    FaceId face(bool with_bold, bool with_italic) const {
        return family.face[((bold || with_bold) ? 1 : 0) | ((italic || with_italic) ? 2 : 0)];
    }
};

struct StyleSheet {
    TemplateDoc doc;  // house texts, colours, indents, locale, date patterns
    PageMaster portrait, landscape;
    std::map<std::string, TextStyle, std::less<>> styles;

    // A named style; falls back to "body" for a name the template never set.
    const TextStyle& get(std::string_view name) const;
    const PageMaster& master(Orientation o) const {
        return o == Orientation::Landscape ? landscape : portrait;
    }
};

// Loads every face the template names into `fonts` and resolves each style
// the engine uses. Missing fonts and unknown parents are reported in diags.
StyleSheet resolve_styles(const TemplateDoc& doc, FontTable& fonts, Diagnostics& diags);

}  // namespace bp
