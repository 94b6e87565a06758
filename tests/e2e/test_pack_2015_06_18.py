"""The 18 June 2015 pack: elections, a paper to follow, dashboards, NOTED."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from packcheck import (Pack, check_lengths_near_seed, check_pack, check_padding_in_ranges, check_rebuild_identical,  # noqa: E402
                       finish, link_targets, words_in_order)

boardpack, root = sys.argv[1], sys.argv[2]
manifest = os.path.join(root, "samples/lscsb-2015-06-18/pack.xml")
pack = Pack(boardpack, manifest)
failures = []
ranges = check_pack(pack, failures, expect_items=6)
# "(Pages X - Y)" of the published pack.
check_lengths_near_seed(ranges, {4: (3, 8), 9: (9, 12), 11: (13, 18), 12: (19, 24), 13: (25, 28), 14: (29, 30)},
                        failures)
check_padding_in_ranges(pack, ranges, failures)

front = " ".join(pack.lines(1))
for phrase in ["Paper to follow", "Appointment of Chairman", "17 September 2015"]:
    if phrase not in front:
        failures.append(f"front sheet lacks {phrase!r}")

alltext = " ".join(" ".join(pack.lines(p)) for p in range(1, pack.pages + 1))
missing = words_in_order(alltext, ["Minutes of a meeting of the", "14.", "NOTED:", "CHAIRMAN",
                                   "Safer Communities Performance", "LEICESTERSHIRE SAFER COMMUNITIES AGREEMENT",
                                   "Domestic Homicide Review"])
if missing:
    failures.append(f"{missing!r} missing or out of order in the pack's text")
by_item = {n: (x, y) for n, x, y in ranges}
if 11 in by_item:
    x, y = by_item[11]
    land = [p for p in range(x, y + 1) if pack.landscape(p)]
    if not land:
        failures.append("the Q4 dashboard is not on a landscape page")
    elif not any(" G " in f" {l} " for p in land for l in pack.lines(p)):
        failures.append("the Q4 dashboard's RAG letters do not come back out of the PDF")
# The two dashboards, set at 7 pt (<table size>), take one page each, as published.
for item in (11, 12):
    if item in by_item:
        x, y = by_item[item]
        land = [p for p in range(x, y + 1) if pack.landscape(p)]
        if len(land) != 1:
            failures.append(f"item {item}'s dashboard takes {len(land)} landscape pages, published 1")
links = link_targets(pack.pdf)
if not any(u.startswith("mailto:") for u in links):
    failures.append(f"no mailto: link annotations; found {sorted(links)[:3]}")
if "http://www.lrsb.org.uk/domestic-abuse" not in links:
    failures.append(f"the http link is not a link annotation: {sorted(links)[:5]}")
check_rebuild_identical(boardpack, manifest, pack, failures)
finish("pack 2015-06-18", failures, 14)
