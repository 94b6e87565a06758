"""Every construct in three shapes: tests/e2e/every-construct as written
(portrait, each construct once), turned landscape (each report's and
document's body in landscape sections and appendices) and made long (each
repeatable block three times, each table's body rows ten times, so tables,
lists and paragraphs cross pages). Each build is read back as page boxes
(`boardpack dump`) and checked for what must hold whatever the shape: every
line inside the margins, no text printed over other text, every page of a
landscape paper landscape, a table's header row at the top of every page it
runs onto, and the same words in every shape as in the portrait pack."""
import collections
import copy
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(__file__))
from packcheck import Expect, Pack, check_pack, read_boxes  # noqa: E402

boardpack, root = sys.argv[1], sys.argv[2]
expect = Expect()
tmp = tempfile.mkdtemp(prefix="bp-shapes-")
source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "every-construct")

# The two pictures the papers show, made by rendering a page of a sample.
sample = os.path.join(tmp, "sample.pdf")
subprocess.run([boardpack, "build", os.path.join(root, "samples/lscsb-2015-09-17/pack.xml"), "-o", sample],
               check=True, capture_output=True)
pictures = os.path.join(tmp, "pictures")
os.makedirs(pictures)
subprocess.run(["pdftoppm", "-png", "-r", "20", "-f", "1", "-l", "1", "-singlefile", sample,
                os.path.join(pictures, "chart")], check=True)
subprocess.run(["pdftoppm", "-jpeg", "-r", "20", "-f", "3", "-l", "3", "-singlefile", sample,
                os.path.join(pictures, "photo")], check=True)

ONCE = {"header", "cover", "recommendations", "contact", "attendance", "signature", "section", "appendix",
        "page-break"}


def landscape(root_el):
    """A report's or document's body (after its header or cover) in one
    landscape section; its own sections and appendices landscape too."""
    if root_el.tag not in ("report", "document"):
        return
    kids = list(root_el)
    body = [k for k in kids if k.tag not in ("header", "cover", "section", "appendix")]
    if body:
        at = kids.index(body[0])
        sec = ET.Element("section", {"orientation": "landscape"})
        for k in body:
            root_el.remove(k)
            sec.append(k)
        root_el.insert(at, sec)
    for k in root_el:
        if k.tag in ("section", "appendix") and k.get("src") is None:
            k.set("orientation", "landscape")


def long(root_el):
    """Each repeatable block three times; each table's body ten times."""
    for parent in root_el.iter():
        for table in parent.findall("table"):
            body = table.find("tbody")
            if body is None:
                continue
            rows = list(body)  # whole, so that its rowspans stay whole
            for _ in range(9):
                for r in rows:
                    body.append(copy.deepcopy(r))
    for parent in [root_el] + [k for k in root_el if k.tag in ("section", "appendix")]:
        kids = list(parent)
        for k in reversed(kids):
            if k.tag in ONCE or k.tag in ("title",) or parent.tag == "minutes" and k.tag != "minute":
                continue
            at = list(parent).index(k)
            for _ in range(2):
                parent.insert(at + 1, copy.deepcopy(k))


def make(name, change):
    folder = os.path.join(tmp, name)
    shutil.copytree(source, folder)
    for f in os.listdir(pictures):
        shutil.copy(os.path.join(pictures, f), folder)
    for f in os.listdir(folder):
        if not f.endswith(".xml") or f == "pack.xml":
            continue
        path = os.path.join(folder, f)
        tree = ET.parse(path)
        if change:
            change(tree.getroot())
        tree.write(path, encoding="UTF-8", xml_declaration=True)
    return os.path.join(folder, "pack.xml")


MARGIN = 72.0  # the house style's 25.4 mm
TOLERANCE = 0.6


def check_page(p, name):
    """Every line inside the margins, and no text over other text."""
    boxes = []
    for x, y, size, text, mark in p.texts():
        if "artifact" in mark:  # stamps, footers, blank-page text
            continue
        run = next(f for k, f, t, m in p.items if k == "text" and t == text and float(f[0]) == x)
        width = float(run[4][1:])
        expect(x >= MARGIN - TOLERANCE and x + width <= p.width - MARGIN + TOLERANCE,
               f"{name} page {p.number}: {text!r} runs outside the margins ({x:.1f} to {x + width:.1f})")
        expect(MARGIN - TOLERANCE <= y <= p.height - MARGIN + TOLERANCE,
               f"{name} page {p.number}: {text!r} stands outside the margins (baseline {y:.1f})")
        boxes.append((x, x + width, y - 0.7 * size, y + 0.2 * size, text))
    boxes.sort()
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if b[0] >= a[1] - TOLERANCE:
                break
            if b[2] < a[3] - TOLERANCE and a[2] < b[3] - TOLERANCE and a[4].strip() and b[4].strip():
                expect(False, f"{name} page {p.number}: {a[4]!r} and {b[4]!r} print over each other")


def words(pages):
    """The words printed on `pages`, page furniture and hyphens left out."""
    out = collections.Counter()
    for p in pages:
        for *_, text, mark in p.texts():
            if "artifact" not in mark:
                out.update(text.split())
    return out


built = {}
for name, change in (("portrait", None), ("landscape", landscape), ("long", long)):
    manifest = make(name, change)
    pack = Pack(boardpack, manifest, ("--templates", os.path.join(root, "templates")))
    check_pack(pack, expect.failures)
    pages = read_boxes(boardpack, manifest, "--templates", os.path.join(root, "templates"))
    expect(len(pages) == pack.pages, f"{name}: dump has {len(pages)} pages, the PDF {pack.pages}")
    items = {i["number"]: (i["first_page"], i["last_page"]) for i in pack.report["items"] if "first_page" in i}
    for p in pages:
        check_page(p, name)
    built[name] = (pack, pages, items)

# Each item's length in each shape, as docs/calibration.md records it: a
# rule that moves one must say why there.
LENGTHS = {"portrait": {2: 2, 4: 8, 7: 6}, "landscape": {2: 2, 4: 8, 7: 6}, "long": {2: 4, 4: 70, 7: 6}}
for name, (pack, pages, items) in built.items():
    got = {n: y - x + 1 for n, (x, y) in sorted(items.items())}
    expect(got == LENGTHS[name], f"{name}: items take {got} pages, expected {LENGTHS[name]}")

# Landscape: every page of the reports and documents is landscape but a
# cover's, the padding pages and the minutes'; the same words as portrait.
pack, pages, items = built["landscape"]
_, portrait_pages, portrait_items = built["portrait"]
expect(items.keys() == portrait_items.keys(), f"landscape items {sorted(items)}, portrait {sorted(portrait_items)}")
for n, (x, y) in items.items():
    ps = pages[x - 1:y]
    was = portrait_pages[portrait_items[n][0] - 1:portrait_items[n][1]]
    minutes = any("CHAIRMAN" in p.joined() for p in ps)
    if not minutes:
        portrait = [p.number for p in ps if not p.blank and not p.landscape
                    and not any(size >= 20 for *_, size, _, _ in p.texts())]  # a cover's title is 22pt
        expect(not portrait, f"landscape item {n}: portrait pages {portrait}")
    expect(words(ps) == words(was), f"landscape item {n}: its words differ from the portrait pack's: "
           f"{list((words(ps) - words(was)).items())[:5]} {list((words(was) - words(ps)).items())[:5]}")

# Long: the tables cross pages, each page they run onto opening with the
# header row again (a repeated row is page furniture, marked pagination).
pack, pages, items = built["long"]
crossed = 0
for p in pages:
    rows = [t for x, y, size, t, mark in p.texts() if t in ("Housing", "Policing", "Blaby")]
    if not rows or p.blank:
        continue
    texts = p.texts()
    first_row_y = min(y for x, y, size, t, mark in texts if t in ("Housing", "Policing", "Blaby"))
    above = [t for x, y, size, t, mark in texts if y < first_row_y and "artifact" not in mark]
    repeated = [t for x, y, size, t, mark in texts if "pagination" in mark and y < first_row_y]
    if not above or repeated:
        crossed += 1 if repeated else 0
        expect(repeated[:1] in (["Area"], ["District"]),
               f"long page {p.number}: a table runs onto it without its header row ({repeated[:4]})")
expect(crossed >= 1, f"no table of the long pack runs onto a second page ({crossed})")

expect.finish("every shape")
