"""The import's round trip: every report of the three sample packs (and one
of what they do not hold, tests/import/constructs/), written
out as .docx by LibreOffice Writer with the council template's Word styles
and automatic numbering (tests/import/make_roundtrip.py; the files are in
tests/import/roundtrip/), is imported back, and

- the imported XML validates (the import exits 0 and reports no error);
- its words are the original's, in order (at least 99 % of them, and no
  more than 1 % besides);
- its header (board, date, titles, lines), headings, footnotes and links
  are the original's;
- its tables have the original's rows, columns, spans, header rows,
  header cells, statuses and cell text;
- the pack built with the imported reports in place of the originals
  prints every paragraph number and list label the original prints, in
  the same order, the same bookmarks on the same pages, and the same
  "(Pages X - Y)" on its agenda."""
import difflib
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(__file__))
from packcheck import Expect, Pack  # noqa: E402

boardpack, root = sys.argv[1], sys.argv[2]
expect = Expect()
tmp = tempfile.mkdtemp(prefix="bp-roundtrip-")
docx_dir = os.path.join(root, "tests/import/roundtrip")


def squeeze(s):
    return " ".join((s or "").split())


BLOCKS = {"p", "ul", "ol", "li", "br"}


def text_of(el):
    """An element's text with its line breaks and blocks apart, squeezed."""
    parts = []

    def walk(e):
        if e.tag in BLOCKS:
            parts.append(" ")
        if e.text:
            parts.append(e.text)
        for c in e:
            walk(c)
            if c.tail:
                parts.append(c.tail)
    walk(el)
    return squeeze("".join(parts))


def words(paper):
    """Every word a reader of the paper meets, in order: header, headings
    (the parts' own included), paragraphs, lists, tables, notes."""
    out = []

    def add(s):
        out.extend(squeeze(s).split())

    def walk(e):
        if e.tag == "date":
            return
        if e.tag == "recommendations":
            add(e.get("title", "Recommendations"))
        elif e.tag == "contact" and e.get("heading") != "false":
            add(e.get("title", "Officer to contact"))
        elif e.tag == "appendix":
            add(e.get("title", ""))
        if e.tag == "br":
            out.append("\n")
        if e.text:
            add(e.text)
        for c in e:
            walk(c)
            if c.tail:
                add(c.tail)
    walk(paper)
    return [w for w in out if w != "\n"]


def header(paper):
    h = paper.find("header")
    return {"board": text_of(h.find("board")), "date": squeeze(h.findtext("date")),
            "titles": [text_of(t) for t in h.findall("title")], "lines": [text_of(t) for t in h.findall("line")]}


def headings(paper):
    return [(e.tag, text_of(e)) for e in paper.iter() if e.tag in ("h1", "h2", "h3")]


def footnotes(paper):
    return [text_of(e) for e in paper.iter("fn")]


def links(paper):
    return [(e.get("href"), text_of(e)) for e in paper.iter("a")]


STATUS = {"red": "R", "amber": "A", "green": "G"}


def tables(paper):
    """Each table as its header rows and body rows; each row as its cells:
    kind, colspan, rowspan, statuses (as letters) and text."""
    out = []
    for t in paper.iter("table"):
        def rows(group):
            return [[(c.tag, int(c.get("colspan", 1)), int(c.get("rowspan", 1)),
                      tuple(STATUS.get(s.lower(), s) for s in c.get("status", "").split()), text_of(c))
                     for c in tr] for g in t.findall(group) for tr in g.findall("tr")]
        out.append({"head": rows("thead"), "body": rows("tbody")})
    return out


def columns(table):
    """The columns a table's first row fills."""
    rows = table["head"] or table["body"]
    return sum(c[1] for c in rows[0]) if rows else 0


def compare(name, what, original, imported):
    if original == imported:
        expect(True, "")
        return
    a = [repr(x) for x in original] if isinstance(original, list) else [repr(original)]
    b = [repr(x) for x in imported] if isinstance(imported, list) else [repr(imported)]
    diff = "\n".join(list(difflib.unified_diff(a, b, "original", "imported", lineterm="", n=1))[:24])
    expect(False, f"{name}: the {what} differ:\n{diff}")


def labels(manifest):
    """Every paragraph number and list label the built pack prints, in page
    order, and its bookmarks (outline) with their pages."""
    d = subprocess.run([boardpack, "dump", manifest], capture_output=True, text=True)
    if d.returncode != 0:
        raise SystemExit(f"dump of {manifest} failed: {d.stderr}")
    lbl = set(re.findall(r"^struct\s+#(\d+) Lbl\b", d.stdout, re.M))
    shown = [m.group(1) for m in re.finditer(r'^\s+text [^"]*"(.*)" \[#(\d+)\]$', d.stdout, re.M) if m.group(2) in lbl]
    outline = re.findall(r"^outline (\d+) page (\d+) (.*)$", d.stdout, re.M)
    return shown, outline


packs = sorted(glob.glob(os.path.join(root, "samples/*/pack.xml"))) + [os.path.join(root, "tests/import/constructs/pack.xml")]
docx_files = sorted(glob.glob(os.path.join(docx_dir, "*.docx")))
reports = {}
for manifest in packs:
    folder = os.path.dirname(manifest)
    for paper in sorted(glob.glob(os.path.join(folder, "*.xml"))):
        if paper != manifest and ET.parse(paper).getroot().tag == "report":
            reports[os.path.basename(folder) + "-" + os.path.splitext(os.path.basename(paper))[0] + ".docx"] = paper
expect(sorted(reports) == [os.path.basename(f) for f in docx_files],
       f"tests/import/roundtrip/ holds {[os.path.basename(f) for f in docx_files]}, not one .docx for each sample report "
       f"{sorted(reports)}: run tests/import/make_roundtrip.py")

# Each pack copied, its reports replaced by those imported from Word.
for manifest in packs:
    shutil.copytree(os.path.dirname(manifest), os.path.join(tmp, os.path.basename(os.path.dirname(manifest))))

for docx_name, original_path in sorted(reports.items()):
    pack_name = os.path.basename(os.path.dirname(original_path))
    xml = os.path.join(tmp, pack_name, os.path.basename(original_path))
    os.remove(xml)
    r = subprocess.run([boardpack, "import", os.path.join(docx_dir, docx_name), "-o", xml, "--template", "lscsb"],
                       capture_output=True, text=True)
    name = f"{pack_name}/{os.path.basename(original_path)}"
    expect(r.returncode == 0 and ": error:" not in r.stderr,
           f"{name}: the import exits {r.returncode} (0 when the paper validates):\n{r.stderr[-3000:]}")
    if not os.path.exists(xml):
        continue
    original, imported = ET.parse(original_path).getroot(), ET.parse(xml).getroot()
    a, b = words(original), words(imported)
    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    same = sum(block.size for block in m.get_matching_blocks())
    expect(same >= 0.99 * len(a) and same >= 0.99 * len(b),
           f"{name}: {same} of the original's {len(a)} words are the imported paper's {len(b)}, in order (99 % needed): " +
           "; ".join(f"{' '.join(a[i1:i2])!r} -> {' '.join(b[j1:j2])!r}" for tag, i1, i2, j1, j2 in m.get_opcodes()
                     if tag != "equal")[:1500])
    compare(name, "headers", header(original), header(imported))
    compare(name, "headings", headings(original), headings(imported))
    compare(name, "footnotes", footnotes(original), footnotes(imported))
    compare(name, "links", links(original), links(imported))
    ot, it = tables(original), tables(imported)
    compare(name, "table counts", len(ot), len(it))
    for k, (x, y) in enumerate(zip(ot, it), 1):
        compare(name, f"columns of table {k}", columns(x), columns(y))
        compare(name, f"header rows of table {k}", x["head"], y["head"])
        compare(name, f"body rows of table {k}", x["body"], y["body"])

# The packs: numbers and labels, bookmarks, and the agenda's page ranges.
for manifest in packs:
    pack_name = os.path.basename(os.path.dirname(manifest))
    copy = os.path.join(tmp, pack_name, "pack.xml")
    (ol, oo), (il, io) = labels(manifest), labels(copy)
    expect(len(ol) > 20, f"{pack_name}: only {len(ol)} labels found in the dump")
    compare(pack_name, "paragraph numbers and list labels", ol, il)
    compare(pack_name, "bookmarks and their pages", oo, io)
    original, imported = Pack(boardpack, manifest), Pack(boardpack, copy)
    expect(len(original.ranges()) >= 1, f"{pack_name}: no page ranges on the agenda")
    compare(pack_name, "agenda ranges", original.ranges(), imported.ranges())

shutil.rmtree(tmp, ignore_errors=True)
expect.finish("import_roundtrip")
