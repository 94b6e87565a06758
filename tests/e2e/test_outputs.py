"""Outputs as an unattended build needs them: written whole or not at all,
the previous PDF intact when a build is killed, no temporary file left after
SIGTERM or SIGINT, a link kept a link, permissions kept, the PDF on standard
output byte for byte the same as in a file. (Refusals with their messages are
in the hostile corpus, tests/hostile.)"""
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from packcheck import Expect  # noqa: E402

boardpack, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
expect = Expect()
tmp = tempfile.mkdtemp(prefix="bp-outputs-")
sample = os.path.join(root, "samples/lscsb-2015-09-17/pack.xml")


def run(*args, **kw):
    return subprocess.run([boardpack, *args], capture_output=True, cwd=tmp, **kw)


def temporaries(folder):
    return [f for f in os.listdir(folder) if ".tmp" in f]


# ---- the PDF on standard output is the PDF --------------------------------
in_file = os.path.join(tmp, "file.pdf")
r = run("build", sample, "-o", in_file)
expect(r.returncode == 0, f"build exits 0 ({r.returncode}: {r.stderr[:300]})")
r = run("build", sample, "-o", "-")
expect(r.returncode == 0, f"build -o - exits 0 ({r.returncode}: {r.stderr[:300]})")
expect(r.stdout == open(in_file, "rb").read(), "the PDF on standard output differs from the one written to a file")
expect(not os.path.exists(os.path.join(tmp, "-")), "-o - wrote a file named '-'")

# ---- a link stays a link; permissions are kept ------------------------------
os.mkdir(os.path.join(tmp, "archive"))
real = os.path.join(tmp, "archive/2015-09-17.pdf")
open(real, "wb").write(b"%PDF-1.7 an older pack")
os.chmod(real, 0o600)
link = os.path.join(tmp, "latest.pdf")
os.symlink("archive/2015-09-17.pdf", link)
r = run("build", sample, "-o", link)
expect(r.returncode == 0, f"build through a link exits 0 ({r.returncode}: {r.stderr[:300]})")
expect(os.path.islink(link) and os.readlink(link) == "archive/2015-09-17.pdf", "the link was replaced by a file")
expect(open(real, "rb").read() == open(in_file, "rb").read(), "the link's target does not hold the new PDF")
expect(stat.S_IMODE(os.stat(real).st_mode) == 0o600,
       f"the rebuilt PDF lost its permissions: {oct(stat.S_IMODE(os.stat(real).st_mode))}")
expect(not temporaries(tmp) and not temporaries(os.path.join(tmp, "archive")), "a temporary file was left behind")

# ---- a killed build leaves the previous PDF; SIGTERM and SIGINT leave no temporary
# A pack long enough that writing it takes a while (about 300 pages).
big = os.path.join(tmp, "big")
shutil.copytree(os.path.join(root, "samples/lscsb-2015-09-17"), big)
prevent = os.path.join(big, "report-prevent.xml")
text = open(prevent, encoding="utf-8").read()
filler = "  <p>" + "The partnership reviewed every referral made in the quarter and agreed the actions set out. " * 12 + "</p>\n"
cut = text.index("  <p>The Home Office recognises")
open(prevent, "w", encoding="utf-8").write(text[:cut] + filler * 600 + text[cut:])
out_dir = os.path.join(tmp, "killed")
os.mkdir(out_dir)
previous = os.path.join(out_dir, "pack.pdf")


def killed_while_writing(sig):
    """Starts a build of the big pack over `previous`, sends `sig` once its
    temporary file exists, and returns the exit status."""
    open(previous, "wb").write(b"%PDF-1.7 the previous pack")
    p = subprocess.Popen([boardpack, "build", os.path.join(big, "pack.xml"), "-o", previous, "--threads", "1"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not temporaries(out_dir) and p.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    writing = bool(temporaries(out_dir))
    p.send_signal(sig)
    code = p.wait(timeout=60)
    expect(writing, f"{signal.Signals(sig).name}: the build ended before it started writing; the pack is too small")
    return code


for sig in (signal.SIGKILL, signal.SIGTERM, signal.SIGINT):
    code = killed_while_writing(sig)
    name = signal.Signals(sig).name
    expect(code == -sig, f"{name}: the build was not ended by the signal (exit {code})")
    expect(open(previous, "rb").read() == b"%PDF-1.7 the previous pack", f"{name}: the previous PDF was changed")
    if sig != signal.SIGKILL:  # nothing can clean up after SIGKILL
        expect(not temporaries(out_dir), f"{name}: temporary files left behind: {temporaries(out_dir)}")
    for f in temporaries(out_dir):
        os.remove(f"{out_dir}/{f}")

# ---- two builds at once to one target: each whole, the survivor a good PDF
procs = [subprocess.Popen([boardpack, "build", sample, "-o", previous, "--threads", "1"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(2)]
codes = [p.wait(timeout=120) for p in procs]
expect(codes == [0, 0], f"concurrent builds to one file failed: {codes}")
expect(open(previous, "rb").read() == open(in_file, "rb").read(), "concurrent builds left a mixed PDF")
expect(not temporaries(out_dir), "concurrent builds left temporary files")

shutil.rmtree(tmp)
expect.finish("outputs")
