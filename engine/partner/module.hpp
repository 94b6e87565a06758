// The qpdf side of the partner stage is a module of its own,
// boardpack-partner.so, opened only when a pack has a partner PDF: loading
// qpdf and what it brings (gnutls among them) would cost every build about
// 3 ms and 3.5 MB. loader.cpp, linked into the program, finds and opens it;
// this header is what the two agree on.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "partner/partner.hpp"

namespace bp::partner::module {

inline constexpr int kApiVersion = 1;
inline constexpr const char* kFileName = "boardpack-partner.so";
inline constexpr const char* kApiSymbol = "boardpack_partner_api";

// What the module hands the loader: partner.hpp's functions.
struct Api {
    int version = kApiVersion;
    std::optional<Facts> (*read_facts)(const std::string& path, std::string& reason) = nullptr;
    std::string (*bind_pages)(const std::string& pack, const std::vector<Placement>& placements) = nullptr;
};

// The module's own implementations (read.cpp, bind.cpp).
std::optional<Facts> read_facts(const std::string& path, std::string& reason);
std::string bind_pages(const std::string& pack, const std::vector<Placement>& placements);

}  // namespace bp::partner::module

// The module's one exported symbol.
extern "C" const bp::partner::module::Api* boardpack_partner_api();
