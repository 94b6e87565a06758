"""Every construct in more than one shape, read back as page boxes
(`boardpack dump`) and as a PDF: tests/e2e/shapes/pack.xml. Where the
samples calibrate a rule on one shape (a landscape appendix after a portrait
report, a table of short cells), these hold it on the others."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from packcheck import Expect, Pack, check_pack, read_boxes, run  # noqa: E402

boardpack, root = sys.argv[1], sys.argv[2]
manifest = os.path.join(root, "tests/e2e/shapes/pack.xml")
expect = Expect()
pack = Pack(boardpack, manifest)
check_pack(pack, expect.failures)
pages = read_boxes(boardpack, manifest)
expect(len(pages) == pack.pages, f"dump has {len(pages)} pages, the PDF {pack.pages}")
items = {i["number"]: (i["first_page"], i["last_page"]) for i in pack.report["items"] if "first_page" in i}


def item_pages(n):
    x, y = items[n]
    return pages[x - 1:y]


def shapes(ps):
    """'L' landscape, 'P' portrait, 'B' padding, a letter a page."""
    return "".join("B" if p.blank else "L" if p.landscape else "P" for p in ps)


# 1. An 11-slide deck of landscape sections takes 11 landscape pages (and
# the padding page that ends an item on an odd page), the first included:
# the landscape start rule never fires between landscape sections.
deck = item_pages(1)
expect(shapes(deck) == "L" * 11 + "B", f"the deck's pages are {shapes(deck)}")
for k in range(1, 12):
    on = [i for i, p in enumerate(deck) if f"Slide {k}" in [t for *_, t, _ in p.texts()]]
    expect(on == [k - 1], f"slide {k} is on deck pages {on}, expected {k - 1}")

# 2. A deck that opens with a landscape cover: cover, then its two slides,
# each on the next page.
brief = item_pages(2)
expect(shapes(brief) == "LLLB", f"the briefing's pages are {shapes(brief)}")

# 3. Two landscape appendices after a one-page portrait report: the first
# starts on the next odd page (published LSCSB practice), the second turns over.
rep = item_pages(3)
expect(shapes(rep) == "PBLL", f"the report's pages are {shapes(rep)}")
expect("Appendix 2 - Delivery plan" in rep[3].joined(), "Appendix 2 is not on the fourth page of its item")
# The report and its second appendix, a partner's briefing, each have a
# contact block, the appendix's bookmarked under the appendix.
expect("James Fox, Community Safety Manager" in rep[0].joined(), "the report's contact is not on its page")
expect("DCI Jonathan Starbuck, Leicestershire Police" in rep[3].joined(), "the appendix's contact is not on its page")
dump = run(boardpack, "dump", manifest).stdout
outline = [l for l in dump.splitlines() if l.startswith("outline ")]
at = next((i for i, l in enumerate(outline) if l.endswith('"Appendix 2 - Delivery plan"')), None)
expect(at is not None and outline[at + 1].startswith("outline 3 ") and outline[at + 1].endswith('"Police contact"'),
       f"the appendix's contact is not bookmarked under it: {outline[at:at + 2] if at is not None else outline}")



def table_foot(p):
    """The lowest horizontal rule on a page: where its table ends."""
    ys = [float(f[1]) for kind, f, _, _ in p.items if kind == "rule" and f[1] == f[3]]
    return max(ys) if ys else None


def check_log(n, rows, shape):
    """An action log: every page of its table under the header row, every
    row's reference and status printed once, every page but the last filled
    to the foot (a row is cut between lines, as a word processor cuts it,
    not moved leaving the page's foot empty)."""
    ps = [p for p in item_pages(n) if not p.blank]
    expect(all((p.landscape if shape == "L" else not p.landscape) for p in ps),
           f"item {n}: pages {shapes(ps)}, expected all {shape}")
    for p in ps:
        heads = [t for *_, t, _ in p.texts()][:12]
        expect("Comments" in heads and "Status" in heads, f"item {n}, page {p.number}: no header row at its top")
    refs = [t for p in ps for x, y, size, t, mark in p.texts() if t.isdigit() and x < 95 and size == 8.0]
    expect(refs == [str(i) for i in range(1, rows + 1)], f"item {n}: references printed {refs}")
    letters = [t for p in ps for *_, t, _ in p.texts() if t in ("R", "A", "G")]
    expect(len(letters) == rows, f"item {n}: {len(letters)} status letters for {rows} rows")
    for p in ps[:-1]:
        foot, floor = table_foot(p), p.height - 72.0
        expect(foot is not None and floor - foot < 25.0,
               f"item {n}, page {p.number}: the table ends {floor - (foot or 0):.0f} pt above the foot")
    return ps


# 4. A long portrait action log of 24 rows, comments of 100 to 250 words
# and a status cell each: 7 pages filled to the foot (8 before rows were
# cut at a page foot: rows with a status cell never were, others only when
# more than a third of the page was left).
log = check_log(4, 24, "P")
expect(len(log) == 7, f"the portrait action log takes {len(log)} pages, expected 7")
# 5. The same table of 8 rows on landscape pages, its header repeated.
short = check_log(5, 8, "L")
expect(len(short) == 2, f"the landscape action log takes {len(short)} pages, expected 2")

# 6. Wide tables. Ten columns of district names and sums on a portrait page
# need more than its width for their longest words: every sum is printed
# whole, only the widest name is cut, and the build says so at the table.
# The same table, and one of thirty columns, on landscape pages: every word
# whole, without a word said.
wide = item_pages(6)
expect(shapes(wide) == "PBLL", f"the wide tables' pages are {shapes(wide)}")
warned = [l for l in pack.build.stderr.splitlines() if "[table-too-wide]" in l]
expect(len(warned) == 1 and warned[0].split(": warning: ")[0].endswith("shapes/wide-tables.xml:8:3")
       and "the 10 columns of this table need" in warned[0], f"table-too-wide warnings: {warned}")
sums = [f"£{1234 + 111 * k + i * 7:,}" for i in range(4) for k in range(9)]
for p in (wide[0], wide[2]):
    runs = [t for *_, t, _ in p.texts()]
    missing = [x for x in sums if not any(x in r for r in runs)]
    expect(not missing, f"page {p.number}: sums not printed whole: {missing[:5]}")
names = ["Blaby", "Charnwood", "Harborough", "Bosworth", "Melton", "Leicestershire", "Wigston", "Rutland"]
cut = [n for n in names if n not in wide[0].joined().split()]
expect(cut == ["Leicestershire"], f"names cut on the portrait page: {cut}")
cut = [n for n in names if n not in wide[2].joined().split()]
expect(cut == [], f"names cut on the landscape page: {cut}")
numbers = [str(100 + 13 * k + i) for i in range(4) for k in range(29)]
runs = wide[3].joined().split()
expect(all(n in runs for n in numbers), "the thirty-column table cuts a number on landscape pages")

expect.finish("shapes")
