#include "import/import.hpp"

#include <filesystem>
#include <map>

#include "core/input_file.hpp"
#include "core/output_file.hpp"
#include "import/numbering.hpp"
#include "import/ooxml.hpp"
#include "import/package.hpp"
#include "import/read.hpp"
#include "import/shape.hpp"
#include "import/styles.hpp"
#include "import/text.hpp"
#include "import/write.hpp"

namespace fs = std::filesystem;

namespace bp {

namespace {

using namespace docx;

// What a picture part holds, by its first bytes.
std::string picture_format(std::string_view b) {
    auto starts = [&](std::string_view p) { return b.substr(0, p.size()) == p; };
    if (starts("\x89PNG\r\n\x1a\n")) return "png";
    if (starts("\xFF\xD8\xFF")) return "jpeg";
    if (starts("GIF8")) return "gif";
    if (starts("BM")) return "bmp";
    if (starts("II*\0") || starts(std::string_view("MM\0*", 4))) return "tiff";
    if (starts(std::string_view("\xD7\xCD\xC6\x9A", 4)) || starts(std::string_view("\x01\x00\x09\x00", 4)) ||
        starts(std::string_view("\x02\x00\x09\x00", 4)))
        return "wmf";
    if (b.size() > 44 && starts(std::string_view("\x01\x00\x00\x00", 4)) && b.substr(40, 4) == " EMF") return "emf";
    if (b.size() > 12 && starts("RIFF") && b.substr(8, 4) == "WEBP") return "webp";
    if (b.find("<svg") != std::string_view::npos && b.find("<svg") < 512) return "svg";
    return "unknown";
}

// The template's table style's size: "table", then its parents, to body.
std::optional<Mpt> table_type_size(const TemplateDoc& t) {
    std::string name = "table";
    for (int steps = 0; steps < 16; ++steps) {
        const TextStyleSpec* found = nullptr;
        for (const TextStyleSpec& s : t.styles)
            if (s.name == name) found = &s;
        if (found && found->size) return found->size;
        if (name == "body") return std::nullopt;
        name = found && !found->parent.empty() ? found->parent : std::string("body");
    }
    return std::nullopt;
}

class Importer {
public:
    Importer(std::string_view bytes, const std::string& name, const ImportOptions& o, Diagnostics& d)
        : bytes_(bytes), name_(name), o_(o), d_(d) {}

    std::optional<ImportedPaper> run() {
        if (std::string other = sniff_other_format(bytes_); !other.empty()) {
            refuse_format(other);
            return std::nullopt;
        }
        std::string problem;
        package_ = Package::open(bytes_, Limits{}, problem);
        if (!package_) {
            if (problem == "protected with a password") refuse_format(problem);
            else refuse("the file " + problem, "save it again from Word as a Word Document (.docx) and import that");
            return std::nullopt;
        }
        if (!find_main()) return std::nullopt;
        auto document = part(main_);
        if (!document) return std::nullopt;
        Relationships rels;
        if (auto r = part(rels_of(main_), true)) rels = read_relationships((*r)->child("Relationships"), main_);
        Styles styles;
        std::unique_ptr<pugi::xml_document> styles_doc, numbering_doc, notes_doc, endnotes_doc, comments_doc;
        auto optional_part = [&](const char* type, std::unique_ptr<pugi::xml_document>& into) -> pugi::xml_node {
            for (const auto& [id, rel] : rels)
                if (rel.type == type && !rel.external && !rel.target.empty()) {
                    if (auto p = part(rel.target)) {
                        into = std::move(*p);
                        return into->document_element();
                    }
                    return {};
                }
            return {};
        };
        if (pugi::xml_node s = optional_part("styles", styles_doc)) styles.read(s);
        WordNumbering numbering;
        if (pugi::xml_node n = optional_part("numbering", numbering_doc)) numbering.read(n, styles);
        pugi::xml_node footnotes = optional_part("footnotes", notes_doc);
        pugi::xml_node endnotes = optional_part("endnotes", endnotes_doc);
        pugi::xml_node comments = optional_part("comments", comments_doc);
        if (failed_) return std::nullopt;
        if (macros_) findings_.note(0, rule::import_dropped, "the file's macros were left out: papers hold no programs");

        ReadContext ctx{styles, numbering, rels, footnotes, endnotes, comments, places_, findings_};
        pugi::xml_node body = (*document)->child("w:document").child("w:body");
        if (!(*document)->child("w:document")) {
            const std::string_view root = (*document)->document_element().name();
            if (root.ends_with("workbook")) refuse_format("an Excel workbook, not a Word document");
            else if (root.ends_with("presentation")) refuse_format("a PowerPoint presentation, not a Word document");
            else refuse("the file's main part is not a Word document (its root is <" + std::string(root) + ">)",
                        "save it again from Word as a Word Document (.docx) and import that");
            return std::nullopt;
        }
        if (!body) {
            refuse("the file has no document body (word/document.xml holds no <w:body>)",
                   "save it again from Word as a Word Document (.docx) and import that");
            return std::nullopt;
        }
        WordDocument word = read_document(body, ctx);
        if (findings_.has_errors()) {
            report_refusals();
            return std::nullopt;
        }

        ShapeOptions so;
        so.kind = o_.as;
        if (o_.house) {
            so.rules = o_.house->import_rules;
            so.red = o_.house->rag_red;
            so.amber = o_.house->rag_amber;
            so.green = o_.house->rag_green;
            so.table_size = table_type_size(*o_.house);
        } else {
            so.table_size = pt(8);
        }
        so.media_dir = import_media_folder(o_.xml_path);
        so.media_format = [this](const std::string& p) -> std::string {
            const std::string* bytes = media(p);
            return bytes ? picture_format(*bytes) : std::string();
        };
        ShapedPaper shaped = shape_paper(word, so, findings_);
        WrittenXml written = write_paper(shaped);

        ImportedPaper result;
        result.xml = std::move(written.text);
        const std::string folder = fs::path(o_.xml_path).parent_path().string();
        for (const MediaFile& m : shaped.media) {
            const std::string* bytes = media(m.part);
            if (!bytes) continue;
            ImportedPicture pic;
            pic.path = (fs::path(folder) / so.media_dir / m.name).string();
            pic.bytes = *bytes;
            result.pictures.push_back(std::move(pic));
        }
        report_findings(written);
        return result;
    }

private:
    // ---- the package ----

    static std::string rels_of(const std::string& part) {
        const std::size_t slash = part.rfind('/');
        const std::string dir = slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
        return dir + "_rels/" + part.substr(slash == std::string::npos ? 0 : slash + 1) + ".rels";
    }

    // The main document part, named by the package's relationships.
    bool find_main() {
        for (const std::string& p : package_->parts()) {
            const std::string l = ascii_lower(p);
            if (l.ends_with("vbaproject.bin")) macros_ = true;
        }
        if (auto root = part("_rels/.rels", true)) {
            Relationships rels = read_relationships((*root)->child("Relationships"), "");
            for (const auto& [id, rel] : rels)
                if (rel.type == "officeDocument" && !rel.external && !rel.target.empty()) main_ = rel.target;
        }
        if (failed_) return false;
        if (main_.empty() || !package_->has(main_)) {
            std::string what;
            if (package_->has("mimetype") || package_->has("content.xml")) what = "an OpenDocument file (.odt), not a Word document";
            else if (package_->has("xl/workbook.xml")) what = "an Excel workbook, not a Word document";
            else if (package_->has("ppt/presentation.xml")) what = "a PowerPoint presentation, not a Word document";
            if (!what.empty()) refuse_format(what);
            else refuse("the file is a zip, but not a Word document: it names no main document part",
                        "save it again from Word as a Word Document (.docx) and import that");
            return false;
        }
        return true;
    }

    // A part, parsed; a problem with it refuses the file. A missing part is
    // simply absent when `optional`.
    std::optional<std::unique_ptr<pugi::xml_document>> part(const std::string& name, bool optional = false) {
        if (optional && !package_->has(name)) return std::nullopt;
        std::string problem;
        std::optional<std::string> bytes = package_->read(name, problem);
        if (!bytes) {
            refuse("the part " + name + " of the file " + problem, "save it again from Word as a Word Document (.docx) and import that");
            return std::nullopt;
        }
        std::unique_ptr<pugi::xml_document> doc = parse_part(std::move(*bytes), problem);
        if (!doc) {
            refuse("the part " + name + " of the file " + problem, "save it again from Word as a Word Document (.docx) and import that");
            return std::nullopt;
        }
        return doc;
    }

    const std::string* media(const std::string& p) {
        auto it = media_.find(p);
        if (it != media_.end()) return it->second ? &*it->second : nullptr;
        std::string problem;
        std::optional<std::string> bytes = package_->has(p) ? package_->read(p, problem) : std::nullopt;
        auto& slot = media_[p];
        slot = std::move(bytes);
        return slot ? &*slot : nullptr;
    }

    // ---- messages ----

    void refuse(const std::string& message, const std::string& hint) {
        failed_ = true;
        d_.error(SourceLoc{name_, 0, 0}, rule::import_unreadable, message, hint);
    }

    void refuse_format(const std::string& what) {
        failed_ = true;
        if (what == "protected with a password") {
            d_.error(SourceLoc{name_, 0, 0}, rule::import_unreadable, "the file is protected with a password, so it cannot be read",
                     "open it in Word, remove the password (File > Info > Protect Document > Encrypt with Password, "
                     "and clear it), save, and import again");
            return;
        }
        d_.error(SourceLoc{name_, 0, 0}, rule::import_unreadable, "the file is " + what + ", which boardpack cannot import",
                 "open it in Word (or LibreOffice) and save it as a Word Document (.docx) (File > Save As), then import that");
    }

    std::string where(int place) const {
        if (place <= 0 || static_cast<std::size_t>(place) >= places_.size()) return "";
        return places_.words(place);
    }

    void report_refusals() {
        std::size_t told = 0;
        for (const Finding& f : findings_.all()) {
            if (f.severity != Severity::Error) continue;
            if (++told > 100) continue;
            const std::string w = where(f.place);
            d_.add(Severity::Error, SourceLoc{name_, 0, 0}, *f.rule, (w.empty() ? "" : w + ": ") + f.message, f.hint);
        }
        if (told > 100)
            d_.error(SourceLoc{name_, 0, 0}, rule::import_revisions, "and " + std::to_string(told - 100) + " more like these",
                     "fix them all in Word, save, and import again");
    }

    void report_findings(const WrittenXml& w) {
        const std::string xml = o_.xml_path;
        for (const Finding& f : findings_.all()) {
            std::uint32_t line = 0, col = 0;
            if (!f.element.empty()) {
                auto it = w.header.find(f.element);
                if (it != w.header.end()) {
                    line = it->second;
                    col = 5;
                }
            } else if (f.place > 0) {
                // The place, or the first place after it that was written.
                auto it = w.places.lower_bound(f.place);
                if (it == w.places.end() && !w.places.empty()) --it;
                if (it != w.places.end()) {
                    line = it->second.first;
                    col = it->second.second;
                } else {
                    line = 2;  // the root element
                    col = 1;
                }
            } else {
                line = 2;
                col = 1;
            }
            const std::string wd = where(f.place);
            d_.add(f.severity, SourceLoc{xml, line, col}, *f.rule, (wd.empty() ? "" : "Word " + wd + ": ") + f.message, f.hint);
        }
    }

    std::string_view bytes_;
    std::string name_;
    const ImportOptions& o_;
    Diagnostics& d_;
    std::unique_ptr<Package> package_;
    std::string main_;
    bool failed_ = false, macros_ = false;
    Places places_;
    Findings findings_;
    std::map<std::string, std::optional<std::string>> media_;
};

}  // namespace

std::string import_media_folder(const std::string& xml_path) {
    std::string stem = fs::path(xml_path).stem().string();
    if (stem.empty()) stem = "paper";
    return stem + "-images";
}

std::optional<ImportedPaper> import_docx(std::string_view bytes, const std::string& docx_name, const ImportOptions& options,
                                        Diagnostics& diags) {
    try {
        return Importer(bytes, docx_name, options, diags).run();
    } catch (const std::bad_alloc&) {
        diags.error(SourceLoc{docx_name, 0, 0}, rule::import_unreadable, "the file needs more memory than there is to read it",
                    "split it into smaller documents");
    } catch (const std::exception& e) {
        diags.error(SourceLoc{docx_name, 0, 0}, rule::internal_error, std::string("internal error while importing: ") + e.what());
    }
    return std::nullopt;
}

std::optional<ImportedPaper> import_docx_file(const std::string& path, const ImportOptions& options, Diagnostics& diags) {
    std::string bytes, problem;
    if (!read_input_file(path, Limits{}.max_file, bytes, problem)) {
        diags.error(SourceLoc{path, 0, 0}, rule::import_unreadable, "the Word file " + problem,
                    "name a .docx file saved from Word");
        return std::nullopt;
    }
    return import_docx(bytes, path, options, diags);
}

bool write_import(const ImportedPaper& result, const std::string& docx_path, const ImportOptions& options, Diagnostics& diags) {
    const std::string word = file_identity(docx_path);
    auto check = [&](const std::string& out, const char* what) {
        if (std::string problem = output_target_problem(out); !problem.empty()) {
            diags.error(SourceLoc{out, 0, 0}, rule::output, std::string("the ") + what + " " + problem, "name a regular file for it");
            return false;
        }
        if (file_identity(out) == word) {
            diags.error(SourceLoc{out, 0, 0}, rule::output, std::string("the ") + what + " would be written over the Word file it is imported from",
                        "name another file, e.g. report.xml");
            return false;
        }
        return true;
    };
    if (!check(options.xml_path, "XML")) return false;
    if (!result.pictures.empty()) {
        const fs::path folder = fs::path(result.pictures.front().path).parent_path();
        std::error_code ec;
        fs::create_directories(folder, ec);
        if (ec || !fs::is_directory(folder)) {
            diags.error(SourceLoc{folder.string(), 0, 0}, rule::output, "the pictures' folder cannot be made (" + ec.message() + ")",
                        "check the folder the XML goes in can be written");
            return false;
        }
    }
    for (const ImportedPicture& p : result.pictures) {
        if (!check(p.path, "picture")) return false;
        if (std::string error; !write_whole_file(p.path, p.bytes, &error)) {
            diags.error(SourceLoc{p.path, 0, 0}, rule::output, "the picture " + error);
            return false;
        }
    }
    if (std::string error; !write_whole_file(options.xml_path, result.xml, &error)) {
        diags.error(SourceLoc{options.xml_path, 0, 0}, rule::output, "the XML " + error);
        return false;
    }
    return true;
}

}  // namespace bp
