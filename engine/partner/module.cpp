// The module's entry point: everything else in it is hidden.
#include "partner/module.hpp"

extern "C" __attribute__((visibility("default"))) const bp::partner::module::Api* boardpack_partner_api() {
    static const bp::partner::module::Api api{bp::partner::module::kApiVersion, &bp::partner::module::read_facts,
                                              &bp::partner::module::bind_pages};
    return &api;
}
