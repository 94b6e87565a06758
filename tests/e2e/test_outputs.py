"""Outputs as an unattended build needs them: written whole or not at all,
the previous PDF intact when a build is killed, no temporary file left after
SIGTERM or SIGINT, a link kept a link, permissions kept, the PDF on standard
output byte for byte the same as in a file; no output left from an earlier
build that a clerk could take for this one's (per-item PDFs of renumbered
items, a supplement with nothing late). (Refusals with their messages are
in the hostile corpus, tests/hostile.)"""
import json
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

# ---- --split: the folder holds exactly this build's files ------------------
meeting = os.path.join(tmp, "meeting")
shutil.copytree(os.path.join(root, "samples/lscsb-2015-09-17"), meeting)
manifest = os.path.join(meeting, "pack.xml")
items = os.path.join(tmp, "items")
os.mkdir(items)
open(os.path.join(items, "notes.txt"), "w").write("the clerk's own notes")
r = run("build", manifest, "-o", os.path.join(tmp, "split.pdf"), "--split", items)
expect(r.returncode == 0, f"split build exits 0 ({r.returncode}: {r.stderr[:300]})")
first = sorted(os.listdir(items))
expect(first == [".boardpack-files", "00-agenda.pdf", "02-minutes-of-previous-meeting.pdf",
                 "05-safer-communities-performance-quarter-1.pdf", "06-prevent-update.pdf",
                 "07-domestic-abuse-partnership-update.pdf", "notes.txt"], f"the first split: {first}")
# An officer replaces one of last build's PDFs by hand: it is no longer boardpack's.
edited = os.path.join(items, "07-domestic-abuse-partnership-update.pdf")
open(edited, "wb").write(b"%PDF-1.7 corrected by hand")
# "Matters arising" (item 3) is dropped: items 5, 6 and 7 become 4, 5 and 6.
text = open(manifest, encoding="utf-8").read()
open(manifest, "w", encoding="utf-8").write(text.replace("    <item>Matters arising</item>\n", "", 1))
report = os.path.join(tmp, "split.json")
r = run("build", manifest, "-o", os.path.join(tmp, "split.pdf"), "--split", items, "--report", report, "-v")
expect(r.returncode == 0, f"renumbered split build exits 0 ({r.returncode}: {r.stderr[:300]})")
second = sorted(os.listdir(items))
expect(second == [".boardpack-files", "00-agenda.pdf", "02-minutes-of-previous-meeting.pdf",
                  "04-safer-communities-performance-quarter-1.pdf", "05-prevent-update.pdf",
                  "06-domestic-abuse-partnership-update.pdf", "07-domestic-abuse-partnership-update.pdf", "notes.txt"],
       f"after renumbering, the split folder holds: {second}")
expect(open(edited, "rb").read() == b"%PDF-1.7 corrected by hand", "a PDF changed since the last build was touched")
expect(open(os.path.join(items, "notes.txt")).read() == "the clerk's own notes", "a file boardpack did not write was touched")
stale = [os.path.join(items, n) for n in ("05-safer-communities-performance-quarter-1.pdf", "06-prevent-update.pdf")]
said = r.stderr.decode()
expect(f"{edited}: note: an earlier build wrote this file, but it has changed since, so it was left in the folder "
       "[output]\n  hint: remove it if it should not be published with this build's files\n" in said,
       f"the changed PDF left without a word: {said[:600]}")
for path in stale:
    expect(f"removed {path}: an earlier build wrote it, this one does not\n" in said, f"not said: removed {path}")
expect(sorted(json.load(open(report))["removed"]) == stale, f"the report's removed list: {json.load(open(report))['removed']}")
record = open(os.path.join(items, ".boardpack-files")).read().splitlines()
expect(sorted(l.split("  ")[1] for l in record if not l.startswith("#")) ==
       [n for n in second if n.endswith(".pdf") and not n.startswith("07-")], f"the folder's record: {record}")

# ---- --supplement with nothing late: succeeds, says so, leaves no stale supplement
late = os.path.join(tmp, "late.pdf")
sup_report = os.path.join(tmp, "sup.json")
nothing_late = (f"{late}: note: no supplement was written: no item marked to-follow=\"true\" has its papers yet{{}} "
                "[agenda]\n  hint: when a late paper arrives, name it in its item's <papers>, keeping to-follow=\"true\"\n")
r = run("build", manifest, "-o", os.path.join(tmp, "p.pdf"), "--supplement", late, "--report", sup_report)
expect(r.returncode == 0 and r.stderr.decode() == nothing_late.format(""),
       f"--supplement with nothing late: {r.returncode} {r.stderr[:400]}")
expect(not os.path.exists(late), "a supplement was written with nothing late")
rep = json.load(open(sup_report))
expect(rep["ok"] and rep["not_written"] == [{"not_written": late, "edition": "supplement",
                                             "reason": "no item marked to-follow=\"true\" has its papers yet"}]
       and [o["edition"] for o in rep["outputs"]] == ["pack"], f"the report on a supplement not written: {rep['not_written']}")
# The same with --format json: the note is the one diagnostic.
r = run("build", manifest, "-o", os.path.join(tmp, "p.pdf"), "--supplement", late, "--format", "json")
notes = json.loads(r.stdout) if r.returncode == 0 else []
expect([(d["severity"], d["rule"], d["file"]) for d in notes] == [("note", "agenda", late)], f"as JSON: {notes}")

# A late paper arrives for the minutes (item 2, marked to follow): a supplement is written.
text = open(manifest, encoding="utf-8").read()
with_late = text.replace("<item>\n      <title>Minutes of previous meeting.</title>",
                         '<item to-follow="true">\n      <title>Minutes of previous meeting.</title>', 1)
open(manifest, "w", encoding="utf-8").write(with_late)
r = run("build", manifest, "-o", os.path.join(tmp, "p.pdf"), "--supplement", late)
expect(r.returncode == 0 and os.path.exists(late), f"the supplement with a late paper: {r.returncode} {r.stderr[:300]}")
title = subprocess.run(["pdfinfo", late], capture_output=True, text=True).stdout
expect("Title:           Supplementary agenda - LEICESTERSHIRE SAFER COMMUNITIES STRATEGY BOARD" in title,
       f"the supplement's title: {title[:300]}")
# The paper is moved into the pack: last night's supplement is stale and goes.
open(manifest, "w", encoding="utf-8").write(text)
r = run("build", manifest, "-o", os.path.join(tmp, "p.pdf"), "--supplement", late, "--report", sup_report)
expect(r.returncode == 0 and r.stderr.decode() == nothing_late.format(
    "; the supplement an earlier build wrote here was removed"), f"stale supplement: {r.returncode} {r.stderr[:400]}")
expect(not os.path.exists(late), "the stale supplement is still there")
expect(json.load(open(sup_report))["removed"] == [late], "the report does not say the stale supplement was removed")
# A file boardpack did not write as a supplement is never removed: last week's pack named by mistake.
shutil.copy(os.path.join(tmp, "p.pdf"), late)
before = open(late, "rb").read()
r = run("build", manifest, "-o", os.path.join(tmp, "p2.pdf"), "--supplement", late)
expect(r.returncode == 0 and r.stderr.decode() == nothing_late.format(
    "; the file already there is not a supplement boardpack wrote, so it was left as it was"),
    f"a pack where the supplement goes: {r.returncode} {r.stderr[:400]}")
expect(open(late, "rb").read() == before, "a pack PDF at the supplement's path was changed")
os.remove(late)

# Only an exempt late paper, for the public: nothing to bind, and the reason says why.
exempt_late = with_late.replace('<item to-follow="true">', '<item to-follow="true" exempt="1">', 1)
open(manifest, "w", encoding="utf-8").write(exempt_late)
r = run("build", manifest, "-o", os.path.join(tmp, "p.pdf"), "--supplement", late)
expect(r.returncode == 0 and not os.path.exists(late) and "no supplement was written: the only papers that have arrived "
       "for items marked to-follow=\"true\" are exempt, and the public edition leaves them out" in r.stderr.decode(),
       f"exempt late paper, public audience: {r.returncode} {r.stderr[:400]}")
r = run("build", manifest, "-o", os.path.join(tmp, "p.pdf"), "--supplement", late, "--audience", "full")
expect(r.returncode == 0 and os.path.exists(late), f"exempt late paper, full audience: {r.returncode} {r.stderr[:300]}")

shutil.rmtree(tmp)
expect.finish("outputs")
