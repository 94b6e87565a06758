// The build sequence, stage by stage: load and check the manifest, resolve
// the template's styles, then read, check and lay out each item's papers in
// turn (never the whole pack's at once), number the pack, then bind and
// write each edition asked for. Each edition is a PackBox written by the
// pdf stage; the parts are laid out only once however many are written.
#include "boardpack/build.hpp"
#include "session/state.hpp"


#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <span>
#include <thread>

#include "assemble/assemble.hpp"
#include "core/sha256.hpp"
#include "core/installation.hpp"
#include "core/output_file.hpp"
#include "core/output_folder.hpp"
#include "core/parallel.hpp"
#include "dump/dump.hpp"
#include "html/html.hpp"
#include "layout/layout.hpp"
#include "load/load.hpp"
#include "pdf/pdf.hpp"
#include "pdf/seal.hpp"
#include "realize/realize.hpp"
#include "style/style.hpp"
#include "text/text.hpp"
#include "stale_outputs.hpp"
#include "validate/validate.hpp"

namespace boardpack {

namespace fs = std::filesystem;
using bp::Diagnostics;

namespace {

// Threads for a build: as asked, or the machine's cores (at most 4: more
// only cost memory on a pack of a few hundred pages).
int job_count(int asked) {
    if (asked > 0) return std::min(asked, 64);
    return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 4u));
}


class StageClock {
public:
    explicit StageClock(std::vector<StageTime>& into) : into_(into) {}
    void lap(const char* stage) {
        const auto now = std::chrono::steady_clock::now();
        into_.push_back(StageTime{stage, std::chrono::duration<double>(now - last_).count()});
        last_ = now;
    }

private:
    std::vector<StageTime>& into_;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

bp::Audience engine_audience(Audience a) { return a == Audience::Full ? bp::Audience::Full : bp::Audience::Public; }


// A file the build reads, and what it is to the build, for a refusal that
// names it: "the paper minutes.xml".
struct Input {
    std::string path, role;
};

// A file the build (or its caller) writes.
struct Output {
    std::string path, role;
};

// Before anything is laid out: every output must be a file that can be
// written (not a device, a FIFO or a folder). True when all can.
bool outputs_writable(const std::vector<Output>& outputs, Diagnostics& diags) {
    bool ok = true;
    for (const Output& o : outputs) {
        if (const std::string problem = bp::output_target_problem(o.path); !problem.empty()) {
            diags.error(bp::SourceLoc{o.path, 0, 0}, bp::rule::output, "the " + o.role + " " + problem,
                        "name a regular file for it, in a folder that exists");
            ok = false;
        }
    }
    return ok;
}

// Before anything is written: no output may replace an input of the build
// (the PDF over the manifest destroys the source) or another output (the
// report over the PDF loses the PDF). Paths are compared as the files they
// name, through links and "..". True when none does.
bool outputs_apart(const std::vector<Output>& outputs, const std::vector<Input>& inputs, Diagnostics& diags) {
    std::map<std::string, const Input*> read;
    for (const Input& in : inputs) read.emplace(bp::file_identity(in.path), &in);
    std::map<std::string, const Output*> written;
    bool ok = true;
    for (const Output& o : outputs) {
        const std::string id = bp::file_identity(o.path);
        if (auto in = read.find(id); in != read.end()) {
            diags.error(bp::SourceLoc{o.path, 0, 0}, bp::rule::output,
                        "the " + o.role + " would be written over the " + in->second->role + " " + in->second->path +
                            ", which the build reads",
                        "name another file for the " + o.role);
            ok = false;
        } else if (auto [other, fresh] = written.emplace(id, &o); !fresh) {
            diags.error(bp::SourceLoc{o.path, 0, 0}, bp::rule::output,
                        "the " + o.role + " and the " + other->second->role +
                            (o.path == bp::kStandardOutput ? " would both go to standard output" : " are the same file"),
                        "give each output its own file");
            ok = false;
        }
    }
    return ok;
}

using bp::session::CachedItem;
using bp::session::Stage;
using bp::session::kChecks;
using bp::session::kImages;
using bp::session::kPrintable;
using bp::session::kLayout;

// What an agenda item's result depends on besides the files it reads: the
// house style, how pages are sealed, the meeting's date (a report dated for
// another meeting is warned of), where the pack lies, how partner PDFs are
// read (module, budgets), and how the manifest binds each paper. Two items with the same key and the same files give
// the same pages and the same diagnostics.
std::string item_key(const bp::PackManifest& manifest, std::size_t i, const std::string& manifest_path,
                     const BuildRequest& request, const std::string& style_key, bool keep_items) {
    const bp::AgendaItem& item = manifest.items[i];
    std::string k = style_key + '\n' + (request.tagged ? "tagged" : "untagged") + (keep_items ? " items\n" : "\n");
    // Its web pages, when the step makes them: named by its number and title.
    if (!request.html_dir.empty())
        k += "html " + bp::item_file_name(static_cast<int>(i) + 1, item) +
             (bp::binds_papers(item, request.audience == Audience::Full ? bp::Audience::Full : bp::Audience::Public)
                  ? "\n"
                  : " unseen\n");
    k += std::to_string(manifest.meeting.date.year) + '-' + std::to_string(manifest.meeting.date.month) + '-' +
         std::to_string(manifest.meeting.date.day) + '\n' + manifest_path + '\n' + request.partner_module + '\n';
    // A budget raised or lowered can bind a PDF that was refused, or refuse one.
    for (const std::string& budget : request.partner_budgets) k += "budget " + budget + '\n';
    // Whether an earlier item binds the same file (a paper is checked where first bound).
    std::set<std::string> before;
    for (std::size_t e = 0; e < i; ++e) before.insert(manifest.items[e].papers.begin(), manifest.items[e].papers.end());
    for (std::size_t j = 0; j < item.papers.size(); ++j) {
        const bp::SourceLoc& at = item.paper_locs[j];
        k += item.papers[j] + '\n' + item.paper_labels[j].first + '\n' + item.paper_labels[j].second + '\n';
        k += at.file.str() + ':' + std::to_string(at.line) + ':' + std::to_string(at.col) +
             (before.contains(item.papers[j]) ? " again\n" : "\n");
    }
    return bp::sha256_hex(k);
}

// Each agenda item's papers brought to layout one item at a time, on the
// thread that lays the item out, or taken from the session when nothing
// they came from has changed. What each stage finds is kept per item and
// reported later as when the whole pack was read before anything was laid
// out: stage by stage, each for every item in turn.
class PackItems {
public:
    // `last`: the last stage worth running, as far as is known before any
    // paper is read; `images` and `fonts` matter only from kImages on.
    // `render`, if set, makes item i's web pages from its papers, as soon as
    // they are laid out, on the same thread.
    using Render = std::function<void(std::size_t i, const std::vector<bp::Paper>& papers, CachedItem& into)>;
    PackItems(Session::State& state, const bp::PackManifest& manifest, const std::string& manifest_path,
              const BuildRequest& request, const bp::PartnerOptions& partner, const bp::session::HouseStyle* style,
              bp::ImageFiles* images, Stage last, bool keep_items, Render render = {})
        : state_(state), manifest_(manifest), reader_(manifest, manifest_path, partner),
          render_(std::move(render)),
          images_(images), style_(style), last_(last), found_(manifest.items.size()), made_(manifest.items.size()) {
        keys_.reserve(manifest.items.size());
        for (std::size_t i = 0; i < manifest.items.size(); ++i)
            keys_.push_back(item_key(manifest, i, manifest_path, request, style ? style->key : "", keep_items));
    }

    // Item i's result, from the session when still valid, else read, checked
    // and laid out here (with `layout`'s context, when the stages get there).
    void run(std::size_t i, const std::function<bp::LayoutContext(bp::Diagnostics&)>& layout, const bp::PageSink& seal) {
        if (auto kept = state_.items.find(keys_[i]); kept != state_.items.end() && valid(*kept->second)) {
            found_[i] = kept->second;
            return;
        }
        made_[i] = true;
        auto f = std::make_shared<CachedItem>();
        f->ran_to = last_;
        for (const std::string& path : manifest_.items[i].papers) f->files.emplace_back(path, state_.digests.digest(path));
        bp::ItemPapers got = reader_.read(i);
        f->xml = std::move(got.xml);
        f->partners = std::move(got.partners);
        bp::validate_item(manifest_, got.papers, [&](std::size_t j) { return got.first_bound[j]; }, f->checks);
        f->reached = kChecks;
        if (f->xml.has_errors() || f->partners.has_errors() || f->checks.has_errors() || last_ < kImages) return keep(i, f);
        f->images = images_->load(got.papers);
        f->reached = kImages;
        for (const bp::ImageFile& file : f->images) {
            f->files.emplace_back(file.path, state_.digests.digest(file.path));
            if (file.problems.has_errors()) return keep(i, f);
        }
        if (last_ < kPrintable) return keep(i, f);
        f->reached = kPrintable;
        bool unprintable = false;
        for (const bp::Paper& p : got.papers) {
            auto& [file, found] = f->unprintable.emplace_back(p.loc.file.str(), Diagnostics{});
            bp::report_unprintable(p, *style_->fonts, found);
            unprintable = unprintable || found.has_errors();
        }
        if (unprintable || last_ < kLayout) return keep(i, f);
        f->reached = kLayout;
        const bp::LayoutContext ctx = layout(f->layout);
        for (const bp::Paper& paper : got.papers) f->laid_out.papers.push_back(bp::layout_paper(paper, ctx, seal));
        if (render_) render_(i, got.papers, *f);
        // A partner's PDF shown as an appendix is read again when the PDF is.
        for (const bp::PartLayout& part : f->laid_out.papers)
            for (const bp::PageBox& page : part.pages)
                for (const bp::PageItem& item : page.items)
                    if (const auto* fp = std::get_if<bp::ForeignPage>(&item.what); fp && fp->source)
                        if (std::none_of(f->files.begin(), f->files.end(), [&](const auto& d) { return d.first == fp->source->path; }))
                            f->files.emplace_back(fp->source->path, state_.digests.digest(fp->source->path));
        keep(i, f);
    }

    // Every item's laid-out papers, for numbering and binding (a copy: the
    // session keeps its own for the next step).
    bp::LaidOutParts parts() const {
        bp::LaidOutParts parts;
        parts.items.reserve(found_.size());
        for (const auto& f : found_) parts.items.push_back(f->laid_out);
        return parts;
    }

    // The session keeps what this step found, and only that: the items, and
    // the pictures they show (a picture no item shows now is let go).
    void keep_in_session() {
        std::map<std::string, std::shared_ptr<const CachedItem>> kept;
        for (std::size_t i = 0; i < found_.size(); ++i)
            if (found_[i]->cacheable) kept.emplace(keys_[i], found_[i]);
        // A step stopped before layout (the manifest or the template has an
        // error) keeps the items laid out before it too, for the step that
        // follows the fix: the clerk's slip costs one step, not the pack.
        // Only until a step lays out again, so never more than two sets.
        if (last_ < kLayout)
            for (const auto& [key, item] : state_.items)
                if (item->ran_to == kLayout) kept.emplace(key, item);
        state_.items = std::move(kept);
        std::map<std::string, std::string> shown;
        for (const auto& f : found_)
            for (const bp::ImageFile& image : f->images)
                if (auto d = std::find_if(f->files.begin(), f->files.end(), [&](const auto& x) { return x.first == image.path; });
                    d != f->files.end())
                    shown.emplace(image.path, d->second);
        if (images_)
            for (const auto& [path, digest] : state_.image_files)
                if (!shown.contains(path)) images_->forget(path);
        state_.image_files = std::move(shown);
    }

    // Every file an item depends on, for a watcher.
    void dependencies(std::set<std::string>& into) const {
        for (const auto& f : found_)
            for (const auto& [path, digest] : f->files) into.insert(path);
    }

    // Item i's web pages (none unless the step makes them).
    const std::vector<bp::html::PaperPage>& pages(std::size_t i) const { return found_[i]->pages; }

    // Whether item i was read and laid out in this step, not kept from an earlier one.
    bool made(std::size_t i) const { return made_[i]; }

    // The papers' reports: reading them (the XML papers', then the PDFs'),
    // then checking them, with the manifest's own checks between.
    void report_reading(Diagnostics& diags) const {
        for (const auto& f : found_) diags.merge(f->xml);
        for (const auto& f : found_) diags.merge(f->partners);
    }
    void report_checks(Diagnostics& diags) const {
        for (const auto& f : found_) diags.merge(f->checks);
    }
    // Each picture's problem once, with the first item showing it; returns
    // the files in the order the pack first names them.
    std::vector<std::string> report_images(Diagnostics& diags) const {
        std::vector<std::vector<bp::ImageFile>> per_item;
        for (const auto& f : found_) per_item.push_back(f->images);
        return bp::report_image_files(per_item, diags);
    }
    // Each file once, as report_unprintable(PackDocument) does.
    void report_unprintable(Diagnostics& diags) const {
        std::set<std::string> checked;
        for (const auto& f : found_)
            for (const auto& [file, unprintable] : f->unprintable)
                if (checked.insert(file).second) diags.merge(unprintable);
    }
    void report_layout(Diagnostics& diags) const {
        for (const auto& f : found_) diags.merge(f->layout);
    }

private:
    // Still what reading the item now would give: run as far as this step
    // needs (or stopped by its own errors before), every file unchanged.
    bool valid(const CachedItem& f) const {
        if (f.ran_to < last_) return false;
        return std::all_of(f.files.begin(), f.files.end(),
                           [&](const auto& d) { return state_.digests.digest(d.first) == d.second; });
    }

    void keep(std::size_t i, std::shared_ptr<CachedItem> f) {
        // An item with an error may name a file that is not there yet (a
        // picture), which it cannot list: it is read again at every step.
        f->cacheable = !f->xml.has_errors() && !f->partners.has_errors() && !f->checks.has_errors() &&
                       std::none_of(f->images.begin(), f->images.end(),
                                    [](const bp::ImageFile& file) { return file.problems.has_errors(); });
        found_[i] = std::move(f);
    }

    Session::State& state_;
    const bp::PackManifest& manifest_;
    const bp::PackPapers reader_;
    const Render render_;
    bp::ImageFiles* images_;
    const bp::session::HouseStyle* style_;
    const Stage last_;
    std::vector<std::string> keys_;
    std::vector<std::shared_ptr<const CachedItem>> found_;  // per item, each written by the one thread that runs it
    std::vector<char> made_;                                // per item: read and laid out in this step
};

// Every agenda item, each paper's state, and the diagnostics that belong to
// each: those in its papers' files, and those in its lines of the manifest.
// Items already listed (the pack numbered) keep their pages.
void summarize_items(const bp::PackManifest& manifest, bp::session::FileDigests& digests, BuildResult& out) {
    if (out.items.size() != manifest.items.size()) {
        out.items.clear();
        for (std::size_t i = 0; i < manifest.items.size(); ++i) {
            const bp::AgendaItem& it = manifest.items[i];
            ItemSummary s;
            s.number = static_cast<int>(i) + 1;
            s.title = bp::plain_text(it.title);
            s.papers = it.papers;
            s.exempt = it.exempt.has_value();
            s.to_follow = it.to_follow;
            out.items.push_back(std::move(s));
        }
    }
    for (std::size_t i = 0; i < manifest.items.size(); ++i) {
        const bp::AgendaItem& it = manifest.items[i];
        ItemSummary& s = out.items[i];
        const std::uint32_t from = it.loc.line;
        const std::uint32_t to = i + 1 < manifest.items.size() ? manifest.items[i + 1].loc.line : UINT32_MAX;
        for (const std::string& path : it.papers)
            s.paper_files.push_back(PaperSummary{path, digests.digest(path).starts_with("sha256:"), 0, 0});
        for (const Diagnostic& d : out.diagnostics) {
            const int error = d.severity == "error", warning = d.severity == "warning";
            bool counted = d.file == manifest.loc.file.str() && d.line >= from && d.line < to;
            for (PaperSummary& p : s.paper_files)
                if (d.file == p.file) {
                    p.errors += error;
                    p.warnings += warning;
                    counted = true;
                }
            if (!counted) continue;
            s.errors += error;
            s.warnings += warning;
        }
    }
}

// `target` as a link from the folder `from`: "../pack.pdf".
std::string relative_href(const std::string& target, const std::string& from) {
    std::error_code ec;
    const fs::path rel = fs::relative(fs::absolute(target, ec), fs::absolute(from, ec), ec);
    return ec || rel.empty() ? std::string() : rel.generic_string();
}

std::uint64_t size_of(const std::string& path) {
    std::error_code ec;
    const auto n = fs::file_size(path, ec);
    return ec ? 0 : static_cast<std::uint64_t>(n);
}

// The HTML edition. Its pages say how long each PDF is from the plan, so
// they are made and written on a thread of their own while the PDFs are
// (the site's many small files mostly wait for the disk); meeting.json,
// which gives each PDF's size, and the folder's record follow the PDFs.
class SiteWriter {
    static constexpr int kOk = bp::session::kOk, kOutputFailed = bp::session::kOutputFailed;

public:
    SiteWriter(const BuildRequest& request, const bp::PackDocument& pack, const bp::EditionPlan& plan,
               const bp::TemplateDoc& tpl, const bp::StyleSheet& styles, const bp::FontTable& fonts,
               std::vector<std::span<const bp::html::PaperPage>> pages, const bp::html::SiteWording& words)
        : request_(request), sheet_(bp::realize_front_sheet(pack.manifest, plan.entries, tpl)),
          folder_(request.html_dir) {
        in_.manifest = &pack.manifest;
        in_.plan = &plan;
        in_.front_sheet = &sheet_;
        in_.styles = &styles;
        in_.fonts = &fonts;
        in_.words = words;
        in_.papers = std::move(pages);
        in_.site_url = request.site_url;
        if (!request.output.empty() && request.output != bp::kStandardOutput)
            in_.pack_pdf = relative_href(request.output, request.html_dir);
        if (!request.split_dir.empty()) in_.items_dir = relative_href(request.split_dir, request.html_dir);
    }

    ~SiteWriter() {
        if (thread_.joinable()) thread_.join();
    }

    // Starts writing the pages. The folder holds exactly this build's site,
    // as --split's holds its PDFs: its record names what is about to be
    // written before anything is.
    void start() {
        thread_ = std::thread([this] {
            files_ = bp::html::make_site(in_);
            std::error_code ec;
            fs::create_directories(request_.html_dir, ec);
            if (ec) {
                diags_.error(bp::SourceLoc{request_.html_dir, 0, 0}, bp::rule::output,
                             "cannot make the folder for the HTML edition (" + ec.message() + ")");
                return;
            }
            std::vector<std::string> names;
            for (const bp::html::SiteFile& f : files_) names.push_back(f.name);
            names.emplace_back("meeting.json");
            try {
                folder_.begin(names);
            } catch (const bp::OutputError& e) {
                diags_.error(bp::SourceLoc{request_.html_dir, 0, 0}, bp::rule::output, e.what());
                return;
            }
            written_ = bp::html::write_site(files_, request_.html_dir, diags_, &digests_);
        });
    }

    // Once the PDFs are written: the open data with their sizes, then what
    // the last build wrote and this one did not is removed.
    int finish(const std::vector<Input>& inputs, BuildResult& out, Diagnostics& diags) {
        if (thread_.joinable()) thread_.join();
        diags.merge(diags_);
        for (const std::string& path : written_) out.outputs.push_back(WrittenFile{path, "html", 0, 1});
        if (diags_.has_errors()) return kOutputFailed;
        if (!in_.pack_pdf.empty()) in_.pack_pdf_size = size_of(request_.output);
        for (const bp::PlannedItem& p : in_.plan->items)
            in_.item_pdf_sizes.push_back(!in_.items_dir.empty() && p.bound()
                                             ? size_of((fs::path(request_.split_dir) / (p.name + ".pdf")).string())
                                             : 0);
        const std::vector<bp::html::SiteFile> data{bp::html::make_open_data(in_, files_)};
        for (const std::string& path : bp::html::write_site(data, request_.html_dir, diags, &digests_))
            out.outputs.push_back(WrittenFile{path, "html", 0, 1});
        if (diags.has_errors()) return kOutputFailed;
        try {
            std::vector<std::string> in_use;
            for (const Input& i : inputs) in_use.push_back(i.path);
            bp::OutputFolder::Finished settled = folder_.finish(in_use, digests_);
            for (std::string& path : settled.removed) out.removed.push_back(std::move(path));
            for (const std::string& path : settled.changed)
                diags.note(bp::SourceLoc{path, 0, 0}, bp::rule::output,
                           "an earlier build wrote this file, but it has changed since, so it was left in the folder",
                           "remove it if it should not be published with this build's files");
        } catch (const bp::OutputError& e) {
            diags.error(bp::SourceLoc{request_.html_dir, 0, 0}, bp::rule::output, e.what());
            return kOutputFailed;
        }
        return kOk;
    }

private:
    const BuildRequest& request_;
    const bp::realized::Document sheet_;
    bp::html::SiteInputs in_;
    bp::OutputFolder folder_;
    std::thread thread_;
    // Written by the thread, read after it is joined.
    std::vector<bp::html::SiteFile> files_;
    Diagnostics diags_;
    std::vector<std::string> written_;
    std::map<std::string, std::string> digests_;
};

}  // namespace

std::string version() { return BOARDPACK_VERSION; }

std::vector<std::string> default_template_dirs() {
    std::vector<std::string> dirs;
    // PREFIX/share/boardpack/templates, found as the partner module is; a
    // build folder stages its share/boardpack/ as installed.
    for (const std::string& prefix : bp::installation::prefixes())
        dirs.push_back((fs::path(bp::installation::data_dir(prefix)) / "templates").string());
    return dirs;
}

BuildResult build(const BuildRequest& request) { return Session().build(request); }

}  // namespace boardpack

namespace bp::session {

using namespace boardpack;

BuildResult build_step(Session::State& state, const BuildRequest& asked, bool write) {
    BuildRequest request = asked;
    if (!write) {
        request.output.clear();
        request.split_dir.clear();
        request.supplement.clear();
        request.dump.clear();
        request.html_dir.clear();
        request.caller_outputs.clear();
    }
    BuildResult out;
    StageClock clock(out.stages);
    Diagnostics diags;
    state.dependencies = {request.pack};
    const bp::PackManifest* loaded = nullptr;
    auto finish = [&](int code) {
        if (code == kOk && diags.has_errors()) code = kInputErrors;
        out.exit_code = code;
        out.dropped = diags.dropped();
        bp::session::collect_diagnostics(diags, out.diagnostics);
        if (loaded) summarize_items(*loaded, state.digests, out);
        return out;
    };

    std::vector<Output> named_outputs;
    if (!request.output.empty()) named_outputs.push_back({request.output, "pack PDF"});
    if (!request.supplement.empty()) named_outputs.push_back({request.supplement, "supplement"});
    if (!request.dump.empty()) named_outputs.push_back({request.dump, "page dump"});
    for (const std::string& path : request.caller_outputs) named_outputs.push_back({path, "build report"});
    if (!outputs_writable(named_outputs, diags)) return finish(kOutputFailed);
    if (!request.html_dir.empty()) {
        std::error_code ec;
        if (fs::exists(request.html_dir, ec) && !fs::is_directory(request.html_dir, ec)) {
            diags.error(bp::SourceLoc{request.html_dir, 0, 0}, bp::rule::output,
                        "the folder for the HTML edition is a file, not a folder", "name a folder for --html");
            return finish(kOutputFailed);
        }
        // Compared as the folders they name, made or not, with or without a final '/'.
        auto folder = [](const std::string& dir) {
            std::error_code e;
            fs::path p = fs::weakly_canonical(fs::absolute(dir, e), e);
            return (p.has_filename() ? p : p.parent_path()).lexically_normal();
        };
        if (!request.split_dir.empty() && folder(request.html_dir) == folder(request.split_dir)) {
            diags.error(bp::SourceLoc{request.html_dir, 0, 0}, bp::rule::output,
                        "the HTML edition and the per-item PDFs would share one folder",
                        "give --html and --split a folder each (--split site/pdf/ beside --html site/)");
            return finish(kOutputRefused);
        }
    }

    bp::PartnerOptions partner;
    if (!partner_options(request.partner_module, request.partner_budgets, partner, diags))
        return finish(kOutputRefused);
    const bp::PartnerBudgets& budgets = partner.budgets;

    bp::LoadOptions lo;
    lo.template_dirs = template_dirs(request.template_dirs);
    lo.partner = partner;
    std::optional<bp::PackManifest> manifest = bp::load_manifest(request.pack, lo, diags);
    if (!manifest) return finish(kInputErrors);
    bp::PackDocument pack{std::move(*manifest), {}};
    loaded = &pack.manifest;
    state.dependencies.insert(pack.manifest.refused_papers.begin(), pack.manifest.refused_papers.end());
    Diagnostics manifest_checks;
    bp::validate_manifest(pack.manifest, manifest_checks);
    clock.lap("manifest");

    // The template and its styles come before the papers, which are laid
    // out as they are read. What they report waits for the papers' reports:
    // the template counts only when the papers have no errors.
    if (request.progress) request.progress("checking");
    Diagnostics manifest_unprintable;
    const bp::session::HouseStyle* style = nullptr;
    if (!diags.has_errors() && !manifest_checks.has_errors()) {
        style = &state.styles.get(pack.manifest.template_ref);
        for (const auto& [path, digest] : style->files) state.dependencies.insert(path);
    }
    const std::optional<bp::TemplateDoc>* tpl = style ? &style->doc : nullptr;
    const bool styled = style && style->styles;
    if (styled && !style->style_diags.has_errors())
        bp::report_unprintable(pack.manifest, *style->fonts, manifest_unprintable);
    // Pictures are shared between the steps of a session while the house
    // style (their pixel limit) is the same; one that changed is read again.
    if (style && (*tpl) && (!state.images || state.images_style != style->key)) {
        state.images = std::make_unique<bp::ImageFiles>((*tpl)->max_image_pixels);
        state.images_style = style->key;
        state.image_files.clear();
    }
    for (auto it = state.image_files.begin(); it != state.image_files.end();) {
        if (state.digests.digest(it->first) == it->second) {
            ++it;
            continue;
        }
        state.images->forget(it->first);
        it = state.image_files.erase(it);
    }
    clock.lap("style");

    // Each item's papers are read, checked and laid out on the thread that
    // takes the item, and freed before it takes the next.
    const Stage last = !styled ? kChecks
                       : style->style_diags.has_errors() ? kImages
                       : manifest_unprintable.has_errors() ? kPrintable
                                                          : kLayout;
    const bool keep_items = !request.dump.empty();
    // Each item's papers as pages of the HTML edition, made from each paper
    // as it is laid out: only those its audience may read (no exempt text
    // on the public site, no paper still to follow), as the pack binds them.
    const bp::html::SiteWording site_words;
    PackItems::Render render;
    if (!request.html_dir.empty())
        render = [&](std::size_t i, const std::vector<bp::Paper>& got, CachedItem& into) {
            const bp::AgendaItem& item = pack.manifest.items[i];
            if (!bp::binds_papers(item, engine_audience(request.audience))) return;
            const std::string name = bp::item_file_name(static_cast<int>(i) + 1, item);
            for (std::size_t j = 0; j < got.size(); ++j) {
                bp::html::PaperPlace place;
                place.item = i;
                place.paper = j;
                place.file = bp::html::paper_page_name(name, j);
                place.date = got[j].header.date;
                place.kind = got[j].kind;
                into.pages.push_back(bp::html::render_paper(bp::realize_paper(got[j], **tpl), std::move(place),
                                                            site_words, (*tpl)->wording));
            }
        };
    PackItems papers(state, pack.manifest, request.pack, request, partner, style, state.images.get(), last, keep_items,
                     render);
    if (request.progress) request.progress("laying out");
    const int workers = job_count(request.jobs);
    // Each page is sealed as soon as it is laid out: its text and rules
    // become a deflated content stream there, on the layout threads.
    const bp::SealOptions seal{request.tagged, keep_items};
    const bp::PageSink sealer = [&](bp::PageBox& page, const bp::StructTree& tree) { bp::seal_page(page, tree, seal); };
    const std::string locale = styled ? style->styles->doc.locale : std::string();
    bp::parallel_for(pack.manifest.items.size(), workers, [&](std::size_t) {
        return [&, breaker = std::unique_ptr<bp::LineBreaker>()](std::size_t i) mutable {
            auto layout = [&](bp::Diagnostics& d) {
                if (!breaker) breaker = std::make_unique<bp::LineBreaker>(locale);
                return bp::LayoutContext{*style->styles, *style->fonts, *breaker, d};
            };
            papers.run(i, layout, sealer);
        };
    });
    papers.dependencies(state.dependencies);
    for (std::size_t i = 0; i < pack.manifest.items.size(); ++i)
        if (!pack.manifest.items[i].papers.empty()) ++(papers.made(i) ? out.items_made : out.items_kept);
    clock.lap("load and layout");

    // Reported as when the whole pack was read before anything was laid
    // out, stopping after the first stage with errors.
    papers.report_reading(diags);
    diags.merge(manifest_checks);
    papers.report_checks(diags);
    auto stop = [&] {
        papers.keep_in_session();
        return finish(kInputErrors);
    };
    if (diags.has_errors() || !style) return stop();
    diags.merge(style->template_diags);
    if (diags.has_errors() || !*tpl) return stop();
    const std::vector<std::string> images = papers.report_images(diags);
    if (diags.has_errors()) return stop();
    diags.merge(style->style_diags);
    if (diags.has_errors()) return stop();
    diags.merge(manifest_unprintable);
    papers.report_unprintable(diags);
    if (diags.has_errors()) return stop();
    papers.report_layout(diags);
    papers.keep_in_session();
    bp::LaidOutParts parts = papers.parts();
    const bp::FontTable& fonts = *style->fonts;
    const bp::StyleSheet* styles = &*style->styles;
    bp::LineBreaker main_breaker(locale);
    bp::LineBreaker* breaker = &main_breaker;

    std::vector<Input> inputs;
    std::set<std::string> listed;
    auto read = [&](const std::string& path, const char* role) {
        if (!listed.insert(path).second) return;
        inputs.push_back({path, role});
        out.inputs.push_back(path);
    };
    read(request.pack, "pack manifest");
    for (const auto& item : pack.manifest.items)
        for (const std::string& p : item.papers) read(p, "paper");
    read(pack.manifest.template_ref, "template");
    for (const bp::FontFace& f : fonts.faces()) read(f.path, "font");
    for (const std::string& path : images) read(path, "image");

    bp::LayoutContext ctx{*styles, fonts, *breaker, diags};
    std::optional<bp::PackNumbering> numbering = bp::number_pack(pack, parts, ctx);
    if (!numbering || diags.has_errors()) return finish(kInputErrors);
    out.public_pages = numbering->public_pages;
    out.full_pages = numbering->full_pages;
    // What every edition written holds: made once, read by each writer.
    const bp::EditionPlan plan = bp::plan_edition(pack.manifest, *numbering, engine_audience(request.audience));
    for (const bp::PlannedItem& planned : plan.items) {
        const bp::AgendaItem& it = pack.manifest.items[planned.index];
        ItemSummary s;
        s.number = planned.number;
        s.title = bp::plain_text(it.title);
        s.papers = it.papers;
        s.first_page = planned.first_page;
        s.last_page = planned.last_page;
        s.exempt = it.exempt.has_value();
        s.to_follow = it.to_follow;
        out.items.push_back(std::move(s));
    }

    // Each edition bound, then written at once. The pack is bound last, on
    // its own, and takes the laid-out pages; the others (the front sheet, a
    // PDF per item, the supplement) are bound and written side by side, each
    // with its own layout context.
    struct Job {
        std::string path, edition;
        std::function<std::optional<bp::Edition>(const bp::LayoutContext&)> bind;
    };
    std::vector<Job> jobs;
    std::vector<std::string> split_names;  // the files written in the split folder
    if (!request.split_dir.empty()) {
        std::error_code ec;
        fs::create_directories(request.split_dir, ec);
        if (ec) {
            diags.error(bp::SourceLoc{request.split_dir, 0, 0}, bp::rule::output,
                        "cannot make the folder for the per-item PDFs (" + ec.message() + ")");
            return finish(kOutputFailed);
        }
        const fs::path dir(request.split_dir);
        split_names.push_back("00-agenda.pdf");
        jobs.push_back({(dir / "00-agenda.pdf").string(), "agenda",
                        [&](const bp::LayoutContext& c) { return std::optional(bp::bind_front_sheet(pack, plan, c)); }});
        for (const bp::PlannedItem& planned : plan.items) {
            if (!planned.bound()) continue;
            split_names.push_back(planned.name + ".pdf");
            jobs.push_back({(dir / split_names.back()).string(), "item",
                            [&, i = planned.index](const bp::LayoutContext& c) {
                                return std::optional(bp::bind_item(pack, parts, plan, i, c));
                            }});
        }
    }
    // A supplement with no late paper to bind is not written, and the build
    // says why: a nightly job that always asks for one does not fail.
    std::optional<std::string> no_supplement;
    if (!request.supplement.empty()) no_supplement = detail::why_no_supplement(pack, parts, plan.audience);
    if (!request.supplement.empty() && !no_supplement)
        jobs.push_back({request.supplement, "supplement",
                        [&](const bp::LayoutContext& c) { return bp::bind_supplement(pack, parts, plan, c); }});
    // The pack last: it takes the laid-out pages instead of copying them.
    if (!request.output.empty() || !request.dump.empty())
        jobs.push_back({request.output, "pack",
                        [&](const bp::LayoutContext& c) {
                            return std::optional(bp::bind_pack(pack, std::move(parts), plan, c));
                        }});
    // Named in the order a reader thinks of them: the pack first.
    std::vector<Output> outputs;
    for (const Job& job : jobs)
        if (job.edition == "pack" && !job.path.empty()) outputs.push_back({job.path, "pack PDF"});
    for (const Job& job : jobs)
        if (job.edition != "pack" && !job.path.empty()) outputs.push_back({job.path, job.edition + " PDF"});
    // A supplement not written is checked all the same: an earlier one
    // there may be removed.
    if (no_supplement) outputs.push_back({request.supplement, "supplement PDF"});
    if (!request.dump.empty()) outputs.push_back({request.dump, "page dump"});
    // The HTML edition's pages, kept with their items; no file of it may
    // replace an input or another output.
    std::vector<std::span<const bp::html::PaperPage>> site_pages;
    if (!request.html_dir.empty()) {
        for (std::size_t i = 0; i < pack.manifest.items.size(); ++i) site_pages.push_back(papers.pages(i));
        for (const std::string& name : bp::html::site_file_names(site_pages))
            outputs.push_back({(fs::path(request.html_dir) / name).string(), "HTML edition's " + name});
    }
    for (const std::string& path : request.caller_outputs) outputs.push_back({path, "build report"});
    if (!outputs_apart(outputs, inputs, diags)) return finish(kOutputRefused);
    clock.lap("assemble");

    // The split folder's record names this build's files before any is written.
    std::optional<bp::OutputFolder> split_folder;
    if (!request.split_dir.empty()) {
        try {
            split_folder.emplace(request.split_dir).begin(split_names);
        } catch (const bp::OutputError& e) {
            diags.error(bp::SourceLoc{request.split_dir, 0, 0}, bp::rule::output, e.what());
            return finish(kOutputFailed);
        }
    }

    std::optional<SiteWriter> site;
    if (!request.html_dir.empty()) {
        if (request.progress) request.progress("writing " + request.html_dir);
        site.emplace(request, pack, plan, **tpl, *styles, fonts, std::move(site_pages), site_words);
        site->start();
    }

    std::mutex progress_lock;
    // Binds and writes one edition; what goes wrong goes in `d`.
    auto write_edition = [&](const Job& job, const bp::LayoutContext& c, int threads,
                             std::vector<WrittenFile>& written, bp::Diagnostics& d) {
        if (request.progress) {
            std::lock_guard<std::mutex> lock(progress_lock);
            request.progress("writing " + (job.path.empty() ? request.dump : job.path));
        }
        std::optional<bp::Edition> ed = job.bind(c);
        if (!ed || d.has_errors()) return kInputErrors;
        if (job.edition == "pack") out.front_pages = ed->front_pages;
        if (job.edition == "pack" && !request.dump.empty()) {
            const std::string text = bp::dump_pack(ed->box);
            if (request.dump == "-") {
                std::fwrite(text.data(), 1, text.size(), stdout);
                std::fflush(stdout);
            } else if (std::string error; !bp::write_whole_file(request.dump, text, &error)) {
                d.error(bp::SourceLoc{request.dump, 0, 0}, bp::rule::output, error);
                return kOutputFailed;
            } else {
                written.push_back(WrittenFile{request.dump, "dump", static_cast<int>(ed->box.pages.size()), 1});
            }
            if (job.path.empty()) return kOk;
        }
        bp::PdfOptions po;
        po.threads = threads;
        po.tagged = request.tagged;
        po.partner = partner;
        std::string error;
        bp::PartnerBindError bind;
        const WrittenFile file{job.path, job.edition, static_cast<int>(ed->box.pages.size()),
                               ed->box.first_page_number};
        // Nothing reads the edition after it is written: its pages are freed as they are.
        if (!bp::write_pdf(std::move(ed->box), job.path, po, &error, &bind)) {
            // A partner PDF that cannot be bound is the input's fault, at its paper.
            if (!bind.message.empty()) {
                d.error(bind.loc, bp::rule::partner_pdf, bind.message, bp::partner_refusal_hint(budgets, bind.budget));
                return kInputErrors;
            }
            d.error(bp::SourceLoc{job.path, 0, 0}, bp::rule::output, error);
            return kOutputFailed;
        }
        written.push_back(file);
        return kOk;
    };

    const std::size_t side = jobs.empty() || jobs.back().edition != "pack" ? jobs.size() : jobs.size() - 1;
    struct Done {
        int code = kOk;
        std::vector<WrittenFile> written;
        bp::Diagnostics diags;
    };
    std::vector<Done> done(side);
    bp::parallel_for(side, workers, [&](std::size_t) {
        return [&, breaker = std::make_unique<bp::LineBreaker>(locale)](std::size_t k) {
            const bp::LayoutContext c{*styles, fonts, *breaker, done[k].diags};
            done[k].code = write_edition(jobs[k], c, 1, done[k].written, done[k].diags);
        };
    });
    // Reported in the order the editions were listed, whichever thread wrote them.
    for (Done& d : done) {
        diags.merge(d.diags);
        if (d.code != kOk) return finish(d.code);
        for (WrittenFile& f : d.written) out.outputs.push_back(std::move(f));
    }
    if (side < jobs.size()) {
        std::vector<WrittenFile> written;
        const int code = write_edition(jobs.back(), ctx, workers, written, diags);
        if (code != kOk) return finish(code);
        for (WrittenFile& f : written) out.outputs.push_back(std::move(f));
    }

    // Only once every output is in place: what an earlier build wrote and
    // this one does not write again is removed.
    if (split_folder) {
        try {
            std::vector<std::string> in_use;
            for (const Input& in : inputs) in_use.push_back(in.path);
            bp::OutputFolder::Finished settled = split_folder->finish(in_use);
            for (std::string& path : settled.removed) out.removed.push_back(std::move(path));
            for (const std::string& path : settled.changed)
                diags.note(bp::SourceLoc{path, 0, 0}, bp::rule::output,
                           "an earlier build wrote this file, but it has changed since, so it was left in the folder",
                           "remove it if it should not be published with this build's files");
        } catch (const bp::OutputError& e) {
            diags.error(bp::SourceLoc{request.split_dir, 0, 0}, bp::rule::output, e.what());
            return finish(kOutputFailed);
        }
    }
    if (no_supplement) {
        out.skipped.push_back(SkippedOutput{request.supplement, "supplement", *no_supplement});
        if (detail::settle_missing_supplement(request.supplement, *no_supplement, diags))
            out.removed.push_back(request.supplement);
        if (diags.has_errors()) return finish(kOutputFailed);
    }
    clock.lap("write");
    if (site) {
        const int code = site->finish(inputs, out, diags);
        if (code != kOk) return finish(code);
        clock.lap("html");
    }
    return finish(kOk);
}

}  // namespace bp::session
