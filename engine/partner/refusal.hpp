// Why a partner PDF is not bound, thrown inside the module and caught where
// its functions return. Internal to engine/partner.
#pragma once
#include <exception>
#include <string>

namespace bp::partner {

struct Refused : std::exception {
    Refused(std::string why, std::string exceeded = {}) : reason(std::move(why)), budget(std::move(exceeded)) {}
    const char* what() const noexcept override { return reason.c_str(); }
    std::string reason;  // plain words, as after "it cannot be bound: "
    std::string budget;  // the name of the budget it exceeds, if that is why
};

}  // namespace bp::partner
