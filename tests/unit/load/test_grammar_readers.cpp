// The loader reads whatever the grammar lets stand: every element a
// paper's grammar allows at the top level, in a section or in a minute has
// a reader. An element named in grammar.cpp with no reader would be an
// internal error (read_block throws), found here rather than by an officer.
#include <catch2/catch.hpp>

#include <string>

#include "helpers.hpp"
#include "load/grammar.hpp"

using namespace bp;
using namespace bp::test;

namespace {

// `name`, empty, wrapped so that it stands in `container` of `format`.
std::string paper_holding(std::string_view format, std::string_view container, std::string_view name) {
    std::string el = "<" + std::string(name) + "/>";
    if (format == "report") {
        const std::string header = "<header><board>B</board><date>2015-09-17</date><title>T</title></header>";
        if (container == "report") return "<report version=\"1\">" + header + el + "</report>";
        return "<report version=\"1\">" + header + "<section>" + el + "</section></report>";
    }
    if (format == "minutes") {
        if (container == "minutes") return minutes_xml(el);
        return minutes_xml("<minute><title>T</title>" + el + "</minute>");
    }
    if (container == "document") return "<document version=\"1\">" + el + "</document>";
    return "<document version=\"1\"><section>" + el + "</section></document>";
}

}  // namespace

TEST_CASE("load: every element a paper's grammar allows at the top, in a section or a minute has a reader",
          "[load][grammar]") {
    struct Place {
        const grammar::Format& format;
        std::string_view container;
    };
    const Place places[] = {{grammar::report(), "report"},     {grammar::report(), "section"},
                            {grammar::minutes(), "minutes"},   {grammar::minutes(), "minute"},
                            {grammar::document(), "document"}, {grammar::document(), "section"}};
    int read = 0;
    for (const Place& place : places) {
        for (std::string_view name : grammar::child_names(place.format.type(place.container))) {
            if (name == "header") continue;  // every paper here has one already
            TempDir dir;
            Diagnostics d;
            paper_from(dir, paper_holding(place.format.name, place.container, name), d);
            INFO("<" << name << "> in <" << place.container << "> of a " << place.format.name << ": " << messages(d));
            for (const Diagnostic& x : d.all()) CHECK(x.rule != rule::internal_error.id);
            ++read;
        }
    }
    CHECK(read > 40);
}
