#include "core/rules.hpp"

namespace bp {

namespace {

constexpr const Rule* kAllRules[] = {
    &rule::file_unreadable, &rule::encoding, &rule::forbidden_character, &rule::xml_syntax, &rule::empty_file,
    &rule::entity, &rule::doctype, &rule::nesting_depth, &rule::wrong_root, &rule::version, &rule::unknown_element,
    &rule::misplaced_element, &rule::element_order, &rule::duplicate_element, &rule::missing_element,
    &rule::stray_text, &rule::holds_nothing, &rule::unknown_attribute, &rule::duplicate_attribute,
    &rule::missing_attribute, &rule::bad_value, &rule::empty_value, &rule::missing_file, &rule::outside_pack,
    &rule::image_format, &rule::image_size, &rule::bad_font, &rule::partner_pdf, &rule::link, &rule::numbering,
    &rule::table_shape, &rule::first_minute, &rule::agenda, &rule::date_order, &rule::image_alt, &rule::heading_level,
    &rule::table_header, &rule::unprintable_character,
    &rule::paper_bound_twice, &rule::date_mismatch, &rule::repeated_section, &rule::partner_dropped, &rule::partner_restricted, &rule::partner_alt,
    &rule::appendix_reference, &rule::duplicate_definition,
    &rule::unknown_reference, &rule::unused_style, &rule::style_cycle, &rule::placeholder,
    &rule::page_geometry, &rule::rowspan_too_tall, &rule::front_sheet, &rule::output, &rule::internal_error,
    &rule::table_too_wide,
    &rule::import_unreadable, &rule::import_revisions, &rule::import_hidden_text, &rule::import_typed_number,
    &rule::import_numbering, &rule::import_picture, &rule::import_dropped, &rule::import_header, &rule::import_moved,
};

}  // namespace

std::span<const Rule* const> all_rules() { return kAllRules; }

const Rule* find_rule(std::string_view id) {
    for (const Rule* r : kAllRules)
        if (r->id == id) return r;
    return nullptr;
}

}  // namespace bp
