"""Installed like real software: `cmake --install` into a scratch prefix,
then the installed binary builds a sample from an empty folder with a clean
environment, and a ten-line C++ program finds the package with
find_package(boardpack), links it and writes a PDF."""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from packcheck import Expect  # noqa: E402

boardpack, root = sys.argv[1], sys.argv[2]
build_dir = os.path.dirname(os.path.abspath(boardpack))
t = Expect()
work = tempfile.mkdtemp(prefix="bp-install-")
prefix = os.path.join(work, "prefix")
clean_env = {"PATH": "/usr/bin:/bin", "HOME": work}

r = subprocess.run(["cmake", "--install", build_dir, "--prefix", prefix], capture_output=True, text=True)
t(r.returncode == 0, f"cmake --install succeeds ({r.stderr[-400:]})")
installed = os.path.join(prefix, "bin", "boardpack")
for rel in ["bin/boardpack", "include/boardpack/build.hpp", "share/boardpack/templates/lscsb.xml",
            "share/boardpack/templates/schemas/pack.xsd", "share/boardpack/fonts/LiberationSans-Regular.ttf",
            "share/man/man1/boardpack.1", "lib/cmake/boardpack/boardpackConfig.cmake",
            "lib/boardpack/boardpack-partner.so"]:
    t(os.path.exists(os.path.join(prefix, rel)), f"{rel} is installed")

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

# A program of the council's own, linked against the installed package.
app = os.path.join(work, "app")
os.makedirs(app)
open(os.path.join(app, "CMakeLists.txt"), "w").write(
    "cmake_minimum_required(VERSION 3.20)\nproject(app CXX)\nset(CMAKE_CXX_STANDARD 20)\n"
    "find_package(boardpack REQUIRED)\nadd_executable(app main.cpp)\n"
    "target_link_libraries(app PRIVATE boardpack::boardpack)\n")
open(os.path.join(app, "main.cpp"), "w").write(
    "#include <boardpack/build.hpp>\n#include <cstdio>\n"
    "int main(int argc, char** argv) {\n"
    "    if (argc < 4) return 2;\n"
    "    boardpack::BuildRequest r;\n    r.pack = argv[1];\n    r.output = argv[2];\n"
    "    r.template_dirs.push_back(argv[3]);\n"
    "    boardpack::BuildResult out = boardpack::build(r);\n"
    "    for (const auto& d : out.diagnostics) std::fprintf(stderr, \"%s\\n\", d.message.c_str());\n"
    "    return out.exit_code;\n}\n")
appbuild = os.path.join(work, "appbuild")
r = subprocess.run(["cmake", "-S", app, "-B", appbuild, f"-DCMAKE_PREFIX_PATH={prefix}", "-DCMAKE_BUILD_TYPE=Release"],
                   capture_output=True, text=True)
t(r.returncode == 0, f"find_package(boardpack) configures ({r.stderr[-600:]})")
r = subprocess.run(["cmake", "--build", appbuild], capture_output=True, text=True)
t(r.returncode == 0, f"the program links against the package ({(r.stdout + r.stderr)[-600:]})")
out_pdf = os.path.join(work, "app.pdf")
r = subprocess.run([os.path.join(appbuild, "app"), os.path.join(sample, "pack.xml"), out_pdf,
                    os.path.join(prefix, "share/boardpack/templates")],
                   capture_output=True, text=True, cwd=empty)
t(r.returncode == 0 and os.path.exists(out_pdf), f"the program writes a PDF ({r.returncode}: {r.stderr[:300]})")
if os.path.exists(out_pdf):
    info = subprocess.run(["pdfinfo", out_pdf], capture_output=True, text=True).stdout
    t("Pages:          22" in info or "Tagged:          yes" in info, "the PDF it wrote is a tagged pack")

shutil.rmtree(work, ignore_errors=True)
t.finish("install")
