#include "stale_outputs.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "pdf/pdf.hpp"

namespace boardpack::detail {

std::optional<std::string> why_no_supplement(const bp::PackDocument& pack, const bp::LaidOutParts& parts,
                                             bp::Audience audience) {
    if (!bp::late_items(pack, parts, audience).empty()) return std::nullopt;
    if (!bp::late_items(pack, parts, bp::Audience::Full).empty())
        return "the only papers that have arrived for items marked to-follow=\"true\" are exempt, and the public "
               "edition leaves them out";
    return "no item marked to-follow=\"true\" has its papers yet";
}

bool settle_missing_supplement(const std::string& path, const std::string& why, bp::Diagnostics& diags) {
    const bp::SourceLoc at{path, 0, 0};
    const std::string said = "no supplement was written: " + why;
    const std::string hint = "when a late paper arrives, name it in its item's <papers>, keeping to-follow=\"true\"";
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        diags.note(at, bp::rule::agenda, said, hint);
        return false;
    }
    const std::optional<std::string> title = S_ISREG(st.st_mode) ? bp::title_of_written_pdf(path) : std::nullopt;
    if (!title || !title->starts_with(std::string(bp::kSupplementTitle) + " - ")) {
        diags.note(at, bp::rule::agenda,
                   said + "; the file already there is not a supplement boardpack wrote, so it was left as it was", hint);
        return false;
    }
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
        diags.error(at, bp::rule::output,
                    said + ", and the supplement an earlier build wrote here cannot be removed (" + std::strerror(errno) + ")",
                    "remove it, so that it is not published as this meeting's");
        return false;
    }
    diags.note(at, bp::rule::agenda, said + "; the supplement an earlier build wrote here was removed", hint);
    return true;
}

}  // namespace boardpack::detail
