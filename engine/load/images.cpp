// load_images: every <img> of the papers read and checked once, before
// layout, so a bad picture is a located error and nothing later opens a file.
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <type_traits>
#include <vector>

#include "core/input_file.hpp"
#include "load/image_decode.hpp"
#include "load/load.hpp"

namespace bp {

namespace {

constexpr std::size_t kMaxImageFileBytes = 256u << 20;

template <class>
inline constexpr bool kAlwaysFalse = false;

// What reading one file gave: its raster, or why it cannot be used.
struct Decoded {
    std::shared_ptr<const RasterImage> raster;
    const Rule* rule = nullptr;
    std::string problem, hint;
};

Decoded decode_file(const std::string& path, std::uint64_t max_pixels) {
    Decoded out;
    std::string bytes, unreadable;
    if (!read_input_file(path, kMaxImageFileBytes, bytes, unreadable)) {
        out.rule = &rule::file_unreadable;
        out.problem = unreadable;
        out.hint = "name a PNG or JPEG file inside the pack's folder";
        return out;
    }
    auto raster = std::make_shared<RasterImage>();
    load::ImageRefusal why;
    if (load::decode_image_bytes(bytes, max_pixels, *raster, why)) {
        out.raster = std::move(raster);
        return out;
    }
    out.rule = why.over_limit ? &rule::image_size : &rule::image_format;
    out.problem = std::move(why.problem);
    out.hint = std::move(why.hint);
    return out;
}

}  // namespace

// Each file decoded once, by whichever thread asks first; the others wait
// for it, so all share one raster.
struct ImageFiles::Store {
    struct Entry {
        std::once_flag once;
        Decoded decoded;
    };
    std::uint64_t max_pixels;
    std::mutex lock;
    std::map<std::string, std::unique_ptr<Entry>> by_path;

    const Decoded& get(const std::string& path) {
        Entry* e;
        {
            std::lock_guard<std::mutex> hold(lock);
            std::unique_ptr<Entry>& slot = by_path[path];
            if (!slot) slot = std::make_unique<Entry>();
            e = slot.get();
        }
        std::call_once(e->once, [&] { e->decoded = decode_file(path, max_pixels); });
        return e->decoded;
    }
};

namespace {

class ImageLoader {
public:
    explicit ImageLoader(ImageFiles::Store& store) : store_(store) {}

    void blocks(Blocks& bs) {
        for (Block& b : bs) block(b);
    }

    void paper(Paper& p) {
        for (Section& s : p.sections) blocks(s.blocks);
    }

    std::vector<ImageFile> files() && { return std::move(files_); }

private:
    void block(Block& b) {
        std::visit(
            [&](auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, Image>) {
                    image(n, b.loc);
                } else if constexpr (std::is_same_v<T, List>) {
                    for (ListItem& item : n.items) blocks(item.content);
                } else if constexpr (std::is_same_v<T, Table>) {
                    for (auto* group : {&n.head, &n.body})
                        for (TableRow& r : *group)
                            for (TableCell& c : r.cells) blocks(c.content);
                    blocks(n.notes);
                } else if constexpr (std::is_same_v<T, BlockQuote> || std::is_same_v<T, KeepTogether> ||
                                     std::is_same_v<T, Resolution> || std::is_same_v<T, Minute>) {
                    blocks(n.content);
                } else if constexpr (std::is_same_v<T, Paragraph> || std::is_same_v<T, Heading> ||
                                     std::is_same_v<T, PageBreak> || std::is_same_v<T, Contact> ||
                                     std::is_same_v<T, Attendance> || std::is_same_v<T, Signature> ||
                                     std::is_same_v<T, Cover>) {
                    // holds no blocks
                } else {
                    static_assert(kAlwaysFalse<T>, "a new block kind: say whether it holds images");
                }
            },
            b.node);
    }

    void image(Image& img, const SourceLoc& loc) {
        if (img.path.empty()) return;  // load reported why (missing, outside the pack)
        const Decoded& got = store_.get(img.path);
        if (seen_.insert(img.path).second) {
            ImageFile& f = files_.emplace_back();
            f.path = img.path;
            if (got.rule) f.problems.error(loc, *got.rule, "the image " + img.path + " " + got.problem, got.hint);
        }
        img.raster = got.raster;
    }

    ImageFiles::Store& store_;
    std::vector<ImageFile> files_;  // each file once, in first-use order
    std::set<std::string> seen_;
};

}  // namespace

ImageFiles::ImageFiles(std::uint64_t max_pixels) : store_(std::make_unique<Store>()) { store_->max_pixels = max_pixels; }

ImageFiles::~ImageFiles() = default;

std::vector<ImageFile> ImageFiles::load(std::span<Paper> papers) {
    ImageLoader loader(*store_);
    for (Paper& p : papers) loader.paper(p);
    return std::move(loader).files();
}

void ImageFiles::forget(const std::string& path) {
    std::lock_guard<std::mutex> hold(store_->lock);
    store_->by_path.erase(path);
}

std::vector<std::string> report_image_files(const std::vector<std::vector<ImageFile>>& per_item, Diagnostics& diags) {
    std::vector<std::string> files;
    std::set<std::string> seen;
    for (const std::vector<ImageFile>& item : per_item)
        for (const ImageFile& f : item)
            if (seen.insert(f.path).second) {
                diags.merge(f.problems);
                files.push_back(f.path);
            }
    return files;
}

std::vector<std::string> load_images(PackDocument& pack, std::uint64_t max_pixels, Diagnostics& diags) {
    ImageFiles images(max_pixels);
    std::vector<std::vector<ImageFile>> per_item;
    for (std::vector<Paper>& papers : pack.papers) per_item.push_back(images.load(papers));
    return report_image_files(per_item, diags);
}

std::vector<std::string> load_images(Paper& paper, std::uint64_t max_pixels, Diagnostics& diags) {
    ImageFiles images(max_pixels);
    return report_image_files({images.load(std::span<Paper>(&paper, 1))}, diags);
}

std::optional<RasterImage> decode_image(std::string_view bytes, std::uint64_t max_pixels, std::string* problem) {
    RasterImage out;
    load::ImageRefusal why;
    if (load::decode_image_bytes(bytes, max_pixels, out, why)) return out;
    if (problem) *problem = why.problem + "; " + why.hint;
    return std::nullopt;
}

}  // namespace bp
