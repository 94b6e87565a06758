// A session keeps each house style while its template and fonts are
// unchanged, and reads it again as soon as either changes.
#include <catch2/catch.hpp>

#include "boardpack/session.hpp"
#include "fixture.hpp"

using namespace session_test;

namespace {

// lscsb.xml with its fonts named where they are in the source tree.
std::string house_style(const std::string& regular_font) {
    std::string text = read_file(source("templates/lscsb.xml"));
    const std::string fonts = source("fonts") + "/";
    for (std::size_t at; (at = text.find("../fonts/")) != std::string::npos;) text.replace(at, 9, fonts);
    const std::string regular = fonts + "LiberationSans-Regular.ttf";
    text.replace(text.find(regular), regular.size(), regular_font);
    return text;
}

int errors(const boardpack::ValidateResult& r) { return static_cast<int>(r.errors); }

}  // namespace

TEST_CASE("a template changed between two steps of a session is read again") {
    TempDir dir;
    const std::string tpl = dir / "house.xml";
    boardpack::Session session;
    boardpack::ValidateRequest check;
    check.files = {tpl};

    write_file(tpl, house_style(source("fonts/LiberationSans-Regular.ttf")));
    CHECK(errors(session.validate(check)) == 0);

    write_file(tpl, house_style(dir / "gone.ttf"));
    const boardpack::ValidateResult broken = session.validate(check);
    REQUIRE(broken.diagnostics.size() == 1);
    CHECK(broken.diagnostics[0].rule == "missing-file");
    CHECK(broken.diagnostics[0].message.find("gone.ttf") != std::string::npos);

    // The font arrives: the template's bytes are the same, its font is not.
    fs::copy_file(source("fonts/LiberationSans-Regular.ttf"), dir / "gone.ttf");
    CHECK(errors(session.validate(check)) == 0);

    // The font is replaced by something that is not a font.
    fs::remove(dir / "gone.ttf");
    write_file(dir / "gone.ttf", "not a font");
    const boardpack::ValidateResult bad_font = session.validate(check);
    CHECK(errors(bad_font) == 1);
}

TEST_CASE("preview in a session takes the house style as it is now") {
    TempDir dir;
    const std::string tpl = dir / "house.xml";
    write_file(tpl, house_style(source("fonts/LiberationSans-Regular.ttf")));
    boardpack::Session session;
    boardpack::PreviewRequest preview;
    preview.paper = source("samples/lscsb-2015-09-17/report-prevent.xml");
    preview.output = dir / "draft.pdf";
    preview.house_style = tpl;
    const boardpack::BuildResult first = session.preview(preview);
    REQUIRE(first.exit_code == 0);
    REQUIRE(first.outputs.size() == 1);
    CHECK(first.outputs[0].pages >= 1);

    write_file(tpl, house_style(dir / "gone.ttf"));
    const boardpack::BuildResult second = session.preview(preview);
    CHECK(second.exit_code == 1);
    REQUIRE(!second.diagnostics.empty());
    CHECK(second.diagnostics[0].file == tpl);
}
