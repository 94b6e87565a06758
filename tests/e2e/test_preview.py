"""boardpack preview on every sample paper, read back as an officer would:
the PDF opens, every page says DRAFT and carries its footer numbered from 1,
the paper's title is on page 1, the output is the same twice, and the paper
takes as many pages as it does in the built pack."""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from packcheck import Expect  # noqa: E402

boardpack, root = sys.argv[1], sys.argv[2]
os.chdir(root)
expect = Expect()
tmp = tempfile.mkdtemp(prefix="bp-preview-")


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def template_of(folder):
    return re.search(r'template="([^"]+)"', open(os.path.join(folder, "pack.xml"), encoding="utf-8").read()).group(1)


def first_words(path):
    """The first words of what page 1 must show: a report's title, the board a set of minutes is of."""
    text = open(path, encoding="utf-8").read()
    tag = "board" if "<minutes" in text else "title"
    m = re.search(rf"<{tag}>(.*?)</{tag}>", text, re.S)
    words = re.sub(r"<[^>]+>|&[^;]+;", " ", m.group(1)).split() if m else []
    return [w.upper() for w in words[:3]]


previewed = {}
papers = [p for p in sorted(glob.glob("samples/*/*.xml")) if not p.endswith("/pack.xml")]
expect(len(papers) >= 15, f"only {len(papers)} sample papers")
for paper in papers:
    out = os.path.join(tmp, os.path.basename(paper) + ".pdf")
    r = run(boardpack, "preview", paper, "-o", out, "--template", template_of(os.path.dirname(paper)))
    expect(r.returncode == 0, f"preview {paper} exits {r.returncode}: {r.stderr[:300]}")
    if r.returncode != 0:
        continue
    pages = int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", out).stdout, re.M).group(1))
    previewed[paper] = pages
    texts = run("pdftotext", "-layout", out, "-").stdout.split("\f")[:pages]
    expect(pages >= 1 and len(texts) == pages, f"{paper}: {pages} pages")
    for n, t in enumerate(texts, 1):
        lines = [l.strip() for l in t.splitlines() if l.strip()]
        expect(lines and lines[0].endswith("DRAFT"), f"{paper} page {n}: no DRAFT at the top: {lines[:1]}")
        if "This page is intentionally left blank" not in t:  # the template prints no footer on blank pages
            expect(lines and lines[-1] == f"Page {n}", f"{paper} page {n}: footer {lines[-1:]}")
    words = first_words(paper)
    expect(all(w in texts[0].upper() for w in words), f"{paper}: title words {words} not on page 1")
    again = os.path.join(tmp, "again.pdf")
    run(boardpack, "preview", paper, "-o", again, "--template", template_of(os.path.dirname(paper)))
    expect(open(out, "rb").read() == open(again, "rb").read(), f"{paper}: two previews differ")

# The same pages as in the pack: an item with one paper takes its preview's
# pages (one more when a blank page pads it and the template counts it in the range).
pack = "samples/lscsb-2015-09-17/pack.xml"
report = os.path.join(tmp, "report.json")
b = run(boardpack, "build", pack, "-o", os.path.join(tmp, "pack.pdf"), "--report", report)
expect(b.returncode == 0, f"build {pack}: {b.stderr[:300]}")
items = json.load(open(report))["items"]
sources = re.findall(r"<item>(.*?)</item>", open(pack, encoding="utf-8").read(), re.S)
compared = 0
for item, source in zip(items, sources):
    srcs = re.findall(r'<papers src="([^"]+)"', source)
    if len(srcs) != 1 or "first_page" not in item:
        continue
    paper = os.path.join("samples/lscsb-2015-09-17", srcs[0])
    in_pack = item["last_page"] - item["first_page"] + 1
    expect(in_pack - previewed.get(paper, -9) in (0, 1), f"{paper}: {previewed.get(paper)} preview pages, {in_pack} in the pack")
    compared += 1
expect(compared >= 3, f"only {compared} items compared with the pack")

# A partner PDF whose pages link to each other, as a report's appendix and
# as a paper of its own: preview finishes the pages as the pack does, so
# each link opens the page showing its target, in the preview and in the pack.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import partner_pdfs as pp  # noqa: E402

folder = os.path.join(tmp, "partner")
os.makedirs(folder)
# Page 2 links to page 3 by a named destination, page 3 back to page 1 by an explicit one.
pp.write(os.path.join(folder, "slides.pdf"),
         [pp.Page(*pp.SLIDE, f"Partner slide {n}", goto={2: (2, True), 3: (0, False)}.get(n)) for n in (1, 2, 3)])
with open(os.path.join(folder, "report.xml"), "w", encoding="utf-8") as f:
    f.write('<report version="1">\n  <header><board>Board</board><date>2015-09-17</date><title>Slides</title></header>\n'
            '  <p>The slides are at Appendix 1.</p>\n'
            '  <appendix src="slides.pdf" title="Appendix 1 - Slides" alt="Three slides"/>\n</report>\n')
with open(os.path.join(folder, "pack.xml"), "w", encoding="utf-8") as f:
    f.write('<pack version="1" template="lscsb">\n  <meeting><body>Board</body><date>2015-09-17</date><time>10:00</time>'
            '<venue>Hall</venue></meeting>\n  <agenda>\n    <item><title>Slides</title><papers src="report.xml"/></item>\n'
            '  </agenda>\n</pack>\n')


def qpdf_json(pdf, key):
    return json.loads(run("qpdf", "--json", f"--json-key={key}", pdf).stdout)


def links_from(pdf):
    """{1-based page: [1-based pages its links open]} for every page with a link inside the file."""
    objs = qpdf_json(pdf, "qpdf")["qpdf"][1]
    pages = [p["object"] for p in qpdf_json(pdf, "pages")["pages"]]
    out = {}
    for n, page in enumerate(pages, 1):
        annots = objs[f"obj:{page}"]["value"].get("/Annots", [])
        if isinstance(annots, str):
            annots = objs[f"obj:{annots}"]["value"]
        for a in annots:
            d = objs[f"obj:{a}"]["value"]
            dest = d.get("/Dest") or d.get("/A", {}).get("/D")
            if isinstance(dest, str) and dest.endswith(" R"):
                dest = objs[f"obj:{dest}"]["value"]
            if isinstance(dest, list):
                out.setdefault(n, []).append(pages.index(dest[0]) + 1)
    return out


def slide_pages(pdf):
    texts = run("pdftotext", "-layout", pdf, "-").stdout.split("\f")
    return {n: i + 1 for i, text in enumerate(texts) for n in (1, 2, 3) if f"Partner slide {n}" in text}


draft = os.path.join(tmp, "slides-draft.pdf")
r = run(boardpack, "preview", os.path.join(folder, "report.xml"), "-o", draft)
expect(r.returncode == 0 and os.path.exists(draft), f"preview of a report with a linked partner appendix: {r.returncode} {r.stderr[:300]}")
built = os.path.join(tmp, "slides-pack.pdf")
b = run(boardpack, "build", os.path.join(folder, "pack.xml"), "-o", built)
expect(b.returncode == 0, f"the same report builds in a pack: {b.stderr[:300]}")
for pdf, what in [(draft, "the preview"), (built, "the pack")]:
    if not os.path.exists(pdf):
        continue
    at = slide_pages(pdf)
    expect(sorted(at) == [1, 2, 3], f"{what} shows the three slides: {at}")
    if sorted(at) == [1, 2, 3]:
        links = {page: to for page, to in links_from(pdf).items() if page in at.values()}
        expect(links == {at[2]: [at[3]], at[3]: [at[1]]},
               f"in {what}, slide 2 links to slide 3's page and slide 3 to slide 1's: {links} (slides on {at})")
if os.path.exists(draft) and os.path.exists(built):
    # The same pages as in the pack, numbered from 1: the report's page count, and each slide as far into it.
    d, p = slide_pages(draft), slide_pages(built)
    texts = run("pdftotext", "-layout", built, "-").stdout.split("\f")
    report_first = next(i + 1 for i, text in enumerate(texts) if "The slides are at Appendix 1." in text)
    expect(all(p[n] - report_first == d[n] - 1 for n in (1, 2, 3)),
           f"each slide is as far into the paper in the preview ({d}) as in the pack ({p}, the report from page {report_first})")

# Bad input: located errors, no PDF.
bad = os.path.join(tmp, "bad.xml")
open(bad, "w", encoding="utf-8").write('<report version="1"><para/></report>\n')
r = run(boardpack, "preview", bad, "-o", os.path.join(tmp, "bad.pdf"))
expect(r.returncode == 1 and not os.path.exists(os.path.join(tmp, "bad.pdf")) and f"{bad}:1:21: error:" in r.stderr,
       f"preview of a bad paper: {r.returncode} {r.stderr[:300]}")
expect(run(boardpack, "preview", bad).returncode == 2, "preview without -o is a usage error")

expect.finish("preview")
