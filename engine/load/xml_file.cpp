#include "load/xml_file.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>

#include "core/input_file.hpp"
#include "load/paths.hpp"
#include "load/values.hpp"

namespace bp::load {

namespace {

constexpr std::size_t kMaxFileBytes = 256u << 20;

bool has_bom(std::string_view b) { return b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF"; }

std::string hex_byte(unsigned char c) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    return std::string("0x") + kHex[c >> 4] + kHex[c & 15];
}

std::string code_point_name(std::uint32_t cp) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string s;
    for (int shift = cp > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) s += kHex[(cp >> shift) & 15];
    return "U+" + s;
}

// Characters XML 1.0 allows (section 2.2).
bool xml_char(std::uint32_t cp) {
    if (cp < 0x20) return cp == 0x9 || cp == 0xA || cp == 0xD;
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    if (cp == 0xFFFE || cp == 0xFFFF) return false;
    return cp <= 0x10FFFF;
}

// Decodes one UTF-8 sequence at b[i]; returns its length, 0 if malformed
// (overlong forms and surrogates included).
std::size_t decode_utf8(std::string_view b, std::size_t i, std::uint32_t& cp) {
    unsigned char c = static_cast<unsigned char>(b[i]);
    if (c < 0x80) {
        cp = c;
        return 1;
    }
    std::size_t len;
    std::uint32_t min;
    if ((c & 0xE0) == 0xC0) {
        len = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, cp = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > b.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        unsigned char d = static_cast<unsigned char>(b[i + k]);
        if ((d & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

// One diagnostic for the first byte that is not UTF-8 or not an XML
// character; the parse would only report confusing consequences of it.
bool check_encoding(const SourceText& src, Diagnostics& diags) {
    std::string_view b = src.bytes;
    if (b.size() >= 2 && ((b[0] == '\xFF' && b[1] == '\xFE') || (b[0] == '\xFE' && b[1] == '\xFF'))) {
        diags.error(src.at(0), rule::encoding, "the file is saved as UTF-16", "save it as UTF-8");
        return false;
    }
    std::size_t i = has_bom(b) ? 3 : 0;
    while (i < b.size()) {
        std::uint32_t cp = 0;
        std::size_t len = decode_utf8(b, i, cp);
        if (len == 0) {
            diags.error(src.at(i), rule::encoding, "byte " + hex_byte(static_cast<unsigned char>(b[i])) +
                                       " is not UTF-8; save the file as UTF-8 (it may have been saved as "
                                       "Latin-1 or Windows-1252)");
            return false;
        }
        if (!xml_char(cp)) {
            diags.error(src.at(i), rule::forbidden_character, "character " + code_point_name(cp) + " is not allowed in XML; delete it");
            return false;
        }
        i += len;
    }
    return true;
}

// ---- a small scanner over the raw bytes -----------------------------------
//
// pugixml gives no offsets for attributes, end tags or entity references, and
// accepts things XML forbids. This scanner walks the markup of a file that
// pugixml has parsed (so it is well-formed up to `limit`), and reports what
// it meets to a visitor.

struct Visitor {
    virtual ~Visitor() = default;
    virtual void start_tag(std::string_view, std::size_t /*lt*/, bool /*empty*/) {}
    virtual void end_tag(std::string_view, std::size_t /*lt*/) {}
    virtual void text(std::size_t /*begin*/, std::size_t /*end*/) {}
    virtual void attr_value(std::size_t /*begin*/, std::size_t /*end*/) {}
    virtual void declaration(std::size_t /*begin*/, std::size_t /*end*/) {}
    virtual void doctype(std::size_t /*begin*/, std::size_t /*end*/) {}
};

bool name_char(char c) { return !is_xml_space(c) && c != '/' && c != '>' && c != '=' && c != '<'; }

void scan_markup(std::string_view b, std::size_t limit, Visitor& v) {
    std::size_t i = has_bom(b) ? 3 : 0;
    limit = std::min(limit, b.size());
    auto skip_to = [&](std::size_t from, std::string_view end) -> std::size_t {
        std::size_t p = b.find(end, from);
        return p == std::string_view::npos ? b.size() : p + end.size();
    };
    while (i < limit) {
        if (b[i] != '<') {
            std::size_t e = b.find('<', i);
            if (e == std::string_view::npos) e = b.size();
            v.text(i, e);
            i = e;
            continue;
        }
        std::string_view rest = b.substr(i);
        if (rest.starts_with("<!--")) {
            i = skip_to(i + 4, "-->");
        } else if (rest.starts_with("<![CDATA[")) {
            i = skip_to(i + 9, "]]>");
        } else if (rest.starts_with("<?")) {
            std::size_t e = skip_to(i + 2, "?>");
            if (rest.starts_with("<?xml") && rest.size() > 5 && is_xml_space(rest[5])) v.declaration(i, e);
            i = e;
        } else if (rest.starts_with("<!")) {
            // DOCTYPE: up to the '>' outside brackets and quotes.
            int depth = 0;
            char quote = 0;
            std::size_t p = i + 2;
            for (; p < b.size(); ++p) {
                char c = b[p];
                if (quote) {
                    if (c == quote) quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '[') {
                    ++depth;
                } else if (c == ']') {
                    --depth;
                } else if (c == '>' && depth <= 0) {
                    break;
                }
            }
            const std::size_t end = std::min(p + 1, b.size());
            if (rest.starts_with("<!DOCTYPE")) v.doctype(i, end);
            i = end;
        } else if (rest.starts_with("</")) {
            std::size_t p = i + 2;
            while (p < b.size() && name_char(b[p])) ++p;
            v.end_tag(b.substr(i + 2, p - i - 2), i);
            i = skip_to(p, ">");
        } else {
            std::size_t p = i + 1;
            while (p < b.size() && name_char(b[p])) ++p;
            std::string_view name = b.substr(i + 1, p - i - 1);
            bool empty = false;
            for (;;) {
                while (p < b.size() && is_xml_space(b[p])) ++p;
                if (p >= b.size()) return;
                if (b[p] == '>') {
                    ++p;
                    break;
                }
                if (b[p] == '/') {
                    empty = true;
                    p = skip_to(p, ">");
                    break;
                }
                // name = "value"
                while (p < b.size() && name_char(b[p])) ++p;
                while (p < b.size() && is_xml_space(b[p])) ++p;
                if (p >= b.size() || b[p] != '=') return;
                ++p;
                while (p < b.size() && is_xml_space(b[p])) ++p;
                if (p >= b.size() || (b[p] != '"' && b[p] != '\'')) return;
                char q = b[p];
                std::size_t e = b.find(q, p + 1);
                if (e == std::string_view::npos) return;
                v.attr_value(p + 1, e);
                p = e + 1;
            }
            v.start_tag(name, i, empty);
            i = p;
        }
    }
}

struct OpenElement {
    std::string name;
    std::size_t lt = 0;
};

// The elements open at `limit`.
struct StackVisitor : Visitor {
    std::vector<OpenElement> open;
    void start_tag(std::string_view name, std::size_t lt, bool empty) override {
        if (!empty) open.push_back({std::string(name), lt});
    }
    void end_tag(std::string_view, std::size_t) override {
        if (!open.empty()) open.pop_back();
    }
};

// HTML entities officers type, with the character each means.
struct HtmlEntity {
    const char* name;
    std::uint32_t cp;
    const char* glyph;
};
constexpr HtmlEntity kHtmlEntities[] = {
    {"ndash", 8211, "\u2013"},  {"mdash", 8212, "\u2014"},  {"pound", 163, "\u00a3"},
    {"euro", 8364, "\u20ac"},   {"copy", 169, "\u00a9"},    {"reg", 174, "\u00ae"},
    {"trade", 8482, "\u2122"},  {"hellip", 8230, "\u2026"}, {"lsquo", 8216, "\u2018"},
    {"rsquo", 8217, "\u2019"},  {"ldquo", 8220, "\u201c"},  {"rdquo", 8221, "\u201d"},
    {"bull", 8226, "\u2022"},   {"middot", 183, "\u00b7"},  {"deg", 176, "\u00b0"},
    {"frac12", 189, "\u00bd"},  {"frac14", 188, "\u00bc"},  {"frac34", 190, "\u00be"},
    {"times", 215, "\u00d7"},   {"divide", 247, "\u00f7"},  {"rarr", 8594, "\u2192"},
    {"larr", 8592, "\u2190"},   {"uarr", 8593, "\u2191"},   {"darr", 8595, "\u2193"},
    {"eacute", 233, "\u00e9"},  {"egrave", 232, "\u00e8"},  {"aacute", 225, "\u00e1"},
    {"ouml", 246, "\u00f6"},    {"uuml", 252, "\u00fc"},    {"sect", 167, "\u00a7"},
    {"para", 182, "\u00b6"},    {"plusmn", 177, "\u00b1"},  {"le", 8804, "\u2264"},
    {"ge", 8805, "\u2265"},
};

// Undefined entities and bare '&' in text and attribute values: pugixml
// keeps them as literal text, so "&nbsp;" would print as written.
struct EntityVisitor : Visitor {
    const SourceText& src;
    Diagnostics& diags;
    std::size_t root_start = std::string::npos;  // '<' of the root element
    bool reported_outside = false, reported_second_root = false;
    int depth = 0;
    std::string root_name;

    EntityVisitor(const SourceText& s, Diagnostics& d) : src(s), diags(d) {}

    void start_tag(std::string_view name, std::size_t lt, bool empty) override {
        if (depth == 0) {
            if (root_start == std::string::npos) {
                root_start = lt;
                root_name = name;
            } else if (!reported_second_root) {
                reported_second_root = true;
                diags.error(src.at(lt), rule::xml_syntax, "a second top-level element <" + std::string(name) + "> after <" +
                                            root_name + ">; a file holds one <" + root_name +
                                            "> and everything goes inside it");
            }
        }
        if (!empty) ++depth;
    }
    void end_tag(std::string_view, std::size_t) override {
        if (depth > 0) --depth;
    }
    void text(std::size_t begin, std::size_t end) override {
        if (depth == 0) {
            for (std::size_t p = begin; p < end; ++p) {
                if (is_xml_space(src.bytes[p])) continue;
                if (!reported_outside) {
                    reported_outside = true;
                    std::string where = root_start == std::string::npos ? "before" : "after";
                    diags.error(src.at(p), rule::xml_syntax, "text " + where + " the top-level element; everything goes inside <" +
                                               (root_name.empty() ? std::string("the root element") : root_name) +
                                               ">");
                }
                break;
            }
        }
        check_refs(begin, end);
    }
    void attr_value(std::size_t begin, std::size_t end) override { check_refs(begin, end); }

    // pugixml skips a DOCTYPE without reading it, so an entity it declares is
    // never expanded and a parameter entity or external file never read:
    // say so, rather than let text silently go missing.
    void doctype(std::size_t begin, std::size_t end) override {
        diags.error(src.at(begin), rule::doctype,
                    "this file has a <!DOCTYPE> declaration, which boardpack does not read: entities declared in it "
                    "are not expanded, and files it names are not read",
                    "delete the <!DOCTYPE ...> and write in the text what its entities stood for");
        const std::string_view d = std::string_view(src.bytes).substr(begin, end - begin);
        for (std::size_t p = d.find("<!ENTITY"); p != std::string_view::npos; p = d.find("<!ENTITY", p + 1)) {
            std::size_t n = p + 8;
            while (n < d.size() && (is_xml_space(d[n]) || d[n] == '%')) ++n;
            std::size_t e = n;
            while (e < d.size() && name_char(d[e])) ++e;
            if (e > n) declared_entities.emplace(d.substr(n, e - n));
        }
    }
    std::set<std::string, std::less<>> declared_entities;
    void declaration(std::size_t begin, std::size_t end) override {
        std::string_view d = std::string_view(src.bytes).substr(begin, end - begin);
        std::size_t p = d.find("encoding");
        if (p == std::string_view::npos) return;
        std::size_t q = d.find_first_of("\"'", p);
        if (q == std::string_view::npos) return;
        std::size_t e = d.find(d[q], q + 1);
        if (e == std::string_view::npos) return;
        std::string enc(d.substr(q + 1, e - q - 1));
        std::string lower = enc;
        for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        if (lower != "utf-8" && lower != "utf8")
            diags.error(src.at(begin), rule::encoding, "the file declares encoding=\"" + quote_value(enc) +
                                           "\"; boardpack reads UTF-8 only: save the file as UTF-8 and write "
                                           "encoding=\"UTF-8\"");
    }

    void check_refs(std::size_t begin, std::size_t end) {
        std::string_view b = src.bytes;
        // Searches stay inside [begin, end): a search to the end of the file
        // for every run of text would make a large file quadratic.
        const std::string_view text = b.substr(0, end);
        for (std::size_t p = text.find('&', begin); p != std::string_view::npos; p = text.find('&', p + 1)) {
            std::size_t stop = std::min(end, p + 40);
            std::size_t semi = b.substr(0, stop).find(';', p);
            if (semi == std::string_view::npos) {
                diags.error(src.at(p), rule::entity, "a & on its own must be written &amp;");
                continue;
            }
            std::string_view ref = b.substr(p + 1, semi - p - 1);
            if (ref.empty()) {
                diags.error(src.at(p), rule::entity, "a & on its own must be written &amp;");
                continue;
            }
            if (ref[0] == '#') {
                check_char_ref(p, ref);
                continue;
            }
            bool name_ok = true;
            for (char c : ref)
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                      c == '-' || c == '.' || c == ':'))
                    name_ok = false;
            if (!name_ok) {
                diags.error(src.at(p), rule::entity, "a & on its own must be written &amp;");
                continue;
            }
            if (ref == "lt" || ref == "gt" || ref == "amp" || ref == "quot" || ref == "apos") continue;
            std::string written(1, '&');
            written += ref;
            written += ';';
            if (ref == "nbsp") {
                diags.error(src.at(p), rule::entity, written + " is not defined in XML; write &#160; for a non-breaking space");
                continue;
            }
            const HtmlEntity* known = nullptr;
            for (const auto& h : kHtmlEntities)
                if (ref == h.name) known = &h;
            if (declared_entities.count(ref))
                diags.error(src.at(p), rule::entity, quote_value(written) +
                                           " is declared only in the <!DOCTYPE>, which boardpack does not read; write "
                                           "its text here instead");
            else if (known)
                diags.error(src.at(p), rule::entity, written + " is not defined in XML; type " + known->glyph + " itself or write &#" +
                                           std::to_string(known->cp) + ";");
            else
                diags.error(src.at(p), rule::entity, quote_value(written) +
                                           " is not defined in XML, which knows only &lt; &gt; &amp; &quot; and "
                                           "&apos; (write &amp; for a plain &)");
        }
    }

    void check_char_ref(std::size_t p, std::string_view ref) {
        bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
        std::string_view digits = ref.substr(hex ? 2 : 1);
        std::uint32_t cp = 0;
        bool ok = !digits.empty() && digits.size() <= 8;
        for (char c : digits) {
            int d = -1;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
            if (d < 0) {
                ok = false;
                break;
            }
            cp = cp * (hex ? 16u : 10u) + static_cast<std::uint32_t>(d);
        }
        if (!ok)
            diags.error(src.at(p), rule::entity, std::string(1, '&') + quote_value(ref) +
                                       "; is not a character reference; write the number as &#160; or &#xA0;");
        else if (!xml_char(cp))
            diags.error(src.at(p), rule::entity, std::string(1, '&') + std::string(ref) + "; is not a character XML allows; delete it");
    }
};

std::string hint_suffix(std::string_view root_hint) {
    return root_hint.empty() ? std::string() : std::string("; ").append(root_hint);
}

void report_parse_error(const SourceText& src, const pugi::xml_parse_result& r, std::string_view root_hint,
                        Diagnostics& diags) {
    std::string_view b = src.bytes;
    std::size_t off = r.offset < 0 ? 0 : std::min(static_cast<std::size_t>(r.offset), b.size());
    auto tag_start = [&](std::size_t from) {  // the '<' at or before `from`
        std::size_t p = b.rfind('<', from);
        return p == std::string_view::npos ? from : p;
    };
    auto tag_name = [&](std::size_t lt) {
        std::size_t p = lt + 1;
        if (p < b.size() && b[p] == '/') ++p;
        std::size_t e = p;
        while (e < b.size() && name_char(b[e])) ++e;
        return std::string(b.substr(p, e - p));
    };
    switch (r.status) {
        case pugi::status_no_document_element: {
            std::size_t p = has_bom(b) ? 3 : 0;
            while (p < b.size() && is_xml_space(b[p])) ++p;
            if (p == b.size())
                diags.error(src.at(0), rule::empty_file, "the file is empty" + hint_suffix(root_hint));
            else
                diags.error(src.at(0), rule::empty_file, "the file has no elements" + hint_suffix(root_hint));
            return;
        }
        case pugi::status_end_element_mismatch: {
            bool at_close = off >= 2 && b.substr(off - 2, 2) == "</";
            StackVisitor stack;
            scan_markup(b, at_close ? off - 2 : b.size(), stack);
            if (at_close) {
                std::string name = tag_name(off - 2);
                SourceLoc loc = src.at(off - 2);
                if (stack.open.empty()) {
                    diags.error(loc, rule::xml_syntax, "the closing tag </" + name + "> has no opening tag <" + name + ">");
                    return;
                }
                const OpenElement& top = stack.open.back();
                SourceLoc opened = src.at(top.lt);
                bool further_up = std::any_of(stack.open.begin(), stack.open.end(),
                                              [&](const OpenElement& e) { return e.name == name; });
                std::string msg = "the closing tag </" + name + "> does not match <" + top.name +
                                  "> opened at line " + std::to_string(opened.line);
                msg += further_up ? "; close </" + top.name + "> first" : "";
                diags.error(loc, rule::xml_syntax, msg);
                return;
            }
            if (!stack.open.empty()) {
                const OpenElement& top = stack.open.back();
                diags.error(src.at(top.lt), rule::xml_syntax, "<" + top.name + "> is not closed before the end of the file; add </" +
                                                top.name + ">");
                return;
            }
            diags.error(src.at(off), rule::xml_syntax, "the file ends in the middle of a tag");
            return;
        }
        case pugi::status_unrecognized_tag: {
            std::size_t lt = off > 0 && b[off - 1] == '<' ? off - 1 : off;
            diags.error(src.at(lt), rule::xml_syntax, "'<' does not start a tag here", "write &lt; for a less-than sign");
            return;
        }
        case pugi::status_bad_comment: {
            std::size_t lt = off >= 4 && b.substr(off - 4, 4) == "<!--" ? off - 4 : off;
            std::size_t close = b.find("-->", off);
            if (close != std::string_view::npos)
                diags.error(src.at(lt), rule::xml_syntax, "a comment may not contain -- before its end -->");
            else
                diags.error(src.at(lt), rule::xml_syntax, "this comment is not closed", "end it with -->");
            return;
        }
        case pugi::status_bad_cdata: {
            std::size_t lt = off >= 9 && b.substr(off - 9, 9) == "<![CDATA[" ? off - 9 : off;
            diags.error(src.at(lt), rule::xml_syntax, "this <![CDATA[ section is not closed", "end it with ]]>");
            return;
        }
        case pugi::status_bad_pi:
            diags.error(src.at(tag_start(off)), rule::xml_syntax, "malformed <?...?> instruction", "delete it or end it with ?>");
            return;
        case pugi::status_bad_doctype:
            diags.error(src.at(tag_start(off)), rule::xml_syntax, "malformed <!DOCTYPE ...> declaration", "delete it");
            return;
        case pugi::status_bad_start_element: {
            std::size_t lt = tag_start(off);
            std::string name = tag_name(lt);
            diags.error(src.at(off), rule::xml_syntax, name.empty() ? std::string("malformed tag; a tag is written <name> or <name/>")
                                                  : "malformed tag <" + name + ">; end it with > or />");
            return;
        }
        case pugi::status_bad_attribute: {
            std::string name = tag_name(tag_start(off));
            diags.error(src.at(off), rule::xml_syntax, "malformed attribute in <" + name +
                                         ">; write attributes as name=\"value\", with the value in quotes");
            return;
        }
        case pugi::status_bad_end_element: {
            std::size_t lt = tag_start(off);
            std::string name = tag_name(lt);
            diags.error(src.at(lt), rule::xml_syntax, "malformed closing tag; write </" + name + ">");
            return;
        }
        case pugi::status_out_of_memory:
            diags.error(src.file_only(), rule::file_unreadable, "not enough memory to read the file");
            return;
        default:
            diags.error(src.at(off), rule::xml_syntax, std::string("the file is not well-formed XML: ") + r.description());
            return;
    }
}

}  // namespace

void SourceText::index_lines() {
    line_starts.clear();
    counted_line_ = 0;
    line_starts.push_back(has_bom(bytes) ? 3 : 0);
    for (std::size_t i = 0; i < bytes.size(); ++i)
        if (bytes[i] == '\n') line_starts.push_back(i + 1);
}

SourceLoc SourceText::at(std::size_t offset) const {
    if (line_starts.empty()) return SourceLoc{path, 1, 1};
    auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
    std::size_t line = static_cast<std::size_t>(it - line_starts.begin());
    if (line == 0) return SourceLoc{path, 1, 1};  // inside the BOM
    offset = std::min(offset, bytes.size());
    std::size_t from = line_starts[line - 1], chars = 0;
    if (counted_line_ == line && counted_offset_ <= offset) {
        from = counted_offset_;
        chars = counted_chars_;
    }
    // Every byte but a UTF-8 continuation byte starts a character (a byte
    // that is not UTF-8 counts as one: such a file is refused at its first).
    for (std::size_t i = from; i < offset; ++i) chars += (static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80;
    counted_line_ = line;
    counted_offset_ = offset;
    counted_chars_ = chars;
    return SourceLoc{path, static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(chars + 1)};
}

bool open_xml(const std::string& path, std::string_view root_hint, XmlFile& out, Diagnostics& diags) {
    out.src.path = path;
    switch (file_state(path)) {
        case FileState::Missing: diags.error(out.src.file_only(), rule::file_unreadable, "file not found"); return false;
        case FileState::NotAFile: diags.error(out.src.file_only(), rule::file_unreadable, "this is a folder, not a file"); return false;
        case FileState::Special:
        case FileState::Ok: break;
    }
    // Only a regular file is read, and opening never blocks (a FIFO would).
    std::string problem;
    if (!read_input_file(path, kMaxFileBytes, out.src.bytes, problem)) {
        diags.error(out.src.file_only(), rule::file_unreadable, "the file " + problem);
        return false;
    }
    return parse_xml(root_hint, out, diags);
}

bool parse_xml(std::string_view root_hint, XmlFile& out, Diagnostics& diags) {
    out.src.index_lines();
    if (!check_encoding(out.src, diags)) return false;

    // parse_ws_pcdata keeps the space in "<b>a</b> <i>b</i>"; block readers
    // ignore whitespace-only text themselves. encoding_utf8 stops pugixml
    // from converting by the declaration, which would break offsets.
    unsigned opts = pugi::parse_default | pugi::parse_comments | pugi::parse_ws_pcdata;
    pugi::xml_parse_result r =
        out.doc.load_buffer(out.src.bytes.data(), out.src.bytes.size(), opts, pugi::encoding_utf8);
    if (!r) {
        report_parse_error(out.src, r, root_hint, diags);
        return false;
    }
    out.root = out.doc.document_element();
    if (!out.root) {
        diags.error(out.src.at(0), rule::empty_file, "the file has no elements" + hint_suffix(root_hint));
        return false;
    }
    EntityVisitor ev(out.src, diags);
    scan_markup(out.src.bytes, out.src.bytes.size(), ev);
    return true;
}

std::string sniff_root_name(const std::string& path) {
    std::string text, problem;
    if (!read_input_file(path, kMaxFileBytes, text, problem)) return {};
    return first_element_name(text);
}

std::string first_element_name(std::string_view text) {
    std::string head(text.substr(0, 8192));
    struct First : Visitor {
        std::string name;
        void start_tag(std::string_view n, std::size_t, bool) override {
            if (name.empty()) name = n;
        }
    } first;
    scan_markup(head, head.size(), first);
    return first.name;
}

}  // namespace bp::load
