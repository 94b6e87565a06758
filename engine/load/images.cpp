// load_images: every <img> of the papers read and checked once, before
// layout, so a bad picture is a located error and nothing later opens a file.
#include <map>
#include <memory>
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

class ImageLoader {
public:
    ImageLoader(std::uint64_t max_pixels, Diagnostics& diags) : max_pixels_(max_pixels), diags_(diags) {}

    void blocks(Blocks& bs) {
        for (Block& b : bs) block(b);
    }

    void paper(Paper& p) {
        for (Section& s : p.sections) blocks(s.blocks);
    }

    std::vector<std::string> files() && { return std::move(files_); }

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
        auto [it, fresh] = by_path_.try_emplace(img.path);
        if (fresh) {
            it->second = decode(img.path, loc);
            files_.push_back(img.path);
        }
        img.raster = it->second;
    }

    std::shared_ptr<const RasterImage> decode(const std::string& path, const SourceLoc& loc) {
        std::string bytes, unreadable;
        if (!read_input_file(path, kMaxImageFileBytes, bytes, unreadable)) {
            diags_.error(loc, rule::file_unreadable, "the image " + path + " " + unreadable,
                         "name a PNG or JPEG file inside the pack's folder");
            return nullptr;
        }
        auto raster = std::make_shared<RasterImage>();
        load::ImageRefusal why;
        if (load::decode_image_bytes(bytes, max_pixels_, *raster, why)) return raster;
        diags_.error(loc, why.over_limit ? rule::image_size : rule::image_format, "the image " + path + " " + why.problem,
                     why.hint);
        return nullptr;
    }

    std::uint64_t max_pixels_;
    Diagnostics& diags_;
    std::vector<std::string> files_;  // each file once, in first-use order
    std::map<std::string, std::shared_ptr<const RasterImage>> by_path_;  // a file is decoded once
};

}  // namespace

std::vector<std::string> load_images(PackDocument& pack, std::uint64_t max_pixels, Diagnostics& diags) {
    ImageLoader loader(max_pixels, diags);
    for (std::vector<Paper>& papers : pack.papers)
        for (Paper& p : papers) loader.paper(p);
    return std::move(loader).files();
}

std::vector<std::string> load_images(Paper& paper, std::uint64_t max_pixels, Diagnostics& diags) {
    ImageLoader loader(max_pixels, diags);
    loader.paper(paper);
    return std::move(loader).files();
}

std::optional<RasterImage> decode_image(std::string_view bytes, std::uint64_t max_pixels, std::string* problem) {
    RasterImage out;
    load::ImageRefusal why;
    if (load::decode_image_bytes(bytes, max_pixels, out, why)) return out;
    if (problem) *problem = why.problem + "; " + why.hint;
    return std::nullopt;
}

}  // namespace bp
