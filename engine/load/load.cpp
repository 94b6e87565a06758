// The public entry points: each reads one file (load_pack: the manifest and
// its papers) and turns any exception into a diagnostic, so no input can
// escape as a throw.
#include "load/load.hpp"

#include <map>

#include "core/parallel.hpp"
#include "load/partner_paper.hpp"
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
        // Each paper once, in the order the manifest first names it: a paper
        // bound into two items is read (and reported) once. Missing or
        // outside papers were reported with the manifest.
        std::vector<std::string> paths;
        std::map<std::string, std::size_t> index, uses;
        for (const AgendaItem& item : manifest->items)
            for (const std::string& path : item.papers) {
                if (load::file_state(path) != load::FileState::Ok || !load::is_inside(root, path)) continue;
                if (load::is_pdf_path(path)) continue;  // a partner's PDF: read where it is bound, below
                if (index.emplace(path, paths.size()).second) paths.push_back(path);
                ++uses[path];
            }
        std::vector<std::optional<Paper>> papers(paths.size());
        std::vector<Diagnostics> reports(paths.size());
        parallel_for(paths.size(), options.jobs, [&](std::size_t) {
            return [&](std::size_t i) { papers[i] = load_paper(paths[i], root, reports[i]); };
        });
        for (const Diagnostics& d : reports) diags.merge(d);

        // Into the items: moved on a paper's last use, copied before it.
        for (const AgendaItem& item : manifest->items) {
            std::vector<Paper>& bound = pack.papers.emplace_back();
            for (std::size_t j = 0; j < item.papers.size(); ++j) {
                const std::string& path = item.papers[j];
                if (load::is_pdf_path(path)) {
                    if (load::file_state(path) != load::FileState::Ok || !load::is_inside(root, path)) continue;
                    const auto& [title, alt] = item.paper_labels[j];
                    if (auto p = load::read_partner_paper(path, item.paper_locs[j], title, alt, diags))
                        bound.push_back(std::move(*p));
                    continue;
                }
                auto at = index.find(path);
                if (at == index.end() || !papers[at->second]) continue;
                std::optional<Paper>& paper = papers[at->second];
                if (--uses[path] == 0)
                    bound.push_back(std::move(*paper));
                else
                    bound.push_back(*paper);
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
