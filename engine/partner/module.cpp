// The module's entry point: everything else in it is hidden.
#include "partner/module.hpp"

namespace bp::partner::module {

std::string excerpt(const std::string& message, std::size_t most) {
    if (message.size() <= most) return message;
    std::size_t cut = most;
    while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
    return message.substr(0, cut) + "...";
}

}  // namespace bp::partner::module

extern "C" __attribute__((visibility("default"))) const bp::partner::module::Api* boardpack_partner_api() {
    static const bp::partner::module::Api api{bp::partner::module::kApiVersion, &bp::partner::module::read_facts,
                                              &bp::partner::module::bind_pages};
    return &api;
}
