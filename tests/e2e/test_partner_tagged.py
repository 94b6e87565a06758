"""A tagged partner PDF keeps its structure in the pack: its headings,
paragraph and table are grafted under the paper's (or the appendix's)
section instead of one Figure per page, its own type /Heading1 role-mapped;
a tagged PDF whose tree is broken falls back to Figures with a warning. Read
back with pdfinfo -struct-text, qpdf and pdfua.py."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import partner_pdfs as pp  # noqa: E402
from packcheck import Expect, Pack, check_pack  # noqa: E402

boardpack, root = sys.argv[1], sys.argv[2]
t = Expect()


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def sections(pdf):
    """Each Sect's title -> the lines of pdfinfo -struct-text under it."""
    out, current, depth = {}, None, 0
    for line in run("pdfinfo", "-struct-text", pdf).stdout.splitlines():
        indent = len(line) - len(line.lstrip())
        m = re.match(r'\s*Sect "(.*)"$', line)
        if m:
            current, depth = m.group(1), indent
            out[current] = []
        elif current is not None and indent > depth:
            out[current].append(line.strip())
        else:
            current = None
    # The figure's box as numbers, checked against BOX to a hundredth of a point.
    for lines in out.values():
        for i, line in enumerate(lines):
            m = re.fullmatch(r"/BBox \[([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)\]", line)
            if m and lines[i - 1] == "Figure:":
                lines[i] = "BBOX" if all(abs(float(v) - b) < 0.01 for v, b in zip(m.groups(), BOX)) else line
    return out


# The figure's layout box, [40 500 240 600] on the partner's A4 page, moved
# with the page: scaled to the portrait content width, 72 pt margins, the
# page centred in the content area's height.
S = (595.276 - 144) / 595.276
FOOT = 72 + (841.89 - 144 - 841.89 * S) / 2
BOX = [72 + 40 * S, FOOT + 500 * S, 72 + 240 * S, FOOT + 600 * S]
WANT = ["H1 (block)", '"Partner heading"', "P (block)", '"Partner paragraph text"', "Figure:", "BBOX", '""',
        "H2 (block)", '"Partner table"',
        "Table (block)", "TR", "TH:", "/Scope /Column", '"Area"', "TH:", "/Scope /Column", '"Crimes"', "TR", "TD",
        '"Leicester"', "TD", '"120"']

work = tempfile.mkdtemp(prefix="bp-tagged-")
pack_dir = os.path.join(work, "meeting")
shutil.copytree(os.path.join(root, "samples/lscsb-2015-09-17"), pack_dir)
P = lambda name: os.path.join(pack_dir, name)  # noqa: E731
font = os.path.join(root, "fonts/LiberationSans-Regular.ttf")
pp.write_tagged(P("tagged.pdf"), font)
pp.write_tagged(P("broken.pdf"), font, broken=True)
pp.write_tagged(P("numbered.pdf"), font, huge_mcids=True)

manifest = P("pack.xml")
xml = open(manifest, encoding="utf-8").read()
xml = xml.replace('<papers src="report-prevent.xml"/>',
                  '<papers src="report-prevent.xml"/>\n      <papers src="tagged.pdf" title="Police tagged report"/>\n      '
                  '<papers src="broken.pdf" title="Broken report" alt="A police report with a table of crimes"/>')
open(manifest, "w", encoding="utf-8").write(xml)
report = P("report-domestic-abuse.xml")
report_xml = open(report, encoding="utf-8").read()
open(report, "w", encoding="utf-8").write(report_xml.replace(
    "</report>", '  <appendix src="tagged.pdf" title="Appendix 4 - Police figures"/>\n</report>').replace(
    "Appendix 3", "Appendices 3 and 4", 1))

pack = Pack(boardpack, manifest, ["--split", os.path.join(work, "items")])
err = pack.build.stderr
t("partner-alt" not in err, f"a tagged PDF needs no alt text: {err[:400]}")
t("is tagged, but its structure tree is broken: an element is reached twice" in err and "pack.xml:25:7: warning" in err,
  f"the broken tree is reported, and its pages become figures: {err[:600]}")
failures = []
check_pack(pack, failures)
for f in failures:
    t(False, f)

# The structure comes back under the paper's and the appendix's sections.
sects = sections(pack.pdf)
t(sects.get("Police tagged report") == WANT, f"the tagged paper's structure is grafted: {sects.get('Police tagged report')}")
t(sects.get("Appendix 4 - Police figures") == WANT,
  f"the tagged appendix's structure is grafted: {sects.get('Appendix 4 - Police figures')}")
broken = sects.get("Broken report", [])
t(sum(1 for l in broken if l.startswith("Figure")) == 2 and not any(l.startswith("H1") for l in broken),
  f"the broken PDF's two pages are Figures: {broken}")

# Each partner page's words once, on its own page; twice in all for the
# tagged PDF (paper and appendix), once for the broken one.
count = {}
for p in range(1, pack.pages + 1):
    words = " ".join(pack.text[p].split())
    for phrase in ("Partner heading", "Partner table"):
        if phrase in words:
            count.setdefault(phrase, []).append(p)
t(len(count.get("Partner heading", [])) == 3 and len(count.get("Partner table", [])) == 3 and
  all(b == a + 1 for a, b in zip(count["Partner heading"], count["Partner table"])),
  f"each bound copy's two pages follow one another: {count}")

# The partner's own type stays, mapped through the pack's RoleMap.
qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pack.pdf, "-"], capture_output=True).stdout
t(re.search(rb"/RoleMap <<\s*/Heading1 /H1", qdf) is not None, "the pack's RoleMap maps /Heading1 to H1")
t(qdf.count(b"/S /Heading1") == 2, f"the grafted headings keep their type /Heading1: {qdf.count(b'/S /Heading1')}")
t(qdf.count(b"/Type /MCR") >= 2 * 7 and b"/Stm " in qdf, "the grafted content is referred to in its forms (MCR /Stm)")

ua = run(sys.executable, os.path.join(root, "tests/e2e/pdfua.py"), pack.pdf)
t(ua.returncode == 0, f"pdfua.py passes: {ua.stdout[-800:]}")
items = os.path.join(work, "items")
item6 = next((os.path.join(items, f) for f in sorted(os.listdir(items)) if f.startswith("06-")), None)
t(item6 is not None and sections(item6).get("Police tagged report") == WANT, "item 6's own PDF carries the grafted structure")
if item6:
    t(run(sys.executable, os.path.join(root, "tests/e2e/pdfua.py"), item6).returncode == 0, "item 6's PDF passes pdfua.py")

# Marked content numbered up to a million on each page: refused as a tree
# (the parent tree would be millions of entries), bound as figures, quickly.
numbered = P("numbered.xml")
open(numbered, "w", encoding="utf-8").write(xml.replace('src="broken.pdf"', 'src="numbered.pdf"'))
r = run(boardpack, "build", numbered, "-o", os.path.join(work, "numbered.pdf"))
t(r.returncode == 0 and "numbered beyond 1,000,000 in all" in r.stderr,
  f"a PDF with MCIDs near a million is bound as figures, with the reason: {r.stderr[:300]}")
t(os.path.getsize(os.path.join(work, "numbered.pdf")) < 2 * os.path.getsize(pack.pdf), "and the pack stays small")

again = os.path.join(work, "again.pdf")
run(boardpack, "build", manifest, "-o", again)
t(open(again, "rb").read() == open(pack.pdf, "rb").read(), "two builds with grafted structure are identical")

t.finish("partner-tagged")
