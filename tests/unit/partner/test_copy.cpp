// A partner page copied as what it shows (copy.hpp), on small PDFs made
// here: the layers its default view switches off, the resources its content
// names and nothing they reach by other keys, each once, within budgets.
#include <catch2/catch.hpp>

#include <qpdf/QPDF.hh>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "partner/copy.hpp"
#include "partner/refusal.hpp"

using namespace bp;
using namespace bp::partner;

namespace {

// A PDF of `objects` (object 1 the catalog), with a classic xref table.
std::string pdf_of(const std::vector<std::string>& objects) {
    std::string out = "%PDF-1.7\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t o : offsets) {
        const std::string n = std::to_string(o);
        out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
    }
    return out + "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
}

std::string stream(const std::string& dict, const std::string& data) {
    return "<< " + dict + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

struct Opened {
    std::string bytes;
    QPDF pdf;
    explicit Opened(std::string b) : bytes(std::move(b)) {
        pdf.setSuppressWarnings(true);
        pdf.setAttemptRecovery(false);
        pdf.processMemoryFile("partner", bytes.data(), bytes.size());
    }
};

// Every dictionary key in `out`, with how many objects hold it.
std::map<std::string, int> keys_in(QPDF& out) {
    std::map<std::string, int> keys;
    std::function<void(QPDFObjectHandle, int)> walk = [&](QPDFObjectHandle h, int depth) {
        if (depth > 20) return;
        if (h.isStream()) h = h.getDict();
        if (h.isDictionary())
            for (auto [k, v] : h.ditems()) {
                ++keys[k];
                if (!v.isIndirect()) walk(v, depth + 1);
            }
        if (h.isArray())
            for (QPDFObjectHandle item : h.aitems())
                if (!item.isIndirect()) walk(item, depth + 1);
    };
    for (QPDFObjectHandle h : out.getAllObjects()) walk(h, 0);
    return keys;
}

}  // namespace

TEST_CASE("layers: the default view's groups, membership policies and expressions", "[partner]") {
    // 3 and 4 are listed, 5 is not; the base state is OFF, 4 is switched on.
    Opened doc(pdf_of({"<< /Type /Catalog /Pages 2 0 R /OCProperties << /OCGs [3 0 R 4 0 R] "
                       "/D << /BaseState /OFF /ON [4 0 R] >> >> >>",
                       "<< /Type /Pages /Kids [] /Count 0 >>", "<< /Type /OCG /Name (A) >>",
                       "<< /Type /OCG /Name (B) >>", "<< /Type /OCG /Name (C) >>"}));
    const Layers layers(doc.pdf);
    QPDFObjectHandle a = doc.pdf.getObjectByID(3, 0), b = doc.pdf.getObjectByID(4, 0), c = doc.pdf.getObjectByID(5, 0);
    CHECK(layers.any_off());
    CHECK(layers.off(a));
    CHECK_FALSE(layers.off(b));
    CHECK_FALSE(layers.off(c));  // a group the document does not list is not optional
    auto ocmd = [&](const std::string& rest) {
        return QPDFObjectHandle::parse(&doc.pdf, "<< /Type /OCMD " + rest + " >>");
    };
    CHECK(layers.off(ocmd("/OCGs [3 0 R 4 0 R] /P /AllOn")));
    CHECK_FALSE(layers.off(ocmd("/OCGs [3 0 R 4 0 R]")));  // AnyOn by default
    CHECK_FALSE(layers.off(ocmd("/OCGs [3 0 R 4 0 R] /P /AnyOff")));
    CHECK(layers.off(ocmd("/OCGs [3 0 R 4 0 R] /P /AllOff")));
    CHECK(layers.off(ocmd("/OCGs 3 0 R")));
    // A visibility expression decides over /OCGs and /P.
    CHECK_FALSE(layers.off(ocmd("/OCGs 3 0 R /VE [/Not 3 0 R]")));
    CHECK(layers.off(ocmd("/VE [/And 3 0 R 4 0 R]")));
    CHECK_FALSE(layers.off(ocmd("/VE [/Or 3 0 R [/Not 4 0 R] 4 0 R]")));
    CHECK(layers.off(ocmd("/VE [/Or 3 0 R [/Not 4 0 R]]")));

    // Base state ON (the default): only /OFF is off.
    Opened on(pdf_of({"<< /Type /Catalog /Pages 2 0 R /OCProperties << /OCGs [3 0 R 4 0 R] /D << /OFF [3 0 R] >> >> >>",
                      "<< /Type /Pages /Kids [] /Count 0 >>", "<< /Type /OCG /Name (A) >>", "<< /Type /OCG /Name (B) >>"}));
    const Layers default_on(on.pdf);
    CHECK(default_on.off(on.pdf.getObjectByID(3, 0)));
    CHECK_FALSE(default_on.off(on.pdf.getObjectByID(4, 0)));
}

TEST_CASE("layers: a membership too large to weigh is hidden, and weighed at once", "[partner]") {
    // Group 3 is off, 4 on. Object 5 is [/Or 4 0 R ...]; each object after
    // it names the one before 40 times: weighed naively, 40^15 terms.
    std::vector<std::string> objects = {"", "<< /Type /Pages /Kids [] /Count 0 >>", "<< /Type /OCG /Name (A) >>",
                                        "<< /Type /OCG /Name (B) >>", "[/Or 3 0 R 4 0 R]"};
    for (int level = 0; level < 15; ++level) {
        std::string e = "[/And";
        for (int i = 0; i < 40; ++i) e += " " + std::to_string(objects.size()) + " 0 R";
        objects.push_back(e + "]");
    }
    const std::size_t top = objects.size();
    objects.push_back("<< /Type /OCMD /VE " + std::to_string(top) + " 0 R >>");
    // Its /OCGs alone: more groups than are weighed.
    std::string many = "<< /Type /OCMD /OCGs [";
    for (int i = 0; i <= Layers::kMaxTerms; ++i) many += " 4 0 R";
    objects.push_back(many + "] >>");
    objects.push_back("<< /Type /OCMD /VE [/And 4 0 R [/Not 3 0 R]] >>");
    objects[0] = "<< /Type /Catalog /Pages 2 0 R /OCProperties << /OCGs [3 0 R 4 0 R] /D << /OFF [3 0 R] >> >> >>";
    Opened doc(pdf_of(objects));
    const Layers layers(doc.pdf);
    QPDFObjectHandle deep = doc.pdf.getObjectByID(static_cast<int>(top) + 1, 0);
    CHECK(layers.off(deep));
    CHECK(layers.off(deep));  // the second time from what was weighed
    CHECK(layers.off(doc.pdf.getObjectByID(static_cast<int>(top) + 2, 0)));
    // An ordinary one beside them is weighed as before.
    CHECK_FALSE(layers.off(doc.pdf.getObjectByID(static_cast<int>(top) + 3, 0)));
    CHECK_FALSE(layers.off(QPDFObjectHandle::parse(&doc.pdf, "<< /Type /OCMD /OCGs [4 0 R 4 0 R] /P /AllOn >>")));
}

TEST_CASE("copy: a string many property lists share comes across once", "[partner]") {
    const std::string content = "/Span /P1 BDC (a) Tj EMC /Span /P2 BDC (b) Tj EMC /Span /P3 BDC (c) Tj EMC";
    const std::string shared(100000, 'S');
    Opened doc(pdf_of({
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Properties << "
        "/P1 << /ActualText 5 0 R >> /P2 << /ActualText 5 0 R /Alt 5 0 R >> /P3 << /Alt (own) /E 5 0 R >> >> >> >>",
        stream("", content),
        "(" + shared + ")",
    }));
    QPDF out;
    out.emptyPDF();
    PartnerBudgets budgets;
    Decoded decoded{0, 1ULL << 30};
    PageCopier copier(doc.pdf, out, budgets, decoded, true);
    PartnerPage box;
    box.x1 = pt(200), box.y1 = pt(200);
    QPDFObjectHandle form = copier.page_form(doc.pdf.getObjectByID(3, 0), 0, box);
    QPDFObjectHandle props = form.getDict().getKey("/Resources").getKey("/Properties");
    REQUIRE(props.getKeys() == std::set<std::string>{"/P1", "/P2", "/P3"});
    QPDFObjectHandle one = props.getKey("/P1").getKey("/ActualText");
    CHECK(one.isIndirect());
    CHECK(one.getStringValue() == shared);
    for (auto [name, key] : {std::pair{"/P2", "/ActualText"}, {"/P2", "/Alt"}, {"/P3", "/E"}})
        CHECK(props.getKey(name).getKey(key).getObjGen() == one.getObjGen());
    CHECK(props.getKey("/P3").getKey("/Alt").getStringValue() == "own");
    std::size_t bytes = 0;
    for (QPDFObjectHandle h : out.getAllObjects())
        if (h.isString()) bytes += h.getStringValue().size();
    CHECK(bytes == shared.size());
}

TEST_CASE("copy: a page brings what its content draws, each once, and nothing hung on it", "[partner]") {
    const std::string content = "q /GS0 gs BT /F1 12 Tf 10 10 Td (Hello) Tj ET 10 0 0 10 0 0 cm /Im0 Do Q /Im0 Do";
    Opened doc(pdf_of({
        "<< /Type /Catalog /Pages 2 0 R /PartnerMark true /OpenAction 6 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /AA << /O 6 0 R >> "
        "/Resources << /Font << /F1 5 0 R /F2 8 0 R >> /XObject << /Im0 7 0 R /Unused 9 0 R >> "
        "/ExtGState << /GS0 << /CA 0.5 /AA 6 0 R /Font [5 0 R 12] >> >> /Catalog 1 0 R >> >>",
        stream("", content),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Root 1 0 R /Action 6 0 R >>",
        "<< /S /JavaScript /JS (app.alert\\(1\\);) >>",
        stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 "
               "/Metadata 1 0 R /OPI 6 0 R",
               "\x80"),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>",
        stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", "\x10"),
    }));
    QPDF out;
    out.emptyPDF();
    PartnerBudgets budgets;
    Decoded decoded{0, 1ULL << 30};
    PageCopier copier(doc.pdf, out, budgets, decoded, true);
    PartnerPage box;
    box.x1 = pt(200), box.y1 = pt(200);
    QPDFObjectHandle form = copier.page_form(doc.pdf.getObjectByID(3, 0), 0, box);
    QPDFObjectHandle resources = form.getDict().getKey("/Resources");
    CHECK(resources.getKeys() == std::set<std::string>{"/ExtGState", "/Font", "/XObject"});
    CHECK(resources.getKey("/Font").getKeys() == std::set<std::string>{"/F1"});
    CHECK(resources.getKey("/XObject").getKeys() == std::set<std::string>{"/Im0"});
    CHECK(resources.getKey("/Font").getKey("/F1").getKeys() ==
          std::set<std::string>{"/Type", "/Subtype", "/BaseFont"});
    CHECK(resources.getKey("/ExtGState").getKey("/GS0").getKeys() == std::set<std::string>{"/CA"});
    // Nothing of the catalog, the actions, the metadata or the unused font and image.
    const std::map<std::string, int> keys = keys_in(out);
    for (const char* never : {"/PartnerMark", "/OpenAction", "/JS", "/AA", "/Metadata", "/OPI", "/Root", "/Action"})
        CHECK(keys.count(never) == 0);
    int images = 0, courier = 0;
    for (QPDFObjectHandle h : out.getAllObjects()) {
        if (h.isStream() && h.getDict().getKey("/Subtype").isNameAndEquals("/Image")) ++images;
        if (h.isDictionary() && h.getKey("/BaseFont").isNameAndEquals("/Courier")) ++courier;
    }
    CHECK(images == 1);  // drawn twice, copied once
    CHECK(courier == 0);
    // The content is the page's, as it was: its own stream, not decoded and written again.
    CHECK(form.getRawStreamData()->getSize() == content.size());
    CHECK_FALSE(copier.last_page_hid());
}

TEST_CASE("copy: content past a budget is refused, naming the budget", "[partner]") {
    const std::string spaces(3 << 20, ' ');
    Opened doc(pdf_of({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents [4 0 R 4 0 R] /Resources << >> >>",
                       stream("", spaces)}));
    QPDF out;
    out.emptyPDF();
    PartnerPage box;
    box.x1 = pt(200), box.y1 = pt(200);
    auto refused = [&](PartnerBudgets budgets, std::uint64_t pack_left) {
        Decoded decoded{0, pack_left};
        PageCopier copier(doc.pdf, out, budgets, decoded, false);
        try {
            copier.page_form(doc.pdf.getObjectByID(3, 0), 0, box);
        } catch (const Refused& r) {
            return r.budget + ": " + r.reason;
        }
        return std::string("bound");
    };
    PartnerBudgets b;
    CHECK(refused(b, 1ULL << 30) == "bound");
    b.stream_mb = 2;
    CHECK(refused(b, 1ULL << 30) == "stream: page 1 has a content stream of more than 2 MB decoded");
    b.stream_mb = 4, b.page_mb = 5;
    CHECK(refused(b, 1ULL << 30) == "page: page 1 draws more than 5 MB of content decoded");
    b.page_mb = 64, b.pack_mb = 5;
    CHECK(refused(b, 5ULL << 20) ==
          "pack: the partner pages of the pack draw more than 5 MB of content decoded (reached at its page 1)");
}
