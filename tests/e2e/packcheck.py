"""Reads a built pack the way a person would: pdfinfo, pdftotext -layout per
page, qpdf --check. Shared by the end-to-end tests; each check appends a
sentence to `failures` instead of stopping, so one run shows every problem."""
import json
import os
import re
import subprocess
import sys
import tempfile

BLANK = "This page is intentionally left blank"


def run(*cmd, check=True):
    return subprocess.run(cmd, capture_output=True, text=True, check=check)


class Pack:
    def __init__(self, boardpack, manifest, extra=()):
        self.tmp = tempfile.mkdtemp(prefix="bp-e2e-")
        self.pdf = os.path.join(self.tmp, "pack.pdf")
        self.report_path = os.path.join(self.tmp, "report.json")
        r = run(boardpack, "build", manifest, "-o", self.pdf, "--report", self.report_path, *extra, check=False)
        self.build = r
        if r.returncode != 0:
            raise SystemExit(f"build of {manifest} failed ({r.returncode}):\n{r.stderr}")
        with open(self.report_path) as f:
            self.report = json.load(f)
        info = run("pdfinfo", self.pdf).stdout
        self.info = info
        self.pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        self.text = {}
        for p in range(1, self.pages + 1):
            t = run("pdftotext", "-layout", "-f", str(p), "-l", str(p), self.pdf, "-").stdout
            self.text[p] = t
        sizes = run("pdfinfo", "-f", "1", "-l", str(self.pages), self.pdf).stdout
        self.size = {int(m.group(1)): (float(m.group(2)), float(m.group(3)))
                     for m in re.finditer(r"^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", sizes, re.M)}

    def lines(self, p):
        return [" ".join(l.split()) for l in self.text[p].splitlines() if l.strip()]

    def landscape(self, p):
        w, h = self.size[p]
        return w > h

    def ranges(self):
        """(item number, first, last) as printed on the front sheet."""
        out = []
        for p in range(1, self.report["front_pages"] + 1):
            cur = None
            for l in self.lines(p):
                m = re.match(r"^(\d+)\.\s", l)
                if m:
                    cur = int(m.group(1))
                for x, y in re.findall(r"\(Pages (\d+) - (\d+)\)", l):
                    out.append((cur, int(x), int(y)))
        return out


def check_pack(pack, failures, expect_items=None):
    """The rules every pack obeys, whatever its content."""
    q = run("qpdf", "--check", pack.pdf, check=False)
    if q.returncode != 0 or "No syntax or stream encoding errors" not in q.stdout:
        failures.append(f"qpdf --check: {q.stdout.strip()[-300:]} {q.stderr.strip()[-300:]}")
    ranges = pack.ranges()
    reported = [(i["number"], i["first_page"], i["last_page"]) for i in pack.report["items"] if "first_page" in i]
    if ranges != reported:
        failures.append(f"front sheet ranges {ranges} differ from where the items were bound {reported}")
    if expect_items is not None and len(ranges) != expect_items:
        failures.append(f"{len(ranges)} ranges on the front sheet, expected {expect_items}")
    covered = set(range(1, pack.report["front_pages"] + 1))
    prev_end = pack.report["front_pages"]
    for num, x, y in ranges:
        if x % 2 == 0:
            failures.append(f"item {num} starts on even page {x}")
        if x not in (prev_end + 1, prev_end + 2):
            failures.append(f"item {num} starts at {x}, not right after page {prev_end}")
        first_lines = pack.lines(x)
        if not any(f"Agenda Item {num}" == l or l.startswith(f"Agenda Item {num} ") or l.endswith(f"Agenda Item {num}")
                   for l in first_lines):
            failures.append(f"page {x}: no 'Agenda Item {num}' stamp")
        covered.update(range(x, y + 1))
        prev_end = y
    if pack.pages % 2 != 0:
        failures.append(f"{pack.pages} pages: a duplex pack has an even number of pages")
    for p in range(1, pack.pages + 1):
        lines = pack.lines(p)
        blank = any(BLANK in l for l in lines)
        if blank:
            others = [l for l in lines if BLANK not in l]
            if others:
                failures.append(f"page {p}: blank page also shows {others[:2]}")
            continue
        if p not in covered:
            failures.append(f"page {p}: outside every item and not blank")
        if not lines or lines[-1] != f"Page {p}":
            failures.append(f"page {p}: last line is {lines[-1:]} not 'Page {p}'")
        if not lines:
            failures.append(f"page {p}: empty")
    # A page that is not the last of its part but is nearly empty is a layout fault.
    return ranges


def check_rebuild_identical(boardpack, manifest, pack, failures):
    again = os.path.join(pack.tmp, "again.pdf")
    run(boardpack, "build", manifest, "-o", again)
    if open(again, "rb").read() != open(pack.pdf, "rb").read():
        failures.append("two builds of the same input differ")


class Expect:
    """Counts checks and keeps the failed ones' sentences: expect(cond, what)."""

    def __init__(self):
        self.failures, self.checks = [], 0

    def __call__(self, cond, what):
        self.checks += 1
        if not cond:
            self.failures.append(what)

    def finish(self, name):
        finish(name, self.failures, self.checks)


def finish(name, failures, checks):
    for f in failures:
        print(f"FAIL {name}: {f}")
    print(f"{checks - min(checks, len(failures))} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


def check_lengths_near_seed(ranges, seed_ranges, failures):
    """Each item's "(Pages X - Y)" as long as the published pack's, within
    10 % or one page, whichever is larger."""
    ours = {n: y - x + 1 for n, x, y in ranges}
    for n, (x, y) in seed_ranges.items():
        want = y - x + 1
        got = ours.get(n)
        if got is None:
            failures.append(f"item {n} has no pages; the published pack had {want}")
        elif abs(got - want) > max(1, 0.1 * want):
            failures.append(f"item {n} takes {got} pages; the published pack took {want}")


def check_padding_in_ranges(pack, ranges, failures):
    """With the template's <blank in-range="true">, every page after the front
    sheet belongs to an item's range, its trailing padding page included."""
    covered = set()
    for _, x, y in ranges:
        covered.update(range(x, y + 1))
    for p in range(min((x for _, x, _ in ranges), default=pack.pages + 1), pack.pages + 1):
        if p not in covered:
            failures.append(f"page {p} is in no item's range; padding pages count in the range before them")
    for _, x, y in ranges:
        if (y - x + 1) % 2 != 0:
            failures.append(f"range {x} - {y} has an odd length; its padding page is not counted")


def link_targets(pdf):
    """URIs of the link annotations in the file."""
    data = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, "-"], capture_output=True).stdout
    return set(m.decode("latin-1") for m in re.findall(rb"/URI \(([^)]*)\)", data))


def words_in_order(text, phrases):
    """True if each phrase occurs after the previous one."""
    at = 0
    for p in phrases:
        i = text.find(p, at)
        if i < 0:
            return p
        at = i + len(p)
    return None


class BoxPage:
    """One page of `boardpack dump`: its size, whether it is a padding page,
    and its items as (kind, fields, text, mark) in drawing order."""

    def __init__(self, number, width, height, blank):
        self.number, self.width, self.height, self.blank = number, width, height, blank
        self.items = []

    @property
    def landscape(self):
        return self.width > self.height

    def texts(self):
        """(x, baseline, size, text, mark) of each glyph run."""
        out = []
        for kind, fields, text, mark in self.items:
            if kind == "text":
                out.append((float(fields[0]), float(fields[1]), float(fields[3]), text, mark))
        return out

    def joined(self):
        return " ".join(t for *_, t, _ in self.texts())


def read_boxes(boardpack, manifest, *extra):
    """The laid-out pages of a pack, read from `boardpack dump`."""
    r = run(boardpack, "dump", manifest, *extra, check=False)
    if r.returncode != 0:
        raise SystemExit(f"dump of {manifest} failed ({r.returncode}):\n{r.stderr}")
    pages = []
    item = re.compile(r'^  (\w[\w-]*) (.*?)(?: "(.*)")?(?: \[(.*)\])?$')
    for line in r.stdout.splitlines():
        m = re.match(r"^page (\d+) ([\d.]+)x([\d.]+)( blank)?$", line)
        if m:
            pages.append(BoxPage(int(m.group(1)), float(m.group(2)), float(m.group(3)), bool(m.group(4))))
            continue
        m = item.match(line)
        if m and pages:
            pages[-1].items.append((m.group(1), m.group(2).split(), m.group(3), m.group(4) or ""))
    return pages
