#include "core/output_folder.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/output_file.hpp"
#include "core/sha256.hpp"

namespace bp {

namespace {

constexpr std::string_view kPending = "pending";

// Only a plain name in the folder itself: a record edited by hand (or
// damaged) can never make a build remove a file elsewhere, or the record.
bool plain_name(std::string_view name) {
    return !name.empty() && name != "." && name != ".." && name != OutputFolder::kRecordName &&
           name.find('/') == std::string_view::npos && name.find('\0') == std::string_view::npos;
}

bool digest_like(std::string_view d) {
    if (d == kPending) return true;
    return d.size() == 64 && std::all_of(d.begin(), d.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

}  // namespace

OutputFolder::OutputFolder(std::string dir) : dir_(std::move(dir)) {}

std::string OutputFolder::path_of(const std::string& name) const {
    return (std::filesystem::path(dir_) / name).string();
}

std::vector<OutputFolder::Entry> OutputFolder::read_record() const {
    std::vector<Entry> entries;
    std::ifstream in(path_of(kRecordName), std::ios::binary);
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        // "<digest>  <name>", as sha256sum writes it.
        const std::size_t gap = line.find("  ");
        if (gap == std::string::npos) continue;
        Entry e{line.substr(gap + 2), line.substr(0, gap)};
        if (!plain_name(e.name) || !digest_like(e.digest)) continue;
        if (std::none_of(entries.begin(), entries.end(), [&](const Entry& x) { return x.name == e.name; }))
            entries.push_back(std::move(e));
    }
    return entries;
}

void OutputFolder::write_record(const std::vector<Entry>& entries) const {
    std::string text =
        "# The files boardpack wrote in this folder, with their SHA-256. The next build\n"
        "# removes those it does not write again, if unchanged; keep this file here.\n";
    for (const Entry& e : entries) text += e.digest + "  " + e.name + "\n";
    const std::string path = path_of(kRecordName);
    if (std::string error; !write_whole_file(path, text, &error)) throw OutputError(path + " " + error);
}

void OutputFolder::begin(const std::vector<std::string>& names) {
    last_ = read_record();
    now_ = names;
    std::vector<Entry> pending;
    for (const Entry& e : last_)
        if (std::find(now_.begin(), now_.end(), e.name) == now_.end()) pending.push_back(e);
    for (const std::string& n : now_) pending.push_back(Entry{n, std::string(kPending)});
    write_record(pending);
}

OutputFolder::Finished OutputFolder::finish(const std::vector<std::string>& in_use,
                                            const std::map<std::string, std::string>& known) {
    Finished out;
    std::vector<std::string> read;
    for (const std::string& path : in_use) read.push_back(file_identity(path));
    for (const Entry& e : last_) {
        if (std::find(now_.begin(), now_.end(), e.name) != now_.end()) continue;
        const std::string path = path_of(e.name);
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0) continue;  // already gone
        // A link or a folder put in its place is someone else's.
        // Read by this build (named as an image, say): not stale, whoever wrote it.
        if (std::find(read.begin(), read.end(), file_identity(path)) != read.end()) continue;
        const bool ours = S_ISREG(st.st_mode) && (e.digest == kPending || sha256_file(path) == e.digest);
        if (!ours) {
            out.changed.push_back(path);
            continue;
        }
        if (::unlink(path.c_str()) != 0 && errno != ENOENT)
            throw OutputError(path + " is left from an earlier build and cannot be removed: " + std::strerror(errno));
        out.removed.push_back(path);
    }
    std::vector<Entry> written;
    for (const std::string& n : now_) {
        if (auto k = known.find(n); k != known.end())
            written.push_back(Entry{n, k->second});
        else if (std::optional<std::string> digest = sha256_file(path_of(n)))
            written.push_back(Entry{n, *digest});
    }
    write_record(written);
    return out;
}

}  // namespace bp
