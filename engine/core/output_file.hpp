// Writing an output (a PDF, the page dump, the build report) so that nothing
// is ever half-written or lost: the bytes go to a temporary file created
// beside the target under a name no other build can hold, every write is
// checked (a full disk is an error, not a short file), the file is fsynced
// and renamed over the target only when complete. The target keeps its
// permissions; a symbolic link stays a link and its target is replaced.
// Temporary files are removed on every failure and, once
// remove_temporaries_on_signals() is called, on SIGINT, SIGTERM and SIGHUP.
//
// "-" names standard output: written directly, with the same checks.
#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace bp {

// What went wrong writing an output, as words that follow its path:
// "cannot be written: the disk is full".
struct OutputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

inline constexpr std::string_view kStandardOutput = "-";

class OutputFile {
public:
    // Creates the temporary file beside `path` (or takes standard output for
    // "-"); throws OutputError if it cannot.
    explicit OutputFile(const std::string& path);
    // Removes the temporary file unless commit() succeeded.
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    void write(const void* data, std::size_t size);  // throws OutputError
    // Flushes the bytes to disk now; commit() then only renames. Files
    // flushed side by side on several threads share the disk's waits (see
    // write_files). Throws OutputError.
    void sync();
    // Flushes to disk (unless sync() did) and renames over the target; then
    // flushes the folder, unless `folder_later` (the caller flushes each
    // folder once, after a batch). Throws OutputError.
    void commit(bool folder_later = false);

private:
    void discard() noexcept;

    std::string target_, temp_;
    int fd_ = -1;
    int slot_ = -1;  // in the list of temporaries the signal handler removes
    bool committed_ = false;
    bool synced_ = false;
};

// Writes all of `size` bytes to the descriptor, retrying short writes and
// interruptions; throws OutputError ("cannot be written: the disk is full").
// OutputFile writes through this.
void write_all(int fd, const void* data, std::size_t size);

// Why `path` cannot be written as an output, in words that follow the path
// ("is a device, not a regular file"), or "" when it can be: an existing
// regular file, or a new name in an existing folder. Standard output ("-")
// always can. Checked before a build starts, so nothing is laid out for an
// output that would be refused at the end.
std::string output_target_problem(const std::string& path);

// A key naming the file `path` refers to: two paths have the same key when
// they name the same file (through links, "..", or a second hard link), so
// an output that would overwrite an input, or another output, is found.
std::string file_identity(const std::string& path);

// The whole of `bytes` written to `path` as an OutputFile. False, with
// *error set to words that follow the path, when it could not be.
bool write_whole_file(const std::string& path, std::string_view bytes, std::string* error);

// A file to write whole and its bytes.
struct FileBytes {
    std::string path;
    std::string_view bytes;
};

// Writes many files as write_whole_file writes one, but flushes them to
// disk side by side on `threads` threads, then renames each into place and
// flushes each folder once: for the many small files of a web site, whose
// flushes one by one cost far more than their bytes. Each file is whole or
// untouched. Returns how many were put in place, in order; when one fails,
// *error says why (words that follow its path, files[count].path) and no
// later one is put in place. With `sha256`, each file's digest (hex) too,
// made on the same threads while others wait for the disk.
std::size_t write_files(const std::vector<FileBytes>& files, int threads, std::string* error,
                        std::vector<std::string>* sha256 = nullptr);

// Installs handlers that remove every temporary file still open and then end
// the process with the same signal, for SIGINT, SIGTERM and SIGHUP (a signal
// the process ignores or already handles is left alone). For programs, not
// libraries: called once by the command line.
void remove_temporaries_on_signals();

}  // namespace bp
