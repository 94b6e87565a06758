"""The 17 September 2015 pack, end to end, read back from the PDF."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from packcheck import (Pack, check_lengths_near_seed, check_pack, check_padding_in_ranges,  # noqa: E402
                       check_rebuild_identical, finish)

boardpack, root = sys.argv[1], sys.argv[2]
manifest = os.path.join(root, "samples/lscsb-2015-09-17/pack.xml")
pack = Pack(boardpack, manifest)
failures = []
ranges = check_pack(pack, failures, expect_items=4)
by_item = {n: (x, y) for n, x, y in ranges}
# "(Pages X - Y)" of the published pack.
check_lengths_near_seed(ranges, {2: (3, 8), 5: (9, 12), 6: (13, 14), 7: (15, 20)}, failures)
check_padding_in_ranges(pack, ranges, failures)

front = pack.lines(1)
for want in ["LEICESTERSHIRE SAFER COMMUNITIES STRATEGY BOARD", "Thursday, 17 September 2015 at 10.00 am",
             "Guthlaxton Committee Room, County Hall, Glenfield", "Agenda"]:
    if want not in front:
        failures.append(f"front sheet lacks the line {want!r}")
if not any("Superintendent Mark Newcombe – Leicestershire Police." in l for l in front):
    failures.append("front sheet lacks the presenter note of item 8")
if not any(l == "10 December 2015" or l.endswith(" 10 December 2015") for l in front):
    failures.append("front sheet lacks the next meeting date")
if pack.report["front_pages"] == 1 and pack.lines(2) != ["This page is intentionally left blank"]:
    failures.append(f"page 2 is not the blank back of the agenda: {pack.lines(2)[:3]}")
if set(by_item) != {2, 5, 6, 7}:
    failures.append(f"items with pages are {sorted(by_item)}, expected 2, 5, 6, 7")

# Minutes start with their opening line and number minutes from 26.
if 2 in by_item:
    first = "\n".join(pack.lines(by_item[2][0]))
    if "Minutes of a meeting of the Leicestershire Safer Communities Strategy Board" not in first.replace("\n", " "):
        failures.append("minutes do not open with their generated first line")
    every = " ".join(" ".join(pack.lines(p)) for p in range(by_item[2][0], by_item[2][1] + 1))
    for n in (26, 33, 40):
        if f"{n}. " not in every:
            failures.append(f"minute {n} is not numbered")
    if "CHAIRMAN" not in every:
        failures.append("minutes lack the CHAIRMAN signature line")

# The dashboard appendix of item 5 is on a landscape page with RAG letters.
if 5 in by_item:
    x, y = by_item[5]
    land = [p for p in range(x, y + 1) if pack.landscape(p)]
    if not land:
        failures.append("no landscape page in item 5")
    else:
        t = " ".join(pack.lines(land[0]))
        if "Outcomes" not in t or "Supporting Indicators" not in t:
            failures.append("the landscape page is not the dashboard")
        if " A " not in t:
            failures.append("the dashboard's RAG letters are not printed")
        # Set at 7 pt (<table size>), it fits one page, as published.
        if len(land) != 1:
            failures.append(f"the dashboard takes {len(land)} landscape pages, published 1")
    body = " ".join(" ".join(pack.lines(p)) for p in range(x, y + 1))
    for n in (1, 17):
        if f"{n}. " not in body:
            failures.append(f"performance report paragraph {n} is not numbered")

# Special characters survive extraction.
alltext = " ".join(" ".join(pack.lines(p)) for p in range(1, pack.pages + 1))
for ch in ["£10,000", "“due regard to the need to prevent people from being drawn into terrorism”",
           "Government’s", "Réka Plugor", "↑"]:
    if ch not in alltext:
        failures.append(f"text {ch!r} does not come back out of the PDF")

# A table that runs over pages repeats its header row.
if 7 in by_item:
    x, y = by_item[7]
    rows = [p for p in range(x, y + 1)
            if any(w in " ".join(pack.lines(p)) for w in ("S McBurney", "J Starbuck", "D Pancholi", "J Young"))]
    heads = [p for p in range(x, y + 1) if any(l.startswith("Priority Area Action Lead") for l in pack.lines(p))]
    if not rows or heads != rows:
        failures.append(f"the DVA action plan's rows are on pages {rows}, its header on {heads}")

# The long title of Appendix 1 of item 7 wraps onto two lines, whole and in
# order, straight above its table's header row, as published.
if 7 in by_item:
    x, y = by_item[7]
    title = ["Appendix 1 - Leicester, Leicestershire & Rutland DVA Action Plan 2015-2016",
             "(FINAL DRAFT v7 04/09/15)"]
    at = [(p, i) for p in range(x, y + 1) for i, l in enumerate(pack.lines(p)) if l == title[0]]
    if len(at) != 1:
        failures.append(f"the first line of Appendix 1's title is printed {len(at)} times")
    else:
        p, i = at[0]
        below = pack.lines(p)[i + 1:i + 3]
        if below[:1] != [title[1]] or not below[1:] or not below[1].startswith("Priority Area Action Lead"):
            failures.append(f"Appendix 1's title does not wrap onto a second line above its table: {below}")

# The Prevent report writes its date "17TH SEPTEMBER 2015", the other two
# reports "17 SEPTEMBER 2015", as published (ordinal="true" on that paper).
headers = {n: [l for p in range(by_item[n][0], by_item[n][1] + 1) for l in pack.lines(p)
               if l.endswith("SEPTEMBER 2015")][:1] for n in (5, 6, 7) if n in by_item}
if headers != {5: ["17 SEPTEMBER 2015"], 6: ["17TH SEPTEMBER 2015"], 7: ["17 SEPTEMBER 2015"]}:
    failures.append(f"the reports' header dates are {headers}")

check_rebuild_identical(boardpack, manifest, pack, failures)
finish("pack 2015-09-17", failures, 25)
