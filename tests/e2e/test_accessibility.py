"""Accessible packs: every PDF boardpack writes passes the PDF/UA machine
checks of pdfua.py (the samples, a pack with every construct, previews);
the 17 September 2015 pack reads in order and exactly through its structure
tree; and the checker itself fails on files that break the rules."""
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(__file__))
import pdfua  # noqa: E402
from packcheck import Expect  # noqa: E402

boardpack, root = sys.argv[1], sys.argv[2]
expect = Expect()
tmp = tempfile.mkdtemp(prefix="bp-a11y-")
SAMPLES = ["lscsb-2015-06-18", "lscsb-2015-09-17", "lscsb-2016-09-08"]


def build(manifest, name, *extra):
    """Builds `manifest` into tmp/name.pdf; returns (pdf path, build report) or None."""
    out = os.path.join(tmp, name + ".pdf")
    report = os.path.join(tmp, name + ".json")
    r = subprocess.run([boardpack, "build", manifest, "-o", out, "--report", report, *extra],
                       capture_output=True, text=True)
    expect(r.returncode == 0, f"build of {name} failed ({r.returncode}): {r.stderr[-500:]}")
    if r.returncode != 0:
        return None
    with open(report) as f:
        return out, json.load(f)


def passes_checker(pdf, name):
    failures = pdfua.check(pdf)
    expect(not failures, f"{name}: {len(failures)} PDF/UA check(s) failed: " + "; ".join(failures[:8]))


def parts_match_items(pdf, report, name):
    """Document > one Part for the front sheet, then one per item with pages,
    titled with the item's number."""
    checker = pdfua.Checker(pdfua.Pdf(pdf))
    checker.run()
    doc = checker.root_elements[0] if checker.root_elements else None
    parts = [c for c in doc.children if c.role == "Part"] if doc else []
    titles = [checker.pdf.get(p.dict.get("T")) or "" for p in parts]
    bound = [i["number"] for i in sorted((i for i in report["items"] if "first_page" in i),
                                         key=lambda i: i["first_page"])]
    expect(len(parts) == 1 + len(bound) and doc is not None and len(doc.children) == len(parts),
           f"{name}: Document holds {[c.role for c in doc.children] if doc else None}, "
           f"expected a Part for the front sheet and one for each of items {bound}")
    for number, title in zip(bound, titles[1:]):
        expect(title.startswith(f"{number}. "), f"{name}: the Part of item {number} is titled {title!r}")
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    expect(re.search(r"^Tagged:\s+yes", info, re.M) is not None, f"{name}: pdfinfo does not see a tagged file")


# -- every sample pack, public and with the exempt items

for sample in SAMPLES:
    manifest = os.path.join(root, "samples", sample, "pack.xml")
    for extra in ((), ("--include-exempt",)):
        name = sample + ("-full" if extra else "")
        built = build(manifest, name, *extra)
        if built:
            passes_checker(built[0], name)
            parts_match_items(built[0], built[1], name)


# -- a pack using every construct of docs/formats.md, public and full

def every_construct_pack():
    """A copy of tests/e2e/every-construct with its two pictures, made by
    rendering pages of a built sample (one PNG, one JPEG)."""
    folder = os.path.join(tmp, "every-construct")
    shutil.copytree(os.path.join(os.path.dirname(__file__), "every-construct"), folder)
    sample = os.path.join(tmp, "lscsb-2015-09-17.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "20", "-f", "1", "-l", "1", "-singlefile", sample,
                    os.path.join(folder, "chart")], check=True)
    subprocess.run(["pdftoppm", "-jpeg", "-r", "20", "-f", "3", "-l", "3", "-singlefile", sample,
                    os.path.join(folder, "photo")], check=True)
    return os.path.join(folder, "pack.xml")


def struct_text(pdf):
    """pdfinfo -struct-text as (depth, line) pairs, indentation removed."""
    out = subprocess.run(["pdfinfo", "-struct-text", pdf], capture_output=True, text=True).stdout
    lines = []
    for l in out.splitlines():
        depth, l = (len(l) - len(l.lstrip(" "))) // 2, l.strip()
        if l.startswith('"'):
            l = '"' + " ".join(l[1:-1].split()) + '"'
        elif not l.startswith("/"):  # an element, "TH:" when attributes follow
            l = l.replace(":", "", 1) if l.split(" ")[0].endswith(":") else l
        if l:
            lines.append((depth, l))
    return lines


def texts_under(lines, start):
    """The quoted texts inside the element on lines[start], in order."""
    depth, out = lines[start][0], []
    for d, l in lines[start + 1:]:
        if d <= depth:
            break
        if l.startswith('"'):
            out.append(l[1:-1])
    return out


def elements(lines, role):
    """Indexes of the lines that open an element of `role`."""
    return [i for i, (_, l) in enumerate(lines) if l == role or l.startswith(role + " ")]


manifest = every_construct_pack() if os.path.exists(os.path.join(tmp, "lscsb-2015-09-17.pdf")) else None
for extra in ((), ("--include-exempt",)) if manifest else ():
    name = "every-construct" + ("-full" if extra else "")
    built = build(manifest, name, "--templates", os.path.join(root, "templates"), *extra)
    if not built:
        continue
    pdf, report = built
    passes_checker(pdf, name)
    parts_match_items(pdf, report, name)
    lines = struct_text(pdf)
    flat = [l for _, l in lines]
    roles = {l.split(" ")[0] for l in flat if not l.startswith('"')}
    for role in ["Document", "Part", "Sect", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "THead",
                 "TBody", "TR", "TH", "TD", "Link", "Figure", "BlockQuote", "Note"]:
        expect(role in roles, f"{name}: no {role} element in the structure")
    contract = any(l.startswith('Part "6. Contract award') for l in flat)
    expect(contract == bool(extra), f"{name}: the exempt item's Part is {'missing' if extra else 'present'}")
    checker = pdfua.Checker(pdfua.Pdf(pdf))
    checker.run()
    alts = sorted(checker.pdf.get(e.dict.get("Alt")) for e in checker.elements if e.role == "Figure")
    expect(alts == ["A bar chart of incidents by month", "The front of County Hall"], f"{name}: figures' alt texts {alts}")
    spans = {(e.role, k, e.attribute("Table", k)) for e in checker.elements if e.role in ("TH", "TD")
             for k in ("RowSpan", "ColSpan") if e.attribute("Table", k)}
    expect(("TD", "ColSpan", 4) in spans and ("TD", "RowSpan", 2) in spans, f"{name}: cell spans {sorted(spans)}")
    scopes = {e.attribute("Table", "Scope") for e in checker.elements if e.role == "TH"}
    expect(scopes == {"Column", "Row"}, f"{name}: header scopes {scopes}, expected Column (thead) and Row (th in a row)")
    # The appendix table's header row is repeated on each landscape page it
    # runs onto, but read once: the repeats are artifacts.
    pages = int(re.search(r"^Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout,
                          re.M).group(1))
    shown = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    repeats = len(re.findall(r"Indicator\s+2015/16\s+2016/17\s+RAG\s+Commentary", shown))
    expect(repeats >= 2, f"{name}: the appendix header row is printed {repeats} times; the table should run over pages")
    expect(flat.count('"Commentary"') == 1, f"{name}: the appendix header is read {flat.count(chr(34) + 'Commentary' + chr(34))} times")
    for want in ["Minutes of a meeting of the Test Constructs Board held at County Hall, Glenfield",
                 "RESOLVED:", "AGREED:", "NOTED:", "Section 100(A)(4)", "public interest in maintaining the exemption",
                 "Contract award for the support service", "Mr A. Chair CC (in the Chair)", "CHAIRMAN",
                 "Officers to Contact", "Dan Deputy", "Erin Author, Research Officer",
                 "The next meeting of the Board will be held on Thursday 9 March 2017 at 2.00pm.",
                 "Fay Fieldworker, Research Officer",
                 "TH SEPTEMBER 2016", "Case Management Review",
                 "Indicator 60", "A paragraph that restarts the numbering at seven.", "Behind plan",
                 "Figures for April to June 2015."]:
        expect(any(want in l for l in flat), f"{name}: {want!r} is not read from the structure")


# -- reading order and exact text of the 17 September 2015 pack

def source_text(element):
    """An XML element's text as a reader hears it: markup dropped, white
    space collapsed."""
    return " ".join("".join(element.itertext()).split())


def under(lines, start, role):
    """Indexes of the `role` elements inside the element on lines[start]."""
    depth, out = lines[start][0], []
    for i in range(start + 1, len(lines)):
        if lines[i][0] <= depth:
            break
        if lines[i][1] == role or lines[i][1].startswith(role + " "):
            out.append(i)
    return out


def joined(lines, i):
    return " ".join(texts_under(lines, i))


pdf17 = os.path.join(tmp, "lscsb-2015-09-17.pdf")
if os.path.exists(pdf17):
    sample = os.path.join(root, "samples", "lscsb-2015-09-17")
    with open(os.path.join(tmp, "lscsb-2015-09-17.json")) as f:
        ranges = {i["number"]: (i["first_page"], i["last_page"]) for i in json.load(f)["items"] if "first_page" in i}
    lines = struct_text(pdf17)
    parts = elements(lines, "Part")
    part_titles = [lines[i][1] for i in parts]
    expect(part_titles[0] == 'Part "Agenda"' and len(parts) == 1 + len(ranges),
           f"the parts read {part_titles}, expected the agenda and then the items {sorted(ranges)}")

    # The agenda is a list: each item's number, then its title with its
    # page range as one line.
    agenda = parts[0]
    items = under(lines, agenda, "LI")
    expect(len(items) == 11, f"the agenda lists {len(items)} items, expected 11")
    for n, li in enumerate(items, 1):
        labels = [joined(lines, i) for i in under(lines, li, "Lbl")]
        bodies = [joined(lines, i) for i in under(lines, li, "LBody")]
        expect(labels == [f"{n}."] and len(bodies) == 1, f"agenda item {n} reads {labels} {bodies}")
        if n in ranges and bodies:
            x, y = ranges[n]
            expect(re.fullmatch(rf"\S.* \(Pages {x} - {y}\)( .*)?", bodies[0]) is not None,
                   f"agenda item {n} does not read its title and '(Pages {x} - {y})' as one line: {bodies[0]!r}")
    heading = next((i for i in elements(lines, "H1") if i > agenda), None)
    expect(heading is not None and joined(lines, heading) == "Agenda" and items and heading < items[0],
           "the front sheet's heading 'Agenda' is not read before its list")

    # The minutes: their opening heading, the attendance, then minute 26.
    minutes = parts[1]
    flow = [(l, joined(lines, i)) for i, (d, l) in enumerate(lines) if i > minutes and l.split(" ")[0] in ("H1", "H2", "P")]
    want = [("H1", "Minutes of a meeting of the Leicestershire Safer Communities Strategy Board held at County Hall, "
                   "Glenfield on Thursday, 18 June 2015."),
            ("H2", "Present"), ("P", "Cllr. J.T. Orson JP Leicestershire County Council"),
            ("H2", "26. Introductions"),
            ("P", "Mr J. Orson CC welcomed everyone to the meeting and introductions were made.")]
    got = [(l.split(" ")[0], t) for l, t in flow]
    at, out_of_order = 0, None
    for w in want:
        if w not in got[at:]:
            out_of_order = w
            break
        at = got.index(w, at) + 1
    expect(out_of_order is None, f"the minutes do not read {out_of_order} in order; they begin {got[:6]}")

    # A report's first numbered paragraph: its number, then its text.
    report = ET.parse(os.path.join(sample, "report-performance-q1.xml")).getroot()
    first_p = source_text(report.find("p"))
    perf = parts[2]
    li = under(lines, perf, "LI")[0]
    expect([joined(lines, i) for i in under(lines, li, "Lbl")] == ["1."] and
           [joined(lines, i) for i in under(lines, li, "LBody")] == [first_p],
           f"the report's first numbered paragraph reads {texts_under(lines, li)}, expected ['1.', {first_p!r}]")

    # A table: its header cells, then its first row's cells, as the source has them.
    abuse = ET.parse(os.path.join(sample, "report-domestic-abuse.xml")).getroot()
    table = abuse.find(".//table")
    want_head = [source_text(c) for c in table.find("thead/tr")]
    want_row = [source_text(c) for c in table.find("tbody/tr")]
    t = under(lines, parts[4], "Table")[0]
    head = [joined(lines, i) for i in under(lines, under(lines, t, "THead")[0], "TH")]
    row = [joined(lines, i) for i in under(lines, under(lines, under(lines, t, "TBody")[0], "TR")[0], "TD")]
    expect(head == want_head, f"the action plan's header reads {head}, the source has {want_head}")
    expect(row == want_row, f"the action plan's first row reads {row}, the source has {want_row}")

    # Every page: the footer comes last and the stamp just before it, never
    # inside the text; and every character pdftotext finds comes back from
    # the tagged content or the artifacts, every body word from the tags.
    checker = pdfua.Checker(pdfua.Pdf(pdf17))
    checker.run()
    raw = subprocess.run(["pdftotext", "-raw", pdf17, "-"], capture_output=True, text=True).stdout.split("\f")
    tagged_words = []
    for p, ref in enumerate(checker.pdf.page_refs, 1):
        shown = [l.strip() for l in raw[p - 1].splitlines() if l.strip()]
        text = checker.page_text[ref]
        artifacts = [" ".join(a.split()) for a in text.artifacts]
        tagged = " ".join(text.tagged[m] for m in sorted(text.tagged))
        tagged_words += tagged.split()
        if "This page is intentionally left blank" in artifacts:
            expect(shown == ["This page is intentionally left blank"], f"page {p}: a blank page shows {shown[:3]}")
            continue
        stamp = [a for a in artifacts if a.startswith("Agenda Item")]
        expect(shown[-1:] == [f"Page {p}"] and shown[-1 - len(stamp):-1] == stamp,
               f"page {p}: its last lines are {shown[-3:]}, expected the stamp {stamp} and then 'Page {p}'")
        expect(not any(l.startswith("Page ") or l.startswith("Agenda Item") for l in shown[:-1 - len(stamp)]),
               f"page {p}: footer or stamp text inside the page's text")
        chars = collections.Counter("".join(shown).replace(" ", ""))
        back = collections.Counter((tagged + "".join(artifacts)).replace(" ", ""))
        expect(chars == back, f"page {p}: characters differ between pdftotext and the content read back: "
                              f"{dict(chars - back)} vs {dict(back - chars)}")
        body_words = set(" ".join(shown).split()) - set(" ".join(artifacts).split())
        missing = body_words - set(tagged.split())
        expect(not missing, f"page {p}: words pdftotext finds that the tagged text lacks: {sorted(missing)[:8]}")
    struct_words = " ".join(l[1:-1] for _, l in lines if l.startswith('"')).split()
    expect(collections.Counter(struct_words) == collections.Counter(tagged_words),
           "pdfinfo -struct-text and the tagged content read different words: "
           f"{dict(collections.Counter(struct_words) - collections.Counter(tagged_words))} vs "
           f"{dict(collections.Counter(tagged_words) - collections.Counter(struct_words))}")


# -- a paper's preview is tagged like the pack

for paper in ["lscsb-2015-09-17/report-domestic-abuse.xml", "lscsb-2015-09-17/minutes-2015-06-18.xml"]:
    out = os.path.join(tmp, "preview-" + os.path.basename(paper).replace(".xml", ".pdf"))
    r = subprocess.run([boardpack, "preview", os.path.join(root, "samples", paper), "-o", out],
                       capture_output=True, text=True)
    expect(r.returncode == 0, f"preview of {paper} failed ({r.returncode}): {r.stderr[-300:]}")
    if r.returncode == 0:
        passes_checker(out, "preview of " + paper)


# -- the checker fails on files that break the rules

def hand_written_untagged_pdf(path):
    """One page of Helvetica text, as any PDF 1.4 writer would make it."""
    content = b"BT /F1 12 Tf 72 720 Td (Not tagged) Tj ET\n0 0 1 rg 72 600 100 50 re f\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Title (Untagged) >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)


untagged = os.path.join(tmp, "untagged.pdf")
hand_written_untagged_pdf(untagged)
failures = pdfua.check(untagged)
for want in ["not tagged", "no StructTreeRoot", "no valid Lang", "no XMP Metadata", "PDF version is 1.4",
             "DisplayDocTitle", "'Tj' at offset", "'f' at offset", "font F1 (Helvetica) is not embedded",
             "no usable ToUnicode"]:
    expect(any(want in f for f in failures), f"the checker does not report {want!r} for an untagged PDF: {failures}")
r = subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "pdfua.py"), untagged],
                   capture_output=True, text=True)
expect(r.returncode == 1 and "not tagged" in r.stdout, f"pdfua.py on an untagged PDF exits {r.returncode}: {r.stdout[:200]}")

# Same-length edits of one uncompressed copy of a good pack, each breaking
# one rule: (what is replaced, by what, how many times, what must be reported).
good = os.path.join(tmp, "lscsb-2015-09-17.pdf")
if os.path.exists(good):
    qdf = os.path.join(tmp, "qdf.pdf")
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", good, qdf], check=True)
    original = open(qdf, "rb").read()
    r = subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "pdfua.py"), qdf],
                       capture_output=True, text=True)
    expect(r.returncode == 0 and not r.stdout, f"the uncompressed copy does not pass: {r.stdout[:300]}")
    footer = b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC"
    breaks = [
        (b"/StructTreeRoot ", b"/StructTreeRooX ", 1, "no StructTreeRoot"),
        (b"/Marked true", b"/Marked fals", 1, "not tagged"),
        (b"/Lang (en-GB)", b"/Lang (!!!!!)", 1, "no valid Lang"),
        (b"/DisplayDocTitle true", b"/DisplayDocTitle fals", 1, "DisplayDocTitle"),
        (b"<pdfuaid:part>1</pdfuaid:part>", b"<pdfuaid:part>2</pdfuaid:part>", 1, "does not identify PDF/UA-1"),
        (footer, b"/Span <<" + b" " * (len(footer) - 14) + b">> BDC", 1, "paints outside any tagged"),
        (b"EMC\n", b"   \n", 1, "left open at the end of the page"),
        (b"/P <</MCID 1>> BDC", b"/P <</MCID 0>> BDC", 1, "MCID 0 is used twice"),
        (b"/S /TH", b"/S /TD", -1, "has no header cells"),
        (b"/Scope /Column", b"/Scopf /Column", 1, "has no /Scope"),
        (b"/S /H2", b"/S /H4", 1, "skips from H1 to H4"),
        (b"/S /H1", b"/S /H3", 2, "opens with an H3 heading"),
        (b"/Tabs /S", b"/Tabx /S", 1, "no /Tabs /S"),
        (b"/Contents (Agenda item 2", b"/Contentx (Agenda item 2", 1, "has no /Contents"),
        (b"/StructParent ", b"/StructParenx ", 1, "has no /StructParent"),
        (b"/ToUnicode", b"/ToUnicodx", 1, "no usable ToUnicode"),
        (b"/FontFile2", b"/FontFilex", 1, "is not embedded"),
        (b"/StructParents 0\n", b"/StructParentz 0\n", 1, "has marked content but no /StructParents"),
    ]
    for i, (old, new, count, report) in enumerate(breaks):
        assert len(old) == len(new), old
        expect(old in original, f"the uncompressed pack has no {old!r} to break")
        broken = os.path.join(tmp, f"broken-{i}.pdf")
        with open(broken, "wb") as f:
            f.write(original.replace(old, new, count))
        failures = pdfua.check(broken)
        expect(any(report in f for f in failures),
               f"after replacing {old!r} with {new!r} the checker does not report {report!r}: {failures[:5]}")

expect.finish("accessibility")
