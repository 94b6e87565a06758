#include "serve/page.hpp"

#include "serve/files.hpp"

#include <filesystem>
#include <map>

namespace bp::serve {

namespace fs = std::filesystem;

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string url_path(std::string_view path) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : path) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~' || c == '/') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The path of `file` inside the pack's folder, for a link under /files/;
// "" when it lies outside (the template, the fonts).
std::string inside_pack(const std::string& file, const ServeOptions& options) {
    const fs::path folder = fs::path(options.pack).parent_path();
    const fs::path rel = fs::path(file).lexically_relative(folder.empty() ? fs::path(".") : folder);
    if (rel.empty() || rel.native().starts_with("..") || rel.is_absolute()) return {};
    return rel.generic_string();
}

std::string papers_cell(const boardpack::ItemSummary& item, const ServeOptions& options,
                        const std::map<std::string, std::string>& problem_ids) {
    if (item.paper_files.empty()) return item.to_follow ? "to follow" : "none";
    std::string s = "<ul class=\"papers\">";
    for (const boardpack::PaperSummary& p : item.paper_files) {
        const std::string rel = inside_pack(p.file, options);
        const std::string name = html_escape(rel.empty() ? p.file : rel);
        s += "<li>";
        s += p.received && !rel.empty() ? "<a href=\"/files/" + html_escape(url_path(rel)) + "\">" + name + "</a>" : name;
        s += ": <span class=\"state ";
        if (!p.received) s += item.to_follow ? "to-follow\">to follow" : "missing\">missing";
        else if (p.errors > 0) s += "errors\">received, " + plural(static_cast<std::size_t>(p.errors), "error", "errors");
        else if (p.warnings > 0) s += "warnings\">received, " + plural(static_cast<std::size_t>(p.warnings), "warning", "warnings");
        else s += "received\">received";
        s += "</span>";
        if (auto id = problem_ids.find(p.file); id != problem_ids.end())
            s += " <a href=\"#" + id->second + "\">(problems<span class=\"hidden\"> in " + name + "</span>)</a>";
        s += "</li>";
    }
    return s + "</ul>";
}

}  // namespace

std::string state_section(const desk::Step& step, const ServeOptions& options, const std::string& outputs_root) {
    const boardpack::BuildResult& r = step.result;
    std::size_t errors = 0, warnings = 0;
    std::map<std::string, std::vector<boardpack::Diagnostic>> by_file;
    for (const boardpack::Diagnostic& d : r.diagnostics) {
        errors += d.severity == "error";
        warnings += d.severity == "warning";
        by_file[d.file].push_back(d);
    }
    std::map<std::string, std::string> problem_ids;
    for (const auto& [file, diags] : by_file) problem_ids.emplace(file, "problems-" + std::to_string(problem_ids.size() + 1));

    std::string h = "<section aria-labelledby=\"pack-heading\">\n<h2 id=\"pack-heading\">The pack</h2>\n";
    const std::string counts = plural(errors, "error", "errors") + ", " + plural(warnings, "warning", "warnings");
    int pages = 0;
    for (const boardpack::WrittenFile& f : r.outputs)
        if (f.edition == "pack") pages = f.pages;
    if (r.exit_code == 0) {
        h += "<p class=\"verdict builds\">The pack builds: " +
             (pages > 0 ? plural(static_cast<std::size_t>(pages), "page", "pages") + ", " : std::string()) + counts + ".</p>\n";
    } else {
        h += "<p class=\"verdict fails\">The pack does not build: " + counts + ". Nothing was written";
        h += step.last_good > 0 ? "; the outputs of " + desk::clock_time(step.last_good_at) + " stay in place.</p>\n"
                                : " yet.</p>\n";
    }
    h += "<p class=\"when\">Build " + std::to_string(step.number) + " at " + desk::clock_time(step.at);
    if (!step.changed.empty()) {
        h += ", after a save of ";
        for (std::size_t i = 0; i < step.changed.size() && i < 3; ++i) {
            const std::string rel = inside_pack(step.changed[i], options);
            h += (i ? ", " : "") + html_escape(rel.empty() ? step.changed[i] : rel);
        }
        if (step.changed.size() > 3) h += " and " + plural(step.changed.size() - 3, "more file", "more files");
    }
    char secs[32];
    std::snprintf(secs, sizeof secs, "%.3f", step.seconds);
    h += ", in " + std::string(secs) + " s: " + plural(static_cast<std::size_t>(r.items_made), "item", "items") +
         " laid out, " + std::to_string(r.items_kept) + " kept.</p>\n";

    // The outputs, as the last good build left them, where /out/ serves them.
    const std::string v = "?v=" + std::to_string(step.last_good);
    auto out_url = [&](const std::string& path) -> std::string {
        const std::string real = resolved(path);
        if (real.empty() || outputs_root.empty()) return {};
        const fs::path rel = fs::path(real).lexically_relative(outputs_root);
        if (rel.empty() || rel.native().starts_with("..")) return {};
        return "/out/" + url_path(rel.generic_string());
    };
    std::string links;
    if (step.last_good > 0) {
        if (const std::string u = options.pdf.empty() ? "" : out_url(options.pdf); !u.empty())
            links += "<li><a href=\"" + html_escape(u + v) + "\">The pack PDF (" +
                     html_escape(fs::path(options.pdf).filename().string()) + ")</a></li>\n";
        if (const std::string u = options.html_dir.empty() ? "" : out_url(options.html_dir + "/index.html"); !u.empty())
            links += "<li><a href=\"" + html_escape(u + v) + "\">The pack as web pages</a></li>\n";
        for (const boardpack::WrittenFile& f : step.last_good_outputs)
            if (f.edition == "agenda" || f.edition == "item")
                if (const std::string u = out_url(f.path); !u.empty())
                    links += "<li><a href=\"" + html_escape(u + v) + "\">" + html_escape(fs::path(f.path).filename().string()) +
                             "</a></li>\n";
    }
    h += links.empty() ? "<p>No outputs yet.</p>\n" : "<ul class=\"outputs\">\n" + links + "</ul>\n";
    h += "</section>\n";

    h += "<section aria-labelledby=\"items-heading\">\n<h2 id=\"items-heading\">Agenda items</h2>\n";
    h += "<div class=\"scroll\" role=\"region\" aria-labelledby=\"items-heading\" tabindex=\"0\">\n<table>\n";
    h += "<caption>Every item: its papers, their problems, and the pages the pack binds it on</caption>\n";
    h += "<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Title</th><th scope=\"col\">Papers</th>"
         "<th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th><th scope=\"col\">Pages</th>"
         "<th scope=\"col\">Exempt</th></tr></thead>\n<tbody>\n";
    for (const boardpack::ItemSummary& it : r.items) {
        h += "<tr id=\"item-" + std::to_string(it.number) + "\"><th scope=\"row\">" + std::to_string(it.number) + "</th><td>" +
             html_escape(it.title) + "</td><td>" + papers_cell(it, options, problem_ids) + "</td><td>" +
             std::to_string(it.errors) + "</td><td>" + std::to_string(it.warnings) + "</td><td>";
        if (it.first_page) h += std::to_string(*it.first_page) + " - " + std::to_string(*it.last_page);
        h += "</td><td>" + std::string(it.exempt ? "exempt" : "") + "</td></tr>\n";
    }
    h += "</tbody>\n</table>\n</div>\n</section>\n";

    h += "<section aria-labelledby=\"problems-heading\">\n<h2 id=\"problems-heading\">Problems</h2>\n";
    if (by_file.empty()) h += "<p>No problems.</p>\n";
    for (const auto& [file, diags] : by_file) {
        const std::string rel = inside_pack(file, options);
        const std::string& id = problem_ids[file];
        h += "<h3 id=\"" + id + "\">" + html_escape(rel.empty() ? file : rel) + "</h3>\n";
        // Focusable, as a long source line scrolls it sideways.
        h += "<pre tabindex=\"0\" role=\"region\" aria-labelledby=\"" + id + "\">" +
             html_escape(boardpack::format_diagnostics(diags)) + "</pre>\n";
    }
    h += "</section>\n";
    return h;
}

std::string desk_page(const std::string& state, int build, const ServeOptions& options) {
    const std::string pack = html_escape(options.pack);
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<title>The clerk's desk: " + pack + "</title>\n"
           "<link rel=\"stylesheet\" href=\"/desk.css\">\n"
           "<script src=\"/desk.js\" defer></script>\n</head>\n<body>\n"
           "<a class=\"skip\" href=\"#main\">Skip to the pack's state</a>\n"
           "<header>\n<h1>The clerk's desk</h1>\n<p>" + pack + ", built again at each save of its papers.</p>\n</header>\n"
           "<main id=\"main\" data-build=\"" + std::to_string(build) + "\">\n" + state + "</main>\n"
           "<footer>\n<p id=\"live\" role=\"status\"></p>\n</footer>\n</body>\n</html>\n";
}

const char* const kDeskCss = R"(html { font-family: "Liberation Sans", Arial, sans-serif; color: #1a1a1a; background: #fff; line-height: 1.4; }
body { margin: 0 auto; max-width: 72rem; padding: 0 1rem 2rem; }
.skip { position: absolute; left: -100rem; }
.skip:focus { position: static; display: inline-block; margin: .5rem 0; }
a { color: #0b4f9c; }
a:focus, .scroll:focus, pre:focus { outline: 3px solid #b35c00; outline-offset: 2px; }
.verdict { font-size: 1.15rem; font-weight: bold; padding: .5rem .75rem; border-left: .4rem solid; }
.verdict.builds { border-color: #1d6b2f; background: #eef7ef; }
.verdict.fails { border-color: #a4161a; background: #fbeeee; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-style: italic; padding: .25rem 0; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #767676; }
thead th { border-bottom: 2px solid #1a1a1a; }
ul.papers { list-style: none; margin: 0; padding: 0; }
ul.outputs li, ul.papers li { padding: .15rem 0; }
ul.outputs a, ul.papers a { display: inline-block; min-height: 24px; line-height: 24px; }
.state.missing, .state.errors { color: #a4161a; font-weight: bold; }
.state.warnings, .state.to-follow { color: #7a4a00; }
.state.received { color: #1d6b2f; }
.hidden { position: absolute; left: -100rem; }
pre { overflow-x: auto; white-space: pre; background: #f4f4f4; padding: .75rem; border: 1px solid #767676; }
)";

const char* const kDeskJs = R"(// Follows the desk: each build's state section arrives as an event and
// takes the place of the one shown, without reloading the page.
'use strict';
const main = document.getElementById('main');
const live = document.getElementById('live');
const events = new EventSource('/events?since=' + encodeURIComponent(main.dataset.build));
events.addEventListener('desk', (e) => {
  main.innerHTML = e.data;
  main.dataset.build = e.lastEventId;
  const verdict = main.querySelector('.verdict');
  live.textContent = verdict ? verdict.textContent : '';
});
events.addEventListener('error', () => {
  if (events.readyState === EventSource.CLOSED) live.textContent = 'The desk has stopped; this page no longer follows the pack.';
});
)";

}  // namespace bp::serve
