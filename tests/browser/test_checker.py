"""The browser checker finds what it is there to find: a page made to pass
passes, and each page made with one fault is reported for that fault and no
other. Without this, a checker that found nothing would pass every site."""
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from browser import check_sites, write_pdf  # noqa: E402
from packcheck import Expect  # noqa: E402

t = Expect()
work = tempfile.mkdtemp(prefix="bp-checker-")
shutil.copytree(os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures"), work, dirs_exist_ok=True)
write_pdf(os.path.join(work, "pack.pdf"), 2)  # the good page links to its page 2
found, printed = check_sites([os.path.join(work, "good"), os.path.join(work, "bad")])

# What each faulty page must be reported for: (kind, words of the message).
expected = {
    "good/index.html": [],
    "good/paper.html": [],
    "bad/image-alt.html": [("axe", "image-alt")],
    "bad/contrast.html": [("axe", "color-contrast")],
    "bad/links.html": [("link", "missing.html: no such file"),
                       ("link", "paper.html#para-9: no element has that id"),
                       ("link", "pack.pdf#page=9: the PDF has 2 pages")],
    "bad/tab-order.html": [("keyboard", "1 elements with a positive tabindex"),
                           ("keyboard", "Tab stop 1 is a \"A positive tabindex\""),
                           ("keyboard", "Tab goes up the page"),
                           ("keyboard", "not a skip link")],
    "bad/reflow.html": [("reflow", "at 320 px: the page scrolls sideways"),
                        ("reflow", "at 320 px: text \"This line of text is far too long")],
    "bad/wide-table.html": [("reflow", "at 320 px: the page scrolls sideways"),
                            ("reflow", "at 320 px: text \"A very long column heading"),
                            ("reflow", "at 320 px: <table> spans")],
    "bad/script.html": [("page", "1 scripts or event attributes")],
    "bad/no-skip.html": [("page", "request failed: 404"),
                         ("page", "<html> has no lang"), ("page", "no <title>"),
                         ("page", "2 main landmarks, not 1"), ("keyboard", "not a skip link"),
                         ("axe", "document-title"), ("axe", "html-has-lang"),
                         ("link", "missing.css: no such file")],
}
t(len(found) == len(expected), f"{len(found)} pages read, {len(expected)} expected:\n{printed}")
for name, want in expected.items():
    got = found.get(os.path.join(work, name))
    if got is None:
        t(False, f"{name} was not read")
        continue
    unmatched = list(got)
    for kind, words in want:
        hit = next((p for p in unmatched if p["kind"] == kind and words in p["message"]), None)
        t(hit is not None, f"{name}: no {kind} problem saying '{words}'; got {[p['message'] for p in got]}")
        if hit:
            unmatched.remove(hit)
    t(not unmatched, f"{name}: reported for more than its fault: {[p['kind'] + ': ' + p['message'] for p in unmatched]}")
shutil.rmtree(work)
t.finish("browser checker")
