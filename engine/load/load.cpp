// The public entry points: each reads one file (load_pack: the manifest and
// its papers) and turns any exception into a diagnostic, so no input can
// escape as a throw.
#include "load/load.hpp"

#include <exception>
#include <map>

#include "load/paths.hpp"
#include "load/readers.hpp"
#include "load/xml_file.hpp"

namespace bp {

namespace {

void internal_error(const std::string& path, const std::exception& e, Diagnostics& diags) {
    diags.error(SourceLoc{path, 0, 0}, rule::internal_error, std::string("internal error while reading this file: ") + e.what());
}

}  // namespace

std::optional<PackManifest> load_manifest(const std::string& path, const LoadOptions& options, Diagnostics& diags) {
    try {
        load::XmlFile file;
        if (!load::open_xml(path, load::kManifestHint, file, diags)) return std::nullopt;
        return load::read_manifest(file, options, diags);
    } catch (const std::exception& e) {
        internal_error(path, e, diags);
        return std::nullopt;
    }
}

std::optional<Paper> load_paper(const std::string& path, const std::string& pack_root, Diagnostics& diags) {
    try {
        load::XmlFile file;
        if (!load::open_xml(path, load::kPaperHint, file, diags)) return std::nullopt;
        return load::read_paper(file, pack_root, diags);
    } catch (const std::exception& e) {
        internal_error(path, e, diags);
        return std::nullopt;
    }
}

std::optional<TemplateDoc> load_template(const std::string& path, Diagnostics& diags) {
    try {
        load::XmlFile file;
        if (!load::open_xml(path, load::kTemplateHint, file, diags)) return std::nullopt;
        return load::read_template(file, diags);
    } catch (const std::exception& e) {
        internal_error(path, e, diags);
        return std::nullopt;
    }
}

std::optional<Paper> load_paper_text(const std::string& name, std::string text, Diagnostics& diags) {
    try {
        load::XmlFile file;
        file.src.path = name;
        file.src.bytes = std::move(text);
        if (!load::parse_xml(load::kPaperHint, file, diags)) return std::nullopt;
        return load::read_paper(file, "", diags);
    } catch (const std::exception& e) {
        internal_error(name, e, diags);
        return std::nullopt;
    }
}

std::optional<TemplateDoc> load_template_text(const std::string& name, std::string text, Diagnostics& diags) {
    try {
        load::XmlFile file;
        file.src.path = name;
        file.src.bytes = std::move(text);
        if (!load::parse_xml(load::kTemplateHint, file, diags)) return std::nullopt;
        return load::read_template(file, diags);
    } catch (const std::exception& e) {
        internal_error(name, e, diags);
        return std::nullopt;
    }
}

std::optional<PackDocument> load_pack(const std::string& manifest_path, const LoadOptions& options,
                                      Diagnostics& diags) {
    std::optional<PackManifest> manifest = load_manifest(manifest_path, options, diags);
    if (!manifest) return std::nullopt;
    try {
        PackDocument pack;
        std::string root = load::folder_of(manifest_path);
        // A paper bound into two items is read (and reported) once.
        std::map<std::string, std::optional<Paper>> loaded;
        for (const AgendaItem& item : manifest->items) {
            std::vector<Paper>& papers = pack.papers.emplace_back();
            for (const std::string& path : item.papers) {
                // Missing or outside papers were reported with the manifest.
                if (load::file_state(path) != load::FileState::Ok || !load::is_inside(root, path)) continue;
                auto it = loaded.find(path);
                if (it == loaded.end()) it = loaded.emplace(path, load_paper(path, root, diags)).first;
                if (it->second) papers.push_back(*it->second);
            }
        }
        pack.manifest = std::move(*manifest);
        return pack;
    } catch (const std::exception& e) {
        internal_error(manifest_path, e, diags);
        return std::nullopt;
    }
}

namespace {

FileKind kind_of_root(const std::string& root) {
    if (root == "pack") return FileKind::Pack;
    if (root == "report" || root == "minutes" || root == "document") return FileKind::Paper;
    if (root == "template") return FileKind::Template;
    return FileKind::Unknown;
}

}  // namespace

FileKind text_kind(std::string_view text) {
    try {
        return kind_of_root(load::first_element_name(text));
    } catch (const std::exception&) {
        return FileKind::Unknown;
    }
}

FileKind sniff_file_kind(const std::string& path) {
    try {
        return kind_of_root(load::sniff_root_name(path));
    } catch (const std::exception&) {
        return FileKind::Unknown;
    }
}

}  // namespace bp
