// The house style a session keeps: a template loaded, its fonts read and its
// styles resolved once, kept while the template and its fonts are
// unchanged. Packs, previews and validation all take theirs from here.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diag.hpp"
#include "core/template.hpp"
#include "session/file_digests.hpp"
#include "style/style.hpp"
#include "text/text.hpp"

namespace bp::session {

struct HouseStyle {
    std::string path;
    std::optional<TemplateDoc> doc;     // nullopt when the file cannot be used at all
    Diagnostics template_diags;         // loading the template
    std::unique_ptr<FontTable> fonts;   // never null; its faces once the styles are resolved
    std::optional<StyleSheet> styles;   // resolved when the template loaded without errors
    Diagnostics style_diags;            // resolving the styles
    // A digest of the template and its fonts, and what they were when read:
    // whatever is laid out in this style is valid while `key` is.
    std::string key;
    std::vector<std::pair<std::string, std::string>> files;  // path, digest

    // Styles resolved, without an error on the way: papers can be laid out.
    bool usable() const { return styles && !template_diags.has_errors() && !style_diags.has_errors(); }
};

class HouseStyles {
public:
    explicit HouseStyles(FileDigests& digests) : digests_(digests) {}
    // The style at `path`, loaded again only when it or one of its fonts
    // changed. The reference stays valid until the next get() of `path`.
    const HouseStyle& get(const std::string& path);
    // Drops every style but those at `paths`.
    void keep_only(const std::vector<std::string>& paths);

private:
    FileDigests& digests_;
    std::map<std::string, std::unique_ptr<HouseStyle>> by_path_;
};

// A template named on the command line: a path ending in .xml as it is,
// else NAME.xml in the first of `dirs` that has it (NAME.xml when none does).
std::string find_template(const std::string& name_or_path, const std::vector<std::string>& dirs);

}  // namespace bp::session
