"""A build folder anywhere works: it holds boardpack's files as an installed
tree does (share/boardpack/templates with the schemas, share/boardpack/fonts,
lib/boardpack/boardpack-partner.so and the partner reader beside it), and what is built there finds them
relative to itself, whatever the working folder. A folder configured
outside the source tree (`cmake -B /elsewhere`) is staged the same way;
the program it would build is this one (nothing of a tree is compiled in,
test_install checks), so it is put there and run from an empty folder."""
import glob
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from packcheck import Expect  # noqa: E402
import partner_pdfs as pp  # noqa: E402

boardpack, root = sys.argv[1], sys.argv[2]
build = os.path.dirname(os.path.abspath(boardpack))
t = Expect()
work = tempfile.mkdtemp(prefix="bp-build-tree-")
clean_env = {"PATH": "/usr/bin:/bin", "HOME": work}

STAGED = ["share/boardpack/templates/lscsb.xml", "share/boardpack/templates/lscsb-2016.xml",
          "share/boardpack/templates/schemas/report.xsd", "share/boardpack/fonts/LiberationSans-Regular.ttf"]


def module_in(folder):
    return glob.glob(os.path.join(folder, "lib*", "**", "boardpack", "boardpack-partner.so"), recursive=True)


# ---- this build folder --------------------------------------------------------
for rel in STAGED:
    t(os.path.isfile(os.path.join(build, rel)), f"the build folder holds {rel}")
t(len(module_in(build)) == 1, f"the build folder holds lib/boardpack/boardpack-partner.so: {module_in(build)}")
t(all(os.access(os.path.join(os.path.dirname(m), "boardpack-partner-reader"), os.X_OK) for m in module_in(build)),
  "and the partner reader beside it")

# ---- a build folder elsewhere ----------------------------------------------
elsewhere = os.path.join(work, "elsewhere")
r = subprocess.run(["cmake", "-S", root, "-B", elsewhere, "-DBOARDPACK_TESTS=OFF"], capture_output=True, text=True)
t(r.returncode == 0, f"cmake -B {elsewhere} configures: {r.stderr[-400:]}")
for rel in STAGED:
    t(os.path.isfile(os.path.join(elsewhere, rel)), f"a build folder outside the source tree holds {rel}")
# Its program, module and partner reader, where that folder builds them.
program = os.path.join(elsewhere, "boardpack")
shutil.copy(boardpack, program)
for m in module_in(build):
    dest = os.path.join(elsewhere, os.path.relpath(m, build))
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    shutil.copy(m, dest)
    shutil.copy(os.path.join(os.path.dirname(m), "boardpack-partner-reader"), os.path.dirname(dest))

meeting = os.path.join(work, "meeting")
shutil.copytree(os.path.join(root, "samples/lscsb-2016-09-08"), meeting)
empty = os.path.join(work, "empty")
os.makedirs(empty)


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True, cwd=empty, env=clean_env)


# A pack naming its template (lscsb-2016), the fonts the template names.
out = os.path.join(work, "pack.pdf")
r = run(program, "build", os.path.join(meeting, "pack.xml"), "-o", out)
t(r.returncode == 0 and os.path.exists(out), f"it builds a sample with the staged template and fonts: {r.stderr[:400]}")
reference = os.path.join(work, "reference.pdf")
r = subprocess.run([boardpack, "build", os.path.join(meeting, "pack.xml"), "-o", reference], capture_output=True, text=True)
t(os.path.exists(out) and os.path.exists(reference) and open(out, "rb").read() == open(reference, "rb").read(),
  "the same bytes as the program in its own build folder")

# validate checks a paper against the default template's fonts (which do
# not have Chinese): only a program that found them can say so.
paper = os.path.join(work, "unprintable.xml")
shutil.copy(os.path.join(root, "tests/diagnostics/unprintable-characters.xml"), paper)
r = run(program, "validate", paper)
t(r.returncode == 1 and 'character U+4E2D "中" cannot be printed' in r.stderr,
  f"validate finds the default template and its fonts: {r.stderr[-300:]}")
r = run(program, "preview", os.path.join(meeting, "lfrs-update.xml"), "-o", os.path.join(work, "draft.pdf"))
t(r.returncode == 0 and os.path.exists(os.path.join(work, "draft.pdf")),
  f"preview finds the default template: {r.stderr[-300:]}")

# A partner PDF: the module in the folder's lib/boardpack/.
pp.write(os.path.join(meeting, "slides.pdf"), [pp.Page(*pp.A4, "Staged partner slide")])
open(os.path.join(meeting, "partner.xml"), "w", encoding="utf-8").write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<pack version="1" template="lscsb">\n'
    '  <meeting><body>Board</body><date>2016-09-08</date><time>10:00</time><venue>Hall</venue></meeting>\n'
    '  <agenda>\n    <item><title>Slides</title><papers src="slides.pdf" title="Slides"/></item>\n  </agenda>\n</pack>\n')
out = os.path.join(work, "partner.pdf")
r = run(program, "build", os.path.join(meeting, "partner.xml"), "-o", out)
text = subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True).stdout if os.path.exists(out) else ""
t(r.returncode == 0 and "Staged partner slide" in text, f"it binds a partner PDF with the folder's module: {r.stderr[:400]}")

shutil.rmtree(work, ignore_errors=True)
t.finish("build tree")
