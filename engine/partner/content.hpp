// A partner page's content stream read operator by operator, without the
// PDF library: which named resources it draws (so only those are copied),
// and what to leave out of it (content of an optional-content layer that is
// switched off). No qpdf type here: it is fuzzed and tested on its own.
#pragma once
#include <functional>
#include <set>
#include <string>
#include <string_view>

namespace bp::partner {

// The resource names the kept content uses, by /Resources category.
struct ContentUse {
    std::set<std::string> fonts, xobjects, color_spaces, patterns, shadings, gstates, properties;
};

// Answers for the content's names, from its resources.
struct ContentLookups {
    // Whether the property list /name (of "/OC /name BDC") is a layer, or a
    // set of layers, that the document shows switched off.
    std::function<bool(const std::string& name)> layer_off;
    // Whether the XObject /name belongs to a layer that is switched off.
    std::function<bool(const std::string& name)> xobject_off;
};

struct FilteredContent {
    std::string data;     // the content to draw
    bool changed = false;  // anything was left out or rewritten
    bool hidden = false;   // content of a layer that is off was left out
    ContentUse use;        // what `data` names
};

// The content `in` as the pack draws it. Marked content of an optional-
// content layer that is off keeps its graphics-state and text-state
// operators (so what follows is drawn as before) but paints nothing: its
// text, paths, images and XObjects are left out. (Text left out does not
// move the text position, which would need the font's widths: text after
// it in the same text object, BT to ET, starts where the hidden text did.) Layers that are on lose
// their /OC marks (the pack has no layers, only what they showed); so does
// an XObject whose layer is off. Never throws on bad input: what cannot be
// read is passed on as it is.
FilteredContent filter_content(std::string_view in, const ContentLookups& lookups);

// A name as written in content (without its slash), with #xx escapes decoded.
std::string decode_name(std::string_view raw);

}  // namespace bp::partner
