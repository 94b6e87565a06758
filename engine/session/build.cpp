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
#include <thread>

#include "assemble/assemble.hpp"
#include "core/installation.hpp"
#include "core/output_file.hpp"
#include "core/output_folder.hpp"
#include "core/parallel.hpp"
#include "dump/dump.hpp"
#include "layout/layout.hpp"
#include "load/load.hpp"
#include "pdf/pdf.hpp"
#include "pdf/seal.hpp"
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

// The stages an item's papers go through, in the order a build reports
// them: read and checked, pictures loaded, text checked against the fonts,
// laid out. An error in a stage, in any item, makes the later ones moot.
enum Stage : int { kChecks, kImages, kPrintable, kLayout };

// Each agenda item's papers brought to layout one item at a time, on the
// thread that lays the item out. What each stage finds is kept per item and
// reported later as when the whole pack was read before anything was laid
// out: stage by stage, each for every item in turn.
class StreamedPapers {
public:
    // `last`: the last stage worth running, as far as is known before any
    // paper is read; `max_pixels` and `fonts` matter only from kImages on.
    StreamedPapers(const bp::PackManifest& manifest, const std::string& manifest_path,
                   const std::string& partner_module, std::uint64_t max_pixels, const bp::FontTable& fonts, Stage last)
        : manifest_(manifest), reader_(manifest, manifest_path, partner_module), images_(max_pixels), fonts_(fonts),
          last_(last),
          found_(manifest.items.size()) {}

    // Item i's papers, to be laid out; none once any stage before layout
    // has found an error anywhere.
    std::vector<bp::Paper> read(std::size_t i) {
        Found& f = found_[i];
        bp::ItemPapers got = reader_.read(i);
        f.xml = std::move(got.xml);
        f.partners = std::move(got.partners);
        bp::validate_item(manifest_, got.papers, [&](std::size_t j) { return got.first_bound[j]; }, f.checks);
        if (f.xml.has_errors() || f.partners.has_errors() || f.checks.has_errors()) stop_after(kChecks);
        if (last_ < kImages) return {};
        f.images = images_.load(got.papers);
        for (const bp::ImageFile& file : f.images)
            if (file.problems.has_errors()) stop_after(kImages);
        if (last_ < kPrintable) return {};
        for (const bp::Paper& p : got.papers) {
            auto& [file, unprintable] = f.unprintable.emplace_back(p.loc.file.str(), Diagnostics{});
            bp::report_unprintable(p, fonts_, unprintable);
            if (unprintable.has_errors()) stop_after(kPrintable);
        }
        if (last_ < kLayout) return {};
        return std::move(got.papers);
    }

    // The papers' reports: reading them (the XML papers', then the PDFs'),
    // then checking them, with the manifest's own checks between.
    void report_reading(Diagnostics& diags) const {
        for (const Found& f : found_) diags.merge(f.xml);
        for (const Found& f : found_) diags.merge(f.partners);
    }
    void report_checks(Diagnostics& diags) const {
        for (const Found& f : found_) diags.merge(f.checks);
    }
    // Each picture's problem once, with the first item showing it; returns
    // the files in the order the pack first names them.
    std::vector<std::string> report_images(Diagnostics& diags) {
        std::vector<std::vector<bp::ImageFile>> per_item;
        for (Found& f : found_) per_item.push_back(std::move(f.images));
        return bp::report_image_files(per_item, diags);
    }
    // Each file once, as report_unprintable(PackDocument) does.
    void report_unprintable(Diagnostics& diags) const {
        std::set<std::string> checked;
        for (const Found& f : found_)
            for (const auto& [file, unprintable] : f.unprintable)
                if (checked.insert(file).second) diags.merge(unprintable);
    }

private:
    struct Found {
        Diagnostics xml, partners, checks;
        std::vector<bp::ImageFile> images;
        std::vector<std::pair<std::string, Diagnostics>> unprintable;  // per paper: its file, what it cannot print
    };

    void stop_after(Stage stage) {
        for (int was = last_; stage < was && !last_.compare_exchange_weak(was, stage);) {
        }
    }

    const bp::PackManifest& manifest_;
    const bp::PackPapers reader_;
    bp::ImageFiles images_;
    const bp::FontTable& fonts_;
    std::atomic<int> last_;
    std::vector<Found> found_;  // per item, each written by the one thread that reads it
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

BuildResult build_once(const BuildRequest& request) {
    BuildResult out;
    StageClock clock(out.stages);
    Diagnostics diags;
    auto finish = [&](int code) {
        if (code == kOk && diags.has_errors()) code = kInputErrors;
        out.exit_code = code;
        out.dropped = diags.dropped();
        bp::session::collect_diagnostics(diags, out.diagnostics);
        return out;
    };

    std::vector<Output> named_outputs;
    if (!request.output.empty()) named_outputs.push_back({request.output, "pack PDF"});
    if (!request.supplement.empty()) named_outputs.push_back({request.supplement, "supplement"});
    if (!request.dump.empty()) named_outputs.push_back({request.dump, "page dump"});
    for (const std::string& path : request.caller_outputs) named_outputs.push_back({path, "build report"});
    if (!outputs_writable(named_outputs, diags)) return finish(kOutputFailed);

    bp::LoadOptions lo;
    lo.template_dirs = template_dirs(request.template_dirs);
    lo.partner_module = request.partner_module;
    std::optional<bp::PackManifest> manifest = bp::load_manifest(request.pack, lo, diags);
    if (!manifest) return finish(kInputErrors);
    bp::PackDocument pack{std::move(*manifest), {}};
    Diagnostics manifest_checks;
    bp::validate_manifest(pack.manifest, manifest_checks);
    clock.lap("manifest");

    // The template and its styles come before the papers, which are laid
    // out as they are read. What they report waits for the papers' reports:
    // the template counts only when the papers have no errors.
    if (request.progress) request.progress("checking");
    Diagnostics template_diags, style_diags, manifest_unprintable;
    std::optional<bp::TemplateDoc> tpl;
    if (!diags.has_errors() && !manifest_checks.has_errors())
        tpl = bp::load_template(pack.manifest.template_ref, template_diags);
    bp::FontTable fonts;
    std::optional<bp::StyleSheet> styles;
    if (tpl && !template_diags.has_errors()) styles = bp::resolve_styles(*tpl, fonts, style_diags);
    if (styles && !style_diags.has_errors()) bp::report_unprintable(pack.manifest, fonts, manifest_unprintable);
    clock.lap("style");

    // Each item's papers are read, checked and laid out on the thread that
    // takes the item, and freed before it takes the next.
    const Stage last = !styles ? kChecks
                       : style_diags.has_errors() ? kImages
                       : manifest_unprintable.has_errors() ? kPrintable
                                                          : kLayout;
    StreamedPapers papers(pack.manifest, request.pack, request.partner_module, tpl ? tpl->max_image_pixels : 0, fonts,
                          last);
    if (request.progress) request.progress("laying out");
    const int workers = job_count(request.jobs);
    Diagnostics layout_diags;
    std::optional<bp::LineBreaker> breaker;
    bp::LaidOutParts parts;
    if (last == kLayout) {
        breaker.emplace(tpl->locale);
        const bp::LayoutContext layout_ctx{*styles, fonts, *breaker, layout_diags};
        // Each page is sealed as soon as it is laid out: its text and rules
        // become a deflated content stream there, on the layout threads.
        const bp::SealOptions seal{request.tagged, !request.dump.empty()};
        parts = bp::lay_out_parts(
            pack.manifest, [&](std::size_t i) { return papers.read(i); }, layout_ctx, workers,
            [&](bp::PageBox& page, const bp::StructTree& tree) { bp::seal_page(page, tree, seal); });
    } else {
        // Nothing will be laid out, but every item's papers are checked.
        bp::parallel_for(pack.manifest.items.size(), workers,
                         [&](std::size_t) { return [&](std::size_t i) { papers.read(i); }; });
    }
    clock.lap("load and layout");

    // Reported as when the whole pack was read before anything was laid
    // out, stopping after the first stage with errors.
    papers.report_reading(diags);
    diags.merge(manifest_checks);
    papers.report_checks(diags);
    if (diags.has_errors()) return finish(kInputErrors);
    diags.merge(template_diags);
    if (diags.has_errors() || !tpl) return finish(kInputErrors);
    const std::vector<std::string> images = papers.report_images(diags);
    if (diags.has_errors()) return finish(kInputErrors);
    diags.merge(style_diags);
    if (diags.has_errors()) return finish(kInputErrors);
    diags.merge(manifest_unprintable);
    papers.report_unprintable(diags);
    if (diags.has_errors()) return finish(kInputErrors);
    diags.merge(layout_diags);

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
        po.partner_module = request.partner_module;
        std::string error;
        const WrittenFile file{job.path, job.edition, static_cast<int>(ed->box.pages.size()),
                               ed->box.first_page_number};
        // Nothing reads the edition after it is written: its pages are freed as they are.
        if (!bp::write_pdf(std::move(ed->box), job.path, po, &error)) {
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
        return [&, breaker = std::make_unique<bp::LineBreaker>(tpl->locale)](std::size_t k) {
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
    return finish(kOk);
}

}  // namespace bp::session
