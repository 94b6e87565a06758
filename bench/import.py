"""How long `boardpack import` takes: a Word report of about 30 pages, with
headings, Word-numbered paragraphs and sub-paragraphs, lists, footnotes,
links, tables (a repeated header row, merged cells, status shading) and
pictures, and one ten times as long (about 300 pages), each timed as the
whole process an officer runs (read the .docx, write the XML and its
pictures, validate what was written). Prints for each the median wall time
of several runs, its minimum and maximum, the median CPU time (the growth of
RUSAGE_CHILDREN across a run: what boardpack itself spent, which a loaded
machine does not inflate as it does the wall time), the pages `preview`
lays the imported paper out on, and the milliseconds per page; then how the
long report's time compares with ten times the short one's, and the cost of
starting the process (`boardpack --version`). Where /dev/shm exists the
same imports are timed again writing into it: the difference is the disk's
flushes (every file written is flushed to disk before it is renamed into
place, so that a crash never leaves half a file).

The .docx files are written here part by part (tests/import/ooxml.py), grown
until the paper they import to previews on at least 30 and 300 pages. Files
go to bench/out/import/.

usage: python3 bench/import.py [--boardpack build/boardpack] [--runs 11] [--warmup 2]"""
import argparse
import os
import shutil
import tempfile
import re
import resource
import statistics
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
sys.path.insert(0, os.path.join(root, "tests", "import"))
sys.path.insert(0, os.path.join(root, "tests"))
import ooxml  # noqa: E402
from png_bytes import png  # noqa: E402

out_dir = os.path.join(here, "out", "import")

NUMBERING = ('<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
             '<w:abstractNum w:abstractNumId="1">' + ooxml.level(0, "decimal", "%1.") + ooxml.level(1, "decimal", "%1.%2") +
             '</w:abstractNum><w:abstractNum w:abstractNumId="2">' + ooxml.level(0, "lowerLetter", "(%1)") +
             ooxml.level(1, "lowerRoman", "(%2)") + '</w:abstractNum><w:abstractNum w:abstractNumId="3">' +
             ooxml.level(0, "bullet", "\u2022") + '</w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
             '<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num></w:numbering>')
WORDS = ("the board partnership community safety referrals quarter district council police service victims "
         "performance outcomes funding domestic abuse support review strategy delivery update within across").split()


def sentence(k, n=28):
    words = [WORDS[(k * 7 + i * 3) % len(WORDS)] for i in range(n)]
    return (" ".join(words)).capitalize() + "."


def picture(k):
    """A 320 x 200 chart on a grained background, different for each k (Word
    keeps one copy of a picture used twice); the grain keeps it from packing
    small, as a photograph or a scanned chart would not."""
    rows, seed = [], k * 2654435761 % 2**32
    for y in range(200):
        r = bytearray()
        for x in range(320):
            seed = (seed * 1103515245 + 12345) % 2**31
            bar = x // 40
            if 200 - y < 20 + ((bar * 37 + k * 11) % 160) and x % 40 < 30:
                r += b"\x1f\x4e\x79"
            else:
                g = 235 + (seed >> 16) % 20
                r += bytes((g, g, g))
        rows.append(bytes(r))
    return png(320, 200, 2, rows)


def run_text(text, props=""):
    return f'<w:r>{"<w:rPr>" + props + "</w:rPr>" if props else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def numbered_p(inner, num, level):
    return f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>{inner}</w:p>'


def cell(text, pr=""):
    return f'<w:tc><w:tcPr>{pr}</w:tcPr><w:p>{run_text(text) if text else ""}</w:p></w:tc>'


def table(k):
    fills = ["00B050", "FFC000", "FF0000"]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in (2600, 1200, 1200, 1400, 900, 2300))
    head = '<w:tr><w:trPr><w:tblHeader/></w:trPr>' + "".join(
        cell(t) for t in ("Outcome", "2015/16", "2016/17", "Direction", "RAG", "Comment")) + "</w:tr>"
    rows = []
    for r in range(10):
        first = cell(f"Outcome {k}.{r // 3 + 1}", '<w:vMerge w:val="restart"/>' if r % 3 == 0 else "<w:vMerge/>")
        rows.append("<w:tr>" + first + cell(f"{1000 + 37 * r + k}") + cell(f"{990 + 29 * r + k}") +
                    cell("up" if r % 2 else "down") + cell("", f'<w:shd w:val="clear" w:fill="{fills[(r + k) % 3]}"/>') +
                    cell(sentence(k + r, 9)) + "</w:tr>")
    return ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>' + grid +
            "</w:tblGrid>" + head + "".join(rows) + "</w:tbl>")


def report(sections):
    """A report of `sections` parts, each a heading, numbered paragraphs
    (one with a footnote, one with a link), a sub-paragraph, a lettered
    list with a roman one inside, bullets; a table every second part and a
    picture every third."""
    body = [ooxml.p("LEICESTERSHIRE SAFER COMMUNITIES STRATEGY BOARD"), ooxml.p("17 September 2015"),
            ooxml.p("A LONG REPORT FOR TIMING THE IMPORT")]
    notes = []
    media, rels = {}, []
    for k in range(1, sections + 1):
        body.append(ooxml.p(f"Part {k} of the report", "Heading1"))
        for i in range(4):
            inner = run_text(sentence(k * 5 + i))
            if i == 1:
                notes.append(f'<w:footnote w:id="{k}"><w:p>{run_text("Source: police recorded crime, part " + str(k) + ".")}</w:p></w:footnote>')
                inner += f'<w:r><w:footnoteReference w:id="{k}"/></w:r>' + run_text(" " + sentence(k + i, 12))
            if i == 2:
                rels.append(f'<Relationship Id="rIdL{k}" Type="{ooxml.REL}hyperlink" Target="https://www.leics.gov.uk/part{k}" TargetMode="External"/>')
                inner += f'<w:hyperlink r:id="rIdL{k}">{run_text("the council page")}</w:hyperlink>' + run_text(" " + sentence(k, 8))
            body.append(numbered_p(inner, 1, 0))
        body.append(numbered_p(run_text(sentence(k * 3, 20), "<w:b/>") + run_text(" " + sentence(k, 14)), 1, 1))
        body += [numbered_p(run_text(sentence(k + j, 10)), 2, 0) for j in range(2)]
        body += [numbered_p(run_text(sentence(k + j, 8)), 2, 1) for j in range(2)]
        body += [numbered_p(run_text(sentence(k + j, 12)), 3, 0) for j in range(3)]
        if k % 2 == 0:
            body.append(table(k))
        if k % 3 == 0:
            media[f"word/media/chart{k}.png"] = picture(k)
            rels.append(f'<Relationship Id="rIdP{k}" Type="{ooxml.REL}image" Target="media/chart{k}.png"/>')
            body.append("<w:p>" + ooxml.drawing(f"rIdP{k}", f"A bar chart of referrals in part {k}", cx=4572000, cy=3048000) + "</w:p>")
    body += [ooxml.p("Recommendations", "Heading1"), numbered_p(run_text("That the Board notes the report."), 1, 0),
             ooxml.p("Officer to contact", "Heading1"), ooxml.p("James Fox"), ooxml.p("Tel: 0116 305 8077")]
    parts = {"word/numbering.xml": NUMBERING,
             "word/footnotes.xml": f'<w:footnotes {ooxml.W}>' + "".join(notes) + "</w:footnotes>", **media}
    return ooxml.docx("".join(body), parts, rels="".join(rels))


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {r.returncode}:\n{r.stderr[-2000:]}")
    return r


def write_report(boardpack, name, sections):
    path = os.path.join(out_dir, name + ".docx")
    with open(path, "wb") as f:
        f.write(report(sections))
    xml = os.path.join(out_dir, name + ".xml")
    run([boardpack, "import", path, "-o", xml])
    pdf = os.path.join(out_dir, name + ".pdf")
    run([boardpack, "preview", xml, "-o", pdf])
    info = run(["pdfinfo", pdf]).stdout
    return path, int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def grown(boardpack, name, pages):
    """The report grown until its import previews on at least `pages` pages."""
    sections = max(2, pages // 2)
    while True:
        path, got = write_report(boardpack, name, sections)
        if got >= pages:
            return path, got, sections
        sections = max(sections + 1, int(sections * pages / max(got, 1)) + 1)


def timed(cmd, runs, warmup):
    walls, cpus = [], []
    for i in range(warmup + runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        run(cmd)
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if i >= warmup:
            walls.append(wall)
            cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return walls, cpus


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--boardpack", default=os.path.join(root, "build", "boardpack"))
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--warmup", type=int, default=2)
    a = ap.parse_args()
    boardpack = os.path.abspath(a.boardpack)
    os.makedirs(out_dir, exist_ok=True)
    rows = []
    for name, pages in (("report-30-pages", 30), ("report-300-pages", 300)):
        path, got, sections = grown(boardpack, name, pages)
        walls, cpus = timed([boardpack, "import", path, "-o", os.path.join(out_dir, name + ".xml")], a.runs, a.warmup)
        memory = None
        if os.path.isdir("/dev/shm"):
            shm = tempfile.mkdtemp(prefix="bp-import-", dir="/dev/shm")
            try:
                memory, _ = timed([boardpack, "import", path, "-o", os.path.join(shm, name + ".xml")], a.runs, a.warmup)
            finally:
                shutil.rmtree(shm, ignore_errors=True)
        rows.append((name, got, sections, os.path.getsize(path), walls, cpus, memory))
    start_walls, start_cpus = timed([boardpack, "--version"], a.runs, a.warmup)
    print(f"{a.runs} timed runs each after {a.warmup} untimed; load average {os.getloadavg()[0]:.1f}\n")
    print("| report | pages | parts | .docx | median wall | min - max | median CPU | wall ms / page | median wall, written to /dev/shm |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, got, sections, size, walls, cpus, memory in rows:
        w = statistics.median(walls)
        print(f"| {name} | {got} | {sections} | {size / 1024:.0f} KB | {w * 1000:.1f} ms | "
              f"{min(walls) * 1000:.1f} - {max(walls) * 1000:.1f} ms | {statistics.median(cpus) * 1000:.1f} ms | "
              f"{w * 1000 / got:.2f} | {f'{statistics.median(memory) * 1000:.1f} ms' if memory else '-'} |")
    (_, p1, _, _, w1, c1, _), (_, p2, _, _, w2, c2, _) = rows
    print(f"\nprocess start (boardpack --version): {statistics.median(start_walls) * 1000:.1f} ms wall, "
          f"{statistics.median(start_cpus) * 1000:.1f} ms CPU")
    wall_ratio = statistics.median(w2) / statistics.median(w1)
    cpu_ratio = statistics.median(c2) / max(statistics.median(c1), 1e-9)
    print(f"300 pages against 30: {p2 / p1:.1f} times the pages took {wall_ratio:.1f} times the wall time and "
          f"{cpu_ratio:.1f} times the CPU time (linear: about {p2 / p1:.1f})")
    print(f"bar: 30 pages under 200 ms: {'met' if statistics.median(w1) < 0.2 else 'NOT met'} "
          f"({statistics.median(w1) * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
