// The update that carries the structure tree: written after a file whose
// trailer it reads, readable by qpdf as one document.
#include <catch2/catch.hpp>

#include <fstream>

#include "pdf/haru.hpp"
#include "pdf/update.hpp"
#include "pdf_test_util.hpp"

namespace {

// A one-page PDF with a classic cross-reference table, as libharu writes one.
std::string base_pdf() {
    std::string pdf = "%PDF-1.7\n";
    std::vector<std::size_t> at;
    auto obj = [&](const std::string& body) {
        at.push_back(pdf.size());
        pdf += std::to_string(at.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    obj("<</Type/Catalog/Pages 2 0 R>>");
    obj("<</Type/Pages/Kids[3 0 R]/Count 1>>");
    obj("<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>");
    obj("<</Producer(test)>>");
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 5\n0000000000 65535 f\r\n";
    for (std::size_t a : at) {
        char line[24];
        std::snprintf(line, sizeof line, "%010zu 00000 n\r\n", a);
        pdf += line;
    }
    pdf += "trailer\n<<\n/Root 1 0 R\n/Info 4 0 R\n/Size 5\n>>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

}  // namespace

TEST_CASE("pdf update: reads the base file's trailer", "[pdf]") {
    const std::string base = base_pdf();
    const bp::pdf::BaseFile b = bp::pdf::read_base_file(base, base.size());
    CHECK(b.next_id == 5);
    CHECK(b.root == "/Root 1 0 R");
    CHECK(b.info == "/Info 4 0 R");
    CHECK(b.separator.empty());
    CHECK(b.xref_offset == base.find("xref"));
}

TEST_CASE("pdf update: a file without a trailer is refused", "[pdf]") {
    const std::string cut = base_pdf().substr(0, 200);
    CHECK_THROWS_AS(bp::pdf::read_base_file(cut, cut.size()), bp::pdf::Failure);
}

TEST_CASE("pdf update: replaced and new objects, in object streams, read back through qpdf", "[pdf]") {
    bp::test::ScratchDir dir("update");
    const std::string base = base_pdf();
    const bp::pdf::BaseFile b = bp::pdf::read_base_file(base, base.size());
    bp::pdf::UpdateSection update(b.next_id);
    // More short alike objects than one object stream holds, so there are
    // several packed in rows; some long ones, packed plainly; and a few of
    // another shape between them, in a lane of their own.
    std::vector<std::uint32_t> ids;
    for (int i = 0; i < 1100; ++i) ids.push_back(update.new_id());
    const std::string long_tail(150, 'x');
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const std::string next = std::to_string(ids[(i + 1) % ids.size()]) + " 0 R";
        if (i % 100 == 50)
            update.add(ids[i], "<</Long " + std::to_string(i) + "/Next " + next + "/Tail/" + long_tail + ">>");
        else if (i % 10 == 3)
            update.add(ids[i], "[" + std::to_string(i) + " " + next + "]");
        else
            update.add(ids[i], "<</N " + std::to_string(i) + "/Next " + next + ">>");
    }
    update.add(1, "<</Type/Catalog/Pages 2 0 R/Extra " + std::to_string(ids[7]) + " 0 R>>");
    const std::string pdf = base + update.finish(b);
    CHECK(pdf.find("/Type/ObjStm") != std::string::npos);
    CHECK(pdf.find("/DecodeParms<</Predictor 12/Columns 30>>") != std::string::npos);
    const std::string path = (dir.path() / "u.pdf").string();
    std::ofstream(path, std::ios::binary) << pdf;

    CHECK(bp::test::run("qpdf --check " + path).out.find("No syntax or stream encoding errors") != std::string::npos);
    const std::string catalog = bp::test::run("qpdf --show-object=1 " + path).out;
    CHECK(catalog.find("/Extra " + std::to_string(ids[7]) + " 0 R") != std::string::npos);
    auto show = [&](std::size_t i) { return bp::test::run("qpdf --show-object=" + std::to_string(ids[i]) + " " + path).out; };
    const std::string last = show(1099);
    CHECK(last.find("/N 1099") != std::string::npos);
    CHECK(last.find("/Next " + std::to_string(ids[0]) + " 0 R") != std::string::npos);
    CHECK(show(650).find("/Long 650") != std::string::npos);
    CHECK(show(650).find(long_tail) != std::string::npos);
    CHECK(show(503).find("[ 503 " + std::to_string(ids[504]) + " 0 R ]") != std::string::npos);
    CHECK(show(600).find("/N 600") != std::string::npos);
    CHECK(bp::test::run("pdfinfo " + path).out.find("Pages:           1") != std::string::npos);
}

TEST_CASE("pdf update: object streams deflated as they fill give the same bytes on any number of threads", "[pdf]") {
    const std::string base = base_pdf();
    const bp::pdf::BaseFile b = bp::pdf::read_base_file(base, base.size());
    auto build = [&](int threads) {
        bp::pdf::UpdateSection update(b.next_id, threads);
        // Enough objects for many streams, so that some wait to be deflated
        // and the adding thread deflates too.
        for (int i = 0; i < 20000; ++i) {
            const std::uint32_t id = update.new_id();
            update.add(id, i % 7 == 0 ? "[" + std::to_string(i) + " 0 R]" : "<</N " + std::to_string(i) + ">>");
        }
        return update.finish(b);
    };
    const std::string one = build(1);
    REQUIRE(one.find("/Type/ObjStm") != std::string::npos);
    CHECK(build(2) == one);
    CHECK(build(4) == one);
}
