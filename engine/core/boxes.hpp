// Page boxes: what a page shows, positioned, in millipoints from the page's
// top-left corner (y grows downwards). Layout produces them, assemble stamps
// and numbers them, pdf/ and dump/ only read them.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "units.hpp"

namespace bp {

// Index into FontSet::faces (see below).
using FaceId = std::uint16_t;

struct GlyphRun {
    Mpt x = 0, baseline = 0;  // start of the run's baseline
    FaceId face = 0;
    Mpt size = 0;
    Color color;
    std::string text;  // UTF-8; every code point is one the face maps
    Mpt width = 0;     // advance width of text, as measured by text/
};

struct RuleLine {  // a straight stroked line (table borders, underlines, signature line)
    Mpt x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    Mpt thickness = 500;
    Color color;
};

struct FillRect {
    Rect rect;
    Color color;
};

struct ImageBox {
    Rect rect;
    std::string path;  // PNG or JPEG file
    std::string alt;
};

struct LinkBox {
    Rect rect;
    std::string uri;          // external target, or
    int target_page = -1;     // 0-based pack page for internal links
};

struct PageBox {
    Mpt width = kA4Width, height = kA4Height;
    std::vector<FillRect> fills;  // drawn first
    std::vector<ImageBox> images;
    std::vector<RuleLine> rules;
    std::vector<GlyphRun> runs;
    std::vector<LinkBox> links;
    bool blank = false;  // an intentionally blank padding page

    bool landscape() const { return width > height; }
};

struct FontFace {
    std::string path;  // TrueType file to embed
};

// A bookmark in the PDF outline.
struct Outline {
    std::string title;  // UTF-8
    int page = 0;       // 0-based pack page
    Mpt y = 0;          // top of the target on that page
    int level = 0;      // 0 = agenda item, 1 = heading inside it
};

struct PackMeta {
    std::string title, subject, author;
    int year = 0, month = 0, day = 0;  // creation date = meeting date: output is reproducible
};

// The finished pack: everything pdf/ needs, nothing it must compute.
struct PackBox {
    std::vector<FontFace> faces;  // FaceId indexes here
    std::vector<PageBox> pages;
    std::vector<Outline> outlines;
    PackMeta meta;
};

}  // namespace bp
