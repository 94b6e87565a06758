"""Editions from one build: the public pack, the full pack with Part B, the
front sheet and one PDF per item, and a supplement of late papers; all on
one page numbering, with page labels that match the printed numbers. Also
several packs in one run, and the build report's skip of unchanged input."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from packcheck import Expect  # noqa: E402

boardpack, root = sys.argv[1], sys.argv[2]
t = Expect()
EXEMPT = "Paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972"


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def pages_of(pdf):
    return int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", pdf).stdout, re.M).group(1))


def text(pdf, page):
    return run("pdftotext", "-layout", "-f", str(page), "-l", str(page), pdf, "-").stdout


def words(s):
    return " ".join(s.split())


def first_label(pdf):
    """The number the viewer shows for the PDF's first page (its /PageLabels)."""
    j = json.loads(run("qpdf", "--json", "--json-key=pagelabels", pdf).stdout)
    labels = j.get("pagelabels", [])
    if not labels:
        return None
    first = labels[0]["label"]
    return first.get("/St", 1) if first.get("/S") == "/D" else None


def footer_number(pdf, page):
    m = re.findall(r"Page (\d+)\s*$", text(pdf, page).rstrip(), re.M)
    return int(m[-1]) if m else None


# A copy of the 2015-09-17 pack: item 6 made exempt (Part B), item 9 given a
# late paper that is still marked to follow.
work = tempfile.mkdtemp(prefix="bp-editions-")
src = os.path.join(root, "samples/lscsb-2015-09-17")
pack_dir = os.path.join(work, "meeting")
shutil.copytree(src, pack_dir)
shutil.copy(os.path.join(src, "report-domestic-abuse.xml"), os.path.join(pack_dir, "late-report.xml"))
manifest = os.path.join(pack_dir, "pack.xml")
xml = open(manifest, encoding="utf-8").read()
xml = xml.replace("<item>\n      <title>Prevent Update.</title>", f'<item exempt="{EXEMPT}">\n      <title>Prevent Update.</title>')
xml = xml.replace("""    <item>
      <title>Victim First Update.</title>
      <note>Verbal update from Office of the Police and Crime Commissioner.</note>
    </item>""", """    <item to-follow="true">
      <title>Victim First Update.</title>
      <papers src="late-report.xml"/>
    </item>""")
open(manifest, "w", encoding="utf-8").write(xml)
t('exempt="' in xml and "late-report.xml" in xml, "the test pack has an exempt item and a late paper")

out = os.path.join(work, "out")
os.makedirs(out)
pub, full, sup = (os.path.join(out, n) for n in ("public.pdf", "full.pdf", "supplement.pdf"))
split = os.path.join(out, "items")
r = run(boardpack, "build", manifest, "-o", pub, "--split", split)
t(r.returncode == 0, f"public build exits 0 ({r.returncode}: {r.stderr[:300]})")
r = run(boardpack, "build", manifest, "-o", full, "--audience", "full", "--supplement", sup)
t(r.returncode == 0, f"full build with supplement exits 0 ({r.returncode}: {r.stderr[:300]})")

PREVENT = "Prevent"  # words of the exempt paper's own text, below
prevent_text = words(open(os.path.join(pack_dir, "report-prevent.xml"), encoding="utf-8").read())
marker = re.search(r"<p>([^<]{40,80})", open(os.path.join(pack_dir, "report-prevent.xml"), encoding="utf-8").read())
marker = words(marker.group(1))[:40] if marker else None
t(marker is not None, "found a sentence of the exempt paper to look for")

pub_pages, full_pages = pages_of(pub), pages_of(full)
pub_all = words(run("pdftotext", pub, "-").stdout)
full_all = words(run("pdftotext", full, "-").stdout)
t(marker not in pub_all, "the public pack holds none of the exempt paper's text")
t(marker in full_all, "the full pack holds the exempt paper's text")
t(f"Exempt: {EXEMPT}" in words(text(pub, 1)), "the public front sheet lists the exempt item with its reason")
t("(Paper to follow)" in words(text(pub, 1)), "the late paper is still 'to follow' in the pack")
t(full_pages > pub_pages and pub_pages % 2 == 0 and full_pages % 2 == 0,
        f"the full pack ({full_pages}) is longer than the public one ({pub_pages}); both even")

# Every public page keeps its number and its text in the full pack (the
# front sheet aside, whose Part B line gains a range).
for p in range(2, pub_pages + 1):
    if words(text(pub, p)) != words(text(full, p)):
        t(False, f"page {p} differs between the public and the full pack")
        break
else:
    t(True, "every public page after the front sheet is the same page in the full pack")

# Part B: after the public items; every page headed NOT FOR PUBLICATION.
ranges = {int(n): (int(a), int(b)) for n, a, b in re.findall(r"^\s*(\d+)\..*?\(Pages (\d+) - (\d+)\)", text(full, 1), re.M)}
t(6 in ranges and ranges[6][0] > pub_pages, f"the exempt item 6 is bound after the public items: {ranges.get(6)}")
if 6 in ranges:
    a, b = ranges[6]
    heads = [p for p in range(a, b + 1) if "This page is intentionally left blank" not in text(full, p)]
    t(heads and all("NOT FOR PUBLICATION" in text(full, p) and EXEMPT in words(text(full, p)) for p in heads),
            "every page of the exempt paper carries NOT FOR PUBLICATION and its paragraph")
    struct = run("pdfinfo", "-struct-text", "-f", str(a), "-l", str(a), full).stdout
    t("NOT FOR PUBLICATION" not in struct, "the NOT FOR PUBLICATION header is an artifact, not document text")
t("NOT FOR PUBLICATION" not in pub_all, "the public pack has no NOT FOR PUBLICATION page")

# Per-item PDFs: the front sheet, then one per public item, named by number and title.
names = sorted(n for n in os.listdir(split) if n != ".boardpack-files") if os.path.isdir(split) else []
t(names == ["00-agenda.pdf", "02-minutes-of-previous-meeting.pdf",
                  "05-safer-communities-performance-quarter-1.pdf", "07-domestic-abuse-partnership-update.pdf"],
        f"split writes the agenda and one PDF per public item: {names}")
pub_ranges = {int(n): (int(a), int(b)) for n, a, b in re.findall(r"^\s*(\d+)\..*?\(Pages (\d+) - (\d+)\)", text(pub, 1), re.M)}
for name in names[1:]:
    number = int(name[:2])
    first = pub_ranges.get(number, (0, 0))[0]
    item_pdf = os.path.join(split, name)
    t(footer_number(item_pdf, 1) == first, f"{name} starts with the printed number {first}")
    t(words(text(item_pdf, 1)) == words(text(pub, first)), f"{name}'s first page is page {first} of the pack")
    t(first_label(item_pdf) == first, f"{name}'s page label starts at {first}")
t(first_label(pub) == 1 and first_label(os.path.join(split, "00-agenda.pdf")) == 1, "the packs' labels start at 1")

# The supplement: its own front sheet, numbered on from the full pack.
t(os.path.exists(sup), "the supplement was written")
if os.path.exists(sup):
    t("Supplementary agenda" in text(sup, 1), "the supplement's front sheet is headed Supplementary agenda")
    t(footer_number(sup, 1) == full_pages + 1, f"the supplement's first page is {full_pages + 1}")
    t(first_label(sup) == full_pages + 1, "the supplement's page label continues the numbering")
    m = re.search(r"^\s*9\..*?\(Pages (\d+) - (\d+)\)", text(sup, 1), re.M)
    t(m is not None and int(m.group(1)) % 2 == 1, "the supplement lists item 9 with its own number and pages")
    t("Victim First Update" not in words(text(sup, 1)).replace("9. Victim First Update", ""), "only the late item is listed")

# A supplement without late papers is not written, and the build says so
# (tests/e2e/test_outputs.py has the rest).
r = run(boardpack, "build", os.path.join(src, "pack.xml"), "--supplement", os.path.join(out, "none.pdf"))
t(r.returncode == 0 and "note: no supplement was written" in r.stderr and "[agenda]" in r.stderr
  and not os.path.exists(os.path.join(out, "none.pdf")),
        f"--supplement with no late papers exits 0 with an [agenda] note ({r.returncode}: {r.stderr[:300]})")

# Several packs in one run: one broken; the good one is written, the exit is the worst.
many = os.path.join(work, "many")
os.makedirs(os.path.join(many, "good"))
os.makedirs(os.path.join(many, "bad"))
for f in os.listdir(src):
    shutil.copy(os.path.join(src, f), os.path.join(many, "good", f))
open(os.path.join(many, "bad", "pack.xml"), "w").write('<pack version="1" template="lscsb"><meeting>')
r = run(boardpack, "build", os.path.join(many, "good", "pack.xml"), os.path.join(many, "bad", "pack.xml"),
        "--out-dir", os.path.join(many, "out"))
t(r.returncode == 1, f"two packs, one broken: exit 1 ({r.returncode})")
t(os.path.exists(os.path.join(many, "out", "good.pdf")) and not os.path.exists(os.path.join(many, "out", "bad.pdf")),
        "the good pack is written as good.pdf, the broken one not at all")
t("bad/pack.xml" in r.stderr + r.stdout, "the broken pack's diagnostics name its file")

# The build report, and skipping a rebuild whose inputs have not changed.
report = os.path.join(out, "report.json")
target = os.path.join(out, "reported.pdf")
r = run(boardpack, "build", manifest, "-o", target, "--report", report)
rep = json.load(open(report))
t(r.returncode == 0 and rep["ok"] and rep["boardpack"], "the report says ok and names the version")
t(all(re.fullmatch(r"[0-9a-f]{64}", i["sha256"]) for i in rep["inputs"]) and
        any(i["path"].endswith("late-report.xml") for i in rep["inputs"]), "every input is listed with its SHA-256")
t(any(o["output"] == target and o["pages"] == pub_pages for o in rep["outputs"]), "the output is listed with its pages")
item6 = [i for i in rep["items"] if i["number"] == 6]
t(item6 and item6[0]["exempt"] and "first_page" not in item6[0], "the report's item 6 is exempt, unbound in public")
t(any(i["number"] == 9 and i["to_follow"] for i in rep["items"]), "the report's item 9 is to follow")
t([s["stage"] for s in rep["stages"]] == ["manifest", "style", "load and layout", "assemble", "write"],
  "the report times each stage")
before = os.stat(target).st_mtime_ns
time.sleep(0.05)
r = run(boardpack, "build", manifest, "-o", target, "--report", report, "--verbose")
t(r.returncode == 0 and "up to date" in r.stderr and os.stat(target).st_mtime_ns == before,
        "an unchanged rebuild is skipped and says so")
r = run(boardpack, "build", manifest, "-o", target, "--report", report, "--force")
t(r.returncode == 0 and os.stat(target).st_mtime_ns != before, "--force rebuilds")
with open(os.path.join(pack_dir, "late-report.xml"), "a") as f:
    f.write("\n")
before = os.stat(target).st_mtime_ns
r = run(boardpack, "build", manifest, "-o", target, "--report", report)
t(r.returncode == 0 and os.stat(target).st_mtime_ns != before, "a changed paper rebuilds")
r = run(boardpack, "build", manifest, "-o", target, "--report", report)
t(r.returncode == 0 and r.stderr == "", "in cron (no terminal) a successful build is silent")

shutil.rmtree(work, ignore_errors=True)
t.finish("editions")
