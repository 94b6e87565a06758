// Building papers from inline XML for the load/ and validate/ tests.
#pragma once
#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "fixture.hpp"
#include "load/load.hpp"

namespace bp::test {

inline std::string report_xml(const std::string& body) {
    return "<report version=\"1\"><header><board>Board</board><date>2015-09-17</date><title>Title</title>"
           "</header>" +
           body + "</report>";
}

inline std::string minutes_xml(const std::string& body, const std::string& attrs = " first-minute=\"26\"") {
    return "<minutes version=\"1\"" + attrs +
           "><header><board>Board</board><date>2015-06-18</date><venue>County Hall</venue></header>" + body +
           "</minutes>";
}

// Loads `xml` as a paper inside `dir` (the pack root).
inline std::optional<Paper> paper_from(const TempDir& dir, const std::string& xml, Diagnostics& d,
                                       const std::string& name = "paper.xml") {
    return load_paper(dir.write(name, xml), dir.path(), d);
}

// The blocks of the first section of a paper that must load cleanly.
inline Blocks first_blocks(const std::string& xml) {
    TempDir dir;
    Diagnostics d;
    std::optional<Paper> p = paper_from(dir, xml, d);
    INFO(messages(d));
    REQUIRE(p);
    REQUIRE(d.all().empty());
    REQUIRE(!p->sections.empty());
    return p->sections.front().blocks;
}

template <class T>
const T& node(const Block& b) {
    REQUIRE(std::holds_alternative<T>(b.node));
    return std::get<T>(b.node);
}

// Inline runs as text: "[b]bold[/]" marks flags, "|" a line break.
inline std::string runs(const Inlines& in) {
    std::string s;
    for (const Inline& i : in) {
        if (i.kind == Inline::Kind::LineBreak) {
            s += "|";
            continue;
        }
        std::string f;
        if (i.flags & kBold) f += "b";
        if (i.flags & kItalic) f += "i";
        if (i.flags & kUnderline) f += "u";
        if (i.flags & kSuperscript) f += "^";
        if (i.flags & kSubscript) f += "_";
        if (!i.href.empty()) f += "@" + i.href;
        s += f.empty() ? "{" + i.text + "}" : "{" + f + ":" + i.text + "}";
    }
    return s;
}

}  // namespace bp::test
