#include "partner/pages.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <qpdf/InputSource.hh>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <stdexcept>
#include <utility>

#include "partner/refusal.hpp"

namespace bp::partner {

namespace {

// The file read with pread through a block of its own. qpdf's own file
// source asks the system where it is before every read (ftello) and moves
// with fseeko: two system calls an object, most of the time it takes to
// read a PDF of many small objects (a structure tree's elements).
class PreadFile : public InputSource {
public:
    explicit PreadFile(const std::string& path) : name_(path), fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
        struct stat st {};
        if (fd_ < 0 || ::fstat(fd_, &st) != 0) {
            if (fd_ >= 0) ::close(fd_);
            throw std::runtime_error(path + ": " + std::strerror(errno));
        }
        size_ = st.st_size;
    }
    ~PreadFile() override { ::close(fd_); }
    PreadFile(const PreadFile&) = delete;
    PreadFile& operator=(const PreadFile&) = delete;

    qpdf_offset_t findAndSkipNextEOL() override {
        // As qpdf's own: the offset of the next CR or LF, skipping past it and any that follow.
        char c = 0;
        while (read(&c, 1) == 1)
            if (c == '\r' || c == '\n') {
                const qpdf_offset_t eol = pos_ - 1;
                while (read(&c, 1) == 1)
                    if (c != '\r' && c != '\n') {
                        unreadCh(c);
                        break;
                    }
                return eol;
            }
        return pos_;
    }
    std::string const& getName() const override { return name_; }
    qpdf_offset_t tell() override { return pos_; }
    void seek(qpdf_offset_t offset, int whence) override {
        const qpdf_offset_t to = whence == SEEK_SET ? offset : whence == SEEK_CUR ? pos_ + offset : size_ + offset;
        if (to < 0) throw std::runtime_error(name_ + ": seek to a negative offset");
        pos_ = to;
    }
    void rewind() override { pos_ = 0; }
    size_t read(char* out, size_t length) override {
        last_offset = pos_;
        size_t done = 0;
        while (done < length && pos_ < size_) {
            if (pos_ < block_start_ || pos_ >= block_start_ + static_cast<qpdf_offset_t>(block_len_)) fill();
            if (block_len_ == 0) break;
            const std::size_t at = static_cast<std::size_t>(pos_ - block_start_);
            const std::size_t n = std::min(length - done, block_len_ - at);
            std::memcpy(out + done, block_.data() + at, n);
            done += n;
            pos_ += static_cast<qpdf_offset_t>(n);
        }
        return done;
    }
    void unreadCh(char) override {
        if (pos_ > 0) --pos_;
    }

private:
    void fill() {
        block_start_ = pos_;
        block_len_ = 0;
        for (;;) {
            const ssize_t n = ::pread(fd_, block_.data(), block_.size(), pos_);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) throw std::runtime_error(name_ + ": " + std::strerror(errno));
            block_len_ = static_cast<std::size_t>(n);
            return;
        }
    }

    std::string name_;
    int fd_;
    qpdf_offset_t size_ = 0, pos_ = 0, block_start_ = 0;
    std::vector<char> block_ = std::vector<char>(1 << 16);
    std::size_t block_len_ = 0;
};

}  // namespace

std::unique_ptr<QPDF> open_pdf(const std::string& path) {
    auto pdf = std::make_unique<QPDF>();
    pdf->setSuppressWarnings(true);
    pdf->setAttemptRecovery(false);
    pdf->processInputSource(std::make_shared<PreadFile>(path));
    return pdf;
}

int PageList::find(QPDFObjectHandle h) const {
    if (!h.isIndirect()) return -1;
    auto it = index.find(h.getObjGen());
    return it == index.end() ? -1 : it->second;
}

PageList read_pages(QPDF& pdf) {
    // The tree walked as qpdf walks it (a node with /Kids holds pages, any
    // other kid is a page), with a stack of our own.
    QPDFObjectHandle root = pdf.getRoot().getKey("/Pages");
    std::set<QPDFObjGen> nodes;
    std::vector<std::pair<QPDFObjectHandle, int>> stack{{root, 0}};
    while (!stack.empty()) {
        auto [node, depth] = stack.back();
        stack.pop_back();
        if (depth > kMaxPageTreeDepth)
            throw Refused("its page tree is nested more than " + std::to_string(kMaxPageTreeDepth) + " levels deep");
        if (node.isIndirect() && !nodes.insert(node.getObjGen()).second)
            throw Refused("its page tree loops (object " + std::to_string(node.getObjectID()) + " is reached twice)");
        QPDFObjectHandle kids = node.getKey("/Kids");
        if (!kids.isArray()) continue;
        for (QPDFObjectHandle kid : kids.aitems())
            if (kid.isDictionary() && kid.hasKey("/Kids")) stack.emplace_back(kid, depth + 1);
    }
    PageList list;
    list.pages = pdf.getAllPages();  // safe now: its recursion is bounded
    for (std::size_t i = 0; i < list.pages.size(); ++i)
        list.index.emplace(list.pages[i].getObjGen(), static_cast<int>(i));
    return list;
}

}  // namespace bp::partner
