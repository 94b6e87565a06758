#include <catch2/catch.hpp>

#include "core/diag.hpp"

using namespace bp;

TEST_CASE("diagnostics format as file:line:col: severity: message", "[core]") {
    Diagnostics d;
    d.error({"report.xml", 12, 5}, "unknown element <para>; use <p>");
    d.warning({"pack.xml", 3, 0}, "no venue");
    REQUIRE(d.error_count() == 1);
    REQUIRE(d.warning_count() == 1);
    CHECK(format_diagnostic(d.all()[0]) == "report.xml:12:5: error: unknown element <para>; use <p>");
    CHECK(format_diagnostic(d.all()[1]) == "pack.xml:3: warning: no venue");
}

TEST_CASE("diagnostics are capped but still counted", "[core]") {
    Diagnostics d;
    for (int i = 0; i < 600; ++i) d.error({"x.xml", 1, 1}, "bad");
    CHECK(d.all().size() == Diagnostics::kMaxStored);
    CHECK(d.error_count() == 600);
    CHECK(d.dropped() == 100);
}
