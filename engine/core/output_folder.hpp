// A folder of outputs that a build rewrites as a whole (--split DIR: the
// front sheet and a PDF per item). When items are renumbered, last build's
// "05-prevent-update.pdf" must not stay beside this build's "05-..." file,
// or a clerk uploading the folder publishes stale papers; and a file that
// boardpack did not write there must never be removed.
//
// So the folder holds a record, RECORD_NAME, of the files boardpack wrote
// in it, each with its SHA-256. A build:
//   1. begin(): records the names it is about to write as "pending" beside
//      what the last build recorded (before any of them is written);
//   2. writes its files (each through OutputFile);
//   3. finish(): removes each file the last build recorded that this one
//      did not write, if its bytes are still the recorded ones (or it was
//      pending, so whatever holds its name was written by boardpack), then
//      records this build's files with their digests.
// A build killed at any point leaves a record naming every file boardpack
// may have written there, so the next build still finds them. A folder
// without a record (made by an older boardpack, or by hand) loses nothing.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace bp {

class OutputFolder {
public:
    static constexpr const char* kRecordName = ".boardpack-files";

    explicit OutputFolder(std::string dir);

    // Reads the last build's record and writes it back with `names` (plain
    // file names in the folder) added as pending. Throws OutputError when the
    // record cannot be written; nothing has been written then.
    void begin(const std::vector<std::string>& names);

    struct Finished {
        std::vector<std::string> removed;  // paths of the last build's files this one did not write
        std::vector<std::string> changed;  // the same, left because their bytes changed since
    };
    // After every file of begin() is written. `in_use`: files the build read,
    // never removed. Throws OutputError when a file cannot be removed or the
    // record cannot be written (the files are in place; the record still
    // names them as pending, so the next build finds them).
    // `known`: the SHA-256 (hex) of files of begin() by name, where the
    // caller has them from the bytes it wrote; the others are read again.
    Finished finish(const std::vector<std::string>& in_use, const std::map<std::string, std::string>& known = {});

private:
    struct Entry {
        std::string name;
        std::string digest;  // "pending" when written by a build that did not finish
    };
    std::vector<Entry> read_record() const;
    void write_record(const std::vector<Entry>& entries) const;
    std::string path_of(const std::string& name) const;

    std::string dir_;
    std::vector<Entry> last_;        // what the last build recorded
    std::vector<std::string> now_;   // what this build writes
};

}  // namespace bp
