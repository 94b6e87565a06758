// Bad bytes, broken XML and hostile shapes: each gives diagnostics, never a
// throw, a crash or unbounded recursion.
#include <catch2/catch.hpp>

#include <random>

#include "helpers.hpp"
#include "validate/validate.hpp"

using namespace bp;
using namespace bp::test;

namespace {

std::string load_messages(const std::string& content) {
    TempDir dir;
    Diagnostics d;
    std::optional<Paper> p = load_paper(dir.write("x.xml", content), dir.path(), d);
    if (p) validate_paper(*p, d);
    return messages(d, dir.path());
}

}  // namespace

TEST_CASE("load: syntax errors are reworded for people", "[load][xml]") {
    CHECK(load_messages("<report version=\"1\">\n  <p>Hello</para>\n</report>") ==
          "x.xml:2:11: error: the closing tag </para> does not match <p> opened at line 2\n");
    CHECK(load_messages("<report version=\"1\">\n<p><b>x</p>") ==
          "x.xml:2:8: error: the closing tag </p> does not match <b> opened at line 2; close </b> first\n");
    CHECK(load_messages("<report version=\"1\">\n<p>x") ==
          "x.xml:2:1: error: <p> is not closed before the end of the file; add </p>\n");
    CHECK(load_messages("</report>") == "x.xml:1:1: error: the closing tag </report> has no opening tag <report>\n");
    CHECK(load_messages("<report version=1/>") ==
          "x.xml:1:17: error: malformed attribute in <report>; write attributes as name=\"value\", with the value "
          "in quotes\n");
    CHECK(load_messages("<report>a < b</report>") ==
          "x.xml:1:11: error: '<' does not start a tag here; write &lt; for a less-than sign\n");
    CHECK(load_messages("<report><!-- x </report>") == "x.xml:1:9: error: this comment is not closed; end it with -->\n");
    CHECK(load_messages("") ==
          "x.xml:1:1: error: the file is empty; a paper starts with <report version=\"1\">, <minutes version=\"1\"> "
          "or <document version=\"1\">\n");
    CHECK(load_messages("<!-- only a comment -->") ==
          "x.xml:1:1: error: the file has no elements; a paper starts with <report version=\"1\">, <minutes "
          "version=\"1\"> or <document version=\"1\">\n");
}

TEST_CASE("load: encodings other than UTF-8 are refused at the first bad byte", "[load][xml]") {
    CHECK(load_messages("<report>\n  caf\xe9</report>") ==
          "x.xml:2:6: error: byte 0xE9 is not UTF-8; save the file as UTF-8 (it may have been saved as Latin-1 or "
          "Windows-1252)\n");
    CHECK(load_messages(std::string("\xff\xfe<\0r\0", 6)) == "x.xml:1:1: error: the file is saved as UTF-16; save it as UTF-8\n");
    CHECK(load_messages(std::string("<report>\x01</report>")) ==
          "x.xml:1:9: error: character U+0001 is not allowed in XML; delete it\n");
    CHECK(load_messages("<report>\xed\xa0\x80</report>").find("byte 0xED is not UTF-8") != std::string::npos);
    CHECK(load_messages("<report>\xc0\xaf</report>").find("byte 0xC0 is not UTF-8") != std::string::npos);
}

TEST_CASE("load: a BOM and CRLF line ends keep columns right", "[load][xml]") {
    CHECK(load_messages("\xEF\xBB\xBF<report version=\"1\">\r\n  <para/>\r\n</report>") ==
          "x.xml:2:3: error: unknown element <para> inside <report>; did you mean <p>?\n"
          "x.xml:1:1: error: <report> needs a <header>; The board, the meeting date, the title and any further lines.\n");
}

TEST_CASE("load: deep nesting is cut off with one error", "[load][xml]") {
    std::string open, close;
    for (int i = 0; i < 100000; ++i) {
        open += "<b>";
        close += "</b>";
    }
    std::string m = load_messages(report_xml("<p>" + open + "x" + close + "</p>"));
    CHECK(m == "x.xml:1:293: error: elements are nested more than 64 deep here; boardpack skips what lies deeper; "
               "check for tags left unclosed\n"
               "x.xml:1:101: error: this paragraph is empty; write its text or delete the <p>\n");

    std::string quotes_open, quotes_close;
    for (int i = 0; i < 5000; ++i) {
        quotes_open += "<blockquote>";
        quotes_close += "</blockquote>";
    }
    m = load_messages(report_xml(quotes_open + quotes_close));
    CHECK(std::count(m.begin(), m.end(), '\n') == 1);
}

TEST_CASE("load: missing and unreadable files", "[load][xml]") {
    TempDir dir;
    Diagnostics d;
    CHECK_FALSE(load_paper(dir.path("nope.xml"), "", d));
    dir.write("folder/x", "");
    CHECK_FALSE(load_manifest(dir.path("folder"), {}, d));
    CHECK_FALSE(load_template(dir.path("nope.xml"), d));
    CHECK(messages(d, dir.path()) ==
          "nope.xml: error: file not found\n"
          "folder: error: this is a folder, not a file\n"
          "nope.xml: error: file not found\n");
}

TEST_CASE("load: the wrong kind of file", "[load][xml]") {
    TempDir dir;
    Diagnostics d;
    std::string pack = dir.write("p.xml", "<pack version=\"1\" template=\"x\"/>");
    std::string paper = dir.write("r.xml", report_xml(""));
    CHECK_FALSE(load_paper(pack, "", d));
    CHECK_FALSE(load_manifest(paper, {}, d));
    CHECK_FALSE(load_template(paper, d));
    CHECK(messages(d, dir.path()) ==
          "p.xml:1:1: error: this file is a pack manifest (<pack>), not a paper; a paper is a <report>, <minutes> "
          "or <document>\n"
          "r.xml:1:1: error: this file is a paper (<report>), not a pack manifest; a pack manifest starts with "
          "<pack version=\"1\" template=\"...\">\n"
          "r.xml:1:1: error: the top-level element is <report>; a template starts with <template version=\"1\">\n");
    CHECK(sniff_file_kind(pack) == FileKind::Pack);
    CHECK(sniff_file_kind(paper) == FileKind::Paper);
    CHECK(sniff_file_kind(dir.write("t.xml", "\xEF\xBB\xBF<?xml version=\"1.0\"?><!-- c --><!DOCTYPE x><template/>")) ==
          FileKind::Template);
    CHECK(sniff_file_kind(dir.path("none.xml")) == FileKind::Unknown);
}

TEST_CASE("load: mangled papers never crash", "[load][xml]") {
    // A valid paper with every kind of block, then thousands of cuts and
    // byte changes of it (fixed seed: the same inputs every run).
    std::string base = minutes_xml(
        "<attendance><group title=\"P\"><person><name>A</name><role>R</role></person></group></attendance>"
        "<minute number=\"3\"><title>T &amp; <i>x</i></title><p class=\"chair\">C</p><resolved label=\"AGREED\">"
        "<ol type=\"i\" start=\"2\"><li>a<ul><li>b</li></ul></li></ol></resolved>"
        "<table widths=\"2* 20mm\"><thead><tr><th>h</th><th>i</th></tr></thead><tbody><tr><td rowspan=\"2\" "
        "status=\"R\">x</td><td fill=\"#ffffff\">y</td></tr><tr><td><p>z</p></td></tr></tbody><notes>n</notes>"
        "</table><blockquote>q<br/>r</blockquote><keep><p number=\"sub\">k</p></keep><page-break/>"
        "<contact title=\"C\"><line><a href=\"https://x\">l</a></line></contact><img src=\"i.png\"/></minute>"
        "<signature times=\"t\" date=\"2015-06-18\" role=\"CHAIR\"/>");
    TempDir dir;
    std::mt19937 rng(20150917);
    const char* alphabet = "<>/&;\"'= abp#\xc3\xa9\x00";
    for (int round = 0; round < 3000; ++round) {
        std::string s = base;
        int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits && !s.empty(); ++e) {
            std::size_t at = rng() % s.size();
            switch (rng() % 4) {
                case 0: s.erase(at, 1 + rng() % 20); break;
                case 1: s[at] = alphabet[rng() % 15]; break;
                case 2: s.insert(at, 1, alphabet[rng() % 15]); break;
                case 3: s.resize(at); break;
            }
        }
        Diagnostics d;
        std::optional<Paper> p = load_paper(dir.write("m.xml", s), dir.path(), d);
        if (p) validate_paper(*p, d);
    }
    SUCCEED("no crash");
}
