#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace bp;
using namespace bp::test;

namespace {

std::string para(const std::string& inner) {
    Blocks b = first_blocks(report_xml("<p>" + inner + "</p>"));
    REQUIRE(b.size() == 1);
    return runs(node<Paragraph>(b[0]).text);
}

}  // namespace

TEST_CASE("load: whitespace collapses as in HTML", "[load][inline]") {
    CHECK(para("  Hello \n\t  world  ") == "{Hello world}");
    CHECK(para("a <b>b</b> <i>c</i>") == "{a }{b:b}{ }{i:c}");
    CHECK(para("a <b> b</b>") == "{a }{b:b}");
    CHECK(para("a<b> b </b> c") == "{a}{b: b }{c}");
    CHECK(para("\n  <b>lead</b>  trail  \n") == "{b:lead}{ trail}");
}

TEST_CASE("load: a non-breaking space is kept and not collapsed", "[load][inline]") {
    CHECK(para("a\u00a0 b&#160;&#160;c") == "{a\u00a0 b\u00a0\u00a0c}");
}

TEST_CASE("load: line breaks take the spaces around them", "[load][inline]") {
    CHECK(para("one <br/> two") == "{one}|{two}");
    CHECK(para("<br/>x<br/>") == "|{x}|");
    CHECK(para("a <b>b <br/></b> c") == "{a }{b:b}|{c}");
}

TEST_CASE("load: inline flags nest and adjacent equal runs merge", "[load][inline]") {
    CHECK(para("<b>bo<i>th</i></b>") == "{b:bo}{bi:th}");
    CHECK(para("8<sup>th</sup> H<sub>2</sub>O <u>u</u>") == "{8}{^:th}{ H}{_:2}{O }{u:u}");
    CHECK(para("a<b></b>b<!-- note -->c") == "{abc}");
    CHECK(para("<b>x</b><b>y</b>") == "{b:xy}");
    CHECK(para("<a href=\"https://x.org/\">site <b>here</b></a>.") ==
          "{@https://x.org/:site }{b@https://x.org/:here}{.}");
}

TEST_CASE("load: entities and CDATA become text", "[load][inline]") {
    CHECK(para("R&amp;D &lt;5&gt; &#8211; <![CDATA[<raw>]]>") == "{R&D <5> \u2013 <raw>}");
}

TEST_CASE("load: unknown inline elements are reported with the right word", "[load][inline]") {
    TempDir dir;
    Diagnostics d;
    paper_from(dir, report_xml("<p>a <bold>b</bold> <em>c</em> <span>d</span></p>"), d);
    std::string m = messages(d, dir.path());
    CHECK(m ==
          "paper.xml:1:106: error: unknown element <bold> inside <p>; did you mean <b>?\n"
          "paper.xml:1:121: error: unknown element <em> inside <p>; did you mean <i>?\n"
          "paper.xml:1:132: error: unknown element <span> inside <p>; expected one of: b, i, u, sup, sub, a, br, fn\n");
}

TEST_CASE("load: a link inside a link is an error", "[load][inline]") {
    TempDir dir;
    Diagnostics d;
    paper_from(dir, report_xml("<p><a href=\"https://a/\">x <a href=\"https://b/\">y</a></a></p>"), d);
    CHECK(messages(d, dir.path()) ==
          "paper.xml:1:127: error: a link cannot hold another link; close the first </a> before this <a>\n");
}
