"""Partner papers: PDFs from other organisations bound into the pack, read
back as a reader would. The partner PDFs are written here (partner_pdfs.py):
A4, Letter, 16:9 slides, a turned page, a cropped page, one with comments and
JavaScript, one with an outline and a link, an encrypted and a truncated one,
and a 500-page one."""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import partner_pdfs as pp  # noqa: E402
from packcheck import Expect, Pack, check_pack, link_targets  # noqa: E402

boardpack, root = sys.argv[1], sys.argv[2]
t = Expect()
MARGIN = 72  # the lscsb template's 25.4 mm margins, in points


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def words_on(pdf, page):
    """Each word on a page with its box (x0, y0, x1, y1), y from the top."""
    out = run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-").stdout
    return [(m.group(5), float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4)))
            for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)]


def qpdf_objects(pdf):
    j = json.loads(run("qpdf", "--json", "--json-key=qpdf", pdf).stdout)
    return j["qpdf"][1]


def partner_form(objects, page_obj):
    """The form XObject a pack page draws its partner page with, or None."""
    page = objects[f"obj:{page_obj}"]["value"]
    res = page.get("/Resources", {})
    if isinstance(res, str):
        res = objects[f"obj:{res}"]["value"]
    xobjects = res.get("/XObject", {})
    if isinstance(xobjects, str):
        xobjects = objects[f"obj:{xobjects}"]["value"]
    ref = xobjects.get("/BPPartner")
    return objects[f"obj:{ref}"]["stream"]["dict"] if ref else None


def page_objects(pdf):
    j = json.loads(run("qpdf", "--json", "--json-key=pages", pdf).stdout)
    return [p["object"] for p in j["pages"]]


# ---- the partner PDFs and a pack that binds them ---------------------------
work = tempfile.mkdtemp(prefix="bp-partner-")
pack_dir = os.path.join(work, "meeting")
shutil.copytree(os.path.join(root, "samples/lscsb-2015-09-17"), pack_dir)
P = lambda name: os.path.join(pack_dir, name)  # noqa: E731

# Slide 2 links to slide 3 by a named destination, slide 3 back to slide 1 by an explicit one.
pp.write(P("slides.pdf"), [pp.Page(*pp.SLIDE, f"Slide {n} of the police", link="https://www.leics.police.uk/" if n == 1 else None,
                                   goto={2: (2, True), 3: (0, False)}.get(n))
                           for n in (1, 2, 3)],
         outline=[("Burglary", 0), ("Summary", 2)])
pp.write(P("nitrox.pdf"), [
    pp.Page(*pp.A4, "Nitrox A4 page"),
    pp.Page(*pp.LETTER, "Nitrox Letter page", comment=True),
    pp.Page(*pp.A4, "Nitrox turned page", rotate=90),
    # Only the top half shows: a landscape-shaped crop of a portrait page.
    pp.Page(*pp.A4, "Nitrox cropped page", crop=[0, 421, 595.276, 841.89]),
], javascript=True)
pp.write(P("victim-first.pdf"), [pp.Page(*pp.A4, "Victim First late page")])

manifest = P("pack.xml")
xml = open(manifest, encoding="utf-8").read()
xml = xml.replace('<papers src="report-prevent.xml"/>',
                  '<papers src="report-prevent.xml"/>\n      '
                  '<papers src="slides.pdf" title="Police slides" alt="Police slides on crime figures"/>')
xml = xml.replace("""      <note>Superintendent Mark Newcombe – Leicestershire Police.</note>""",
                  """      <papers src="nitrox.pdf" title="Nitrox presentation" alt="Slides on legal highs"/>""")
xml = xml.replace("""    <item>
      <title>Victim First Update.</title>
      <note>Verbal update from Office of the Police and Crime Commissioner.</note>""", """    <item to-follow="true">
      <title>Victim First Update.</title>
      <papers src="victim-first.pdf" title="Victim First report" alt="A report on Victim First"/>""")
open(manifest, "w", encoding="utf-8").write(xml)
t(xml.count(".pdf\"") == 3, "the test pack names three partner PDFs")

start = time.monotonic()
pack = Pack(boardpack, manifest, ["--split", os.path.join(work, "items"), "--supplement", os.path.join(work, "sup.pdf")])
t("partner-dropped" in pack.build.stderr and "nitrox.pdf" in pack.build.stderr and "JavaScript" in pack.build.stderr,
  f"the build warns that nitrox.pdf's comment and JavaScript are left out: {pack.build.stderr[:400]}")
failures = []
ranges = {n: (x, y) for n, x, y in check_pack(pack, failures)}
for f in failures:
    t(False, f)

# Item 6: the report, then the slides from a right-hand page; item 8: the four Nitrox pages.
t(8 in ranges and ranges[8][1] - ranges[8][0] + 1 == 4, f"item 8 takes the PDF's 4 pages: {ranges.get(8)}")
where = {}
for p in range(1, pack.pages + 1):
    for phrase in ["Slide 1 of the police", "Slide 2 of the police", "Slide 3 of the police", "Nitrox A4 page",
                   "Nitrox Letter page", "Nitrox turned page", "Nitrox cropped page", "Victim First late page"]:
        if phrase in " ".join(pack.text[p].split()):
            where.setdefault(phrase, []).append(p)
slides = where.get("Slide 1 of the police", [0])
t(all(len(v) == 1 for v in where.values()), f"each partner page's words appear once: {where}")
t(slides[0] % 2 == 1 and 6 in ranges and ranges[6][0] < slides[0] <= ranges[6][1],
  f"the slides start on an odd page inside item 6's range: {slides} in {ranges.get(6)}")
t(where.get("Slide 2 of the police") == [slides[0] + 1] and where.get("Slide 3 of the police") == [slides[0] + 2],
  "the slides follow one another")
nitrox = ranges.get(8, (0, 0))[0]
expected = {"Nitrox A4 page": nitrox, "Nitrox Letter page": nitrox + 1, "Nitrox turned page": nitrox + 2,
            "Nitrox cropped page": nitrox + 3}
for phrase, page in expected.items():
    t(where.get(phrase) == [page], f"'{phrase}' is on page {page}: {where.get(phrase)}")
t("Victim First late page" not in where, "the late paper is not in the pack")

# Shapes: slides, the turned page and the cropped page go landscape; A4 and Letter stay portrait.
for p in range(slides[0], slides[0] + 3):
    t(pack.landscape(p), f"slide page {p} is landscape")
t(not pack.landscape(nitrox) and not pack.landscape(nitrox + 1), "the A4 and Letter pages are portrait")
t(pack.landscape(nitrox + 2), "the page turned by /Rotate 90 is landscape")
t(pack.landscape(nitrox + 3), "the page cropped to its top half is landscape")

# Safe area: the partner's words inside the margins; footer and stamp in the margins.
for p in [slides[0], nitrox, nitrox + 1, nitrox + 2, nitrox + 3]:
    w, h = pack.size[p]
    ws = words_on(pack.pdf, p)
    ours = [x for x in ws if x[0] in ("Page", str(p), "Agenda", "Item", "8")]
    theirs = [x for x in ws if x not in ours]
    t(theirs and all(MARGIN - 0.5 <= x0 and x1 <= w - MARGIN + 0.5 and MARGIN - 0.5 <= y0 and y1 <= h - MARGIN + 0.5
                     for _, x0, y0, x1, y1 in theirs), f"page {p}: the partner's words lie inside the margins: {theirs}")
    t(any(x[0] == "Page" and x[2] > h - MARGIN for x in ws), f"page {p}: the footer sits in the bottom margin")
stamp = [x for x in words_on(pack.pdf, nitrox) if x[0] == "Agenda"]
t(stamp and stamp[0][4] < MARGIN, f"the Agenda Item 8 stamp sits in the top margin of the partner's first page: {stamp}")

# Scaling and boxes (qpdf --json): each partner page is a form XObject whose
# box is the partner page's CropBox, scaled to fill the content area's width or height.
objects = qpdf_objects(pack.pdf)
pages = page_objects(pack.pdf)
crop = partner_form(objects, pages[nitrox + 3 - 1])
t(crop is not None and [round(v, 1) for v in crop["/BBox"]] == [0, 421, 595.3, 841.9],
  f"the cropped page's form shows its CropBox: {crop and crop['/BBox']}")
t(partner_form(objects, pages[0]) is None, "the front sheet draws no partner page")
stream = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pack.pdf, "-"], capture_output=True).stdout
cms = [tuple(float(v) for v in m.groups()) for m in
       re.finditer(rb"q ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) cm /BPPartner Do Q", stream)]
t(len(cms) == 3 + 4, f"seven pack pages draw a partner page: {len(cms)}")
if len(cms) == 7:
    # Slides: 960 x 540 into the landscape content area (841.89 - 144) x (595.276 - 144): width-bound.
    t(abs(cms[0][0] - (841.89 - 144) / 960) < 1e-4 and cms[0][1] == 0, f"a slide is scaled to the content width: {cms[0]}")
    # A4 into the portrait content area (451.276 x 697.89): width-bound.
    t(abs(cms[3][0] - (595.276 - 144) / 595.276) < 1e-4, f"an A4 page is scaled to the content width: {cms[3]}")
    # Letter (612 x 792) the same way, its own scale.
    t(abs(cms[4][0] - (595.276 - 144) / 612) < 1e-4, f"a Letter page is scaled to the content width: {cms[4]}")
    # Turned a quarter clockwise: the matrix swaps the axes.
    t(cms[5][0] == 0 and cms[5][3] == 0 and cms[5][1] < 0 < cms[5][2], f"the turned page's matrix turns it: {cms[5]}")

# Bookmarks: the partner paper's title under its item.
outlines = json.loads(run("qpdf", "--json", "--json-key=outlines", pack.pdf).stdout)["outlines"]
by_title = {o["title"]: o for o in outlines}
item8 = next((o for o in outlines if o["title"].startswith("8.")), None)
t(item8 and [k["title"] for k in item8["kids"]] == ["Nitrox presentation"] and
  item8["kids"][0]["destpageposfrom1"] == nitrox, f"'Nitrox presentation' is bookmarked under item 8: {item8}")
item6 = next((o for o in outlines if o["title"].startswith("6.")), None)
t(item6 and any(k["title"] == "Police slides" and k["destpageposfrom1"] == slides[0] for k in item6["kids"]),
  "'Police slides' is bookmarked under item 6 at its first page")
police = next((k for k in (item6 or {}).get("kids", []) if k["title"] == "Police slides"), {})
t([(k["title"], k["destpageposfrom1"]) for k in police.get("kids", [])] ==
  [("Burglary", slides[0]), ("Summary", slides[0] + 2)],
  f"the slides' own outline is nested under 'Police slides', each entry at its page: {police.get('kids')}")

# Links: the slide's link to the police website is kept, on the spot where the
# slide drew it (40..240 x 40..80 of the 960 x 540 slide, scaled into the page).
t("https://www.leics.police.uk/" in link_targets(pack.pdf), "the slide's web link is kept")
annots = objects[f"obj:{pages[slides[0] - 1]}"]["value"].get("/Annots", [])
if isinstance(annots, str):
    annots = objects[f"obj:{annots}"]["value"]
rects = [objects[f"obj:{a}"]["value"]["/Rect"] for a in annots]
scale = (841.89 - 144) / 960
top = (595.276 - 540 * scale) / 2  # the slide's foot, centred in the content area
want = [72 + 40 * scale, top + 40 * scale, 72 + 240 * scale, top + 80 * scale]
t(len(rects) == 1 and all(abs(a - b) < 0.5 for a, b in zip(rects[0], want)),
  f"the link's rectangle is the slide's, scaled: {rects} (want {want})")



def goto_targets(pdf, page):
    """The 1-based pages the links on a page (1-based) open inside the file."""
    objs, pages = qpdf_objects(pdf), page_objects(pdf)
    annots = objs[f"obj:{pages[page - 1]}"]["value"].get("/Annots", [])
    if isinstance(annots, str):
        annots = objs[f"obj:{annots}"]["value"]
    out = []
    for a in annots:
        d = objs[f"obj:{a}"]["value"]
        dest = d.get("/Dest") or d.get("/A", {}).get("/D")
        if isinstance(dest, str) and dest.endswith(" R"):
            dest = objs[f"obj:{dest}"]["value"]
        if isinstance(dest, list):
            out.append(pages.index(dest[0]) + 1)
    return out


# Links from one slide to another open the pack page that shows the target slide.
t(goto_targets(pack.pdf, slides[0] + 1) == [slides[0] + 2], f"slide 2's named link opens slide 3's page: {goto_targets(pack.pdf, slides[0] + 1)}")
t(goto_targets(pack.pdf, slides[0] + 2) == [slides[0]], f"slide 3's link opens slide 1's page: {goto_targets(pack.pdf, slides[0] + 2)}")
t(goto_targets(pack.pdf, slides[0]) == [], "slide 1's web link is not a link inside the pack")

# Nothing runs and nothing is hidden: no JavaScript, no open action, no comments.
t(b"/JavaScript" not in stream and b"/OpenAction" not in stream, "the pack carries no JavaScript or open action")
t(b"/Subtype /Text" not in stream and b"a comment" not in stream, "the partner's comment is left out")

# Accessibility: every partner page is a Figure with the manifest's alt text.
ua = run(sys.executable, os.path.join(root, "tests/e2e/pdfua.py"), pack.pdf)
t(ua.returncode == 0, f"pdfua.py passes: {ua.stdout[-600:]}")
struct = run("pdfinfo", "-struct", pack.pdf).stdout
t(struct.count("Figure") == 7, f"each of the 7 partner pages in the pack is a Figure: {struct.count('Figure')}")
t(b"/Alt (Slides on legal highs)" in stream, "the Nitrox pages carry their alt text")

# Editions: the per-item PDF and the supplement carry partner pages too.
item_pdf = os.path.join(work, "items", "08-operation-nitrox-legal-highs-presentation.pdf")
t(os.path.exists(item_pdf), f"the split wrote item 8's PDF: {os.listdir(os.path.join(work, 'items'))}")
if os.path.exists(item_pdf):
    t("Nitrox A4 page" in run("pdftotext", "-f", "1", "-l", "1", item_pdf, "-").stdout, "item 8's PDF starts with the A4 page")
    t(run("qpdf", "--check", item_pdf).returncode == 0, "item 8's PDF passes qpdf --check")
item6_pdf = next((os.path.join(work, "items", f) for f in os.listdir(os.path.join(work, "items")) if f.startswith("06-")), None)
if item6_pdf:
    at = next(p for p in range(1, 20) if "Slide 3 of the police" in run("pdftotext", "-f", str(p), "-l", str(p), item6_pdf, "-").stdout)
    t(goto_targets(item6_pdf, at) == [at - 2], f"in item 6's own PDF, slide 3's link opens slide 1's page: {goto_targets(item6_pdf, at)}")
sup = os.path.join(work, "sup.pdf")
sup_text = run("pdftotext", sup, "-").stdout
t("Victim First late page" in sup_text, "the supplement binds the late partner paper")
t(run(sys.executable, os.path.join(root, "tests/e2e/pdfua.py"), sup).returncode == 0, "the supplement passes pdfua.py")

# The same input, the same bytes.
again = os.path.join(work, "again.pdf")
run(boardpack, "build", manifest, "-o", again)
t(open(again, "rb").read() == open(pack.pdf, "rb").read(), "two builds of a pack with partner papers are identical")

# ---- bad partner PDFs: a located error and no output -----------------------
pp.encrypt(P("slides.pdf"), P("locked.pdf"))
pp.truncate(P("nitrox.pdf"), P("cut.pdf"))
for bad, why in [("locked.pdf", "encrypted with a password"), ("cut.pdf", "damaged or truncated")]:
    bad_manifest = P(f"bad-{bad}.xml")
    open(bad_manifest, "w", encoding="utf-8").write(xml.replace('src="nitrox.pdf"', f'src="{bad}"'))
    line = next(i + 1 for i, l in enumerate(xml.splitlines()) if 'src="nitrox.pdf"' in l)
    col = xml.splitlines()[line - 1].index("<papers") + 1
    out = os.path.join(work, f"bad-{bad}.pdf")
    r = run(boardpack, "build", bad_manifest, "-o", out)
    t(r.returncode != 0, f"{bad}: the build fails")
    t(f"bad-{bad}.xml:{line}:{col}: error: the PDF" in r.stderr and bad in r.stderr and why in r.stderr and "qpdf:" in r.stderr,
      f"{bad}: a located error naming the file and qpdf's reason: {r.stderr[:300]}")
    t(not os.path.exists(out), f"{bad}: no PDF is written")

# ---- budgets -------------------------------------------------------------------
# Two partner PDFs, each drawing 3 MB of content decoded (deflated spaces):
# each is within a pack budget of 5 MB when it is read, the two are not when
# the pack is bound; the error is the second one's, at the paper that names it.
sys.path.insert(0, os.path.join(root, "tests", "hostile"))
import partner_corpus  # noqa: E402

budget_dir = os.path.join(work, "budget")
os.makedirs(budget_dir)
for name in ("first", "second"):
    d = partner_corpus.Doc()
    d.page([d.stream(" " * (3 << 20), deflate=True), d.stream(d.text(f"Budget page {name}"))])
    open(os.path.join(budget_dir, f"{name}.pdf"), "wb").write(d.bytes())
budget_pack = os.path.join(budget_dir, "pack.xml")
open(budget_pack, "w", encoding="utf-8").write(
    '<pack version="1" template="lscsb">\n'
    '  <meeting><body>TEST BOARD</body><date>2016-09-08</date><venue>County Hall</venue></meeting>\n'
    '  <agenda>\n'
    '    <item><title>One</title><papers src="first.pdf" title="First" alt="The first partner paper"/></item>\n'
    '    <item><title>Two</title><papers src="second.pdf" title="Second" alt="The second partner paper"/></item>\n'
    '  </agenda>\n</pack>\n')
budget_out = os.path.join(budget_dir, "out.pdf")
templates = os.path.join(root, "templates")
r = subprocess.run([boardpack, "build", "pack.xml", "-o", "out.pdf", "--templates", templates, "--partner-budget", "pack=5"],
                   capture_output=True, text=True, cwd=budget_dir)
t(r.returncode == 1 and r.stderr.startswith(
    'pack.xml:5:29: error: the PDF "second.pdf" cannot be bound: the partner pages of the pack draw more than 5 MB of '
    'content decoded (reached at its page 1) [partner-pdf]\n')
  and "  hint: if the PDF comes from someone you trust, give it more with --partner-budget pack=10 (megabytes; the "
      "pack budget is now 5); else ask the partner to save it again\n" in r.stderr
  and "first.pdf" not in r.stderr and not os.path.exists(budget_out),
  f"past the pack's budget when bound, an error at the second PDF's paper and no PDF: {r.returncode} {r.stderr[:600]}")
r = subprocess.run([boardpack, "build", "pack.xml", "-o", "out.pdf", "--templates", templates, "--partner-budget", "pack=7"],
                   capture_output=True, text=True, cwd=budget_dir)
text = run("pdftotext", budget_out, "-").stdout if os.path.exists(budget_out) else ""
t(r.returncode == 0 and r.stderr == "" and "Budget page first" in text and "Budget page second" in text,
  f"with the pack's budget raised, both bind: {r.returncode} {r.stderr[:300]}")
# A budget that is not one is a mistake of the command line, for each command that reads partner PDFs.
for cmd in (["build", "pack.xml", "-o", "bad.pdf"], ["validate", "pack.xml"]):
    for spec, says in [("pages=5", '--partner-budget: "pages=5" is not NAME=N for a partner PDF budget (time, memory, '
                                    'stream, page, pack, elements, bookmarks)'),
                       ("stream=0", "--partner-budget: the stream budget must be a whole number of megabytes from 1 to "
                                    "1048576")]:
        r = subprocess.run([boardpack, *cmd, "--templates", templates, "--partner-budget", spec],
                           capture_output=True, text=True, cwd=budget_dir)
        t(r.returncode == 2 and says in r.stderr and not os.path.exists(os.path.join(budget_dir, "bad.pdf")),
          f"{cmd[0]} --partner-budget {spec}: exit 2 saying why: {r.returncode} {r.stderr[:300]}")

# ---- the qpdf module --------------------------------------------------------
# qpdf is opened only for a pack with a partner PDF: the program does not
# link it; a program without its module says so where the PDF is named.
r = run("ldd", boardpack)
t(r.returncode == 0 and "libqpdf" not in r.stdout and "libgnutls" not in r.stdout,
  f"the program does not load qpdf (or gnutls) at start: {[l for l in r.stdout.splitlines() if 'qpdf' in l]}")
# The build folder holds it where an installed tree does: lib/boardpack/.
built = glob.glob(os.path.join(os.path.dirname(os.path.abspath(boardpack)), "lib*", "**", "boardpack-partner.so"),
                  recursive=True)
t(len(built) == 1, f"the build folder holds one module: {built}")
module = built[0] if built else ""
r = run("ldd", module)
t(r.returncode == 0 and "libqpdf" in r.stdout, f"its module does: {module}")
alone = os.path.join(work, "alone", "bin")
os.makedirs(alone)
shutil.copy(boardpack, alone)
line = next(i + 1 for i, l in enumerate(xml.splitlines()) if 'src="nitrox.pdf"' in l)
out = os.path.join(work, "alone.pdf")
templates = os.path.join(root, "templates")
r = run(os.path.join(alone, "boardpack"), "build", manifest, "-o", out, "--templates", templates)
if os.path.exists("/usr/local/lib/boardpack/boardpack-partner.so"):
    t(True, "an installed module would be found: the check of a missing one is skipped")
else:
    # The true reason, naming where it was looked for, and no advice about passwords.
    libdir = os.path.relpath(os.path.dirname(module), os.path.dirname(os.path.abspath(boardpack)))
    looked = [os.path.join(work, "alone", libdir, "boardpack-partner.so"),
              os.path.join(alone, libdir, "boardpack-partner.so")]
    t(r.returncode == 1 and f"pack.xml:{line}:" in r.stderr and "boardpack-partner.so is not installed" in r.stderr
      and all(p in r.stderr for p in looked) and "password" not in r.stderr and "lib/boardpack/" in r.stderr
      and not os.path.exists(out), f"without its module, a located error and no PDF: {r.returncode} {r.stderr[:600]}")
    # The module without the reader beside it: said so, naming both.
    staged = os.path.join(work, "alone", libdir)
    os.makedirs(staged)
    shutil.copy(module, staged)
    r = run(os.path.join(alone, "boardpack"), "build", manifest, "-o", out, "--templates", templates)
    t(r.returncode == 1 and f"pack.xml:{line}:" in r.stderr and "boardpack-partner-reader" in r.stderr
      and "is not installed beside it" in r.stderr and not os.path.exists(out),
      f"without its reader, a located error and no PDF: {r.returncode} {r.stderr[:600]}")
    shutil.rmtree(os.path.join(work, "alone", libdir.split(os.sep)[0]))
plain = os.path.join(work, "plain")
shutil.copytree(os.path.join(root, "samples/lscsb-2015-09-17"), plain)
r = run(os.path.join(alone, "boardpack"), "build", os.path.join(plain, "pack.xml"), "-o", os.path.join(work, "plain.pdf"),
        "--templates", templates)
t(r.returncode == 0, f"without its module, a pack with no partner PDF builds: {r.stderr[:300]}")

# ---- 500 pages --------------------------------------------------------------
pp.write(P("big.pdf"), [pp.Page(*pp.A4, f"Big page {n}") for n in range(1, 501)])
big_manifest = P("big.xml")
open(big_manifest, "w", encoding="utf-8").write(
    xml.replace('src="nitrox.pdf" title="Nitrox presentation"', 'src="big.pdf" title="Big report"'))
big = os.path.join(work, "big.pdf")
r = run(boardpack, "build", big_manifest, "-o", big)
t(r.returncode == 0, f"a 500-page partner PDF builds: {r.stderr[:300]}")
if r.returncode == 0:
    big_pack = Pack(boardpack, big_manifest)
    big_ranges = {n: (x, y) for n, x, y in big_pack.ranges()}
    x, y = big_ranges.get(8, (0, 0))
    t(y - x + 1 == 500, f"item 8 takes 500 pages: {x} - {y}")
    t("Big page 500" in big_pack.text[y], "page 500 of the partner PDF is the item's last page")

t.finish("partner")
