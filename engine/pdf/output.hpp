// The output file: written under a temporary name in the target's folder and
// renamed over the target only when complete, so readers of out_path see the
// old file or the new one, never half of one.
#pragma once
#include <cstddef>
#include <string>

namespace bp::pdf {

class OutputFile {
public:
    // Creates "<path>.tmp-<pid>-<n>"; throws Failure if it cannot.
    explicit OutputFile(std::string path);
    // Removes the temporary file unless commit() succeeded.
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    void write(const void* data, std::size_t size);  // throws Failure
    void commit();  // flushes to disk and renames into place; throws Failure

private:
    [[noreturn]] static void fail(const char* what, int err);

    std::string path_, temp_;
    int fd_ = -1;
    bool committed_ = false;
};

}  // namespace bp::pdf
