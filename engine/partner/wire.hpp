// What the program and the partner reader (reader_main.cpp) send each other
// over their socket: a request, then a reply, each a byte saying what it is
// and the values in a fixed order, numbers as 8 little-endian bytes,
// strings and lists prefixed by their length. A reply that does not decode
// whole is a reader that broke, not data.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "partner/partner.hpp"

namespace bp::partner::wire {

enum class Kind : char {
    Read = 'r',     // request: path, budgets
    Bind = 'b',     // request: pack, placements, budgets
    Facts = 'f',    // reply to Read: the facts
    Bound = 'p',    // reply to Bind: the bound pack
    Refused = 'x',  // reply to either: the placement at fault (Bind), the refusal
};

std::string read_request(const std::string& path, const PartnerBudgets& budgets);
std::string bind_request(const std::string& pack, const std::vector<Placement>& placements,
                         const PartnerBudgets& budgets);
std::string facts_reply(const Facts& facts);
// A Bound reply is this header, then the pack's bytes.
std::string bound_header(std::size_t pack_size);
// When `reply` is a whole Bound reply, leaves in it only the pack (not
// copied: a pack can be large) and returns true.
bool take_bound(std::string& reply);
std::string refused_reply(std::size_t placement, const Refusal& why);

// A message taken apart; ok is false when it was not whole or not well formed.
struct Message {
    bool ok = false;
    Kind kind = Kind::Refused;
    std::string path, pack;
    std::vector<Placement> placements;
    PartnerBudgets budgets;
    Facts facts;
    std::size_t placement = 0;
    Refusal refusal;
};
Message decode(std::string_view bytes);

}  // namespace bp::partner::wire
