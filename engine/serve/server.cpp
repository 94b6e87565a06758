// The desk's HTTP side (sole cpp-httplib user): routes, the event stream,
// and the checks every request passes before a file is read.
#include <sys/socket.h>
#include <sys/stat.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <httplib.h>
#include <mutex>
#include <set>
#include <thread>

#include "serve/files.hpp"
#include "serve/page.hpp"
#include "serve/serve.hpp"

namespace bp::serve {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// Open pages followed at once, each holding a thread while it is open; the
// pool has room for them and for the requests of those pages.
constexpr int kMaxStreams = 8;
constexpr std::size_t kThreads = 16;
// The largest file served (a pack PDF of thousands of pages is far less).
constexpr std::uintmax_t kMaxFile = std::uintmax_t{1} << 30;

const char* media_type(const std::string& path) {
    const std::string ext = fs::path(path).extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".json") return "application/json";
    if (ext == ".pdf") return "application/pdf";
    if (ext == ".png") return "image/png";
    if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
    if (ext == ".svg") return "image/svg+xml";
    // A paper's XML is shown as text: a browser never runs a stylesheet it names.
    if (ext == ".xml" || ext == ".txt") return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

// Whether the resolved `file` lies inside `folder` (resolved too).
bool within(const std::string& file, const std::string& folder) {
    if (folder.empty()) return false;
    const std::string base = resolved(folder);
    return !base.empty() && file.starts_with(base == "/" ? base : base + "/");
}

bool loopback(const std::string& host) { return host == "127.0.0.1" || host == "localhost" || host == "::1"; }

// The build's text as an event: each line of it a data line.
std::string event_of(int build, const std::string& html) {
    std::string e = "event: desk\nid: " + std::to_string(build) + "\n";
    std::size_t at = 0;
    while (at <= html.size()) {
        std::size_t nl = html.find('\n', at);
        if (nl == std::string::npos) nl = html.size();
        if (nl > at || nl < html.size()) e += "data: " + html.substr(at, nl - at) + "\n";
        at = nl + 1;
    }
    return e + "\n";
}

}  // namespace

struct DeskServer::State {
    ServeOptions options;
    httplib::Server http;
    std::thread thread;
    int port = 0;
    std::mutex lock;
    std::condition_variable moved;
    int build = 0;          // the step shown
    std::string page;       // the whole page of it
    std::string event;      // its state section, as an event
    std::set<std::string> inputs;  // the files the build read inside the pack's folder, resolved
    bool stopping = false;
    std::atomic<int> streams{0};
    std::set<std::string> hosts;   // Host headers answered, when bound to this machine alone
    std::string outputs_root;      // the folder holding every output, resolved: /out/ is below it

    void route(const httplib::Request& req, httplib::Response& res);
    void file(const std::string& path, httplib::Response& res);
    void events(const httplib::Request& req, httplib::Response& res);
};

void DeskServer::State::file(const std::string& path, httplib::Response& res) {
    std::error_code ec;
    const std::uintmax_t size = path.empty() ? 0 : fs::file_size(path, ec);
    std::ifstream in;
    if (!path.empty() && !ec && size <= kMaxFile) in.open(path, std::ios::binary);
    if (!in.is_open()) {
        res.status = 404;
        res.set_content("Not found\n", "text/plain; charset=utf-8");
        return;
    }
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    res.status = 200;
    res.set_content(std::move(bytes), media_type(path));
}

void DeskServer::State::events(const httplib::Request& req, httplib::Response& res) {
    if (streams.fetch_add(1) >= kMaxStreams) {
        --streams;
        res.status = 503;
        res.set_content("Too many pages follow the desk; close one\n", "text/plain; charset=utf-8");
        return;
    }
    int since = -1;
    try {
        if (req.has_param("since")) since = std::stoi(req.get_param_value("since"));
    } catch (const std::exception&) {
    }
    auto sent = std::make_shared<int>(since);
    auto quiet = std::make_shared<int>(0);
    res.set_header("Cache-Control", "no-store");
    res.set_chunked_content_provider(
        "text/event-stream",
        [this, sent, quiet](std::size_t, httplib::DataSink& sink) {
            std::unique_lock<std::mutex> hold(lock);
            moved.wait_for(hold, 1s, [&] { return stopping || build != *sent; });
            if (stopping) return false;
            if (build == *sent) {
                // A comment now and then finds a page that has gone.
                if (++*quiet < 15) return true;
                *quiet = 0;
                hold.unlock();
                return sink.write(": still here\n\n", 14);
            }
            const std::string e = event;
            *sent = build;
            hold.unlock();
            return sink.write(e.data(), e.size());
        },
        [this](bool) { --streams; });
}

void DeskServer::State::route(const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Content-Type-Options", "nosniff");
    const std::string& path = req.path;
    auto below = [&](std::string_view prefix) -> std::optional<std::string_view> {
        if (!path.starts_with(prefix)) return std::nullopt;
        return std::string_view(path).substr(prefix.size());
    };
    if (path == "/") {
        res.set_header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        std::lock_guard<std::mutex> hold(lock);
        res.set_content(page, "text/html; charset=utf-8");
        return;
    }
    if (path == "/desk.css") return res.set_content(kDeskCss, "text/css; charset=utf-8");
    if (path == "/desk.js") return res.set_content(kDeskJs, "text/javascript; charset=utf-8");
    if (path == "/events") return events(req, res);
    if (auto rel = below("/out/")) {
        // Only the outputs: the pack PDF, and the files in the web
        // edition's and the per-item PDFs' folders, links resolved. They
        // keep their places relative to each other, so the web edition's
        // links to the PDFs work here as on disk.
        std::string root;
        {
            std::lock_guard<std::mutex> hold(lock);
            root = outputs_root;
        }
        const std::string found = root.empty() ? std::string() : file_under(root, *rel);
        const bool output = !found.empty() && ((!options.pdf.empty() && found == resolved(options.pdf)) ||
                                               within(found, options.html_dir) || within(found, options.split_dir));
        if (output && found.ends_with(".html")) res.set_header("Content-Security-Policy", "default-src 'self'; script-src 'none'");
        return file(output ? found : std::string(), res);
    }
    if (auto rel = below("/files/")) {
        const fs::path folder = fs::path(options.pack).parent_path();
        std::string found = file_under(folder.empty() ? "." : folder.string(), *rel);
        std::lock_guard<std::mutex> hold(lock);
        return file(inputs.contains(found) ? found : std::string(), res);
    }
    file({}, res);
}

DeskServer::DeskServer(ServeOptions options) : state_(std::make_unique<State>()) {
    state_->options = std::move(options);
    State& s = *state_;
    // Until the first build is done, a page that says so; it follows the desk from there.
    s.page = desk_page("<p class=\"verdict\">The first build of the pack is under way.</p>\n", 0, s.options);
    s.http.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
    // SO_REUSEADDR only: never a second desk sharing the port unseen
    // (httplib's default asks for SO_REUSEPORT).
    s.http.set_socket_options([](int sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    s.http.set_keep_alive_timeout(2);
    s.http.set_payload_max_length(64 * 1024);
    s.http.set_pre_routing_handler([&s](const httplib::Request& req, httplib::Response& res) {
        if (s.hosts.empty() || s.hosts.contains(req.get_header_value("Host")))
            return httplib::Server::HandlerResponse::Unhandled;
        res.status = 403;
        res.set_content("This desk answers only to this machine's own name\n", "text/plain; charset=utf-8");
        return httplib::Server::HandlerResponse::Handled;
    });
    s.http.Get(".*", [&s](const httplib::Request& req, httplib::Response& res) { s.route(req, res); });
    auto refuse = [](const httplib::Request&, httplib::Response& res) {
        res.status = 405;
        res.set_header("Allow", "GET, HEAD");
        res.set_content("The desk only shows: nothing can be sent to it\n", "text/plain; charset=utf-8");
    };
    s.http.Post(".*", refuse).Put(".*", refuse).Patch(".*", refuse).Delete(".*", refuse).Options(".*", refuse);
}

DeskServer::~DeskServer() { stop(); }

std::string DeskServer::start() {
    State& s = *state_;
    const std::string& host = s.options.host;
    if (s.options.port == 0) {
        s.port = s.http.bind_to_any_port(host);
        if (s.port < 0) s.port = 0;
    } else if (s.http.bind_to_port(host, s.options.port)) {
        s.port = s.options.port;
    }
    if (s.port == 0)
        return host + ":" + std::to_string(s.options.port) +
               " cannot be listened on (in use by another program, or not an address of this machine)";
    if (loopback(host))
        for (const char* name : {"127.0.0.1", "localhost", "[::1]"}) s.hosts.insert(std::string(name) + ":" + std::to_string(s.port));
    s.thread = std::thread([&s] { s.http.listen_after_bind(); });
    return {};
}

int DeskServer::port() const { return state_->port; }

void DeskServer::publish(const desk::Step& step) {
    State& s = *state_;
    const std::string root = outputs_folder(s.options);
    const std::string section = state_section(step, s.options, root);
    std::set<std::string> inputs;
    const fs::path folder = fs::path(s.options.pack).parent_path();
    const std::string base = resolved(folder.empty() ? "." : folder.string());
    for (const std::string& f : step.inputs)
        if (std::string r = resolved(f); !r.empty() && !base.empty() && r.starts_with(base + "/")) inputs.insert(r);
    {
        std::lock_guard<std::mutex> hold(s.lock);
        s.build = step.number;
        s.page = desk_page(section, step.number, s.options);
        s.event = event_of(step.number, section);
        s.inputs = std::move(inputs);
        s.outputs_root = root;
    }
    s.moved.notify_all();
}

void DeskServer::stop() {
    State& s = *state_;
    {
        std::lock_guard<std::mutex> hold(s.lock);
        s.stopping = true;
    }
    s.moved.notify_all();
    s.http.stop();
    if (s.thread.joinable()) s.thread.join();
}

}  // namespace bp::serve
