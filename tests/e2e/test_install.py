"""Installed like real software: `cmake --install` into a scratch prefix,
then the installed binary builds a sample from an empty folder with a clean
environment, and a short C++ program finds the package with
find_package(boardpack), links it and writes a PDF: of a sample, with the
installed template, and of a pack with a partner PDF, whose module the
library finds where it was installed with it, or where the program names
it (BuildRequest), and whose absence it reports as it is. The package
names the folders it installed (templates, schemas, fonts)."""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from packcheck import Expect  # noqa: E402
import partner_pdfs as pp  # noqa: E402

boardpack, root = sys.argv[1], sys.argv[2]
build_dir = os.path.dirname(os.path.abspath(boardpack))
t = Expect()
work = tempfile.mkdtemp(prefix="bp-install-")
prefix = os.path.join(work, "prefix")
clean_env = {"PATH": "/usr/bin:/bin", "HOME": work}

r = subprocess.run(["cmake", "--install", build_dir, "--prefix", prefix], capture_output=True, text=True)
t(r.returncode == 0, f"cmake --install succeeds ({r.stderr[-400:]})")
installed = os.path.join(prefix, "bin", "boardpack")
for rel in ["bin/boardpack", "include/boardpack/build.hpp", "include/boardpack/session.hpp", "share/boardpack/templates/lscsb.xml",
            "share/boardpack/templates/schemas/pack.xsd", "share/boardpack/fonts/LiberationSans-Regular.ttf",
            "share/man/man1/boardpack.1", "lib/cmake/boardpack/boardpackConfig.cmake",
            "lib/boardpack/boardpack-partner.so", "lib/boardpack/boardpack-partner-reader"]:
    t(os.path.exists(os.path.join(prefix, rel)), f"{rel} is installed")

# Every document of docs/, as it is, under share/doc/boardpack, its links
# to one another kept.
docs = sorted(glob.glob(os.path.join(root, "docs", "*.md")))
t(len(docs) >= 4, f"docs/ holds the documents: {docs}")
for doc in docs:
    there = os.path.join(prefix, "share/doc/boardpack", os.path.basename(doc))
    t(os.path.exists(there) and open(there, "rb").read() == open(doc, "rb").read(), f"{there} is installed")
    for link in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", open(doc, encoding="utf-8").read()):
        t(os.path.exists(os.path.join(os.path.dirname(there), link)), f"{os.path.basename(doc)} links to {link}, installed")

# The sample, away from the source tree, built from an empty folder.
sample = os.path.join(work, "meeting")
shutil.copytree(os.path.join(root, "samples/lscsb-2015-09-17"), sample)
empty = os.path.join(work, "empty")
os.makedirs(empty)
r = subprocess.run([installed, "build", os.path.join(sample, "pack.xml"), "-o", os.path.join(work, "pack.pdf")],
                   capture_output=True, text=True, cwd=empty, env=clean_env)
t(r.returncode == 0 and os.path.exists(os.path.join(work, "pack.pdf")),
  f"the installed binary builds the sample with the installed template ({r.returncode}: {r.stderr[:300]})")
r = subprocess.run([installed, "--help"], capture_output=True, text=True, env=clean_env)
t("--version" in r.stdout, "boardpack --help lists --version")
r = subprocess.run([installed, "--version"], capture_output=True, text=True, env=clean_env)
t(r.returncode == 0 and r.stdout.startswith("boardpack "), f"--version prints the version ({r.stdout!r})")
with open(installed, "rb") as f:
    # (Debug builds name their sources for debuggers; no template path may be there.)
    t((os.path.abspath(root) + "/templates").encode() not in f.read(),
      "no template folder of the source tree is compiled into the binary")

# A program of the council's own, linked against the installed package. It
# names no template folder and no module: the library finds what was
# installed with it, wherever the program is run from. Its CMakeLists.txt
# writes down the folders the package names.
app = os.path.join(work, "app")
os.makedirs(app)
open(os.path.join(app, "CMakeLists.txt"), "w").write(
    "cmake_minimum_required(VERSION 3.20)\nproject(app CXX)\nset(CMAKE_CXX_STANDARD 20)\n"
    "find_package(boardpack REQUIRED)\nadd_executable(app main.cpp)\n"
    "target_link_libraries(app PRIVATE boardpack::boardpack)\n"
    "file(WRITE ${CMAKE_BINARY_DIR}/dirs.txt \"${boardpack_TEMPLATES_DIR}\\n${boardpack_SCHEMAS_DIR}\\n"
    "${boardpack_FONTS_DIR}\\n${boardpack_PARTNER_MODULE}\\n\")\n")
open(os.path.join(app, "main.cpp"), "w").write(
    "#include <boardpack/build.hpp>\n#include <boardpack/session.hpp>\n#include <cstdio>\n#include <string>\n"
    "// app PACK OUT [--module PARTNER-MODULE]; app --preview PAPER OUT [--module PARTNER-MODULE]\n"
    "int main(int argc, char** argv) {\n"
    "    if (argc < 3) return 2;\n"
    "    const bool preview = std::string(argv[1]) == \"--preview\";\n"
    "    const int at = preview ? 2 : 1;\n"
    "    std::string module;\n"
    "    if (argc > at + 3 && std::string(argv[at + 2]) == \"--module\") module = argv[at + 3];\n"
    "    boardpack::BuildResult out;\n"
    "    if (preview) {\n"
    "        boardpack::Session desk;\n"
    "        boardpack::PreviewRequest p;\n        p.paper = argv[at];\n        p.output = argv[at + 1];\n"
    "        p.partner_module = module;\n"
    "        out = desk.preview(p);\n"
    "    } else {\n"
    "        boardpack::BuildRequest r;\n        r.pack = argv[at];\n        r.output = argv[at + 1];\n"
    "        r.partner_module = module;\n"
    "        out = boardpack::build(r);\n"
    "    }\n"
    "    for (const auto& d : out.diagnostics)\n"
    "        std::fprintf(stderr, \"%s\\nhint: %s\\n\", d.message.c_str(), d.hint.c_str());\n"
    "    return out.exit_code;\n}\n")
appbuild = os.path.join(work, "appbuild")
r = subprocess.run(["cmake", "-S", app, "-B", appbuild, f"-DCMAKE_PREFIX_PATH={prefix}", "-DCMAKE_BUILD_TYPE=Release"],
                   capture_output=True, text=True)
t(r.returncode == 0, f"find_package(boardpack) configures ({r.stderr[-600:]})")
dirs = open(os.path.join(appbuild, "dirs.txt")).read().splitlines() if r.returncode == 0 else []
want = [os.path.join(prefix, "share/boardpack/templates"), os.path.join(prefix, "share/boardpack/templates/schemas"),
        os.path.join(prefix, "share/boardpack/fonts"), os.path.join(prefix, "lib/boardpack/boardpack-partner.so")]
t(dirs == want, f"the package names its templates, schemas, fonts and partner module: {dirs}")
t(os.path.exists(os.path.join(want[0], "lscsb.xml")) and os.path.exists(os.path.join(want[1], "report.xsd"))
  and os.path.exists(os.path.join(want[2], "LiberationSans-Regular.ttf")), "and they hold them")
r = subprocess.run(["cmake", "--build", appbuild], capture_output=True, text=True)
t(r.returncode == 0, f"the program links against the package ({(r.stdout + r.stderr)[-600:]})")

# Run from elsewhere than where it was built, from an empty folder.
app_exe = os.path.join(work, "elsewhere", "app")
os.makedirs(os.path.dirname(app_exe))
if os.path.exists(os.path.join(appbuild, "app")):
    shutil.copy(os.path.join(appbuild, "app"), app_exe)
out_pdf = os.path.join(work, "app.pdf")
r = subprocess.run([app_exe, os.path.join(sample, "pack.xml"), out_pdf], capture_output=True, text=True, cwd=empty,
                   env=clean_env)
t(r.returncode == 0 and os.path.exists(out_pdf),
  f"the program writes a PDF with the installed template, found by the library ({r.returncode}: {r.stderr[:300]})")
if os.path.exists(out_pdf) and os.path.exists(os.path.join(work, "pack.pdf")):
    t(open(out_pdf, "rb").read() == open(os.path.join(work, "pack.pdf"), "rb").read(),
      "the PDF it wrote is the installed program's, byte for byte")

# ---- partner PDFs, from the installed program and from the council's -------
partner = os.path.join(work, "partner")
os.makedirs(partner)
pp.write(os.path.join(partner, "slides.pdf"), [pp.Page(*pp.A4, "Partner slide one"), pp.Page(*pp.A4, "Partner slide two")])
open(os.path.join(partner, "pack.xml"), "w", encoding="utf-8").write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<pack version="1" template="lscsb">\n'
    '  <meeting><body>Board</body><date>2015-09-17</date><time>10:00</time><venue>Hall</venue></meeting>\n'
    '  <agenda>\n    <item><title>Partner slides</title><papers src="slides.pdf" title="Slides"/></item>\n'
    '  </agenda>\n</pack>\n')
partner_pack = os.path.join(partner, "pack.xml")
open(os.path.join(partner, "report.xml"), "w", encoding="utf-8").write(
    '<report version="1">\n  <header><board>Board</board><date>2015-09-17</date><title>Slides</title></header>\n'
    '  <p>The slides are at Appendix 1.</p>\n'
    '  <appendix src="slides.pdf" title="Appendix 1 - Slides" alt="Two slides"/>\n</report>\n')
partner_report = os.path.join(partner, "report.xml")
installed_module = os.path.join(prefix, "lib/boardpack/boardpack-partner.so")


def partner_words(pdf):
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    return "Partner slide one" in text and "Partner slide two" in text


out = os.path.join(work, "cli-partner.pdf")
r = subprocess.run([installed, "build", partner_pack, "-o", out], capture_output=True, text=True, cwd=empty, env=clean_env)
t(r.returncode == 0 and partner_words(out), f"the installed program binds a partner PDF ({r.returncode}: {r.stderr[:300]})")
# The library finds the module the package installed, not one beside the program.
out = os.path.join(work, "app-partner.pdf")
r = subprocess.run([app_exe, partner_pack, out], capture_output=True, text=True, cwd=empty, env=clean_env)
t(r.returncode == 0 and partner_words(out),
  f"a program linking the installed library binds a partner PDF ({r.returncode}: {r.stderr[:400]})")

out = os.path.join(work, "app-preview.pdf")
r = subprocess.run([app_exe, "--preview", partner_report, out], capture_output=True, text=True, cwd=empty, env=clean_env)
t(r.returncode == 0 and partner_words(out),
  f"the library's preview of a report with a partner appendix finds the module too ({r.returncode}: {r.stderr[:400]})")

# A module the program names: one that is not there is reported as such.
out = os.path.join(work, "named-missing.pdf")
nowhere = os.path.join(work, "nowhere", "boardpack-partner.so")
r = subprocess.run([app_exe, partner_pack, out, "--module", nowhere], capture_output=True, text=True, cwd=empty)
t(r.returncode == 1 and f"boardpack's partner module {nowhere} does not exist" in r.stderr and "password" not in r.stderr
  and not os.path.exists(out), f"a named module that does not exist is the reason given ({r.returncode}: {r.stderr[:400]})")

# The installed module taken away: the error says where it was looked for,
# and the program that names where it now is still builds.
kept = os.path.join(work, "kept", "boardpack-partner.so")
os.makedirs(os.path.dirname(kept))
if os.path.exists(installed_module):
    shutil.move(installed_module, kept)
    # The partner reader goes with it: it is the reader that opens the module.
    shutil.copy(os.path.join(os.path.dirname(installed_module), "boardpack-partner-reader"), os.path.dirname(kept))
out = os.path.join(work, "no-module.pdf")
r = subprocess.run([app_exe, partner_pack, out], capture_output=True, text=True, cwd=empty)
t(r.returncode == 1 and "boardpack-partner.so is not installed" in r.stderr and installed_module in r.stderr
  and "password" not in r.stderr and "BuildRequest::partner_module" in r.stderr and not os.path.exists(out),
  f"without the installed module the error names where it was looked for ({r.returncode}: {r.stderr[:500]})")
out = os.path.join(work, "named.pdf")
r = subprocess.run([app_exe, partner_pack, out, "--module", kept], capture_output=True, text=True, cwd=empty)
t(r.returncode == 0 and partner_words(out), f"BuildRequest::partner_module names the module ({r.returncode}: {r.stderr[:400]})")
out = os.path.join(work, "named-preview.pdf")
r = subprocess.run([app_exe, "--preview", partner_report, out], capture_output=True, text=True, cwd=empty)
t(r.returncode == 1 and installed_module in r.stderr and not os.path.exists(out),
  f"a preview without the module says where it looked ({r.returncode}: {r.stderr[:400]})")
r = subprocess.run([app_exe, "--preview", partner_report, out, "--module", kept], capture_output=True, text=True, cwd=empty)
t(r.returncode == 0 and partner_words(out), f"PreviewRequest::partner_module names the module ({r.returncode}: {r.stderr[:400]})")

shutil.rmtree(work, ignore_errors=True)
t.finish("install")
