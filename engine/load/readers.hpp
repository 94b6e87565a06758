// The three kinds of file, read from a parsed XmlFile into the model.
// Internal to load/; load.cpp wraps them in the public API.
#pragma once
#include <optional>
#include <string>

#include "core/diag.hpp"
#include "core/model.hpp"
#include "core/template.hpp"
#include "load/load.hpp"
#include "load/xml_file.hpp"

namespace bp::load {

inline constexpr const char* kPaperHint =
    "a paper starts with <report version=\"1\">, <minutes version=\"1\"> or <document version=\"1\">";
inline constexpr const char* kManifestHint = "a pack manifest starts with <pack version=\"1\" template=\"...\">";
inline constexpr const char* kTemplateHint = "a template starts with <template version=\"1\">";

// partner: as LoadOptions::partner, for PDF appendices.
std::optional<Paper> read_paper(XmlFile& file, const std::string& pack_root, const PartnerOptions& partner,
                                Diagnostics& diags);
std::optional<PackManifest> read_manifest(XmlFile& file, const LoadOptions& options, Diagnostics& diags);
std::optional<TemplateDoc> read_template(XmlFile& file, Diagnostics& diags);

}  // namespace bp::load
