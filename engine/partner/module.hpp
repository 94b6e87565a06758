// The qpdf side of the partner stage is a module of its own,
// boardpack-partner.so. The program never loads it: the partner reader
// (boardpack-partner-reader, installed beside it) opens it in a process of
// its own for each partner PDF read and each pack bound (loader.cpp says
// why). This header is what the reader and the module agree on.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "partner/partner.hpp"

namespace bp::partner::module {

inline constexpr int kApiVersion = 2;
inline constexpr const char* kFileName = "boardpack-partner.so";
inline constexpr const char* kReaderName = "boardpack-partner-reader";
inline constexpr const char* kApiSymbol = "boardpack_partner_api";

// What the module hands the reader: partner.hpp's functions, run in the
// reader's process. Neither throws.
struct Api {
    int version = kApiVersion;
    std::optional<Facts> (*read_facts)(const std::string& path, const PartnerBudgets& budgets, Refusal& why) = nullptr;
    // The bound pack, or false with the placement at fault and why.
    bool (*bind_pages)(const std::string& pack, const std::vector<Placement>& placements, const PartnerBudgets& budgets,
                       std::string& bound, std::size_t& at, Refusal& why) = nullptr;
};

// The module's own implementations (read.cpp, bind.cpp), which the fuzz
// harness also calls in its own process.
std::optional<Facts> read_facts(const std::string& path, const PartnerBudgets& budgets, Refusal& why);
bool bind_pages(const std::string& pack, const std::vector<Placement>& placements, const PartnerBudgets& budgets,
                std::string& bound, std::size_t& at, Refusal& why);

// At most this much of a message from the PDF library (which may quote the
// file) goes into a refusal.
std::string excerpt(const std::string& message, std::size_t most = 200);

}  // namespace bp::partner::module

// The module's one exported symbol.
extern "C" const bp::partner::module::Api* boardpack_partner_api();
