#include "partner_page.hpp"

#include <algorithm>
#include <charconv>

namespace bp {

std::array<double, 6> placement_matrix(const PartnerPage& p, const Rect& rect, Mpt page_height) {
    // The form draws the page in its own space; a clockwise turn of the page
    // is a turn of that space, then a move into the rect.
    const double s = static_cast<double>(rect.w) / static_cast<double>(p.shown_width());
    const double left = to_pt(rect.x), bottom = to_pt(page_height - rect.y - rect.h);
    const double x0 = to_pt(p.x0), y0 = to_pt(p.y0), x1 = to_pt(p.x1), y1 = to_pt(p.y1);
    std::array<double, 6> m = {s, 0, 0, s, left - s * x0, bottom - s * y0};
    if (p.rotate == 90) m = {0, -s, s, 0, left - s * y0, bottom + s * x1};
    if (p.rotate == 180) m = {-s, 0, 0, -s, left + s * x1, bottom + s * y1};
    if (p.rotate == 270) m = {0, s, -s, 0, left + s * y1, bottom - s * x0};
    return m;
}

namespace {

struct BudgetName {
    std::string_view name, unit;
    std::int64_t PartnerBudgets::*value;
    std::int64_t most;  // beyond this a number is a mistake, not a budget
};

constexpr BudgetName kBudgets[] = {
    {"time", "seconds", &PartnerBudgets::seconds, 3600},
    {"memory", "megabytes", &PartnerBudgets::memory_mb, 1 << 20},
    {"stream", "megabytes", &PartnerBudgets::stream_mb, 1 << 20},
    {"page", "megabytes", &PartnerBudgets::page_mb, 1 << 20},
    {"pack", "megabytes", &PartnerBudgets::pack_mb, 1 << 20},
    {"elements", "elements", &PartnerBudgets::elements, 100000000},
    {"bookmarks", "bookmarks", &PartnerBudgets::bookmarks, 100000000},
};

const BudgetName* find_budget(std::string_view name) {
    for (const BudgetName& b : kBudgets)
        if (b.name == name) return &b;
    return nullptr;
}

}  // namespace

bool set_partner_budget(PartnerBudgets& budgets, std::string_view spec, std::string& error) {
    const std::size_t eq = spec.find('=');
    const BudgetName* b = eq == std::string_view::npos ? nullptr : find_budget(spec.substr(0, eq));
    if (b == nullptr) {
        std::string names;
        for (const BudgetName& k : kBudgets) names += std::string(names.empty() ? "" : ", ") + std::string(k.name);
        error = "\"" + std::string(spec.substr(0, 40)) + "\" is not NAME=N for a partner PDF budget (" + names + ")";
        return false;
    }
    const std::string_view number = spec.substr(eq + 1);
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), v);
    if (ec != std::errc() || end != number.data() + number.size() || v < 1 || v > b->most) {
        error = "the " + std::string(b->name) + " budget must be a whole number of " + std::string(b->unit) +
                " from 1 to " + std::to_string(b->most);
        return false;
    }
    budgets.*(b->value) = v;
    return true;
}

std::string partner_refusal_hint(const PartnerBudgets& budgets, std::string_view name) {
    const BudgetName* b = find_budget(name);
    if (b == nullptr)
        return "ask the partner for a PDF that opens without a password and is complete, or save it again";
    const std::int64_t now = budgets.*(b->value);
    return "if the PDF comes from someone you trust, give it more with --partner-budget " + std::string(b->name) + "=" +
           std::to_string(std::min(now * 2, b->most)) + " (" + std::string(b->unit) + "; the " + std::string(b->name) +
           " budget is now " + std::to_string(now) + "); else ask the partner to save it again";
}

}  // namespace bp
