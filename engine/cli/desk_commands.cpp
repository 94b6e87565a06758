#include "desk_commands.hpp"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <iostream>
#include <thread>

#include "boardpack/session.hpp"
#include "desk/desk.hpp"

namespace po = boost::program_options;

namespace bp::cli {

namespace {

constexpr int kOk = 0, kUsage = 2, kOutputFailed = 3;

// SIGINT, SIGTERM and SIGHUP end the desk between builds: the first lets a
// build under way finish (so its outputs are whole and no temporary file is
// left), then stops; a second ends the process at once, its temporary
// files removed by the handler the command line installed.
class StopOnSignals {
public:
    explicit StopOnSignals(std::function<void()> stop) {
        sigemptyset(&set_);
        for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set_, sig);
        // Blocked here before any thread starts, so every thread the desk
        // starts leaves them to the waiter.
        pthread_sigmask(SIG_BLOCK, &set_, nullptr);
        std::thread([set = set_, stop = std::move(stop)] {
            int sig = 0;
            if (sigwait(&set, &sig) != 0) return;
            stop();
            if (sigwait(&set, &sig) != 0) return;
            pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
            ::raise(sig);
        }).detach();
    }

private:
    sigset_t set_;
};

std::string clock_time(std::chrono::system_clock::time_point t) {
    const std::time_t tt = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    localtime_r(&tt, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
    return buf;
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "report.xml", "a.xml and b.xml", "a.xml, b.xml and 3 more files".
std::string changed_files(const std::vector<std::string>& files) {
    std::string s;
    const std::size_t shown = files.size() <= 3 ? files.size() : 2;
    for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0) s += i + 1 == files.size() ? " and " : ", ";
        s += files[i];
    }
    if (shown < files.size()) s += " and " + plural(files.size() - shown, "more file", "more files");
    return s;
}

// One line for a build of the desk: when, what set it off, what it wrote
// (or that the last good outputs stay), how long it took, what it found.
std::string step_line(const desk::Step& step, const boardpack::BuildRequest& request) {
    const boardpack::BuildResult& r = step.result;
    std::string line = "[" + clock_time(step.at) + "] ";
    line += step.changed.empty() ? std::string("built") : changed_files(step.changed) + " changed";
    std::size_t errors = 0, warnings = 0;
    for (const boardpack::Diagnostic& d : r.diagnostics) {
        errors += d.severity == "error";
        warnings += d.severity == "warning";
    }
    char secs[32];
    std::snprintf(secs, sizeof secs, "%.3f s", step.seconds);
    if (r.exit_code == kOk) {
        std::vector<std::string> wrote;
        std::size_t split = 0;
        for (const boardpack::WrittenFile& f : r.outputs) {
            if (f.edition == "pack") wrote.push_back(f.path + " " + plural(static_cast<std::size_t>(f.pages), "page", "pages"));
            else if (f.edition == "agenda" || f.edition == "item") ++split;
        }
        if (split > 0) wrote.push_back(request.split_dir + " " + plural(split, "PDF", "PDFs"));
        line += ": wrote ";
        for (std::size_t i = 0; i < wrote.size(); ++i) line += (i ? ", " : "") + wrote[i];
        if (wrote.empty()) line += "nothing";
        line += "; " + plural(static_cast<std::size_t>(r.items_made), "item", "items") + " laid out";
        if (r.items_kept > 0) line += ", " + std::to_string(r.items_kept) + " kept";
        line += "; " + std::string(secs);
        line += errors + warnings == 0 ? "; no problems" : "; " + plural(warnings, "warning", "warnings");
        return line;
    }
    line += ": " + plural(errors, "error", "errors") + ", " + plural(warnings, "warning", "warnings") + "; " + secs;
    if (r.exit_code == 1) {
        line += step.last_good > 0 ? "; nothing written, the outputs of " + clock_time(step.last_good_at) + " stay in place"
                                   : "; nothing written yet";
    } else {
        line += "; the outputs could not be written";
        if (step.last_good > 0) line += ", those of " + clock_time(step.last_good_at) + " stay in place";
    }
    return line;
}

bool colour_wanted() {
    const char* no_colour = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return isatty(STDERR_FILENO) && !(no_colour && *no_colour) && !(term && std::string(term) == "dumb");
}

void print_step(const desk::Step& step, const boardpack::BuildRequest& request) {
    std::cout << step_line(step, request) << std::endl;
    if (!step.result.diagnostics.empty()) std::cerr << boardpack::format_diagnostics(step.result.diagnostics, colour_wanted());
    std::cerr << std::flush;
}

}  // namespace

int run_watch(const std::vector<std::string>& args, bool help) {
    boardpack::BuildRequest request;
    std::string templates, audience = "public";
    po::options_description opts("boardpack watch PACK.xml -o OUT.pdf [--split DIR]");
    opts.add_options()("pack", po::value(&request.pack), "the pack manifest")(
        "output,o", po::value(&request.output), "the pack PDF to write")(
        "split", po::value(&request.split_dir), "also write the front sheet and one PDF per item to this folder")(
        "audience", po::value(&audience), "public (default: exempt papers left out) or full (members)")(
        "templates", po::value(&templates), "folder of templates named by packs")(
        "jobs,j", po::value(&request.jobs), "threads laying out items and compressing pages (0: the machine's cores, at most 4)");
    po::positional_options_description pos;
    pos.add("pack", 1);
    if (help) {
        std::cout << opts;
        return kOk;
    }
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(opts).positional(pos).run(), vm);
    po::notify(vm);
    if (request.pack.empty()) {
        std::cerr << "boardpack: watch needs a pack manifest\n" << opts;
        return kUsage;
    }
    if (request.output.empty() && request.split_dir.empty()) {
        std::cerr << "boardpack: watch needs -o OUT.pdf (or --split DIR)\n";
        return kUsage;
    }
    if (request.output == "-") {
        std::cerr << "boardpack: watch writes the pack to a file again and again; -o - (standard output) cannot be\n";
        return kUsage;
    }
    if (audience != "public" && audience != "full") {
        std::cerr << "boardpack: --audience is public or full, not '" << audience << "'\n";
        return kUsage;
    }
    request.audience = audience == "full" ? boardpack::Audience::Full : boardpack::Audience::Public;
    if (!templates.empty()) request.template_dirs.push_back(templates);

    std::shared_ptr<desk::Desk> desk;
    try {
        desk = std::make_shared<desk::Desk>(request);
    } catch (const std::system_error& e) {
        std::cerr << "boardpack: watch cannot follow files here: " << e.what() << '\n';
        return kOutputFailed;
    }
    StopOnSignals signals([desk] { desk->stop(); });
    const desk::Step first = desk->build();
    print_step(first, request);
    // Outputs refused outright (one names an input of the build) are a
    // mistake on the command line, not a state of the papers.
    if (first.result.exit_code == kUsage) return kUsage;
    std::cout << "watching " << plural(first.inputs.size(), "file", "files") << " in "
              << plural(first.folders, "folder", "folders") << "; Ctrl-C stops" << std::endl;
    while (std::optional<desk::Step> step = desk->next()) print_step(*step, request);
    std::cout << "stopped" << std::endl;
    return kOk;
}

}  // namespace bp::cli
