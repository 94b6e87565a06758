// A partner page copied as what it shows. Every object comes across through
// a role that says which keys its kind has (ISO 32000-1: 9.6-9.10 fonts,
// 8.6 colour spaces, 7.10 functions, 8.7 patterns and shadings, 8.4.5
// graphics states, 11.6.5 soft masks, 8.9-8.10 XObjects, 7.4 filters), so
// what the partner hung on an object under any other key stays behind; and
// each object once, however often it is named. Content is decoded within
// the budgets and read for the names it uses: only those resources come.
#include "partner/copy.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/Pipeline.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_Flate.hh>

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "partner/content.hpp"
#include "partner/refusal.hpp"

namespace bp::partner {

// ---- optional content ---------------------------------------------------------

Layers::Layers(QPDF& pdf) {
    QPDFObjectHandle props = pdf.getRoot().getKey("/OCProperties");
    if (!props.isDictionary()) return;
    auto collect = [](QPDFObjectHandle list, std::set<QPDFObjGen>& into) {
        if (!list.isArray()) return;
        for (QPDFObjectHandle g : list.aitems())
            if (g.isIndirect()) into.insert(g.getObjGen());
    };
    collect(props.getKey("/OCGs"), listed_);
    QPDFObjectHandle d = props.getKey("/D");
    if (!d.isDictionary()) return;
    base_off_ = d.getKey("/BaseState").isNameAndEquals("/OFF");
    collect(d.getKey("/ON"), on_);
    collect(d.getKey("/OFF"), off_);
    any_off_ = base_off_ || !off_.empty();
}

bool Layers::group_off(QPDFObjectHandle group) const {
    // A group the document does not list is not optional (14.11.2.1).
    if (!group.isIndirect() || !listed_.count(group.getObjGen())) return false;
    return base_off_ ? !on_.count(group.getObjGen()) : off_.count(group.getObjGen()) > 0;
}

bool Layers::off(QPDFObjectHandle oc) const {
    if (!any_off_ || !oc.isDictionary()) return false;
    const bool membership = oc.getKey("/Type").isNameAndEquals("/OCMD") || oc.hasKey("/OCGs") || oc.hasKey("/VE");
    if (!membership) return group_off(oc);
    // Content names a membership once per marked sequence: each is weighed once.
    if (!oc.isIndirect()) return membership_off(oc);
    auto it = weighed_.find(oc.getObjGen());
    if (it == weighed_.end()) it = weighed_.emplace(oc.getObjGen(), membership_off(oc)).first;
    return it->second;
}

bool Layers::membership_off(QPDFObjectHandle oc) const {
    // Each group and each term of the expression counted as it is weighed:
    // an expression that shares its arrays can be exponentially large.
    int terms = 0;
    bool too_large = false;
    // A visibility expression, where there is one, decides (14.11.2.2).
    std::function<bool(QPDFObjectHandle, int)> shown = [&](QPDFObjectHandle e, int d) -> bool {
        if (too_large || ++terms > kMaxTerms || d > 16) {
            too_large = true;
            return false;
        }
        if (e.isDictionary()) return !group_off(e);
        if (!e.isArray() || e.getArrayNItems() < 2 || !e.getArrayItem(0).isName()) return true;
        const std::string op = e.getArrayItem(0).getName();
        std::vector<QPDFObjectHandle> args = e.getArrayAsVector();
        args.erase(args.begin());
        if (op == "/Not") return !shown(args.front(), d + 1);
        if (op == "/And")
            return std::all_of(args.begin(), args.end(), [&](QPDFObjectHandle a) { return shown(a, d + 1); });
        if (op == "/Or") return std::any_of(args.begin(), args.end(), [&](QPDFObjectHandle a) { return shown(a, d + 1); });
        return true;
    };
    QPDFObjectHandle ve = oc.getKey("/VE");
    if (ve.isArray() && ve.getArrayNItems() > 0) {
        const bool visible = shown(ve, 0);
        return too_large || !visible;
    }
    std::vector<QPDFObjectHandle> groups;
    QPDFObjectHandle list = oc.getKey("/OCGs");
    if (list.isDictionary()) {
        groups.push_back(list);
    } else if (list.isArray()) {
        if (list.getArrayNItems() > kMaxTerms) return true;
        for (QPDFObjectHandle g : list.aitems())
            if (g.isDictionary()) groups.push_back(g);
    }
    if (groups.empty()) return false;
    std::size_t on = 0;
    for (const QPDFObjectHandle& g : groups) on += group_off(g) ? 0 : 1;
    QPDFObjectHandle p = oc.getKey("/P");
    const std::string policy = p.isName() ? p.getName() : "/AnyOn";
    bool visible = on > 0;  // AnyOn
    if (policy == "/AllOn") visible = on == groups.size();
    if (policy == "/AnyOff") visible = on < groups.size();
    if (policy == "/AllOff") visible = on == 0;
    return !visible;
}

// ---- the copier -----------------------------------------------------------------

namespace {

constexpr int kMaxDepth = 32;  // resources reached through resources
constexpr std::uint64_t kMB = 1 << 20;

// What a copied object is taken to be: the keys it keeps follow from it.
enum class Role : std::uint8_t {
    Plain,  // numbers, names, strings and arrays of them
    Font, Fonts, FontDescriptor, FontDescriptors, Encoding, CMap, CIDSystemInfo, Style, FontFile, Data,
    XObject, Image, Form, Mask,
    ColorSpace, Calibration, ICC, DeviceNAttributes, Process, Colorants,
    Function, Pattern, Shading, ExtGState, SoftMask, Group, Properties, DecodeParms,
};

struct Key {
    const char* name;
    Role role;
};
using Keys = std::initializer_list<Key>;

constexpr Role P = Role::Plain;

// Decoded data into a string, up to a cap: past it, the decoding stops.
class Capped : public Pipeline {
public:
    Capped(std::string& out, std::uint64_t cap) : Pipeline("decoded", nullptr), out_(out), cap_(cap) {}
    void write(unsigned char const* data, size_t len) override {
        if (out_.size() + len > cap_) {
            over = true;
            throw std::length_error("over the budget");  // stops the decoder; qpdf reports failure
        }
        out_.append(reinterpret_cast<const char*>(data), len);
    }
    void finish() override {}
    bool over = false;

private:
    std::string& out_;
    std::uint64_t cap_;
};

// A copied stream's data, taken from the partner's file as it is (its
// filters kept) only when the pack is written.
class RawData : public QPDFObjectHandle::StreamDataProvider {
public:
    void add(QPDFObjGen copy, QPDFObjectHandle source) { sources_[copy] = source; }
    void provideStreamData(QPDFObjGen const& og, Pipeline* pipeline) override {
        auto it = sources_.find(og);
        bool filtered = false;  // (the overload without it returns this, not whether it succeeded)
        if (it == sources_.end() || !it->second.pipeStreamData(pipeline, &filtered, 0, qpdf_dl_none, true, false))
            throw std::runtime_error("a stream of it can no longer be read (object " +
                                     std::to_string(it == sources_.end() ? 0 : it->second.getObjectID()) + ")");
    }

private:
    std::map<QPDFObjGen, QPDFObjectHandle> sources_;
};

struct Content {
    std::string data;
    bool changed = false;  // differs from the source stream's decoded data
    bool hidden = false;
    ContentUse use;
};

std::string mb(std::int64_t v) { return std::to_string(v) + " MB"; }

}  // namespace

class PageCopier::Impl {
public:
    Impl(QPDF& source, QPDF& out, const PartnerBudgets& budgets, Decoded& decoded, bool keep)
        : out_(out), budgets_(budgets), decoded_(decoded), keep_(keep), layers_(source),
          raw_(std::make_shared<RawData>()) {}

    QPDFObjectHandle page_form(QPDFObjectHandle page, int index, const PartnerPage& box, bool& hid) {
        where_ = "page " + std::to_string(index + 1);
        page_decoded_ = 0;
        hidden_ = false;
        QPDFObjectHandle resources = inherited(page, "/Resources");
        std::vector<QPDFObjectHandle> streams;
        QPDFObjectHandle contents = page.getKey("/Contents");
        // qpdf turns an object it cannot read into null: content that is
        // not a stream is damaged, not absent.
        auto add = [&](QPDFObjectHandle c) {
            if (!c.isStream())
                throw Refused(where_ + "'s content is damaged (object " + std::to_string(c.getObjectID()) +
                              " is not a content stream)");
            streams.push_back(c);
        };
        if (contents.isArray()) {
            for (QPDFObjectHandle c : contents.aitems()) add(c);
        } else if (!contents.isNull() || contents.isIndirect()) {
            add(contents);
        }
        std::string joined;
        for (QPDFObjectHandle& s : streams) {
            if (!joined.empty()) joined += '\n';
            joined += decode(s);
        }
        Content c = filter(joined, resources);
        QPDFObjectHandle form = QPDFObjectHandle::newStream(&out_);
        QPDFObjectHandle d = form.getDict();
        d.replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
        d.replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
        d.replaceKey("/FormType", QPDFObjectHandle::newInteger(1));
        d.replaceKey("/BBox", QPDFObjectHandle::newArray(std::vector<QPDFObjectHandle>{
                                  number(box.x0), number(box.y0), number(box.x1), number(box.y1)}));
        QPDFObjectHandle group = copy(page.getKey("/Group"), Role::Group, 1);
        if (!group.isNull()) d.replaceKey("/Group", group);
        d.replaceKey("/Resources", build_resources(resources, c.use, 1));
        set_data(form, streams.size() == 1 ? streams.front() : QPDFObjectHandle::newNull(), c);
        hid = hidden_;
        return form;
    }

    QPDFObjectHandle form_copy(QPDFObjGen source) const {
        auto it = memo_.find({source, Role::Form});
        return it == memo_.end() ? QPDFObjectHandle::newNull() : it->second;
    }

private:
    static QPDFObjectHandle number(Mpt v) { return QPDFObjectHandle::newReal(to_pt(v), 3, true); }

    // A page's attribute, from the page or the nearest /Pages above it.
    static QPDFObjectHandle inherited(QPDFObjectHandle page, const std::string& key) {
        std::set<QPDFObjGen> seen;
        for (QPDFObjectHandle node = page; node.isDictionary() && seen.size() < 256;) {
            QPDFObjectHandle v = node.getKey(key);
            if (!v.isNull()) return v;
            if (node.isIndirect() && !seen.insert(node.getObjGen()).second) break;
            node = node.getKey("/Parent");
        }
        return QPDFObjectHandle::newNull();
    }

    // ---- decoding, within the budgets

    std::string decode(QPDFObjectHandle stream) {
        const std::uint64_t by_stream = static_cast<std::uint64_t>(budgets_.stream_mb) * kMB;
        const std::uint64_t page_cap = static_cast<std::uint64_t>(budgets_.page_mb) * kMB;
        const std::uint64_t by_page = page_cap > page_decoded_ ? page_cap - page_decoded_ : 0;
        const std::uint64_t by_pack = decoded_.pack_left > decoded_.total ? decoded_.pack_left - decoded_.total : 0;
        const std::uint64_t cap = std::min({by_stream, by_page, by_pack});
        std::string data;
        Capped sink(data, cap);
        bool filtered = false;
        const bool ok = stream.pipeStreamData(&sink, &filtered, 0, qpdf_dl_generalized, true, false);
        if (sink.over) {
            if (cap == by_stream)
                throw Refused(where_ + " has a content stream of more than " + mb(budgets_.stream_mb) + " decoded",
                              "stream");
            if (cap == by_page)
                throw Refused(where_ + " draws more than " + mb(budgets_.page_mb) + " of content decoded", "page");
            throw Refused("the partner pages of the pack draw more than " + mb(budgets_.pack_mb) +
                              " of content decoded (reached at its " + where_ + ")",
                          "pack");
        }
        if (!ok) throw Refused(where_ + "'s content cannot be decoded: its data is damaged");
        QPDFObjectHandle filters = stream.getDict().getKey("/Filter");
        const bool has_filters = filters.isName() || (filters.isArray() && filters.getArrayNItems() > 0);
        if (!filtered && has_filters)
            throw Refused(where_ + "'s content is compressed in a way content cannot be (" +
                          (filters.isName() ? filters.getName() : std::string("a filter of images")) + ")");
        page_decoded_ += data.size();
        decoded_.total += data.size();
        return data;
    }

    Content filter(const std::string& data, QPDFObjectHandle resources) {
        ContentLookups lookups;
        if (layers_.any_off()) {
            auto entry = [resources](const char* category, const std::string& name) {
                QPDFObjectHandle r = resources;  // qpdf's accessors are not const
                QPDFObjectHandle c = r.isDictionary() ? r.getKey(category) : QPDFObjectHandle::newNull();
                return c.isDictionary() ? c.getKey("/" + name) : QPDFObjectHandle::newNull();
            };
            lookups.layer_off = [&, entry](const std::string& name) { return layers_.off(entry("/Properties", name)); };
            lookups.xobject_off = [&, entry](const std::string& name) {
                QPDFObjectHandle x = entry("/XObject", name);
                return x.isStream() && layers_.off(x.getDict().getKey("/OC"));
            };
        }
        FilteredContent f = filter_content(data, lookups);
        hidden_ = hidden_ || f.hidden;
        return Content{std::move(f.data), f.changed, f.hidden, std::move(f.use)};
    }

    // The stream `to` gets `source`'s data as it is when the content is
    // unchanged; else the content, deflated.
    void set_data(QPDFObjectHandle to, QPDFObjectHandle source, const Content& c) {
        if (!keep_) return;
        if (!c.changed && source.isStream()) {
            raw(to, source, 1);
            return;
        }
        Pl_Buffer buffer("content");
        Pl_Flate deflate("deflate", &buffer, Pl_Flate::a_deflate);
        deflate.write(reinterpret_cast<const unsigned char*>(c.data.data()), c.data.size());
        deflate.finish();
        to.replaceStreamData(buffer.getBufferSharedPointer(), QPDFObjectHandle::newName("/FlateDecode"),
                             QPDFObjectHandle::newNull());
    }

    // `to` gets `source`'s data undecoded, with its filters (encryption
    // is undone as the data is read, so a /Crypt filter goes).
    void raw(QPDFObjectHandle to, QPDFObjectHandle source, int depth) {
        if (!keep_) return;
        QPDFObjectHandle dict = source.getDict();
        QPDFObjectHandle filter = dict.getKey("/Filter"), parms = dict.getKey("/DecodeParms");
        std::vector<QPDFObjectHandle> names, each_parms;
        if (filter.isName()) {
            names.push_back(filter);
            each_parms.push_back(parms.isArray() ? parms.getArrayItem(0) : parms);
        } else if (filter.isArray()) {
            for (int i = 0; i < filter.getArrayNItems(); ++i) {
                names.push_back(filter.getArrayItem(i));
                each_parms.push_back(parms.isArray() ? parms.getArrayItem(i) : QPDFObjectHandle::newNull());
            }
        }
        QPDFObjectHandle out_filters = QPDFObjectHandle::newArray(), out_parms = QPDFObjectHandle::newArray();
        bool any_parms = false;
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (!names[i].isName() || names[i].getName() == "/Crypt") continue;
            out_filters.appendItem(QPDFObjectHandle::newName(names[i].getName()));
            QPDFObjectHandle p = copy(each_parms[i], Role::DecodeParms, depth + 1);
            any_parms = any_parms || !p.isNull();
            out_parms.appendItem(p);
        }
        raw_->add(to.getObjGen(), source);
        to.replaceStreamData(raw_, out_filters.getArrayNItems() > 0 ? out_filters : QPDFObjectHandle::newNull(),
                             any_parms ? out_parms : QPDFObjectHandle::newNull());
    }

    // ---- copying by role

    QPDFObjectHandle copy(QPDFObjectHandle h, Role role, int depth) {
        if (h.isNull()) return h;
        if (depth > kMaxDepth)
            throw Refused(where_ + "'s resources are nested more than " + std::to_string(kMaxDepth) + " levels deep");
        switch (role) {
            case Role::Plain: return plain(h, 0);
            case Role::Font: return font(h, depth);
            case Role::Fonts: return array_of(h, role, Role::Font, depth);
            case Role::FontDescriptor:
                return dict(h, role, depth,
                            {{"/Type", P}, {"/FontName", P}, {"/FontFamily", P}, {"/FontStretch", P}, {"/FontWeight", P},
                             {"/Flags", P}, {"/FontBBox", P}, {"/ItalicAngle", P}, {"/Ascent", P}, {"/Descent", P},
                             {"/Leading", P}, {"/CapHeight", P}, {"/XHeight", P}, {"/StemV", P}, {"/StemH", P},
                             {"/AvgWidth", P}, {"/MaxWidth", P}, {"/MissingWidth", P}, {"/CharSet", P}, {"/Lang", P},
                             {"/FontFile", Role::FontFile}, {"/FontFile2", Role::FontFile},
                             {"/FontFile3", Role::FontFile}, {"/CIDSet", Role::Data}, {"/Style", Role::Style},
                             {"/FD", Role::FontDescriptors}});
            case Role::FontDescriptors: return dict_of(h, role, Role::FontDescriptor, depth);
            case Role::Encoding:
                if (h.isStream()) return stream(h, Role::CMap, depth, cmap_keys());
                if (h.isName()) return plain(h, 0);
                return dict(h, role, depth, {{"/Type", P}, {"/BaseEncoding", P}, {"/Differences", P}});
            case Role::CMap:
                if (h.isName()) return plain(h, 0);
                return stream(h, role, depth, cmap_keys());
            case Role::CIDSystemInfo: return dict(h, role, depth, {{"/Registry", P}, {"/Ordering", P}, {"/Supplement", P}});
            case Role::Style: return dict(h, role, depth, {{"/Panose", P}});
            case Role::FontFile:
                return stream(h, role, depth, {{"/Length1", P}, {"/Length2", P}, {"/Length3", P}, {"/Subtype", P}});
            case Role::Data:
                if (h.isName()) return plain(h, 0);
                return stream(h, role, depth, {});
            case Role::XObject: {
                if (!h.isStream()) return QPDFObjectHandle::newNull();
                QPDFObjectHandle subtype = h.getDict().getKey("/Subtype");
                if (subtype.isNameAndEquals("/Image")) return copy(h, Role::Image, depth);
                if (subtype.isNameAndEquals("/Form")) return form(h, depth);
                return QPDFObjectHandle::newNull();  // a PostScript XObject: nothing a reader sees
            }
            case Role::Image:
                return stream(h, role, depth,
                              {{"/Type", P}, {"/Subtype", P}, {"/Width", P}, {"/Height", P}, {"/BitsPerComponent", P},
                               {"/Intent", P}, {"/ImageMask", P}, {"/Decode", P}, {"/Interpolate", P},
                               {"/SMaskInData", P}, {"/Matte", P}, {"/ColorSpace", Role::ColorSpace},
                               {"/Mask", Role::Mask}, {"/SMask", Role::Image}});
            case Role::Mask: return h.isStream() ? copy(h, Role::Image, depth) : plain(h, 0);
            case Role::Form: return form(h, depth);
            case Role::ColorSpace: return color_space(h, depth);
            case Role::Calibration:
                return dict(h, role, depth,
                            {{"/WhitePoint", P}, {"/BlackPoint", P}, {"/Gamma", P}, {"/Matrix", P}, {"/Range", P}});
            case Role::ICC:
                return stream(h, role, depth, {{"/N", P}, {"/Range", P}, {"/Alternate", Role::ColorSpace}});
            case Role::DeviceNAttributes:
                return dict(h, role, depth,
                            {{"/Subtype", P}, {"/Colorants", Role::Colorants}, {"/Process", Role::Process}});
            case Role::Process: return dict(h, role, depth, {{"/ColorSpace", Role::ColorSpace}, {"/Components", P}});
            case Role::Colorants: return dict_of(h, role, Role::ColorSpace, depth);
            case Role::Function: {
                if (h.isName()) return plain(h, 0);  // /Identity, /Default
                if (h.isArray()) return array_of(h, role, Role::Function, depth);
                const Keys keys = {{"/FunctionType", P}, {"/Domain", P}, {"/Range", P}, {"/Size", P},
                                   {"/BitsPerSample", P}, {"/Order", P}, {"/Encode", P}, {"/Decode", P},
                                   {"/C0", P}, {"/C1", P}, {"/N", P}, {"/Bounds", P},
                                   {"/Functions", Role::Function}};
                return h.isStream() ? stream(h, role, depth, keys) : dict(h, role, depth, keys);
            }
            case Role::Pattern:
                if (h.isStream()) return tiling_pattern(h, depth);
                return dict(h, role, depth,
                            {{"/Type", P}, {"/PatternType", P}, {"/Matrix", P}, {"/Shading", Role::Shading},
                             {"/ExtGState", Role::ExtGState}});
            case Role::Shading: {
                const Keys keys = {{"/ShadingType", P}, {"/Background", P}, {"/BBox", P}, {"/AntiAlias", P},
                                   {"/Coords", P}, {"/Domain", P}, {"/Extend", P}, {"/Matrix", P},
                                   {"/BitsPerCoordinate", P}, {"/BitsPerComponent", P}, {"/BitsPerFlag", P},
                                   {"/Decode", P}, {"/VerticesPerRow", P}, {"/ColorSpace", Role::ColorSpace},
                                   {"/Function", Role::Function}};
                return h.isStream() ? stream(h, role, depth, keys) : dict(h, role, depth, keys);
            }
            case Role::ExtGState:
                // Not /Font (a font the content does not name) nor halftones (the printer's own).
                return dict(h, role, depth,
                            {{"/Type", P}, {"/LW", P}, {"/LC", P}, {"/LJ", P}, {"/ML", P}, {"/D", P}, {"/RI", P},
                             {"/OP", P}, {"/op", P}, {"/OPM", P}, {"/FL", P}, {"/SM", P}, {"/SA", P}, {"/BM", P},
                             {"/CA", P}, {"/ca", P}, {"/AIS", P}, {"/TK", P}, {"/UseBlackPtComp", P},
                             {"/BG", Role::Function}, {"/BG2", Role::Function}, {"/UCR", Role::Function},
                             {"/UCR2", Role::Function}, {"/TR", Role::Function}, {"/TR2", Role::Function},
                             {"/SMask", Role::SoftMask}});
            case Role::SoftMask:
                if (h.isName()) return plain(h, 0);  // /None
                return dict(h, role, depth,
                            {{"/Type", P}, {"/S", P}, {"/BC", P}, {"/G", Role::Form}, {"/TR", Role::Function}});
            case Role::Group: return dict(h, role, depth, {{"/Type", P}, {"/S", P}, {"/I", P}, {"/K", P}, {"/CS", Role::ColorSpace}});
            case Role::Properties:
                return dict(h, role, depth,
                            {{"/Type", P}, {"/MCID", P}, {"/ActualText", P}, {"/Alt", P}, {"/E", P}, {"/Lang", P},
                             {"/Subtype", P}, {"/Attached", P}, {"/BBox", P}});
            case Role::DecodeParms:
                return dict(h, role, depth,
                            {{"/Predictor", P}, {"/Colors", P}, {"/BitsPerComponent", P}, {"/Columns", P},
                             {"/EarlyChange", P}, {"/K", P}, {"/EndOfLine", P}, {"/EncodedByteAlign", P}, {"/Rows", P},
                             {"/EndOfBlock", P}, {"/BlackIs1", P}, {"/DamagedRowsBeforeError", P},
                             {"/ColorTransform", P}, {"/JBIG2Globals", Role::Data}});
        }
        return QPDFObjectHandle::newNull();
    }

    static Keys cmap_keys() {
        static const Keys keys = {{"/Type", P}, {"/CMapName", P}, {"/WMode", P},
                                  {"/CIDSystemInfo", Role::CIDSystemInfo}, {"/UseCMap", Role::CMap}};
        return keys;
    }

    // Numbers, names, strings, booleans and arrays of them; a dictionary or
    // stream among them becomes null.
    QPDFObjectHandle plain(QPDFObjectHandle h, int depth) {
        if (h.isArray()) {
            if (depth > 4) return QPDFObjectHandle::newNull();
            return made(h, Role::Plain, Shape::Array, [&](QPDFObjectHandle a) {
                for (QPDFObjectHandle item : h.aitems()) a.appendItem(plain(item, depth + 1));
            });
        }
        if (h.isInteger()) return QPDFObjectHandle::newInteger(h.getIntValue());
        if (h.isReal()) return QPDFObjectHandle::newReal(h.getRealValue());
        if (h.isName()) return QPDFObjectHandle::newName(h.getName());
        if (h.isString()) {
            // A string object many dictionaries share is copied once, shared too.
            if (!h.isIndirect()) return QPDFObjectHandle::newString(h.getStringValue());
            const std::pair<QPDFObjGen, Role> key{h.getObjGen(), Role::Plain};
            if (auto it = memo_.find(key); it != memo_.end()) return it->second;
            return memo_.emplace(key, out_.makeIndirectObject(QPDFObjectHandle::newString(h.getStringValue())))
                .first->second;
        }
        if (h.isBool()) return QPDFObjectHandle::newBool(h.getBoolValue());
        return QPDFObjectHandle::newNull();
    }

    // The copy of `source` for `role`: made once, by `fill`, for an
    // indirect object (and found again after); a direct one each time.
    enum class Shape : std::uint8_t { Dictionary, Array, Stream };
    QPDFObjectHandle made(QPDFObjectHandle source, Role role, Shape shape,
                          const std::function<void(QPDFObjectHandle)>& fill) {
        auto fresh = [&] {
            return shape == Shape::Stream  ? QPDFObjectHandle::newStream(&out_)
                   : shape == Shape::Array ? QPDFObjectHandle::newArray()
                                           : QPDFObjectHandle::newDictionary();
        };
        if (!source.isIndirect()) {
            QPDFObjectHandle copy = fresh();
            fill(copy);
            return copy;
        }
        const std::pair<QPDFObjGen, Role> key{source.getObjGen(), role};
        if (auto it = memo_.find(key); it != memo_.end()) return it->second;
        QPDFObjectHandle copy = shape == Shape::Stream ? fresh() : out_.makeIndirectObject(fresh());
        memo_.emplace(key, copy);
        fill(copy);
        return copy;
    }

    void keys(QPDFObjectHandle from, QPDFObjectHandle to, const Keys& wanted, int depth) {
        for (const Key& k : wanted) {
            QPDFObjectHandle v = from.getKey(k.name);
            if (v.isNull()) continue;
            QPDFObjectHandle c = copy(v, k.role, depth + 1);
            if (!c.isNull()) to.replaceKey(k.name, c);
        }
    }

    QPDFObjectHandle dict(QPDFObjectHandle h, Role role, int depth, const Keys& wanted) {
        if (!h.isDictionary() || h.isStream()) return QPDFObjectHandle::newNull();
        return made(h, role, Shape::Dictionary,
                    [&](QPDFObjectHandle d) { keys(h, d, wanted, depth); });
    }

    // A dictionary whose every value has the role `each` (FD, Colorants).
    QPDFObjectHandle dict_of(QPDFObjectHandle h, Role role, Role each, int depth) {
        if (!h.isDictionary() || h.isStream()) return QPDFObjectHandle::newNull();
        return made(h, role, Shape::Dictionary, [&](QPDFObjectHandle d) {
            for (const auto& [key, value] : h.ditems()) {
                QPDFObjectHandle c = copy(value, each, depth + 1);
                if (!c.isNull()) d.replaceKey(key, c);
            }
        });
    }

    QPDFObjectHandle array_of(QPDFObjectHandle h, Role role, Role each, int depth) {
        if (!h.isArray()) return QPDFObjectHandle::newNull();
        return made(h, role, Shape::Array, [&](QPDFObjectHandle a) {
            for (QPDFObjectHandle item : h.aitems()) a.appendItem(copy(item, each, depth + 1));
        });
    }

    // A stream whose data is copied as it is.
    QPDFObjectHandle stream(QPDFObjectHandle h, Role role, int depth, const Keys& wanted) {
        if (!h.isStream()) return QPDFObjectHandle::newNull();
        return made(h, role, Shape::Stream, [&](QPDFObjectHandle s) {
            keys(h.getDict(), s.getDict(), wanted, depth);
            raw(s, h, depth);
        });
    }

    QPDFObjectHandle font(QPDFObjectHandle h, int depth) {
        if (!h.isDictionary() || h.isStream()) return QPDFObjectHandle::newNull();
        const bool type3 = h.getKey("/Subtype").isNameAndEquals("/Type3");
        return made(h, Role::Font, Shape::Dictionary, [&](QPDFObjectHandle d) {
            keys(h, d,
                 {{"/Type", P}, {"/Subtype", P}, {"/BaseFont", P}, {"/Name", P}, {"/FirstChar", P},
                  {"/LastChar", P}, {"/Widths", P}, {"/FontMatrix", P}, {"/FontBBox", P}, {"/DW", P}, {"/W", P},
                  {"/DW2", P}, {"/W2", P}, {"/FontDescriptor", Role::FontDescriptor}, {"/Encoding", Role::Encoding},
                  {"/ToUnicode", Role::Data}, {"/CIDSystemInfo", Role::CIDSystemInfo}, {"/CIDToGIDMap", Role::Data}},
                 depth);
            QPDFObjectHandle descendants = h.getKey("/DescendantFonts");
            if (descendants.isArray()) d.replaceKey("/DescendantFonts", array_of(descendants, Role::Fonts, Role::Font, depth + 1));
            if (type3) type3_glyphs(h, d, depth);
        });
    }

    // A Type 3 font's glyphs are content, drawn with the font's resources
    // (or, without any, those of what uses the font).
    void type3_glyphs(QPDFObjectHandle font, QPDFObjectHandle copy, int depth) {
        QPDFObjectHandle procs = font.getKey("/CharProcs");
        if (!procs.isDictionary()) return;
        QPDFObjectHandle resources = font.getKey("/Resources");
        if (!resources.isDictionary()) resources = context_;
        ContentUse all;
        QPDFObjectHandle out_procs = QPDFObjectHandle::newDictionary();
        for (auto [name, glyph] : procs.ditems()) {
            if (!glyph.isStream()) continue;
            Content c = filter(decode(glyph), resources);
            using Names = std::set<std::string> ContentUse::*;
            for (Names set : {&ContentUse::fonts, &ContentUse::xobjects, &ContentUse::color_spaces,
                              &ContentUse::patterns, &ContentUse::shadings, &ContentUse::gstates, &ContentUse::properties})
                (all.*set).insert((c.use.*set).begin(), (c.use.*set).end());
            QPDFObjectHandle g = QPDFObjectHandle::newStream(&out_);
            set_data(g, glyph, c);
            out_procs.replaceKey(name, g);
        }
        copy.replaceKey("/CharProcs", out_procs);
        copy.replaceKey("/Resources", build_resources(resources, all, depth + 1));
    }

    // A form XObject: its content filtered as a page's, its resources those
    // the content names (a form without any uses those of what draws it).
    QPDFObjectHandle form(QPDFObjectHandle h, int depth) {
        if (!h.isStream()) return QPDFObjectHandle::newNull();
        if (drawing_.count(h.getObjGen()))
            throw Refused(where_ + " draws a form XObject that draws itself (object " + std::to_string(h.getObjectID()) + ")");
        // A form another page drew before: what it hid, it hides here too.
        if (hid_forms_.count(h.getObjGen())) hidden_ = true;
        return made(h, Role::Form, Shape::Stream, [&](QPDFObjectHandle s) {
            drawing_.insert(h.getObjGen());
            const bool hidden_before = hidden_;
            hidden_ = false;
            QPDFObjectHandle dict = h.getDict();
            keys(dict, s.getDict(),
                 {{"/Type", P}, {"/Subtype", P}, {"/FormType", P}, {"/BBox", P}, {"/Matrix", P}, {"/Group", Role::Group}},
                 depth);
            QPDFObjectHandle resources = dict.getKey("/Resources");
            if (!resources.isDictionary()) resources = context_;
            Content c = filter(decode(h), resources);
            s.getDict().replaceKey("/Resources", build_resources(resources, c.use, depth + 1));
            set_data(s, h, c);
            if (hidden_) hid_forms_.insert(h.getObjGen());
            hidden_ = hidden_ || hidden_before;
            drawing_.erase(h.getObjGen());
        });
    }

    QPDFObjectHandle tiling_pattern(QPDFObjectHandle h, int depth) {
        if (drawing_.count(h.getObjGen()))
            throw Refused(where_ + " draws a pattern that draws itself (object " + std::to_string(h.getObjectID()) + ")");
        return made(h, Role::Pattern, Shape::Stream, [&](QPDFObjectHandle s) {
            drawing_.insert(h.getObjGen());
            QPDFObjectHandle dict = h.getDict();
            keys(dict, s.getDict(),
                 {{"/Type", P}, {"/PatternType", P}, {"/PaintType", P}, {"/TilingType", P}, {"/BBox", P},
                  {"/XStep", P}, {"/YStep", P}, {"/Matrix", P}},
                 depth);
            QPDFObjectHandle resources = dict.getKey("/Resources");
            if (!resources.isDictionary()) resources = context_;
            Content c = filter(decode(h), resources);
            s.getDict().replaceKey("/Resources", build_resources(resources, c.use, depth + 1));
            set_data(s, h, c);
            drawing_.erase(h.getObjGen());
        });
    }

    QPDFObjectHandle color_space(QPDFObjectHandle h, int depth) {
        if (h.isName()) return plain(h, 0);
        if (!h.isArray() || h.getArrayNItems() < 1 || !h.getArrayItem(0).isName()) return QPDFObjectHandle::newNull();
        const std::string family = h.getArrayItem(0).getName();
        // Each family's operands, by role, after its name.
        std::vector<Role> operands;
        if (family == "/CalGray" || family == "/CalRGB" || family == "/Lab")
            operands = {Role::Calibration};
        else if (family == "/ICCBased")
            operands = {Role::ICC};
        else if (family == "/Indexed" || family == "/I")
            operands = {Role::ColorSpace, P, Role::Data};
        else if (family == "/Pattern")
            operands = {Role::ColorSpace};
        else if (family == "/Separation")
            operands = {P, Role::ColorSpace, Role::Function};
        else if (family == "/DeviceN")
            operands = {P, Role::ColorSpace, Role::Function, Role::DeviceNAttributes};
        else if (family != "/DeviceGray" && family != "/DeviceRGB" && family != "/DeviceCMYK")
            return QPDFObjectHandle::newNull();
        return made(h, Role::ColorSpace, Shape::Array, [&](QPDFObjectHandle a) {
            a.appendItem(QPDFObjectHandle::newName(family));
            for (std::size_t i = 0; i < operands.size() && static_cast<int>(i) + 1 < h.getArrayNItems(); ++i) {
                QPDFObjectHandle item = h.getArrayItem(static_cast<int>(i) + 1);
                // An Indexed lookup table is a string or a stream.
                const Role r = operands[i] == Role::Data && !item.isStream() ? P : operands[i];
                a.appendItem(copy(item, r, depth + 1));
            }
        });
    }

    // The resources `use` names, from `from`.
    QPDFObjectHandle build_resources(QPDFObjectHandle from, const ContentUse& use, int depth) {
        QPDFObjectHandle r = QPDFObjectHandle::newDictionary();
        if (!from.isDictionary()) return r;
        const QPDFObjectHandle saved = context_;
        context_ = from;
        const std::pair<const char*, std::pair<const std::set<std::string>*, Role>> categories[] = {
            {"/Font", {&use.fonts, Role::Font}},
            {"/XObject", {&use.xobjects, Role::XObject}},
            {"/ColorSpace", {&use.color_spaces, Role::ColorSpace}},
            {"/Pattern", {&use.patterns, Role::Pattern}},
            {"/Shading", {&use.shadings, Role::Shading}},
            {"/ExtGState", {&use.gstates, Role::ExtGState}},
            {"/Properties", {&use.properties, Role::Properties}},
        };
        for (const auto& [category, what] : categories) {
            const auto& [names, role] = what;
            QPDFObjectHandle source = from.getKey(category);
            if (names->empty() || !source.isDictionary()) continue;
            QPDFObjectHandle entries = QPDFObjectHandle::newDictionary();
            for (const std::string& name : *names) {
                QPDFObjectHandle c = copy(source.getKey("/" + name), role, depth + 1);
                if (!c.isNull()) entries.replaceKey("/" + name, c);
            }
            if (!entries.getKeys().empty()) r.replaceKey(category, entries);
        }
        context_ = saved;
        return r;
    }

    QPDF& out_;
    const PartnerBudgets& budgets_;
    Decoded& decoded_;
    const bool keep_;
    const Layers layers_;
    std::shared_ptr<RawData> raw_;
    std::map<std::pair<QPDFObjGen, Role>, QPDFObjectHandle> memo_;
    std::set<QPDFObjGen> drawing_;  // forms and patterns being copied, to find one that draws itself
    std::set<QPDFObjGen> hid_forms_;  // forms that left content of a layer that is off out
    QPDFObjectHandle context_;      // the resources of the content being copied
    std::string where_;             // "page 3", for messages
    std::uint64_t page_decoded_ = 0;
    bool hidden_ = false;
};

PageCopier::PageCopier(QPDF& source, QPDF& out, const PartnerBudgets& budgets, Decoded& decoded, bool keep_content)
    : impl_(std::make_unique<Impl>(source, out, budgets, decoded, keep_content)) {}

PageCopier::~PageCopier() = default;

QPDFObjectHandle PageCopier::page_form(QPDFObjectHandle page, int index, const PartnerPage& box) {
    return impl_->page_form(page, index, box, hid_);
}

QPDFObjectHandle PageCopier::form_copy(QPDFObjGen source) const { return impl_->form_copy(source); }

}  // namespace bp::partner
