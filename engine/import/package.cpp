#include "import/package.hpp"

#include <zip.h>

#include <algorithm>
#include <map>

namespace bp::docx {

namespace {

bool starts_with_bytes(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// UTF-16LE, as an OLE compound file names its streams.
std::string utf16le(std::string_view ascii) {
    std::string out;
    for (char c : ascii) {
        out += c;
        out += '\0';
    }
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// "/word/document.xml" and "word/Document.xml" name one part (OPC names
// compare without case).
std::string part_key(std::string_view name) {
    while (!name.empty() && name.front() == '/') name.remove_prefix(1);
    return lower(name);
}

// A zip entry's name that could be taken for a path outside the package:
// absolute, a drive, a backslash or a ".." segment.
bool unsafe_name(std::string_view n) {
    if (n.empty() || n.front() == '/' || n.find('\\') != std::string_view::npos) return true;
    if (n.size() >= 2 && n[1] == ':') return true;
    std::size_t at = 0;
    while (at <= n.size()) {
        std::size_t end = n.find('/', at);
        if (end == std::string_view::npos) end = n.size();
        std::string_view seg = n.substr(at, end - at);
        if (seg == "..") return true;
        at = end + 1;
    }
    return n.find('\0') != std::string_view::npos;
}

std::string mib(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

}  // namespace

std::string sniff_other_format(std::string_view b) {
    if (starts_with_bytes(b, "PK\x03\x04") || starts_with_bytes(b, "PK\x05\x06")) return "";
    if (starts_with_bytes(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        // An OLE compound file: Office's container for its older formats and
        // for a .docx protected with a password (the package encrypted inside).
        if (b.find(utf16le("EncryptedPackage")) != std::string_view::npos ||
            b.find(utf16le("EncryptionInfo")) != std::string_view::npos)
            return "protected with a password";
        if (b.find(utf16le("WordDocument")) != std::string_view::npos) return "a Word 97-2003 document (.doc)";
        return "an older Office file, not a Word .docx document";
    }
    if (starts_with_bytes(b, "{\\rtf")) return "a Rich Text Format document (.rtf)";
    if (starts_with_bytes(b, "%PDF")) return "a PDF, not a Word document";
    std::string_view head = b.substr(0, 4096);
    if (head.find("<w:wordDocument") != std::string_view::npos || head.find("<pkg:package") != std::string_view::npos)
        return "a Word XML document (Word 2003 XML or Flat OPC)";
    if (head.find("<office:document") != std::string_view::npos) return "an OpenDocument flat file (.fodt)";
    std::string lowered = lower(head);
    if (lowered.find("<html") != std::string::npos) return "a web page (HTML) saved with a Word name";
    return "not a Word .docx document";
}

struct Package::Impl {
    std::string_view bytes;
    Limits limits;
    zip_t* zip = nullptr;
    std::map<std::string, zip_uint64_t> index;  // part_key -> entry
    std::vector<std::string> names;
    std::uint64_t read_total = 0;

    ~Impl() {
        if (zip) zip_discard(zip);
    }
};

Package::Package(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Package::~Package() = default;

std::unique_ptr<Package> Package::open(std::string_view bytes, const Limits& limits, std::string& problem) {
    if (bytes.size() > limits.max_file) {
        problem = "is larger than " + mib(limits.max_file);
        return nullptr;
    }
    auto impl = std::make_unique<Impl>();
    impl->bytes = bytes;
    impl->limits = limits;
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (!src) {
        zip_error_fini(&err);
        problem = "cannot be read";
        return nullptr;
    }
    impl->zip = zip_open_from_source(src, ZIP_RDONLY, &err);
    if (!impl->zip) {
        zip_source_free(src);
        problem = std::string("is not a readable zip package, as a .docx is (") + zip_error_strerror(&err) + ")";
        zip_error_fini(&err);
        return nullptr;
    }
    zip_error_fini(&err);
    const zip_int64_t n = zip_get_num_entries(impl->zip, 0);
    if (n < 0 || static_cast<std::uint64_t>(n) > limits.max_parts) {
        problem = "holds more than " + std::to_string(limits.max_parts) + " parts, more than any Word document";
        return nullptr;
    }
    for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(n); ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(impl->zip, i, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME)) {
            problem = "is a damaged zip package (an entry cannot be read)";
            return nullptr;
        }
        const std::string name = st.name;
        if (unsafe_name(name)) {
            problem = "holds a part named \"" + name.substr(0, 200) +
                      "\", a path that leaves the package; Word never writes one, so the file is refused";
            return nullptr;
        }
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
            problem = "protected with a password";
            return nullptr;
        }
        if (!name.empty() && name.back() == '/') continue;  // a folder entry
        const std::string key = part_key(name);
        if (!impl->index.emplace(key, i).second) {
            problem = "holds two parts named \"" + name.substr(0, 200) + "\", so which one is meant is unclear";
            return nullptr;
        }
        impl->names.push_back(name);
    }
    return std::unique_ptr<Package>(new Package(std::move(impl)));
}

bool Package::has(std::string_view part) const { return impl_->index.count(part_key(part)) > 0; }

std::vector<std::string> Package::parts() const { return impl_->names; }

std::optional<std::string> Package::read(std::string_view part, std::string& problem) {
    auto it = impl_->index.find(part_key(part));
    if (it == impl_->index.end()) {
        problem = "is missing";
        return std::nullopt;
    }
    const Limits& lim = impl_->limits;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(impl_->zip, it->second, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
        problem = "cannot be read from the zip";
        return std::nullopt;
    }
    const std::uint64_t declared = st.size;
    const std::uint64_t packed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    if (declared > lim.max_part) {
        problem = "unpacks to more than " + mib(lim.max_part);
        return std::nullopt;
    }
    if (declared > lim.ratio_floor && declared / std::max<std::uint64_t>(packed, 1) > lim.max_ratio) {
        problem = "unpacks to " + std::to_string(declared / std::max<std::uint64_t>(packed, 1)) +
                  " times its packed size, as a zip bomb does";
        return std::nullopt;
    }
    if (impl_->read_total + declared > lim.max_total) {
        problem = "would take the parts read past " + mib(lim.max_total) + " unpacked";
        return std::nullopt;
    }
    zip_file_t* f = zip_fopen_index(impl_->zip, it->second, 0);
    if (!f) {
        problem = std::string("cannot be unpacked (") + zip_strerror(impl_->zip) + ")";
        return std::nullopt;
    }
    std::string out;
    out.resize(static_cast<std::size_t>(declared));
    std::uint64_t got = 0;
    // One byte more than declared is asked for: a part that holds more than
    // its header says is refused, not read on and on.
    char extra;
    bool ok = true;
    while (got < declared) {
        const zip_int64_t r = zip_fread(f, out.data() + got, declared - got);
        if (r < 0) {
            ok = false;
            break;
        }
        if (r == 0) break;
        got += static_cast<std::uint64_t>(r);
    }
    if (ok && got == declared && zip_fread(f, &extra, 1) != 0) ok = false;
    const std::string why = ok ? std::string() : std::string(zip_file_strerror(f));
    zip_fclose(f);
    if (!ok || got != declared) {
        problem = "is damaged: it does not unpack to the size the zip records" + (why.empty() ? "" : " (" + why + ")");
        return std::nullopt;
    }
    impl_->read_total += declared;
    return out;
}

std::string resolve_target(std::string_view source_part, std::string_view target) {
    std::vector<std::string> segs;
    std::string_view base = source_part;
    if (!target.empty() && target.front() == '/') {
        base = {};
        target.remove_prefix(1);
    } else {
        const std::size_t slash = base.rfind('/');
        base = slash == std::string_view::npos ? std::string_view() : base.substr(0, slash);
    }
    auto push = [&segs](std::string_view path) -> bool {
        std::size_t at = 0;
        while (at <= path.size()) {
            std::size_t end = path.find('/', at);
            if (end == std::string_view::npos) end = path.size();
            std::string_view s = path.substr(at, end - at);
            if (s == "..") {
                if (segs.empty()) return false;
                segs.pop_back();
            } else if (!s.empty() && s != ".") {
                segs.emplace_back(s);
            }
            at = end + 1;
        }
        return true;
    };
    if (!push(base) || !push(target)) return "";
    std::string out;
    for (const std::string& s : segs) out += (out.empty() ? "" : "/") + s;
    return out;
}

}  // namespace bp::docx
