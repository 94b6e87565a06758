"""Words as a reader gets them: the text content of an element of a web
page (as a browser's textContent gives it), and the text each paper carries
in a PDF's structure tree (pdfinfo -struct-text), for comparing the two."""
import re
import subprocess
from html.parser import HTMLParser


class Text(HTMLParser):
    """The text content of one element (by tag and class) of a page, as a
    browser's textContent gives it."""

    VOID = {"br", "img", "meta", "link", "input", "hr", "wbr"}

    def __init__(self, tag, cls=None):
        super().__init__()
        self.tag, self.cls, self.depth, self.parts = tag, cls, 0, []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        if self.depth:
            self.depth += 1
        elif tag == self.tag and (self.cls is None or self.cls in (dict(attrs).get("class") or "").split()):
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth and tag not in self.VOID:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def text_of(path, tag="article", cls="paper"):
    p = Text(tag, cls)
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    return "".join(p.parts)


def joined(words):
    """A word the PDF breaks across lines after a hyphen or slash ("Counter-"
    "Terrorism") is one word again; applied to both sides alike."""
    out = []
    for w in words:
        if out and len(out[-1]) > 1 and out[-1][-1] in "-/":
            out[-1] += w
        else:
            out.append(w)
    return out


def pdf_papers(pdf):
    """{item number: [words of each paper]}: the text each top-level Sect of
    an item's Part carries in the PDF's structure tree."""
    out = subprocess.run(["pdfinfo", "-struct-text", pdf], capture_output=True).stdout.decode("utf-8", "replace")
    items, sects, part_depth, sect_depth = {}, None, None, None
    for line in out.splitlines():
        depth = len(line) - len(line.lstrip())
        s = line.strip()
        m = re.match(r'Part "(\d+)\. ', s)
        if m:
            sects = items.setdefault(int(m.group(1)), [])
            part_depth, sect_depth = depth, None
            continue
        if sects is None or depth <= part_depth:
            sects = None
            continue
        if s.startswith("Sect") and (sect_depth is None or depth == sect_depth):
            sect_depth = depth
            sects.append("")
        elif s.startswith('"') and sects:
            # Each run of marked text as it is: a link's text runs on into
            # the text after it ("the clerk" ". A manual").
            sects[-1] += s[1:-1]
        elif s.endswith("(block)") and sects:
            sects[-1] += " "  # a new block: a word ends here
    return {n: [s.split() for s in papers] for n, papers in items.items()}


