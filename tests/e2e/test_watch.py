"""boardpack watch: the pack built, then built again each time a paper is
saved, one line a build. One save makes one build, a burst of saves one, a
save by renaming (as editors save) one; a broken save, a deleted paper, a
folder where a paper was and a broken manifest each say so and leave the
last good PDF as it was, and the desk goes on; a paper the manifest comes
to name is built when it arrives; the rebuilt PDF is the bytes of a build
from nothing; SIGINT, idle or in the middle of a build, leaves no
temporary file."""
import atexit
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from packcheck import Expect  # noqa: E402

boardpack, root = os.path.abspath(sys.argv[1]), sys.argv[2]
os.chdir(root)
t = Expect()
tmp = tempfile.mkdtemp(prefix="bp-watch-")
folder = os.path.join(tmp, "pack")
shutil.copytree("samples/lscsb-2015-09-17", folder)
manifest = os.path.join(folder, "pack.xml")
pdf = os.path.join(tmp, "out", "pack.pdf")
os.mkdir(os.path.dirname(pdf))
prevent = os.path.join(folder, "report-prevent.xml")
good_prevent = open(prevent, encoding="utf-8").read()


running = []
# However the test ends, no desk is left running.
atexit.register(lambda: [p.kill() for p in running if p.poll() is None])


class Watch:
    """A running `boardpack watch`, its lines read as they come."""

    def __init__(self, *extra):
        self.p = subprocess.Popen([boardpack, "watch", manifest, "-o", pdf, *extra], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        self.lines, self.err = queue.Queue(), []
        running.append(self.p)
        threading.Thread(target=self._read, args=(self.p.stdout, self.lines.put), daemon=True).start()
        threading.Thread(target=self._read, args=(self.p.stderr, self.err.append), daemon=True).start()

    @staticmethod
    def _read(stream, put):
        for line in stream:
            put(line.rstrip("\n"))

    def until(self, words, seconds=20):
        """The first line holding `words`, or None after `seconds`."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                continue
            if words in line:
                return line
        return None

    def builds(self, quiet=1.0, first=30.0):
        """Every build line until none has come for `quiet` seconds after
        the first (waited for up to `first` seconds, for a slow machine)."""
        out = []
        while True:
            try:
                line = self.lines.get(timeout=quiet if out else first)
            except queue.Empty:
                return out
            if line.startswith("["):
                out.append(line)

    def stop(self, sig=signal.SIGINT):
        self.p.send_signal(sig)
        try:
            self.p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()
        return self.p.returncode


def save(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def save_by_rename(path, text):
    """As vim and most editors save: a new file renamed over the old."""
    side = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".swp")
    save(side, text)
    os.rename(side, path)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def cold_bytes():
    out = os.path.join(tmp, "cold.pdf")
    r = subprocess.run([boardpack, "build", manifest, "-o", out], capture_output=True, text=True)
    t(r.returncode == 0, f"the cold build works ({r.stderr[-300:]})")
    return read(out) if r.returncode == 0 else b""


def leftovers():
    return [n for d in (os.path.dirname(pdf), folder) for n in os.listdir(d) if ".tmp-" in n]


w = Watch()
first = w.until("] built", 30)
t(first is not None and "wrote " + pdf + " 20 pages" in first and "4 items laid out" in first and "no problems" in first,
  f"the first build: {first!r}")
watching = w.until("watching")
t(watching is not None and re.match(r"watching \d+ files in \d+ folders; Ctrl-C stops", watching), f"{watching!r}")

# One save in place: one build, that item alone laid out again.
save(prevent, good_prevent.replace("<h1>", "<h1>Revised ", 1))
got = w.builds()
t(len(got) == 1, f"one save, one build: {got}")
t(got and f"{prevent} changed: wrote {pdf} 20 pages; 1 item laid out, 3 kept;" in got[0], f"the line says what: {got}")
t(read(pdf) == cold_bytes(), "the rebuilt PDF is the bytes of a build from nothing")

# Saved by renaming a new file over the paper: one build.
save_by_rename(prevent, good_prevent)
got = w.builds()
t(len(got) == 1 and f"{prevent} changed: wrote" in got[0], f"a save by rename, one build: {got}")

# A burst of saves, 20 ms apart: one build, after the last.
for n in range(6):
    save(prevent, good_prevent.replace("</report>", f"<!-- save {n} -->\n</report>"))
    time.sleep(0.02)
got = w.builds()
t(len(got) == 1 and "1 item laid out" in got[0], f"a burst of saves, one build: {got}")
good_pdf = read(pdf)
t(read(pdf) == cold_bytes(), "after the burst, the PDF is the last save's")

# A broken save: the error said, the last good PDF left as it was.
del w.err[:]
save(prevent, good_prevent.replace("<h1>", "<h1 class=>", 1))
got = w.builds()
t(len(got) == 1 and "1 error" in got[0] and "nothing written, the outputs of" in got[0] and "stay in place" in got[0],
  f"a broken save says so: {got}")
t(read(pdf) == good_pdf, "a broken save leaves the last good PDF")
errors = "\n".join(w.err)
t(f"{prevent}:" in errors and "error:" in errors and "|" in errors and "^" in errors,
  f"its diagnostic with the source line and a caret: {errors[-600:]}")

# Each kind of bad input is a build that says so; the desk goes on.
bad = {
    "the paper deleted": lambda: os.remove(prevent),
    "a folder where the paper was": lambda: os.mkdir(prevent),
    "a half-saved paper": lambda: (os.rmdir(prevent), save(prevent, good_prevent[:len(good_prevent) // 2])),
}
for what, act in bad.items():
    act()
    got = w.builds()
    t(len(got) == 1 and "error" in got[0] and "stay in place" in got[0], f"{what}: one build that says so: {got}")
    t(read(pdf) == good_pdf, f"{what}: the last good PDF stays")
good_manifest = open(manifest, encoding="utf-8").read()
save(manifest, good_manifest.replace("</agenda>", "<item>", 1))
got = w.builds()
t(len(got) == 1 and "error" in got[0] and "stay in place" in got[0], f"a broken manifest: {got}")
save(prevent, good_prevent)
save(manifest, good_manifest)
got = w.builds()
t(len(got) >= 1 and "wrote" in got[-1], f"both mended, the pack builds again: {got}")
t(w.p.poll() is None, "the desk is still running after every kind of bad input")
t(read(pdf) == cold_bytes(), "and the PDF is the bytes of a build from nothing")

# A paper the manifest comes to name before it arrives: built when it does.
late = os.path.join(folder, "late", "report-late.xml")
save(manifest, good_manifest.replace(
    "</agenda>", '<item><title>Late report</title><papers src="late/report-late.xml"/></item>\n  </agenda>', 1))
got = w.builds()
t(len(got) == 1 and "error" in got[0], f"a paper named before it arrives: {got}")
os.mkdir(os.path.dirname(late))
save(late, good_prevent.replace("<h1>", "<h1>Late ", 1))
got = w.builds()
t(len(got) == 1 and f"{late} changed: wrote" in got[0], f"the late paper, when it arrives, is built: {got}")
t(read(pdf) == cold_bytes(), "with the late paper, the PDF is the bytes of a build from nothing")

# The PDF written beside the papers is not taken for a save.
code = w.stop()
t(code == 0 and w.until("stopped", 2) is not None, f"SIGINT between builds stops the desk (exit {code})")
t(not leftovers(), f"no temporary file: {leftovers()}")

# SIGINT in the middle of a build: the build finishes or is dropped, and
# no temporary file is left; a second SIGINT ends it at once, and still none.
long_paper = good_prevent.replace("<h1>", "".join(f"<p>Paragraph {n} of a long paper that the clerk saved "
                                                  "while the desk was still building it.</p>\n" for n in range(30000))
                                  + "<h1>", 1)
for signals in (1, 2):
    save(prevent, good_prevent)
    w = Watch()
    t(w.until("watching", 30) is not None, "the desk starts")
    save(prevent, long_paper)
    time.sleep(0.2)  # settled, and building
    for _ in range(signals):
        w.p.send_signal(signal.SIGINT)
        time.sleep(0.01)
    try:
        code = w.p.wait(timeout=30)
    except subprocess.TimeoutExpired:
        w.p.kill()
        code = "hung"
    if signals == 1:
        pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", pages, re.M).group(1))
        t(code == 0 and pages > 200, f"one SIGINT in a build: the build finishes ({pages} pages), then the desk stops ({code})")
    else:
        t(code == -signal.SIGINT, f"a second SIGINT ends the desk at once ({code})")
    t(not leftovers(), f"{signals} SIGINT in a build: no temporary file ({leftovers()})")
    r = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True)
    t(r.returncode in (0, 3), f"the PDF left is whole ({r.stdout[-200:]})")

# An output that would replace a paper is a mistake on the command line:
# the desk says so and stops at once, with the exit status build gives.
before = read(prevent)
r = subprocess.run([boardpack, "watch", manifest, "-o", prevent], capture_output=True, text=True, timeout=60)
t(r.returncode == 2 and "would be written over the paper" in r.stderr and "nothing written: an output would replace"
  in r.stdout, f"-o naming a paper: exit 2 and why ({r.returncode}: {r.stdout[-200:]} {r.stderr[-300:]})")
t(read(prevent) == before, "and the paper is as it was")
r = subprocess.run([boardpack, "watch", manifest], capture_output=True, text=True, timeout=60)
t(r.returncode == 2 and "watch needs -o OUT.pdf" in r.stderr, f"watch without an output: exit 2 ({r.stderr[-200:]})")

shutil.rmtree(tmp)
t.finish("watch")
