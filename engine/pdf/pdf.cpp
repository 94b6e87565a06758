#include "pdf.hpp"

#include <algorithm>
#include <exception>
#include <functional>
#include <string_view>
#include <new>
#include <optional>
#include <thread>

#include "output.hpp"
#include "seal.hpp"
#include "partner/partner.hpp"
#include "update.hpp"
#include "writer.hpp"

namespace bp {

namespace {

using pdf::Doc;
using pdf::Failure;

std::string page_label(std::size_t index) {
    return std::string("page ") + std::to_string(index + 1);
}

std::string points(Mpt v) {
    std::string s;
    pdf::append_number(s, v);
    return s;
}

// What libharu would reject or what would draw nonsense, caught up front with
// a sentence that points at the box. Geometry is not second-guessed.
void check_pack(const PackBox& pack) {
    if (pack.pages.empty()) throw Failure("the pack has no pages");
    const std::size_t page_count = pack.pages.size();
    for (std::size_t i = 0; i < page_count; ++i) {
        const PageBox& page = pack.pages[i];
        // libharu's limits: 3 pt to 14400 pt (200 inches).
        if (page.width < pt(3) || page.width > pt(14400) || page.height < pt(3) ||
            page.height > pt(14400))
            throw Failure(page_label(i) + ": size " + points(page.width) + " x " +
                          points(page.height) + " pt is outside 3 to 14400 pt");
        for (const PageItem& item : page.items) {
            if (item.mark.node >= static_cast<StructId>(pack.structure.size()))
                throw Failure(page_label(i) + ": an item belongs to structure element " +
                              std::to_string(item.mark.node) + " of " +
                              std::to_string(pack.structure.size()));
            if (const auto* run = std::get_if<GlyphRun>(&item.what)) {
                if (run->text.empty()) continue;
                if (run->face >= pack.faces.size())
                    throw Failure(page_label(i) + ": text uses font face " + std::to_string(run->face) +
                                  " but the pack has " + std::to_string(pack.faces.size()));
                if (run->size <= 0)
                    throw Failure(page_label(i) + ": text \"" + run->text.substr(0, 40) +
                                  "\" has font size " + points(run->size));
            } else if (const auto* img = std::get_if<ImageBox>(&item.what)) {
                if (img->path.empty()) throw Failure(page_label(i) + ": an image has no file");
            } else if (const auto* fp = std::get_if<ForeignPage>(&item.what)) {
                if (!fp->source || fp->source->path.empty() || fp->rect.w <= 0 || fp->rect.h <= 0 ||
                    fp->source->box.shown_width() <= 0 || fp->source->box.shown_height() <= 0)
                    throw Failure(page_label(i) + ": a partner page has no file or no size");
            } else if (const auto* link = std::get_if<LinkBox>(&item.what)) {
                if (!link->uri.empty()) continue;
                if (link->target_page < 0)
                    throw Failure(page_label(i) + ": a link has neither an address nor a target page");
                if (static_cast<std::size_t>(link->target_page) >= page_count)
                    throw Failure(page_label(i) + ": a link points to page " +
                                  std::to_string(link->target_page + 1) + " of " +
                                  std::to_string(page_count));
            }
        }
    }
    for (const Outline& o : pack.outlines)
        if (o.page < 0 || static_cast<std::size_t>(o.page) >= page_count)
            throw Failure(std::string("bookmark '") + o.title + "' points to page " +
                          std::to_string(o.page + 1) + " of " + std::to_string(page_count));
    const PackMeta& m = pack.meta;
    if (m.year != 0 && m.month != 0 && m.day != 0 &&
        (m.year < 1 || m.year > 9999 || m.month < 1 || m.month > 12 || m.day < 1 || m.day > 31))
        throw Failure(std::string("the meeting date ") + std::to_string(m.year) + "-" +
                      std::to_string(m.month) + "-" + std::to_string(m.day) + " is not a date");
}

// Every page that shows a partner's page, in page order.
// `sources`: each placement's, for messages.
std::vector<partner::Placement> partner_placements(const PackBox& pack,
                                                   std::vector<std::shared_ptr<const ForeignSource>>& sources) {
    std::vector<partner::Placement> out;
    for (std::size_t i = 0; i < pack.pages.size(); ++i)
        for (const PageItem& item : pack.pages[i].items)
            if (const auto* fp = std::get_if<ForeignPage>(&item.what)) {
                out.push_back(partner::Placement{i, fp->source->path, fp->source->page, fp->source->box,
                                                 placement_matrix(fp->source->box, fp->rect, pack.pages[i].height)});
                sources.push_back(fp->source);
            }
    return out;
}

int thread_count(const PdfOptions& options) {
    if (options.threads > 0) return std::min(options.threads, 64);  // more would only cost memory
    const unsigned hw = std::thread::hardware_concurrency();
    return static_cast<int>(std::clamp(hw, 1u, 4u));
}

void set_metadata(Doc& doc, const PackMeta& meta, bool has_outlines) {
    // Strings are UTF-8 here; with the UTF-8 encoder current, libharu writes
    // them as UTF-16BE, which every reader understands.
    const std::pair<HPDF_InfoType, const std::string*> fields[] = {
        {HPDF_INFO_TITLE, &meta.title},
        {HPDF_INFO_SUBJECT, &meta.subject},
        {HPDF_INFO_AUTHOR, &meta.author},
    };
    for (const auto& [type, value] : fields)
        if (!value->empty())
            doc.check(HPDF_SetInfoAttr(doc.get(), type, value->c_str()),
                      "cannot set the document properties");
    doc.check(HPDF_SetInfoAttr(doc.get(), HPDF_INFO_CREATOR, "boardpack"),
              "cannot set the document properties");
    // The meeting date, not the clock: the same pack gives the same bytes.
    if (meta.year != 0 && meta.month != 0 && meta.day != 0) {
        HPDF_Date date{meta.year, meta.month, meta.day, 0, 0, 0, ' ', 0, 0};
        doc.check(HPDF_SetInfoDateAttr(doc.get(), HPDF_INFO_CREATION_DATE, date),
                  "cannot set the creation date");
    }
    if (has_outlines)
        doc.check(HPDF_SetPageMode(doc.get(), HPDF_PAGE_MODE_USE_OUTLINE),
                  "cannot open the bookmarks panel");
}

// Where libharu's save goes: straight on to the output in 64 KB pieces,
// keeping the last bytes (the trailer) for the update. libharu's own
// HPDF_SaveToStream would first build the whole file in memory.
class SaveSink {
public:
    explicit SaveSink(std::function<void(const void*, std::size_t)> write) : write_(std::move(write)) {
        buf_.reserve(kPiece);
    }

    static HPDF_STATUS put(HPDF_Stream stream, const HPDF_BYTE* data, HPDF_UINT size) {
        auto* sink = static_cast<SaveSink*>(stream->attr);
        try {
            sink->append(reinterpret_cast<const char*>(data), size);
            return HPDF_OK;
        } catch (...) {
            // libharu is C: the error goes round it, to be rethrown by finish().
            if (!sink->error_) sink->error_ = std::current_exception();
            return HPDF_FILE_IO_ERROR;
        }
    }

    // The bytes written in all, after the last piece is handed on.
    std::uint64_t finish() {
        if (error_) std::rethrow_exception(error_);
        flush();
        return size_;
    }
    std::string_view tail() const { return tail_; }
    std::exception_ptr error() const { return error_; }

private:
    static constexpr std::size_t kPiece = 1 << 16, kTailBytes = 1024;

    void append(const char* data, std::size_t size) {
        size_ += size;
        buf_.append(data, size);
        if (buf_.size() >= kPiece) flush();
    }
    void flush() {
        if (buf_.empty()) return;
        write_(buf_.data(), buf_.size());
        const std::size_t keep = std::min(buf_.size(), kTailBytes);
        tail_.append(buf_, buf_.size() - keep, keep);
        if (tail_.size() > kTailBytes) tail_.erase(0, tail_.size() - kTailBytes);
        buf_.clear();
    }

    std::function<void(const void*, std::size_t)> write_;
    std::string buf_, tail_;
    std::uint64_t size_ = 0;
    std::exception_ptr error_;
};

// Saves libharu's document through write(data, size) and reads its
// trailer, for the update.
template <class Write>
pdf::BaseFile save(Doc& doc, Write&& write) {
    SaveSink sink([&](const void* data, std::size_t size) { write(data, size); });
    HPDF_Doc d = doc.get();
    HPDF_Stream stream = HPDF_CallbackWriter_New(d->mmgr, &SaveSink::put, &sink);
    if (stream == nullptr) doc.fail("cannot assemble the PDF", HPDF_OK);
    // The document frees its save stream with itself.
    if (d->stream != nullptr) HPDF_Stream_Free(d->stream);
    d->stream = stream;
    const HPDF_STATUS st = HPDF_SaveToStream(d);
    if (sink.error()) std::rethrow_exception(sink.error());
    doc.check(st, "cannot assemble the PDF");
    const std::uint64_t size = sink.finish();
    return pdf::read_base_file(sink.tail(), size);
}

// What libharu writes: everything but the structure tree, handed to
// write(data, size). page_done(i): page i's items are no longer read (may be
// empty). With options.tagged, `structure` is planned for the update; it and
// the returned trailer hold object numbers only, so libharu's document can
// go before the update is written.
// libharu's objects go when it returns, before the structure tree is
// written: the tree's objects take their place in memory.
template <class Write>
pdf::BaseFile write_base(const PackBox& pack, const PdfOptions& options, const pdf::PageDone& page_done,
                         std::vector<std::vector<StructId>>& mcids,
                         std::optional<pdf::StructureWriter>& structure, Write&& write) {
    Doc doc;
    HPDF_Doc d = doc.get();
    doc.check(HPDF_SetCompressionMode(d, HPDF_COMP_ALL), "cannot enable compression");
    doc.check(HPDF_UseUTFEncodings(d), "cannot enable UTF-8");
    doc.check(HPDF_SetCurrentEncoder(d, "UTF-8"), "cannot enable UTF-8");

    pdf::FontSet fonts(doc, pack.faces);
    pdf::ImageSet images(doc);
    std::vector<HPDF_Page> pages;
    std::vector<pdf::PageNames> names(pack.pages.size());
    std::vector<HPDF_Dict> second(pack.pages.size(), nullptr);  // a sealed page's stream for what came after
    std::vector<pdf::KeptItems> kept;
    kept.reserve(pack.pages.size());
    pages.reserve(pack.pages.size());
    for (std::size_t i = 0; i < pack.pages.size(); ++i) {
        const PageBox& box = pack.pages[i];
        const std::string what = std::string("cannot add ") + page_label(i);
        HPDF_Page page = doc.need(HPDF_AddPage(d), what);
        // The /ProcSet libharu gives every page is obsolete since PDF 1.4
        // and ignored by readers: five names a page, in memory and in the file.
        if (auto res = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT)))
            HPDF_Dict_RemoveElement(res, "ProcSet");
        doc.check(HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(to_pt(box.width))), what);
        doc.check(HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(to_pt(box.height))), what);
        pages.push_back(page);

        // Resource names, so the content streams can be built without libharu.
        // A sealed page's content named its fonts and images already: they
        // are registered in the same order, so libharu gives the same names.
        pdf::PageNames& n = names[i];
        n.fonts.resize(pack.faces.size());
        std::size_t from = 0;  // the items drawn by the stream built here
        if (const SealedContent* sealed = box.sealed.content.get()) {
            for (std::size_t k = 0; k < sealed->fonts.size(); ++k) {
                const FaceId face = sealed->fonts[k];
                if (face >= pack.faces.size())
                    throw Failure(page_label(i) + ": its content uses font face " + std::to_string(face) +
                                  " but the pack has " + std::to_string(pack.faces.size()));
                n.fonts[face] = doc.need(HPDF_Page_GetLocalFontName(page, fonts.font(face)), what);
                if (n.fonts[face] != pdf::resource_name('F', k))
                    throw Failure(page_label(i) + ": its fonts are not named as its content names them");
            }
            from = std::min<std::size_t>(box.sealed.items, box.items.size());
            const std::vector<std::string> sealed_names = pdf::image_names(box.items, from);
            std::size_t image = 0;
            for (std::size_t k = 0; k < from; ++k) {
                const auto* img = std::get_if<ImageBox>(&box.items[k].what);
                if (img == nullptr) continue;
                if (!img->raster) doc.fail("the image " + img->path + " was not loaded", HPDF_OK);
                if (doc.need(HPDF_Page_GetXObjectName(page, images.image(*img->raster)), what) != sealed_names[image++])
                    throw Failure(page_label(i) + ": its images are not named as its content names them");
            }
            // What was bound on after sealing is drawn in a stream of its own.
            for (std::size_t k = from; k < box.items.size() && !second[i]; ++k)
                if (!std::holds_alternative<LinkBox>(box.items[k].what)) second[i] = pdf::add_content_stream(doc, page);
        }
        for (std::size_t k = from; k < box.items.size(); ++k) {
            const PageItem& item = box.items[k];
            if (const auto* run = std::get_if<GlyphRun>(&item.what)) {
                if (run->text.empty() || !n.fonts[run->face].empty()) continue;
                n.fonts[run->face] =
                    doc.need(HPDF_Page_GetLocalFontName(page, fonts.font(run->face)), what);
            } else if (const auto* img = std::get_if<ImageBox>(&item.what)) {
                if (!img->raster) doc.fail("the image " + img->path + " was not loaded", HPDF_OK);
                n.images.push_back(
                    doc.need(HPDF_Page_GetXObjectName(page, images.image(*img->raster)), what));
            }
        }
        kept.push_back(pdf::keep_items(box));
    }

    const StructTree untagged;
    const std::vector<pdf::CodeSet> used =
        pdf::write_contents(doc, pack, options.tagged ? pack.structure : untagged, pages, second, names,
                            mcids, thread_count(options), page_done);
    std::vector<pdf::PageNames>().swap(names);
    fonts.finish(used);
    const std::vector<pdf::PlacedLink> links = pdf::add_links(doc, pack, kept, pages);
    pdf::add_outlines(doc, pack, pages);
    set_metadata(doc, pack.meta, !pack.outlines.empty());
    if (options.tagged) structure.emplace(doc, pack, pages, mcids, links, kept);
    std::vector<pdf::KeptItems>().swap(kept);
    // The viewer's page box shows the printed number: a per-item PDF that
    // starts at page 9 says 9.
    doc.check(HPDF_AddPageLabel(d, 0, HPDF_PAGE_NUM_STYLE_DECIMAL,
                                static_cast<HPDF_UINT>(std::max(1, pack.first_page_number)), ""),
              "cannot add page labels");
    pdf::embed_fonts(doc, fonts.loaded(), thread_count(options));
    return save(doc, write);
}

void build(const PackBox& pack, const PdfOptions& options, const pdf::PageDone& page_done,
           pdf::OutputFile& out) {
    // Read first: write_base may free the pages' items as it goes.
    std::vector<std::shared_ptr<const ForeignSource>> sources;
    std::vector<partner::Placement> placements = partner_placements(pack, sources);
    // With partner pages the file is kept in memory, for the final pass
    // that binds them into it; without, it goes straight to the output.
    std::string whole;
    auto write = [&](const void* data, std::size_t size) {
        if (placements.empty())
            out.write(data, size);
        else
            whole.append(static_cast<const char*>(data), size);
    };
    std::vector<std::vector<StructId>> mcids;
    std::optional<pdf::StructureWriter> structure;
    const pdf::BaseFile base = write_base(pack, options, page_done, mcids, structure, write);
    if (structure) {
        pdf::UpdateSection update(base.next_id, thread_count(options));
        const std::vector<std::uint32_t> grafts = structure->write(update);
        for (partner::Placement& p : placements) p.graft_under = grafts[p.pack_page];
        const std::string tail = update.finish(base);
        write(tail.data(), tail.size());
    }
    if (placements.empty()) return;
    std::string bound;
    try {
        bound = partner::bind_pages(options.partner, whole, placements);
    } catch (const partner::BindFailure& f) {
        const ForeignSource& at = *sources[f.placement];
        throw PartnerBindError{at.loc, "the PDF " + at.shown + " cannot be bound: " + f.refusal.reason, f.refusal.budget};
    } catch (const std::exception& e) {
        throw Failure(std::string("cannot bind the partner pages: ") + e.what());
    }
    out.write(bound.data(), bound.size());
}

bool write_pack(const PackBox& pack, const std::string& out_path, const PdfOptions& options,
                const pdf::PageDone& page_done, std::string* error, PartnerBindError* partner_error) {
    std::string message;
    try {
        check_pack(pack);
        pdf::OutputFile out(out_path);
        build(pack, options, page_done, out);
        out.commit();
        return true;
    } catch (const PartnerBindError& e) {
        message = e.message;
        if (partner_error != nullptr) *partner_error = e;
    } catch (const Failure& f) {
        message = f.what();
    } catch (const OutputError& e) {
        message = e.what();
    } catch (const std::bad_alloc&) {
        message = "out of memory";
    } catch (const std::exception& e) {
        message = std::string("internal error: ") + e.what();
    }
    if (error != nullptr) *error = message;
    return false;
}

}  // namespace

bool write_pdf(const PackBox& pack, const std::string& out_path, const PdfOptions& options,
               std::string* error, PartnerBindError* partner_error) {
    return write_pack(pack, out_path, options, {}, error, partner_error);
}

bool write_pdf(PackBox&& pack, const std::string& out_path, const PdfOptions& options,
               std::string* error, PartnerBindError* partner_error) {
    // Each page's own vector and sealed stream (once libharu has a copy), on
    // the thread that built its stream: no two threads free the same page.
    return write_pack(pack, out_path, options,
                      [&pack](std::size_t i) {
                          std::vector<PageItem>().swap(pack.pages[i].items);
                          pack.pages[i].sealed.content.reset();
                      },
                      error, partner_error);
}

}  // namespace bp
