#include "import/ooxml.hpp"

#include <charconv>
#include <vector>

namespace bp::docx {

namespace {

// The namespaces the readers look at, with the prefixes they match; the
// Strict forms (purl.oclc.org) name the same things.
struct KnownNamespace {
    std::string_view uri, prefix;
};
constexpr KnownNamespace kKnown[] = {
    {"http://schemas.openxmlformats.org/wordprocessingml/2006/main", "w"},
    {"http://purl.oclc.org/ooxml/wordprocessingml/main", "w"},
    {"http://schemas.openxmlformats.org/officeDocument/2006/relationships", "r"},
    {"http://purl.oclc.org/ooxml/officeDocument/relationships", "r"},
    {"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing", "wp"},
    {"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing", "wp"},
    {"http://schemas.openxmlformats.org/drawingml/2006/main", "a"},
    {"http://purl.oclc.org/ooxml/drawingml/main", "a"},
    {"http://schemas.openxmlformats.org/drawingml/2006/picture", "pic"},
    {"http://purl.oclc.org/ooxml/drawingml/picture", "pic"},
    {"http://schemas.openxmlformats.org/drawingml/2006/chart", "c"},
    {"http://purl.oclc.org/ooxml/drawingml/chart", "c"},
    {"http://schemas.openxmlformats.org/drawingml/2006/diagram", "dgm"},
    {"http://schemas.openxmlformats.org/officeDocument/2006/math", "m"},
    {"http://purl.oclc.org/ooxml/officeDocument/math", "m"},
    {"http://schemas.openxmlformats.org/markup-compatibility/2006", "mc"},
    {"urn:schemas-microsoft-com:vml", "v"},
    {"urn:schemas-microsoft-com:office:office", "o"},
    {"http://schemas.microsoft.com/office/word/2010/wordprocessingShape", "wps"},
    {"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup", "wpg"},
    {"http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas", "wpc"},
    {"http://schemas.microsoft.com/office/word/2010/wordml", "w14"},
    {"http://schemas.openxmlformats.org/package/2006/relationships", ""},
    {"http://schemas.openxmlformats.org/package/2006/content-types", ""},
    {"http://purl.org/dc/elements/1.1/", "dc"},
};

std::string_view canonical_prefix(std::string_view uri, bool& known) {
    for (const KnownNamespace& k : kKnown)
        if (k.uri == uri) {
            known = true;
            return k.prefix;
        }
    known = false;
    return {};
}

// Markup-compatibility choices are taken when every namespace they require
// is one the readers know: text boxes (wps), groups, canvases and Word 2010
// markup; otherwise the fallback, which older readers are meant to take.
bool understood(std::string_view prefix_uri) {
    static constexpr std::string_view kUnderstood[] = {
        "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
        "http://schemas.microsoft.com/office/word/2010/wordml",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
        "http://schemas.microsoft.com/office/drawing/2010/main",
    };
    for (std::string_view u : kUnderstood)
        if (u == prefix_uri) return true;
    return false;
}

struct Scope {
    std::vector<std::pair<std::string, std::string>> bindings;  // prefix -> uri, innermost last
    // What each prefix seen since the bindings last changed turns into:
    // whether to rename, and to what. A part uses a handful of prefixes
    // over tens of thousands of names, so each is worked out once.
    struct Decision {
        std::string prefix;
        bool rename = false;
        std::string canonical;
    };
    std::vector<Decision> decided;

    std::string_view lookup(std::string_view prefix) const {
        for (auto it = bindings.rbegin(); it != bindings.rend(); ++it)
            if (it->first == prefix) return it->second;
        return {};
    }

    const Decision& decide(std::string_view prefix) {
        for (const Decision& d : decided)
            if (d.prefix == prefix) return d;
        Decision d;
        d.prefix = std::string(prefix);
        std::string_view uri = lookup(prefix);
        bool known = false;
        std::string_view want = uri.empty() ? std::string_view() : canonical_prefix(uri, known);
        d.rename = known && want != prefix;
        d.canonical = std::string(want);
        decided.push_back(std::move(d));
        return decided.back();
    }
};

// Renames `q` (an element's or attribute's name) to its namespace's known
// prefix when the file used another.
template <typename Node>
void rename(Node n, Scope& scope, bool is_attribute) {
    std::string_view q = n.name();
    const std::size_t colon = q.find(':');
    std::string_view prefix = colon == std::string_view::npos ? std::string_view() : q.substr(0, colon);
    // An attribute without a prefix is in no namespace, whatever the default.
    if (is_attribute && prefix.empty()) return;
    if (prefix == "xmlns" || q == "xmlns" || prefix == "xml") return;
    const Scope::Decision& d = scope.decide(prefix);
    if (!d.rename) return;
    std::string_view local = colon == std::string_view::npos ? q : q.substr(colon + 1);
    std::string r = d.canonical.empty() ? std::string(local) : d.canonical + ":" + std::string(local);
    n.set_name(r.c_str());
}

void canonicalise(pugi::xml_node n, Scope& scope, int depth);

// mc:AlternateContent: the first mc:Choice whose Requires are all
// understood, else mc:Fallback, put in its place.
void settle_alternate(pugi::xml_node ac, Scope& scope) {
    pugi::xml_node chosen;
    for (pugi::xml_node c : ac.children()) {
        std::string_view name = c.name();
        if (name == "mc:Choice") {
            std::string_view req = c.attribute("Requires").value();
            bool all = !req.empty();
            std::size_t at = 0;
            while (at < req.size()) {
                std::size_t end = req.find(' ', at);
                if (end == std::string_view::npos) end = req.size();
                std::string_view p = req.substr(at, end - at);
                if (!p.empty() && !understood(scope.lookup(p))) all = false;
                at = end + 1;
            }
            if (all) {
                chosen = c;
                break;
            }
        } else if (name == "mc:Fallback") {
            chosen = c;
        }
    }
    pugi::xml_node parent = ac.parent();
    if (chosen)
        while (pugi::xml_node k = chosen.first_child()) parent.insert_move_before(k, ac);
    parent.remove_child(ac);
}

void canonicalise(pugi::xml_node n, Scope& scope, int depth) {
    const std::size_t mark = scope.bindings.size();
    for (pugi::xml_attribute a : n.attributes()) {
        std::string_view name = a.name();
        if (name == "xmlns")
            scope.bindings.emplace_back("", a.value());
        else if (name.starts_with("xmlns:"))
            scope.bindings.emplace_back(std::string(name.substr(6)), a.value());
    }
    if (scope.bindings.size() != mark) scope.decided.clear();
    rename(n, scope, false);
    for (pugi::xml_attribute a : n.attributes()) rename(a, scope, true);
    for (pugi::xml_node c = n.first_child(); c;) {
        pugi::xml_node next = c.next_sibling();
        if (c.type() == pugi::node_element) {
            // Nesting deeper than any Word writes is cut off here, so no
            // reader after this one recurses without bound.
            if (depth > 256) {
                n.remove_child(c);
            } else {
                canonicalise(c, scope, depth + 1);
            }
        }
        c = next;
    }
    // Settled after the children are named, so a choice's content is canonical.
    for (pugi::xml_node c = n.first_child(); c;) {
        pugi::xml_node next = c.next_sibling();
        // What the choice held was named and settled with the choice itself.
        if (c.type() == pugi::node_element && std::string_view(c.name()) == "mc:AlternateContent")
            settle_alternate(c, scope);
        c = next;
    }
    if (scope.bindings.size() != mark) {
        scope.bindings.resize(mark);
        scope.decided.clear();
    }
}

}  // namespace

std::unique_ptr<pugi::xml_document> parse_part(std::string bytes, std::string& problem) {
    auto doc = std::make_unique<pugi::xml_document>();
    // Whitespace alone in <w:t xml:space="preserve"> </w:t> is text.
    const unsigned opts = pugi::parse_default | pugi::parse_ws_pcdata_single | pugi::parse_doctype;
    pugi::xml_parse_result r = doc->load_buffer(bytes.data(), bytes.size(), opts);
    if (!r) {
        problem = std::string("is not well-formed XML (") + r.description() + " at byte " + std::to_string(r.offset) + ")";
        return nullptr;
    }
    for (pugi::xml_node c : doc->children())
        if (c.type() == pugi::node_doctype) {
            problem = "declares a DOCTYPE, which Word never writes (it is how an XML file is made to expand without end)";
            return nullptr;
        }
    Scope scope;
    for (pugi::xml_node c = doc->first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element) canonicalise(c, scope, 0);
    return doc;
}

std::optional<bool> on_off(pugi::xml_node n) {
    if (!n) return std::nullopt;
    pugi::xml_attribute v = n.attribute("w:val");
    if (!v) return true;
    std::string_view s = v.value();
    return !(s == "0" || s == "false" || s == "off" || s == "none");
}

std::optional<long long> to_int(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    long long v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
}

}  // namespace bp::docx
