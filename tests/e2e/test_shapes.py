"""Every construct in more than one shape, read back as page boxes
(`boardpack dump`) and as a PDF: tests/e2e/shapes/pack.xml. Where the
samples calibrate a rule on one shape (a landscape appendix after a portrait
report, a table of short cells), these hold it on the others."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from packcheck import Expect, Pack, check_pack, read_boxes  # noqa: E402

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

expect.finish("shapes")
