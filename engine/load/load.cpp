// The public entry points: each reads one file (load_pack: the manifest and
// its papers) and turns any exception into a diagnostic, so no input can
// escape as a throw.
#include "load/load.hpp"

#include <set>

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

std::optional<Paper> load_paper(const std::string& path, const std::string& pack_root, Diagnostics& diags,
                                const PartnerOptions& partner) {
    try {
        load::XmlFile file;
        if (!load::open_xml(path, load::kPaperHint, file, diags)) return std::nullopt;
        return load::read_paper(file, pack_root, partner, diags);
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
        return load::read_paper(file, "", {}, diags);
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

PackPapers::PackPapers(const PackManifest& manifest, const std::string& manifest_path, const PartnerOptions& partner)
    : manifest_(manifest), manifest_path_(manifest_path), root_(load::folder_of(manifest_path)),
      partner_(partner) {
    // Missing or outside papers were reported with the manifest. A file is
    // first bound where the manifest first names it.
    std::set<std::string> named;
    bindings_.reserve(manifest.items.size());
    for (const AgendaItem& item : manifest.items) {
        std::vector<Binding>& bound = bindings_.emplace_back();
        for (const std::string& path : item.papers) {
            Binding& b = bound.emplace_back();
            if (load::file_state(path) != load::FileState::Ok || !load::is_inside(root_, path)) continue;
            b.source = load::is_pdf_path(path) ? Source::Pdf : Source::Xml;
            b.first = named.insert(path).second;
        }
    }
}

ItemPapers PackPapers::read(std::size_t i) const {
    ItemPapers out;
    const AgendaItem& item = manifest_.items.at(i);
    for (std::size_t j = 0; j < item.papers.size(); ++j) {
        const Binding& b = bindings_[i][j];
        const std::string& path = item.papers[j];
        std::optional<Paper> paper;
        if (b.source == Source::Pdf) {
            try {
                const auto& [title, alt] = item.paper_labels[j];
                paper = load::read_partner_paper(partner_, path, item.paper_locs[j], title, alt, out.partners);
            } catch (const std::exception& e) {
                internal_error(manifest_path_, e, out.partners);
            }
        } else if (b.source == Source::Xml) {
            Diagnostics again;  // reported where first bound
            paper = load_paper(path, root_, b.first ? out.xml : again, partner_);
        }
        if (!paper) continue;
        out.papers.push_back(std::move(*paper));
        out.first_bound.push_back(b.first);
    }
    return out;
}

std::optional<PackDocument> load_pack(const std::string& manifest_path, const LoadOptions& options,
                                      Diagnostics& diags) {
    std::optional<PackManifest> manifest = load_manifest(manifest_path, options, diags);
    if (!manifest) return std::nullopt;
    try {
        PackDocument pack;
        pack.manifest = std::move(*manifest);
        const PackPapers reader(pack.manifest, manifest_path, options.partner);
        std::vector<ItemPapers> items(pack.manifest.items.size());
        parallel_for(items.size(), options.jobs, [&](std::size_t) {
            return [&](std::size_t i) { items[i] = reader.read(i); };
        });
        // The XML papers' reports in the order the manifest first names
        // them, then the PDFs', whatever the number of threads.
        for (const ItemPapers& item : items) diags.merge(item.xml);
        for (const ItemPapers& item : items) diags.merge(item.partners);
        pack.papers.reserve(items.size());
        for (ItemPapers& item : items) pack.papers.push_back(std::move(item.papers));
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
