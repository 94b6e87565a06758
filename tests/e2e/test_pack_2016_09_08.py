"""The 8 September 2016 pack: the 28-page appended review with its cover,
sub-numbered paragraphs, superscripts, arrows, table notes, ordinal dates."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from packcheck import (Pack, check_lengths_near_seed, check_pack, check_padding_in_ranges, check_rebuild_identical,  # noqa: E402
                       finish, link_targets, words_in_order)

boardpack, root = sys.argv[1], sys.argv[2]
manifest = os.path.join(root, "samples/lscsb-2016-09-08/pack.xml")
pack = Pack(boardpack, manifest)
failures = []
ranges = check_pack(pack, failures, expect_items=6)
check_lengths_near_seed(ranges, {2: (3, 10), 6: (11, 12), 7: (13, 18), 8: (19, 46), 9: (47, 52), 11: (53, 54)},
                        failures)
check_padding_in_ranges(pack, ranges, failures)
# As published: the minutes end on page 9 and "(Pages 3 - 10)" counts the blank page 10.
by_item = {n: (x, y) for n, x, y in ranges}
if by_item.get(2) != (3, 10) or pack.lines(10) != ["This page is intentionally left blank"]:
    failures.append(f"the minutes' range is {by_item.get(2)} with page 10 {pack.lines(10)[:2]}, "
                    "published as 3 - 10 with page 10 blank")
front = " ".join(pack.lines(1))
for phrase in ["Thursday, 8 September 2016 at 10.00 am", "An update from the Police and Crime Commissioner Lord Bach.",
               "8 December 2016; 23 February 2017; 2 June 2017; 4 September 2017; 1 December 2017."]:
    if phrase not in front:
        failures.append(f"front sheet lacks {phrase!r}")
alltext = " ".join(" ".join(pack.lines(p)) for p in range(1, pack.pages + 1))
if "8TH SEPTEMBER 2016" not in alltext:
    failures.append("report headers do not print the ordinal date 8TH SEPTEMBER 2016")
for ch in ["→", "↑", "↓"]:
    if ch not in alltext:
        failures.append(f"{ch} does not come back out of the PDF")
# The review: its cover page stands alone, its sections are sub-numbered.
by_item = {n: (x, y) for n, x, y in ranges}
if 8 in by_item:
    x, y = by_item[8]
    covers = [p for p in range(x, y + 1) if any("June 2016" == l for l in pack.lines(p))]
    if not covers:
        failures.append("the review's cover page (dated June 2016) is missing")
    body = " ".join(" ".join(pack.lines(p)) for p in range(x, y + 1))
    for label in ["1.1 ", "2.3 ", "2.4 "]:
        if label not in body:
            failures.append(f"sub-numbered paragraph {label.strip()} is missing")
missing = words_in_order(alltext, ["Minutes of a meeting", "78.", "CHAIRMAN", "ASB Case Management Review"])
if missing:
    failures.append(f"{missing!r} missing or out of order")
links = link_targets(pack.pdf)
if "mailto:rik.basra@leics.gov.uk" not in links:
    failures.append("the mailto link is not a link annotation")
check_rebuild_identical(boardpack, manifest, pack, failures)
finish("pack 2016-09-08", failures, 16)
