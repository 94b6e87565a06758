"""The command line as an unattended build meets it: exit codes, located
diagnostics, no half-written PDF, a JSON report, validate for officers."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from packcheck import Expect  # noqa: E402

boardpack, root = sys.argv[1], sys.argv[2]
expect = Expect()


def run(*args):
    return subprocess.run([boardpack, *args], capture_output=True, text=True, cwd=root)


tmp = tempfile.mkdtemp(prefix="bp-cli-")
# A pack whose report has two mistakes: both reported, located, nothing written.
shutil.copytree(os.path.join(root, "samples/lscsb-2015-09-17"), os.path.join(tmp, "pack"))
report = os.path.join(tmp, "pack/report-prevent.xml")
text = open(report, encoding="utf-8").read()
text = text.replace("<h1>Funding</h1>", "<para>Funding</para>", 1).replace("<date>2015-09-17</date>", "<date>2015-09-31</date>", 1)
open(report, "w", encoding="utf-8").write(text)
out = os.path.join(tmp, "out.pdf")
r = run("build", os.path.join(tmp, "pack/pack.xml"), "-o", out, "--report", os.path.join(tmp, "r.json"))
expect(r.returncode == 1, f"bad input exits 1, got {r.returncode}")
expect(not os.path.exists(out), "a failed build wrote a PDF")
expect(not [f for f in os.listdir(tmp) if ".tmp" in f], "a failed build left a temporary file")
lines = [l for l in r.stderr.splitlines() if ": error: " in l]
hints = [l for l in r.stderr.splitlines() if l.startswith("  hint: ")]
expect(any("report-prevent.xml:" in l and "<para>" in l and l.endswith("[unknown-element]") for l in lines)
       and "  hint: did you mean <p>?" in hints,
       f"unknown <para> not reported with its place and the right word: {lines}")
expect(any("report-prevent.xml:" in l and "2015-09-31" in l for l in lines), f"impossible date not reported: {lines}")
for l in lines:
    loc = l.split(": error: ")[0].split(":")
    expect(len(loc) == 3 and loc[1].isdigit() and loc[2].isdigit(), f"diagnostic without file:line:col: {l}")
rep = json.load(open(os.path.join(tmp, "r.json")))
expect(rep["ok"] is False and len(rep["diagnostics"]) >= 2, "the JSON report does not carry the errors")
expect(all(d["rule"] and "hint" in d for d in rep["diagnostics"]), "the JSON report lacks rule ids or hints")
bj = run("build", os.path.join(tmp, "pack/pack.xml"), "-o", out, "--format", "json")
items = json.loads(bj.stdout) if bj.stdout.startswith("[") else []
expect(bj.returncode == 1 and {"unknown-element", "bad-value"} <= {d["rule"] for d in items} and bj.stderr == "",
       f"build --format json: {bj.returncode} {bj.stdout[:200]} {bj.stderr[:200]}")

# validate: the same file, for the officer, every mistake at once.
v = run("validate", report)
expect(v.returncode == 1, f"validate of a bad report exits 1, got {v.returncode}")
expect(sum(": error: " in l for l in v.stderr.splitlines()) >= 2, "validate did not report every mistake")
good = run("validate", "samples/lscsb-2015-09-17/report-domestic-abuse.xml", "samples/lscsb-2015-09-17/pack.xml",
           "templates/lscsb.xml")
# The pack and its four papers (the report among them, checked once, as part of the pack); the template.
expect(good.returncode == 0 and good.stderr == "6 files: 0 errors, 0 warnings\n",
       f"validate of good files: {good.returncode} {good.stderr[:200]}")

# `validate *.xml` in a pack's folder: each paper reported once, whether it
# is named before the pack or after it, or twice.
folder = os.path.join(tmp, "pack")
everything = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".xml"))
for files in (everything, list(reversed(everything)), everything + [report]):
    v = run("validate", *files)
    errors = [l for l in v.stderr.splitlines() if ": error: " in l]
    expect(v.returncode == 1 and len(errors) == 2 and len(set(errors)) == 2
           and v.stderr.endswith(f"{len(everything)} files: 2 errors, 0 warnings\n"),
           f"validate of a pack folder reports each mistake once: {errors} {v.stderr[-80:]}")
# Two packs that name one paper (a pack and its supplement's copy, two
# committees sharing a report): its mistakes are reported with the first.
second = os.path.join(folder, "second-pack.xml")
shutil.copy(os.path.join(folder, "pack.xml"), second)
for packs in ([os.path.join(folder, "pack.xml"), second], [second, os.path.join(folder, "pack.xml")]):
    v = run("validate", *packs)
    errors = [l for l in v.stderr.splitlines() if ": error: " in l]
    expect(v.returncode == 1 and len(errors) == 2 and len(set(errors)) == 2
           and v.stderr.endswith(f"{len(everything) + 1} files: 2 errors, 0 warnings\n"),
           f"validate of two packs naming one paper reports its mistakes once: {errors} {v.stderr[-80:]}")
os.remove(second)
vj = run("validate", "--format", "json", *everything)
expect(len(json.loads(vj.stdout)) == 2, f"validate --format json of a pack folder: {vj.stdout[:300]}")

# The caret form: sorted, each diagnostic with its source line, a caret under the column and its hint; no colour
# when not on a terminal; a summary line.
bad = os.path.join(tmp, "bad.xml")
open(bad, "w", encoding="utf-8").write(
    '<report version="1">\n'
    '  <header><board>B</board><date>2015-09-17</date><title>T</title></header>\n'
    '  <para>Text</para>\n'
    '  <p><a href="www.leics.gov.uk">site</a></p>\n'
    '</report>\n')
c = run("validate", bad)
expect(c.returncode == 1, f"validate of bad.xml exits 1, got {c.returncode}")
expect(c.stderr == f"{bad}:3:3: error: unknown element <para> inside <report> [unknown-element]\n"
                   "    3 |   <para>Text</para>\n"
                   "      |   ^\n"
                   "  hint: did you mean <p>?\n"
                   f"{bad}:4:9: error: the link \"www.leics.gov.uk\" needs its scheme [link]\n"
                   '    4 |   <p><a href="www.leics.gov.uk">site</a></p>\n'
                   "      |         ^\n"
                   '  hint: write href="https://www.leics.gov.uk"\n'
                   "1 file: 2 errors, 0 warnings\n", f"caret form:\n{c.stderr}")

# JSON for tools, on stdout, in the same order.
j = run("validate", "--format", "json", bad)
items = json.loads(j.stdout)
expect(j.returncode == 1 and [(d["line"], d["column"], d["rule"]) for d in items] == [(3, 3, "unknown-element"), (4, 9, "link")]
       and items[0]["hint"] == "did you mean <p>?" and items[0]["severity"] == "error" and items[0]["file"] == bad,
       f"--format json: {j.stdout[:300]}")
expect(run("validate", "--format", "xml", bad).returncode == 2, "an unknown --format is a usage error")

# validate - reads standard input; its diagnostics name <stdin> and show its lines.
with open(bad, "rb") as f:
    s = subprocess.run([boardpack, "validate", "-"], stdin=f, capture_output=True, text=True, cwd=root)
expect(s.returncode == 1 and s.stderr.startswith("<stdin>:3:3: error: unknown element <para>")
       and "    3 |   <para>Text</para>\n" in s.stderr, f"validate -: {s.stderr[:300]}")

# --werror: a warning (minutes that do not say where their numbering starts) fails the run.
minutes = os.path.join(tmp, "minutes.xml")
open(minutes, "w", encoding="utf-8").write(
    '<minutes version="1"><header><board>B</board><date>2015-06-18</date><venue>V</venue></header>'
    '<minute><title>Introductions</title><p>Held.</p></minute></minutes>\n')
m = run("validate", minutes)
expect(m.returncode == 0 and "warning: " in m.stderr and m.stderr.endswith("1 file: 0 errors, 1 warning\n"),
       f"a warning alone passes: {m.returncode} {m.stderr[:300]}")
expect(run("validate", "--werror", minutes).returncode == 1, "--werror makes a warning fail")

# A character the template's fonts lack stops the build with its code point and place, before any PDF.
shutil.copytree(os.path.join(root, "samples/lscsb-2015-09-17"), os.path.join(tmp, "ticks"))
ticked = os.path.join(tmp, "ticks/report-prevent.xml")
text = open(ticked, encoding="utf-8").read().replace("<h1>Funding</h1>", "<h1>Funding \u2713</h1>", 1)
open(ticked, "w", encoding="utf-8").write(text)
line = next(i + 1 for i, l in enumerate(text.splitlines()) if "\u2713" in l)
t = run("build", os.path.join(tmp, "ticks/pack.xml"), "-o", os.path.join(tmp, "ticks.pdf"))
expect(t.returncode == 1 and not os.path.exists(os.path.join(tmp, "ticks.pdf"))
       and f"report-prevent.xml:{line}:" in t.stderr and 'U+2713 "\u2713"' in t.stderr
       and "[unprintable-character]" in t.stderr, f"unprintable character in build: {t.returncode} {t.stderr[:300]}")

# Usage errors exit 2; an unwritable output exits 3 and leaves nothing.
expect(run("build").returncode == 2, "build without a pack is a usage error")
expect(run("frobnicate").returncode == 2, "an unknown command is a usage error")
w = run("build", "samples/lscsb-2015-09-17/pack.xml", "-o", "/nonexistent-dir/x.pdf")
expect(w.returncode == 3, f"an unwritable output exits 3, got {w.returncode}: {w.stderr[:200]}")

# A good build replaces an existing file only when complete.
ok = run("build", "samples/lscsb-2015-09-17/pack.xml", "-o", out, "--report", os.path.join(tmp, "ok.json"))
expect(ok.returncode == 0 and os.path.getsize(out) > 10000, "the sample pack builds")
rep = json.load(open(os.path.join(tmp, "ok.json")))
expect(rep["ok"] and rep["pages"] % 2 == 0, "the JSON report says ok with an even page count")

# The closing line counts every agenda item, and says how many bind papers.
for sample, items, with_papers in (("lscsb-2015-09-17", 11, 4), ("lscsb-2016-09-08", 14, 6)):
    v = run("build", f"samples/{sample}/pack.xml", "-o", out, "-v")
    said = [l for l in v.stderr.splitlines() if l.startswith("wrote ")]
    expect(v.returncode == 0 and len(said) == 1 and re.fullmatch(
        re.escape(f"wrote {out}: ") + r"\d+ pages, " + re.escape(f"{items} items, {with_papers} with papers, ") + r"[\d.]+ s",
        said[0]), f"closing line of {sample}: {said}")

# Garbage in: no crash, no hang.
garbage = os.path.join(tmp, "garbage.xml")
open(garbage, "wb").write(bytes(range(256)) * 8)
g = run("validate", garbage)
expect(g.returncode == 1 and "garbage.xml:" in g.stderr, f"binary garbage: {g.returncode} {g.stderr[:200]}")

expect.finish("cli")
