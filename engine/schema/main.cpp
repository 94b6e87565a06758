// make_schemas: writes the XML Schema of every format, generated from the
// loader's grammar, into a folder (templates/schemas/ in the repository);
// with --check, compares instead and fails if any file differs.
//
//   make_schemas DIR           write DIR/pack.xsd, report.xsd, ...
//   make_schemas --check DIR   exit 1 if a file in DIR is not what it would write
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "load/grammar.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    bool check = argc == 3 && std::string(argv[1]) == "--check";
    if (argc != 2 && !check) {
        std::cerr << "usage: make_schemas [--check] DIR\n";
        return 2;
    }
    fs::path dir = argv[argc - 1];
    int status = 0;
    for (const bp::grammar::Format* f : bp::grammar::all_formats()) {
        fs::path file = dir / (std::string(f->name) + ".xsd");
        std::string schema = bp::grammar::xml_schema(*f);
        if (check) {
            std::ifstream in(file, std::ios::binary);
            std::string have(std::istreambuf_iterator<char>(in), {});
            if (have != schema) {
                std::cerr << file.string() << " differs from the grammar; run make_schemas " << dir.string() << '\n';
                status = 1;
            }
            continue;
        }
        std::ofstream out(file, std::ios::binary);
        out << schema;
        if (!out) {
            std::cerr << "make_schemas: cannot write " << file.string() << '\n';
            return 1;
        }
    }
    return status;
}
