// A partner page's content read operator by operator: the resources it
// names, and what a layer that is off leaves out.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "partner/content.hpp"

using namespace bp::partner;

namespace {

ContentLookups layers(std::set<std::string> off_properties, std::set<std::string> off_xobjects = {}) {
    ContentLookups l;
    l.layer_off = [off_properties](const std::string& name) { return off_properties.count(name) > 0; };
    l.xobject_off = [off_xobjects](const std::string& name) { return off_xobjects.count(name) > 0; };
    return l;
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("content: every kind of resource an operator names is found, and only those", "[partner]") {
    const std::string in =
        "q /GS1 gs /F1 12 Tf /CS0 cs /DeviceRGB CS 0 0 1 rg /P0 scn 1 0 0 /P1 SCN /Sh0 sh /Im#20one Do\n"
        "/Span <</ActualText (x)>> BDC EMC /Span /MC0 BDC EMC /Tag /MC1 DP Q\n"
        "(not /F9 Tf nor /X9 Do) Tj <2F58 39> Tj [(a /F8 Tf) 3 (b)] TJ % /X7 Do in a comment\n";
    const FilteredContent f = filter_content(in, {});
    CHECK(f.use.fonts == std::set<std::string>{"F1"});
    CHECK(f.use.gstates == std::set<std::string>{"GS1"});
    CHECK(f.use.color_spaces == std::set<std::string>{"CS0"});  // device spaces are no resource
    CHECK(f.use.patterns == std::set<std::string>{"P0", "P1"});
    CHECK(f.use.shadings == std::set<std::string>{"Sh0"});
    CHECK(f.use.xobjects == std::set<std::string>{"Im one"});  // #20 decoded, as qpdf's keys are
    CHECK(f.use.properties == std::set<std::string>{"MC0", "MC1"});
    // Nothing to leave out: the content is passed on byte for byte.
    CHECK_FALSE(f.changed);
    CHECK_FALSE(f.hidden);
    CHECK(f.data == in);
}

TEST_CASE("content: a layer that is off paints nothing, but its state changes stay", "[partner]") {
    const std::string in =
        "BT /F1 12 Tf 10 10 Td /OC /Off BDC (SECRET one) Tj [(SECRET) -20 (two)] TJ (SECRET three) ' "
        "2 1 (SECRET four) \" 3 Tr /F2 9 Tf EMC (shown) Tj ET\n"
        "/OC /Off BDC 0 0 10 10 re f 5 5 m 9 9 l S q 1 0 0 1 5 5 cm /Im0 Do /Sh0 sh Q 0 0 1 1 re W n EMC\n";
    const FilteredContent f = filter_content(in, layers({"Off"}));
    CHECK_FALSE(has(f.data, "SECRET"));
    CHECK(has(f.data, "(shown) Tj"));
    // ' and " still move to the next line, " still sets the spacing.
    CHECK(has(f.data, "T*"));
    CHECK(has(f.data, "2 Tw 1 Tc T*"));
    // Text and graphics state go on as before: the font, the render mode, q/cm/Q, the clip.
    CHECK(has(f.data, "3 Tr /F2 9 Tf"));
    CHECK(has(f.data, "q 1 0 0 1 5 5 cm"));
    CHECK(has(f.data, "W n"));
    // Paths end without being painted; images and shadings are gone.
    CHECK_FALSE(has(f.data, " f "));
    CHECK_FALSE(has(f.data, " S "));
    CHECK_FALSE(has(f.data, "Do"));
    CHECK_FALSE(has(f.data, "/Sh0"));
    CHECK_FALSE(has(f.data, "/OC"));
    CHECK(f.use.fonts == std::set<std::string>{"F1", "F2"});
    CHECK(f.use.xobjects.empty());
    CHECK(f.use.shadings.empty());
    CHECK(f.hidden);
    CHECK(f.changed);
}

TEST_CASE("content: a layer that is on loses its marks, not its content, and nesting is kept", "[partner]") {
    const std::string in = "/OC /On BDC /P <</MCID 0>> BDC (kept) Tj EMC EMC /OC /Off BDC /P <</MCID 1>> BDC "
                           "(gone) Tj EMC /OC /On BDC (nested gone) Tj EMC EMC (after) Tj EMC";
    const FilteredContent f = filter_content(in, layers({"Off"}));
    CHECK(has(f.data, "/P <</MCID 0>> BDC (kept) Tj EMC"));
    // Marked content inside the hidden layer stays (a structure element
    // may name it); only its painting goes.
    CHECK(has(f.data, "/P <</MCID 1>> BDC"));
    CHECK_FALSE(has(f.data, "gone"));
    CHECK(has(f.data, "(after) Tj"));
    CHECK_FALSE(has(f.data, "/OC"));
    // The stray EMC at the end, which closes nothing, is passed on.
    CHECK(f.data.size() >= 3);
    CHECK(f.data.substr(f.data.size() - 3) == "EMC");
    CHECK(f.hidden);
}

TEST_CASE("content: an XObject whose layer is off is not drawn", "[partner]") {
    const FilteredContent f = filter_content("q /Hidden Do Q q /Shown Do Q", layers({}, {"Hidden"}));
    CHECK(f.use.xobjects == std::set<std::string>{"Shown"});
    CHECK_FALSE(has(f.data, "Hidden"));
    CHECK(has(f.data, "/Shown Do"));
    CHECK(f.hidden);
}

TEST_CASE("content: inline images are read to their real EI, named colour spaces found", "[partner]") {
    // The image data holds " EI " followed by bytes that are not content.
    const std::string data = std::string("\x01 EI \x02\x03\xfe\xff", 9);
    const std::string image = "BI /W 3 /H 3 /CS /CS1 /BPC 8 ID " + data + " EI";
    const std::string in = "q " + image + " Q (after) Tj";
    FilteredContent f = filter_content(in, {});
    CHECK(f.data == in);
    CHECK(f.use.color_spaces == std::set<std::string>{"CS1"});
    // In a layer that is off, the whole image goes, data and all.
    f = filter_content("/OC /Off BDC " + image + " EMC (after) Tj", layers({"Off"}));
    CHECK_FALSE(has(f.data, "BI"));
    CHECK_FALSE(has(f.data, std::string("\xfe", 1)));
    CHECK(has(f.data, "(after) Tj"));
    CHECK(f.use.color_spaces.empty());
    // An inline image with a device colour space names no resource.
    f = filter_content("BI /W 1 /H 1 /CS /RGB /BPC 8 ID abc EI", {});
    CHECK(f.use.color_spaces.empty());
}

TEST_CASE("content: what cannot be read is passed on, never thrown", "[partner]") {
    for (const std::string& in : std::vector<std::string>{"(unterminated string Tj", "<< /A (x) >> >> ] ) } { BDC EMC EMC",
                                                         "/", "BI /W 1 ID", "[[[[[[[[ /F1 12 Tf", std::string("\0\0 Tf", 5)}) {
        const FilteredContent f = filter_content(in, layers({"Off"}));
        CHECK(f.data == in);
    }
    CHECK(decode_name("A#20B#2f#zz#4") == "A B/#zz#4");
}
