// Which file a request names, if any: the one rule every route that
// serves a file goes through.
#pragma once
#include <string>
#include <string_view>

namespace bp::serve {

// The regular file that `rel` (a decoded URL path below a route's prefix)
// names inside the folder `root`, as a resolved path; "" when it names
// none. `rel` must be names joined by "/": no empty, "." or ".." name, no
// leading "/", no NUL or backslash. The file it reaches, through any link,
// must lie inside `root` as `root` itself resolves.
std::string file_under(const std::string& root, std::string_view rel);

// `path` resolved (links, "..") when it exists; "" otherwise.
std::string resolved(const std::string& path);

struct ServeOptions;

// The deepest folder that holds every output of the desk (the pack PDF,
// the web edition's folder, the per-item PDFs' folder), resolved; "" when
// none exists yet.
std::string outputs_folder(const ServeOptions& options);

}  // namespace bp::serve
