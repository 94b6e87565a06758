#include <catch2/catch.hpp>

#include <stdexcept>

#include "text/text.hpp"

using namespace bp;

TEST_CASE("text/dates: long form in en_GB", "[text]") {
    CHECK(format_date({2015, 9, 17}, "EEEE, d MMMM y", "en_GB", false) ==
          "Thursday, 17 September 2015");
    CHECK(format_date({2015, 9, 7}, "dd/MM/y", "en_GB", false) == "07/09/2015");
}

TEST_CASE("text/dates: ordinal days", "[text]") {
    CHECK(format_date({2016, 9, 8}, "d MMMM y", "en_GB", true) == "8th September 2016");
    CHECK(format_date({2018, 6, 15}, "EEEE d MMMM y", "en_GB", true) == "Friday 15th June 2018");
    CHECK(format_date({2015, 1, 1}, "d MMMM", "en_GB", true) == "1st January");
    CHECK(format_date({2015, 1, 22}, "d MMMM", "en_GB", true) == "22nd January");
    CHECK(format_date({2015, 1, 13}, "d MMMM", "en_GB", true) == "13th January");
    // Quoted text, including a quoted 'd' and an escaped quote, is left alone.
    CHECK(format_date({2015, 3, 3}, "'day' d 'o''clock' MMMM", "en_GB", true) ==
          "day 3rd o'clock March");
}

TEST_CASE("text/dates: the day does not depend on the machine's time zone", "[text]") {
    // The last Sunday of March and of October: the UK clocks change that night.
    CHECK(format_date({2016, 3, 27}, "d MMMM y", "en_GB", false) == "27 March 2016");
    CHECK(format_date({2016, 10, 30}, "d MMMM y", "en_GB", false) == "30 October 2016");
}

TEST_CASE("text/dates: bad patterns and impossible days are reported", "[text]") {
    CHECK_THROWS_AS(format_date({2015, 2, 30}, "d MMMM y", "en_GB", false), std::invalid_argument);
    std::string error;
    CHECK(check_date_pattern("EEEE, d MMMM y", "en_GB", &error));
    CHECK_FALSE(check_date_pattern("d MMMM y 'unclosed", "en_GB", &error));
    CHECK(error == "invalid date pattern \"d MMMM y 'unclosed\": a quote (') is not closed");
    CHECK_FALSE(check_date_pattern("d MMMM y at 10", "en_GB", &error));  // ICU would drop the "t"
    CHECK(error ==
          "invalid date pattern \"d MMMM y at 10\": 't' is not a date field letter; "
          "put literal text in quotes");
    CHECK(check_date_pattern("d MMMM y 'at' h:mm", "en_GB", &error));
}

TEST_CASE("text/to_upper: full case mapping in the locale", "[text]") {
    CHECK(to_upper("Agenda item – café", "en_GB") == "AGENDA ITEM – CAFÉ");
    CHECK(to_upper("straße", "en_GB") == "STRASSE");
    CHECK(to_upper("istanbul", "tr") == "İSTANBUL");
}

TEST_CASE("text/dates: a meeting's date and time as RFC 3339, with London's offset that day", "[text]") {
    CHECK(iso_date_time({2015, 9, 17}, {10, 0}) == "2015-09-17T10:00:00+01:00");  // British Summer Time
    CHECK(iso_date_time({2015, 12, 10}, {14, 30}) == "2015-12-10T14:30:00+00:00");
    // The clocks go forward at 01:00 on 29 March 2015: morning meetings that day are in summer time.
    CHECK(iso_date_time({2015, 3, 29}, {9, 5}) == "2015-03-29T09:05:00+01:00");
    CHECK(iso_date_time({2015, 3, 28}, {9, 5}) == "2015-03-28T09:05:00+00:00");
    CHECK_THROWS_AS(iso_date_time({2015, 2, 30}, {10, 0}), std::invalid_argument);
}
