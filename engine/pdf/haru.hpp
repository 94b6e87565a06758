// The one place that knows how libharu reports trouble. Its errors are
// sticky and some paths return a status without calling the handler, so
// every call is checked here and turned into a Failure with a sentence for
// the user. The handler itself only records: unwinding through C is UB.
#pragma once
#include <hpdf.h>

#include <stdexcept>
#include <string>

namespace bp::pdf {

// Thrown inside the stage; write_pdf reports what() and cleans up.
struct Failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// "libharu error 0x1017: cannot open file (No such file or directory)".
std::string describe_haru_error(HPDF_STATUS code, HPDF_STATUS detail);

class Doc {
public:
    Doc();  // a new document; throws Failure if libharu cannot make one
    ~Doc();
    Doc(const Doc&) = delete;
    Doc& operator=(const Doc&) = delete;

    HPDF_Doc get() const { return doc_; }
    HPDF_MMgr mmgr() const { return doc_->mmgr; }

    // Throws Failure("<what>: <libharu's reason>") if status is not HPDF_OK
    // or libharu has recorded an error.
    void check(HPDF_STATUS status, const std::string& what);

    // For calls that signal failure with NULL.
    template <class T>
    T need(T result, const std::string& what) {
        if (result == nullptr) fail(what, HPDF_OK);
        check(HPDF_OK, what);
        return result;
    }

    [[noreturn]] void fail(const std::string& what, HPDF_STATUS status);

private:
    struct Recorded {
        HPDF_STATUS code = HPDF_OK, detail = 0;
    };
    static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) noexcept;

    Recorded recorded_;
    HPDF_Doc doc_ = nullptr;
};

}  // namespace bp::pdf
