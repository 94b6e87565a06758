#include <catch2/catch.hpp>

#include "load/paths.hpp"
#include "load/values.hpp"

using namespace bp;
using namespace bp::load;

TEST_CASE("load: dates must be real ISO dates", "[load][values]") {
    std::string why;
    CHECK(parse_date("2015-09-17", why) == Date{2015, 9, 17});
    CHECK(parse_date("2016-02-29", why) == Date{2016, 2, 29});
    CHECK(parse_date("2000-02-29", why));
    CHECK_FALSE(parse_date("1900-02-29", why));
    CHECK(why == "that is not a real date: February 1900 has 28 days");
    CHECK_FALSE(parse_date("2015-09-31", why));
    CHECK(why == "that is not a real date: September 2015 has 30 days");
    CHECK_FALSE(parse_date("2015-13-01", why));
    CHECK_FALSE(parse_date("2015-9-17", why));
    CHECK(why == "write dates as YYYY-MM-DD, e.g. 2015-09-17");
    for (const char* bad : {"17/09/2015", "", "2015-09-17 ", "2015-09", "2015-00-10", "2015-01-00", "+015-01-01"})
        CHECK_FALSE(parse_date(bad, why));
}

TEST_CASE("load: times are HH:MM on the 24-hour clock", "[load][values]") {
    std::string why;
    CHECK(parse_time("10:00", why) == Time{10, 0});
    CHECK(parse_time("23:59", why) == Time{23, 59});
    for (const char* bad : {"24:00", "9:30", "10.00", "10am", "10:60", ""}) CHECK_FALSE(parse_time(bad, why));
}

TEST_CASE("load: lengths carry a unit", "[load][values]") {
    std::string why;
    CHECK(parse_length("11pt", why) == pt(11));
    CHECK(parse_length("20mm", why) == mm(20));
    CHECK(parse_length("1.5cm", why) == mm(15));
    CHECK(parse_length("0.5in", why) == pt(36));
    CHECK(parse_length(".5in", why) == pt(36));
    CHECK(parse_length("0pt", why) == 0);
    for (const char* bad : {"11", "11 pt", "-3mm", "1e3pt", "1.pt", "pt", "11px", "5000in", "1,5cm"})
        CHECK_FALSE(parse_length(bad, why));
}

TEST_CASE("load: colours, booleans, numbers", "[load][values]") {
    std::string why;
    CHECK(parse_color("#D9d9d9", why) == Color{217, 217, 217});
    for (const char* bad : {"d9d9d9", "#d9d9d", "#gggggg", "red", "#d9d9d9 "}) CHECK_FALSE(parse_color(bad, why));
    CHECK(parse_bool("true", why) == true);
    CHECK(parse_bool("false", why) == false);
    CHECK_FALSE(parse_bool("yes", why));
    CHECK_FALSE(parse_bool("True", why));
    CHECK(parse_int("007", 1, 1000, why) == 7);
    CHECK_FALSE(parse_int("0", 1, 1000, why));
    CHECK(why == "use a whole number from 1 to 1000");
    CHECK_FALSE(parse_int("1001", 1, 1000, why));
    CHECK_FALSE(parse_int("99999999999999999999", 1, 1000, why));
    CHECK_FALSE(parse_int("-1", 1, 1000, why));
    CHECK(parse_number("1.35", 0.5, 5, why) == 1.35);
    CHECK_FALSE(parse_number("0.2", 0.5, 5, why));
    CHECK(why == "use a number from 0.5 to 5");
}

TEST_CASE("load: list values split on runs of XML whitespace", "[load][values]") {
    using V = std::vector<std::string_view>;
    CHECK(split_space(" 3*  40mm\tauto\r\n") == V{"3*", "40mm", "auto"});
    CHECK(split_space("G") == V{"G"});
    CHECK(split_space("") == V{});
    CHECK(split_space(" \t\n ") == V{});
    // Only XML's four whitespace characters separate: a no-break space is part of a token.
    CHECK(split_space("a\xC2\xA0" "b c") == V{"a\xC2\xA0" "b", "c"});
}

TEST_CASE("load: table widths", "[load][values][table]") {
    std::string why;
    auto w = parse_widths(" 3*  * 40mm\tauto ", why);
    REQUIRE(w);
    REQUIRE(w->size() == 4);
    CHECK((*w)[0].weight == 3);
    CHECK((*w)[1].kind == TableColumn::Kind::Proportional);
    CHECK((*w)[1].weight == 1);
    CHECK((*w)[2].fixed == mm(40));
    CHECK((*w)[3].kind == TableColumn::Kind::Auto);
    CHECK(parse_widths("", why)->empty());
    CHECK_FALSE(parse_widths("3* 40", why));
    CHECK(why == "\"40\" is not a column width: use a share such as 2*, a length such as 40mm, or auto");
    CHECK_FALSE(parse_widths("0*", why));
    CHECK_FALSE(parse_widths("1.5*", why));
}

TEST_CASE("load: status values, as letters or words, one or several", "[load][values][table]") {
    std::string why;
    auto one = parse_statuses("G", why);
    REQUIRE(one);
    CHECK(one->values == std::vector{Rag::Green});
    CHECK_FALSE(one->words);
    auto two = parse_statuses(" Green\tAmber ", why);
    REQUIRE(two);
    CHECK(two->values == std::vector{Rag::Green, Rag::Amber});
    CHECK(two->words);
    CHECK(parse_statuses("R A G", why)->values.size() == 3);
    CHECK_FALSE(parse_statuses("Yellow", why));
    CHECK(why == "\"Yellow\" is not a status: write R, A or G, or Red, Amber or Green; several separated by spaces, e.g. G A");
    CHECK_FALSE(parse_statuses("G Amber", why));
    CHECK(why == "letters and words are mixed; write letters (G A) or words (Green Amber)");
    CHECK_FALSE(parse_statuses("A A", why));
    CHECK(why == "\"A\" is given twice; name each status once");
    CHECK_FALSE(parse_statuses("  ", why));
    CHECK_FALSE(parse_statuses("g", why));  // letters are capitals, as printed
}

TEST_CASE("load: whitespace collapsing of plain strings", "[load][values]") {
    CHECK(collapse_space("  a \n\t b  ") == "a b");
    CHECK(collapse_space("") == "");
    CHECK(collapse_space("\u00a0x") == "\u00a0x");
    CHECK(quote_value(std::string(50, 'x')) == std::string(40, 'x') + "...");
    CHECK(quote_value("a\nb") == "a b");
}

TEST_CASE("load: path resolution and the pack boundary", "[load][paths]") {
    CHECK(folder_of("pack.xml") == ".");
    CHECK(folder_of("a/b/pack.xml") == "a/b");
    CHECK(resolve_relative("pack.xml", "r.xml") == "r.xml");
    CHECK(resolve_relative("a/b/pack.xml", "../c/./r.xml") == "a/c/r.xml");
    CHECK(resolve_relative("a/pack.xml", "/abs/r.xml") == "/abs/r.xml");
    CHECK(is_inside("a", "a/r.xml"));
    CHECK(is_inside("a/", "a/b/../r.xml"));
    CHECK(is_inside(".", "r.xml"));
    CHECK_FALSE(is_inside("a", "a/../r.xml"));
    CHECK_FALSE(is_inside("a", "ab/r.xml"));
    CHECK_FALSE(is_inside(".", "../r.xml"));
    CHECK_FALSE(is_inside("a", "/etc/passwd"));
    CHECK(is_inside("", "/etc/passwd"));
}
