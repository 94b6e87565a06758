"""PDF appendices: <appendix src="x.pdf" title alt/> inside a report binds a
partner's PDF after the report's own pages. Read back as a reader would: where
its pages fall, the item's range, bookmarks, Figures with alt text, the
per-item PDF and the supplement, identical rebuilds, a bad PDF's located error."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import partner_pdfs as pp  # noqa: E402
from packcheck import BLANK, Expect, Pack, check_pack, link_targets  # noqa: E402

boardpack, root = sys.argv[1], sys.argv[2]
t = Expect()
MARGIN = 72  # the lscsb template's 25.4 mm margins, in points


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def outline_tree(pdf):
    """The bookmarks as nested (title, page, kids) tuples."""
    import json
    def walk(entries):
        return [(o["title"], o["destpageposfrom1"], walk(o["kids"])) for o in entries]
    return walk(json.loads(run("qpdf", "--json", "--json-key=outlines", pdf).stdout)["outlines"])


def find(tree, title):
    for entry in tree:
        if entry[0] == title:
            return entry
        hit = find(entry[2], title)
        if hit:
            return hit
    return None


def pages_showing(pack, phrase):
    return [p for p in range(1, pack.pages + 1) if phrase in " ".join(pack.text[p].split())]


work = tempfile.mkdtemp(prefix="bp-appendix-")
pack_dir = os.path.join(work, "meeting")
shutil.copytree(os.path.join(root, "samples/lscsb-2015-09-17"), pack_dir)
P = lambda name: os.path.join(pack_dir, name)  # noqa: E731

pp.write(P("police.pdf"), [pp.Page(*pp.A4, f"Police figures page {n}", link="https://www.leics.police.uk/" if n == 1 else None)
                           for n in (1, 2, 3)], outline=[("Crime figures", 1)])
pp.write(P("deck.pdf"), [pp.Page(*pp.SLIDE, f"Deck slide {n}") for n in (1, 2)])
report = P("report-domestic-abuse.xml")
original_report = open(report, encoding="utf-8").read()
report_xml = original_report.replace("</report>", """  <appendix src="police.pdf" title="Appendix 4 - Police figures" alt="Charts of domestic abuse by district"/>
  <appendix src="deck.pdf" title="Appendix 5 - Partnership slides" alt="Slides on the partnership's plan"/>
</report>""").replace("Appendix 3", "Appendices 3, 4 and 5", 1)
open(report, "w", encoding="utf-8").write(report_xml)
manifest = P("pack.xml")
manifest_xml = open(manifest, encoding="utf-8").read()

pack = Pack(boardpack, manifest, ["--split", os.path.join(work, "items")])
t(pack.build.returncode == 0 and "warning" not in pack.build.stderr, f"the pack builds without warnings: {pack.build.stderr[:400]}")
failures = []
ranges = {n: (x, y) for n, x, y in check_pack(pack, failures)}
for f in failures:
    t(False, f)

# Where the pages fall: the police PDF straight after the report's own last
# page; the slides, landscape, from the next odd page (the template's
# landscape-start="odd-page"), after a blank page when need be.
police = [pages_showing(pack, f"Police figures page {n}") for n in (1, 2, 3)]
deck = [pages_showing(pack, f"Deck slide {n}") for n in (1, 2)]
t(all(len(p) == 1 for p in police + deck), f"each appendix page's words appear once: {police} {deck}")
p1 = police[0][0] if police[0] else 0
d1 = deck[0][0] if deck[0] else 0
t([p[0] for p in police if p] == [p1, p1 + 1, p1 + 2], f"the police pages follow one another: {police}")
before = pack.lines(p1 - 1) if p1 > 1 else []
t(before and not any(BLANK in l for l in before) and not any("Police figures" in l for l in before) and
  "Appendix 3" not in "".join(pack.lines(p1)), f"page {p1 - 1}, before the police PDF, is the report's last page: {before[:3]}")
t(d1 % 2 == 1 and d1 in (p1 + 3, p1 + 4), f"the slides start on the odd page after the police PDF: {d1} after {p1 + 2}")
if d1 == p1 + 4:
    t(any(BLANK in l for l in pack.lines(p1 + 3)), f"page {p1 + 3} between the appendices is blank")
t(pack.landscape(d1) and pack.landscape(d1 + 1) and not pack.landscape(p1), "the slides are landscape, the A4 pages portrait")
t(7 in ranges and ranges[7][0] < p1 and ranges[7][1] == d1 + 1,
  f"item 7's range runs to the last slide: {ranges.get(7)}, last slide on {d1 + 1}")

# The partner's words inside the margins; the pack's footer below them.
for p in [p1, d1]:
    w, h = pack.size[p]
    out = run("pdftotext", "-bbox", "-f", str(p), "-l", str(p), pack.pdf, "-").stdout
    words = [(m.group(5), float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4))) for m in
             re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)]
    theirs = [x for x in words if x[0] in ("Police", "figures", "Deck", "slide")]
    t(theirs and all(MARGIN - 0.5 <= x0 and x1 <= w - MARGIN + 0.5 and MARGIN - 0.5 <= y0 and y1 <= h - MARGIN + 0.5
                     for _, x0, y0, x1, y1 in theirs), f"page {p}: the appendix's words lie inside the margins: {theirs}")
    t(pack.lines(p)[-1] == f"Page {p}", f"page {p} ends with its footer: {pack.lines(p)[-1:]}")

# Bookmarks: each appendix under the report, the PDF's own outline beneath it.
tree = outline_tree(pack.pdf)
item7 = next((e for e in tree if e[0].startswith("7.")), None)
report_entry = item7[2][0] if item7 and item7[2] else None
kids = [(title, page) for title, page, _ in (report_entry[2] if report_entry else [])]
t(("Appendix 4 - Police figures", p1) in kids and ("Appendix 5 - Partnership slides", d1) in kids,
  f"both appendices are bookmarked under the report at their first pages: {kids}")
police_entry = find(tree, "Appendix 4 - Police figures")
t(police_entry and [(k[0], k[1]) for k in police_entry[2]] == [("Crime figures", p1 + 1)],
  f"the police PDF's own bookmark is nested under its appendix: {police_entry}")
t("https://www.leics.police.uk/" in link_targets(pack.pdf), "the police page's web link is kept")

# Accessibility: the appendices are sections of the report, each page a
# Figure with the appendix's alt text; the title is not printed as a heading.
struct = run("pdfinfo", "-struct", pack.pdf).stdout
sects = re.split(r'\n\s*Sect "', struct)
police_sect = next((s for s in sects if s.startswith("Appendix 4 - Police figures")), "")
deck_sect = next((s for s in sects if s.startswith("Appendix 5 - Partnership slides")), "")
t(police_sect.count("Figure") == 3 and deck_sect.count("Figure") == 2,
  f"the appendices' Sects hold 3 and 2 Figures: {police_sect.count('Figure')}, {deck_sect.count('Figure')}")
t(not any("Appendix 4 - Police figures" in l for l in pack.lines(p1)), "the PDF appendix's title is not printed on its page")
qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pack.pdf, "-"], capture_output=True).stdout
t(qdf.count(b"/Alt (Charts of domestic abuse by district)") == 3, "each police page carries the appendix's alt text")
ua = run(sys.executable, os.path.join(root, "tests/e2e/pdfua.py"), pack.pdf)
t(ua.returncode == 0, f"pdfua.py passes: {ua.stdout[-600:]}")

# The per-item PDF carries the appendices.
items = os.path.join(work, "items")
item7_pdf = next((os.path.join(items, f) for f in sorted(os.listdir(items)) if f.startswith("07-")), None)
t(item7_pdf is not None, f"the split wrote item 7's PDF: {os.listdir(items)}")
if item7_pdf:
    text = run("pdftotext", item7_pdf, "-").stdout
    t("Police figures page 3" in text and "Deck slide 2" in text, "item 7's PDF holds the appendices' pages")
    t(run("qpdf", "--check", item7_pdf).returncode == 0, "item 7's PDF passes qpdf --check")

# The same input, the same bytes.
again = os.path.join(work, "again.pdf")
run(boardpack, "build", manifest, "-o", again)
t(open(again, "rb").read() == open(pack.pdf, "rb").read(), "two builds of a pack with PDF appendices are identical")

# A late report with a PDF appendix: the supplement binds its pages too.
late_manifest = P("late.xml")
open(late_manifest, "w", encoding="utf-8").write(manifest_xml.replace(
    "<item>\n      <title>Domestic Abuse Partnership Update", '<item to-follow="true">\n      <title>Domestic Abuse Partnership Update', 1))
t(open(late_manifest, encoding="utf-8").read() != manifest_xml, "the late manifest marks item 7 to follow")
sup = os.path.join(work, "sup.pdf")
r = run(boardpack, "build", late_manifest, "-o", os.path.join(work, "late.pdf"), "--supplement", sup)
t(r.returncode == 0, f"the pack with a late item builds: {r.stderr[:300]}")
sup_text = run("pdftotext", sup, "-").stdout
t("Police figures page 1" in sup_text and "Deck slide 2" in sup_text, "the supplement carries the PDF appendices")
t(run(sys.executable, os.path.join(root, "tests/e2e/pdfua.py"), sup).returncode == 0, "the supplement passes pdfua.py")

# Where a portrait PDF appendix starts follows the template's <appendix
# start>: after a one-page letter, straight on (the house's "flow" still
# gives the PDF a page of its own), or on the next odd page.
pp.write(P("letter.pdf"), [pp.Page(*pp.A4, "Covering letter page")])
open(report, "w", encoding="utf-8").write(report_xml.replace(
    '<appendix src="police.pdf"', '<appendix src="letter.pdf" title="Appendix 3a - Letter" alt="A letter"/>\n  <appendix src="police.pdf"'))
template = open(os.path.join(root, "templates/lscsb.xml"), encoding="utf-8").read()
odd_template = template.replace('<appendix start="flow"', '<appendix start="odd-page"')
t(odd_template != template, "the odd-page template differs from the house one")
shutil.copytree(os.path.join(root, "fonts"), P("fonts"))
open(P("lscsb-odd.xml"), "w", encoding="utf-8").write(odd_template.replace('"../fonts/', '"fonts/'))
odd_manifest = P("odd.xml")
open(odd_manifest, "w", encoding="utf-8").write(manifest_xml.replace('template="lscsb"', 'template="lscsb-odd"'))
for name, m in [("flow", manifest), ("odd-page", odd_manifest)]:
    built = Pack(boardpack, m)
    letter, first = pages_showing(built, "Covering letter page"), pages_showing(built, "Police figures page 1")
    if not letter or not first:
        t(False, f"{name}: the letter and the police PDF are in the pack: {letter} {first}")
        continue
    want = letter[0] + 1 if name == "flow" else letter[0] + 1 + letter[0] % 2
    t(first[0] == want, f'start="{name}": the police PDF starts on page {want}, after the letter on {letter[0]}: {first}')
    if want == letter[0] + 2:
        t(any(BLANK in l for l in built.lines(letter[0] + 1)), f'start="{name}": the page before the police PDF is blank')
open(report, "w", encoding="utf-8").write(report_xml)

# An encrypted appendix: a located error at the <appendix>, and no pack.
pp.encrypt(P("police.pdf"), P("locked.pdf"))
open(report, "w", encoding="utf-8").write(report_xml.replace('src="police.pdf"', 'src="locked.pdf"'))
line = next(i + 1 for i, l in enumerate(report_xml.splitlines()) if 'src="police.pdf"' in l)
out = os.path.join(work, "locked-pack.pdf")
r = run(boardpack, "build", manifest, "-o", out)
t(r.returncode != 0, "a pack with an encrypted appendix fails")
t(f"report-domestic-abuse.xml:{line}:3: error: the PDF" in r.stderr and "locked.pdf" in r.stderr and
  "encrypted with a password" in r.stderr and "qpdf:" in r.stderr,
  f"the error is located at the <appendix> and names the file and qpdf's reason: {r.stderr[:300]}")
t(not os.path.exists(out), "no PDF is written")
open(report, "w", encoding="utf-8").write(report_xml)

t.finish("partner-appendix")
