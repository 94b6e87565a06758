// The clerk's desk as a web page on this machine: the status of every
// agenda item, each paper's diagnostics with its source lines, links to
// the pack's PDF (and its web edition and per-item PDFs, where the desk
// writes them), brought up to date in an open page within a moment of
// each build (server-sent events), without reloading.
//
// It answers GET and HEAD only, and only with the desk's own page and the
// pack's files: the PDFs and web pages the desk writes, and the files the
// build read that lie in the pack's folder. Anything else, a path that
// climbs out of a folder (`..`, encoded or not), an absolute path, a link
// that leads out, is not found. Nothing is ever written or taken in.
// Bound to 127.0.0.1 unless told otherwise; there it answers only
// requests addressed to this machine by name (no other site's page can
// reach it through a name of its own).
#pragma once
#include <memory>
#include <string>

#include "desk/desk.hpp"

namespace bp::serve {

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8040;           // 0: a free port, chosen by the system
    std::string pack;          // the manifest; its folder holds the files read
    std::string pdf;           // the pack PDF the desk writes ("": none)
    std::string html_dir;      // the web edition's folder ("": none)
    std::string split_dir;     // the per-item PDFs' folder ("": none)
};

class DeskServer {
public:
    explicit DeskServer(ServeOptions options);
    ~DeskServer();
    DeskServer(const DeskServer&) = delete;
    DeskServer& operator=(const DeskServer&) = delete;

    // Binds the address and starts answering on threads of its own; ""
    // when it could, else why not ("127.0.0.1:8040 is in use ...").
    std::string start();
    int port() const;

    // The page, and every page open, show this build from now on.
    void publish(const desk::Step& step);

    // Stops answering; open pages are told the desk has gone.
    void stop();

    struct State;

private:
    std::unique_ptr<State> state_;
};

}  // namespace bp::serve
