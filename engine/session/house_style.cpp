#include "session/house_style.hpp"

#include <algorithm>
#include <filesystem>

#include "core/sha256.hpp"
#include "load/load.hpp"

namespace bp::session {

namespace fs = std::filesystem;

const HouseStyle& HouseStyles::get(const std::string& path) {
    std::unique_ptr<HouseStyle>& slot = by_path_[path];
    if (slot) {
        const bool unchanged = std::all_of(slot->files.begin(), slot->files.end(), [&](const auto& f) {
            return digests_.digest(f.first) == f.second;
        });
        if (unchanged) return *slot;
    }
    auto style = std::make_unique<HouseStyle>();
    style->path = path;
    style->fonts = std::make_unique<FontTable>();
    // The template's digest before it is read: a change while it is read
    // shows as a change at the next look.
    style->files.emplace_back(path, digests_.digest(path));
    style->doc = load_template(path, style->template_diags);
    if (style->doc && !style->template_diags.has_errors())
        style->styles = resolve_styles(*style->doc, *style->fonts, style->style_diags);
    // Every font it names, found or not (one added later changes the style),
    // and every face read.
    std::vector<std::string> fonts;
    if (style->doc)
        for (const FontFamily& family : style->doc->families)
            for (const std::string* face : {&family.regular, &family.bold, &family.italic, &family.bold_italic})
                if (!face->empty()) fonts.push_back(*face);
    for (const FontFace& f : style->fonts->faces()) fonts.push_back(f.path);
    for (const std::string& font : fonts)
        if (std::none_of(style->files.begin(), style->files.end(), [&](const auto& f) { return f.first == font; }))
            style->files.emplace_back(font, digests_.digest(font));
    std::string all;
    for (const auto& [file, digest] : style->files) all += file + '\n' + digest + '\n';
    style->key = sha256_hex(all);
    slot = std::move(style);
    return *slot;
}

void HouseStyles::keep_only(const std::vector<std::string>& paths) {
    std::erase_if(by_path_, [&](const auto& e) { return std::find(paths.begin(), paths.end(), e.first) == paths.end(); });
}

std::string find_template(const std::string& name_or_path, const std::vector<std::string>& dirs) {
    if (name_or_path.ends_with(".xml")) return name_or_path;
    for (const std::string& dir : dirs)
        if (fs::is_regular_file(fs::path(dir) / (name_or_path + ".xml")))
            return (fs::path(dir) / (name_or_path + ".xml")).string();
    return name_or_path + ".xml";
}

}  // namespace bp::session
