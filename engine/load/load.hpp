// load: XML files -> the document model, with a SourceLoc on every node.
// In: file paths. Out: PackManifest, Paper, TemplateDoc, plus diagnostics
// (file:line:col) for every problem found, all of them, not just the first.
// Sole pugixml user. Never lays anything out; never throws on bad input.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag.hpp"
#include "core/model.hpp"
#include "core/template.hpp"

namespace bp {

struct LoadOptions {
    // Folders searched for a template named without ".xml" (after the
    // pack's own folder).
    std::vector<std::string> template_dirs;
    // Threads reading a pack's papers; diagnostics come out in the same
    // order whatever the number.
    int jobs = 1;
    // How partner PDFs are read: the module, the budgets.
    PartnerOptions partner{};
};

// Each returns nullopt only when the file cannot be used at all (missing,
// not XML, wrong root); otherwise a model with errors reported in diags.
std::optional<PackManifest> load_manifest(const std::string& path, const LoadOptions& options,
                                          Diagnostics& diags);
// pack_root: the folder paths in the paper may not leave ("" = no limit);
// partner: as LoadOptions::partner, for PDF appendices.
std::optional<Paper> load_paper(const std::string& path, const std::string& pack_root,
                                Diagnostics& diags, const PartnerOptions& partner = {});
std::optional<TemplateDoc> load_template(const std::string& path, Diagnostics& diags);

// What a file holds, judged by its first element alone (no full parse), so
// a command can pick the loader: <pack>, a paper (<report>, <minutes>,
// <document>) or <template>; Unknown when unreadable or anything else.
enum class FileKind { Pack, Paper, Template, Unknown };
FileKind sniff_file_kind(const std::string& path);

// The same, for text read from elsewhere (standard input); `name` stands for
// the file in diagnostics, and paths in the text are relative to the working
// folder.
std::optional<Paper> load_paper_text(const std::string& name, std::string text, Diagnostics& diags);
std::optional<TemplateDoc> load_template_text(const std::string& name, std::string text, Diagnostics& diags);
FileKind text_kind(std::string_view text);

// The manifest and every paper it names (papers that fail to load are
// reported and left out).
std::optional<PackDocument> load_pack(const std::string& manifest_path, const LoadOptions& options,
                                      Diagnostics& diags);

// One agenda item's papers, as load_pack binds them into the item.
struct ItemPapers {
    std::vector<Paper> papers;
    // Per paper: whether the item is the first in the pack to bind its file.
    std::vector<bool> first_bound;
    Diagnostics xml;       // the XML papers first bound here (a paper bound twice is reported once)
    Diagnostics partners;  // the partners' PDFs, at every binding
};

// A pack's papers read one agenda item at a time, so that a build can lay
// each item out as it is read and never hold the whole pack (load_pack reads
// through it too). A paper bound into two items is read for each. read()
// may be called from several threads at once.
class PackPapers {
public:
    // `manifest` must outlive this reader; partner: as LoadOptions'.
    PackPapers(const PackManifest& manifest, const std::string& manifest_path, const PartnerOptions& partner = {});
    ItemPapers read(std::size_t item) const;

private:
    enum class Source : std::uint8_t { None, Xml, Pdf };
    struct Binding {
        Source source = Source::None;  // None: missing or outside, reported with the manifest
        bool first = false;
    };
    const PackManifest& manifest_;
    std::string manifest_path_, root_;
    PartnerOptions partner_;
    std::vector<std::vector<Binding>> bindings_;  // per item, per <papers>
};

// Reads and checks every <img> of the papers (PNG decoded, JPEG walked to
// its end marker) and stores the result in Image::raster, so layout and pdf/
// never open a file. A file that cannot be used, or has more than
// `max_pixels` pixels (TemplateDoc::max_image_pixels), is a located error
// and leaves its raster empty. A file named twice is read once. Returns the
// files read, each once, in the order the papers first name them.
std::vector<std::string> load_images(PackDocument& pack, std::uint64_t max_pixels, Diagnostics& diags);
std::vector<std::string> load_images(Paper& paper, std::uint64_t max_pixels, Diagnostics& diags);

// A file <img> names, as found in some papers; `problems`: why it cannot be
// used, reported at the first <img> there that names it.
struct ImageFile {
    std::string path;
    Diagnostics problems;
};

// load_images for a pack whose items are read one at a time, perhaps on
// several threads at once: each file is read once, and every paper that
// shows it shares one raster (the pdf stage embeds it once).
class ImageFiles {
public:
    explicit ImageFiles(std::uint64_t max_pixels);
    ~ImageFiles();
    ImageFiles(const ImageFiles&) = delete;
    ImageFiles& operator=(const ImageFiles&) = delete;
    // Sets Image::raster on every <img> of `papers`. Returns their files,
    // each once, in the order the papers first name them.
    std::vector<ImageFile> load(std::span<Paper> papers);
    // Reads the file at `path` again when next asked for: it changed. Papers
    // loaded before keep the raster they were given.
    void forget(const std::string& path);

    struct Store;  // the files read so far (images.cpp)

private:
    std::unique_ptr<Store> store_;
};

// The files of several items' load() in item order, each once, its
// problems reported as found with the first item that names it: what
// load_images reports for the whole pack. Returns the files.
std::vector<std::string> report_image_files(const std::vector<std::vector<ImageFile>>& per_item, Diagnostics& diags);

// One image file's bytes, as load_images would take them; nullopt with
// *problem saying why not ("is a damaged PNG file (...)").
std::optional<RasterImage> decode_image(std::string_view bytes, std::uint64_t max_pixels, std::string* problem);

}  // namespace bp
