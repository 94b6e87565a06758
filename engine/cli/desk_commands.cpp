#include "desk_commands.hpp"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <iostream>
#include <thread>

#include "boardpack/session.hpp"
#include "desk/desk.hpp"
#include "serve/serve.hpp"

namespace po = boost::program_options;

namespace bp::cli {

namespace {

constexpr int kOk = 0, kUsage = 2, kOutputFailed = 3;

// SIGINT, SIGTERM and SIGHUP end the desk between builds: the first lets a
// build under way finish (so its outputs are whole and no temporary file is
// left), then stops; a second ends the process at once, its temporary
// files removed by the handler the command line installed, after
// `at_once` (what else must not be left behind).
class StopOnSignals {
public:
    explicit StopOnSignals(std::function<void()> stop, std::function<void()> at_once = {}) {
        sigemptyset(&set_);
        for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set_, sig);
        // Blocked here before any thread starts, so every thread the desk
        // starts leaves them to the waiter.
        pthread_sigmask(SIG_BLOCK, &set_, nullptr);
        std::thread([set = set_, stop = std::move(stop), at_once = std::move(at_once)] {
            int sig = 0;
            if (sigwait(&set, &sig) != 0) return;
            stop();
            if (sigwait(&set, &sig) != 0) return;
            if (at_once) at_once();
            pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
            ::raise(sig);
        }).detach();
    }

private:
    sigset_t set_;
};

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
    std::string line = "[" + desk::clock_time(step.at) + "] ";
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
        std::size_t split = 0, site = 0;
        for (const boardpack::WrittenFile& f : r.outputs) {
            if (f.edition == "pack") wrote.push_back(f.path + " " + plural(static_cast<std::size_t>(f.pages), "page", "pages"));
            else if (f.edition == "agenda" || f.edition == "item") ++split;
            else if (f.edition == "html") ++site;
        }
        if (split > 0) wrote.push_back(request.split_dir + " " + plural(split, "PDF", "PDFs"));
        if (site > 0) wrote.push_back(request.html_dir + " " + plural(site, "file", "files"));
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
        line += step.last_good > 0 ? "; nothing written, the outputs of " + desk::clock_time(step.last_good_at) + " stay in place"
                                   : "; nothing written yet";
    } else if (r.exit_code == kUsage) {
        line += "; nothing written: an output would replace an input of the build or another output";
    } else {
        line += "; the outputs could not be written";
        if (step.last_good > 0) line += ", those of " + desk::clock_time(step.last_good_at) + " stay in place";
    }
    return line;
}

bool colour_wanted() {
    const char* no_colour = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return isatty(STDERR_FILENO) && !(no_colour && *no_colour) && !(term && std::string(term) == "dumb");
}

// For the benchmark: each stage's wall time and the step's CPU time.
std::string step_times(const desk::Step& step) {
    std::string s = " [";
    char buf[64];
    for (const boardpack::StageTime& t : step.result.stages) {
        std::snprintf(buf, sizeof buf, "%.1f", t.seconds * 1000);
        s += t.stage + " " + buf + " ms, ";
    }
    std::snprintf(buf, sizeof buf, "cpu %.1f ms]", step.cpu_seconds * 1000);
    return s + buf;
}

void print_step(const desk::Step& step, const boardpack::BuildRequest& request, bool times = false) {
    std::cout << step_line(step, request) << (times ? step_times(step) : std::string()) << std::endl;
    if (!step.result.diagnostics.empty()) std::cerr << boardpack::format_diagnostics(step.result.diagnostics, colour_wanted());
    std::cerr << std::flush;
}

// What watch and serve both take: the pack and the outputs to write.
struct DeskArgs {
    boardpack::BuildRequest request;
    std::string templates, audience = "public";
    bool times = false;
};

void add_build_options(po::options_description& opts, DeskArgs& a) {
    opts.add_options()("pack", po::value(&a.request.pack), "the pack manifest")(
        "output,o", po::value(&a.request.output), "the pack PDF to write")(
        "split", po::value(&a.request.split_dir), "also write the front sheet and one PDF per item to this folder")(
        "html", po::value(&a.request.html_dir), "also write the pack as a web site to this folder (docs/html.md)")(
        "audience", po::value(&a.audience), "public (default: exempt papers left out) or full (members)")(
        "templates", po::value(&a.templates), "folder of templates named by packs")(
        "jobs,j", po::value(&a.request.jobs), "threads laying out items and compressing pages (0: the machine's cores, at most 4)");
}

// The arguments checked; kOk, or the exit code of a bad command line.
int check_build_options(DeskArgs& a, const char* command) {
    if (a.request.pack.empty()) {
        std::cerr << "boardpack: " << command << " needs a pack manifest\n";
        return kUsage;
    }
    if (a.request.output == "-") {
        std::cerr << "boardpack: " << command
                  << " writes the pack to a file again and again; -o - (standard output) cannot be\n";
        return kUsage;
    }
    if (a.audience != "public" && a.audience != "full") {
        std::cerr << "boardpack: --audience is public or full, not '" << a.audience << "'\n";
        return kUsage;
    }
    a.request.audience = a.audience == "full" ? boardpack::Audience::Full : boardpack::Audience::Public;
    if (!a.templates.empty()) a.request.template_dirs.push_back(a.templates);
    return kOk;
}

std::shared_ptr<desk::Desk> open_desk(const boardpack::BuildRequest& request, const char* command) {
    try {
        return std::make_shared<desk::Desk>(request);
    } catch (const std::system_error& e) {
        std::cerr << "boardpack: " << command << " cannot follow files here: " << e.what() << '\n';
        return nullptr;
    }
}

// A folder of the desk's own for the outputs no option named, removed
// when the desk stops.
class PrivateFolder {
public:
    PrivateFolder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "boardpack-desk-XXXXXX").string();
        if (::mkdtemp(pattern.data())) path_ = pattern;
    }
    ~PrivateFolder() {
        std::error_code ec;
        if (!path_.empty()) std::filesystem::remove_all(path_, ec);
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace

int run_serve(const std::vector<std::string>& args, bool help) {
    DeskArgs a;
    std::string host = "127.0.0.1";
    int port = 8040;
    po::options_description opts("boardpack serve PACK.xml [--port N] [--host H] [-o OUT.pdf] [--html DIR]");
    add_build_options(opts, a);
    opts.add_options()("port", po::value(&port), "the port to answer on (default 8040; 0: any free port)")(
        "host", po::value(&host), "the address to answer on (default 127.0.0.1: this machine alone)");
    po::positional_options_description pos;
    pos.add("pack", 1);
    if (help) {
        std::cout << opts;
        return kOk;
    }
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(opts).positional(pos).run(), vm);
    po::notify(vm);
    if (const int code = check_build_options(a, "serve"); code != kOk) return code;
    if (port < 0 || port > 65535) {
        std::cerr << "boardpack: --port is a number from 0 to 65535, not " << port << '\n';
        return kUsage;
    }
    // Without -o the pack PDF is written in a folder of the desk's own,
    // removed when it stops: the page shows it all the same.
    PrivateFolder own;
    if (a.request.output.empty()) {
        if (own.path().empty()) {
            std::cerr << "boardpack: serve cannot make a folder for the pack PDF in "
                      << std::filesystem::temp_directory_path().string() << "; name one with -o\n";
            return kOutputFailed;
        }
        a.request.output = own.path() + "/" + std::filesystem::path(a.request.pack).stem().string() + ".pdf";
    }
    serve::ServeOptions so;
    so.host = host;
    so.port = port;
    so.pack = a.request.pack;
    so.pdf = a.request.output;
    so.split_dir = a.request.split_dir;
    so.html_dir = a.request.html_dir;
    std::shared_ptr<desk::Desk> desk = open_desk(a.request, "serve");
    if (!desk) return kOutputFailed;
    // A page that went away mid-answer is not a reason to stop.
    ::signal(SIGPIPE, SIG_IGN);
    // A second signal stops at once: the desk's own folder goes too.
    StopOnSignals signals([desk] { desk->stop(); }, [folder = own.path()] {
        std::error_code ec;
        if (!folder.empty()) std::filesystem::remove_all(folder, ec);
    });
    serve::DeskServer server(so);
    if (const std::string problem = server.start(); !problem.empty()) {
        std::cerr << "boardpack: " << problem << "; choose another with --port\n";
        return kOutputFailed;
    }
    const std::string shown = host.find(':') != std::string::npos ? "[" + host + "]" : host;
    std::cout << "the desk is at http://" << shown << ":" << server.port() << "/" << std::endl;
    const desk::Step first = desk->build();
    server.publish(first);
    print_step(first, a.request);
    if (first.result.exit_code == kUsage) return kUsage;
    std::cout << "watching " << plural(first.inputs.size(), "file", "files") << " in "
              << plural(first.folders, "folder", "folders") << "; Ctrl-C stops" << std::endl;
    while (std::optional<desk::Step> step = desk->next()) {
        server.publish(*step);
        print_step(*step, a.request);
    }
    server.stop();
    std::cout << "stopped" << std::endl;
    return kOk;
}

int run_watch(const std::vector<std::string>& args, bool help) {
    DeskArgs a;
    po::options_description opts("boardpack watch PACK.xml -o OUT.pdf [--split DIR] [--html DIR]");
    add_build_options(opts, a);
    po::positional_options_description pos;
    pos.add("pack", 1);
    if (help) {
        std::cout << opts;
        return kOk;
    }
    // Not in --help: each build's stage times and CPU time, for bench/desk.py.
    po::options_description hidden;
    hidden.add_options()("times", po::bool_switch(&a.times));
    po::options_description all;
    all.add(opts).add(hidden);
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
    if (const int code = check_build_options(a, "watch"); code != kOk) return code;
    if (a.request.output.empty() && a.request.split_dir.empty() && a.request.html_dir.empty()) {
        std::cerr << "boardpack: watch needs -o OUT.pdf (or --split DIR or --html DIR)\n";
        return kUsage;
    }
    const boardpack::BuildRequest& request = a.request;
    std::shared_ptr<desk::Desk> desk = open_desk(request, "watch");
    if (!desk) return kOutputFailed;
    StopOnSignals signals([desk] { desk->stop(); });
    const desk::Step first = desk->build();
    print_step(first, request, a.times);
    // Outputs refused outright (one names an input of the build) are a
    // mistake on the command line, not a state of the papers.
    if (first.result.exit_code == kUsage) return kUsage;
    std::cout << "watching " << plural(first.inputs.size(), "file", "files") << " in "
              << plural(first.folders, "folder", "folders") << "; Ctrl-C stops" << std::endl;
    while (std::optional<desk::Step> step = desk->next()) print_step(*step, request, a.times);
    std::cout << "stopped" << std::endl;
    return kOk;
}

}  // namespace bp::cli
