"""The XML Schemas and `boardpack validate` agree wherever the grammar
decides. xmllint runs each schema over every case of the diagnostics
corpus, every sample, template and every-construct file, over small
papers built here to try each place inline markup can stand, and over the
every-construct papers with a piece of markup put first in each kind of
element; for each, both accept or both reject. The cases where only validate can decide are
listed below, each with the rules that decide it and why a schema cannot."""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from packcheck import Expect  # noqa: E402

boardpack, root = sys.argv[1], sys.argv[2]
os.chdir(root)
t = Expect()
ROOTS = ("pack", "report", "minutes", "document", "template")

# Cases of tests/diagnostics that the schema accepts and validate refuses,
# with the rules that refuse them: each is a rule about meaning, files or
# limits, which an XML Schema (1.0, as editors run it) cannot state.
ONLY_VALIDATE = {
    # A value that is present but holds nothing: mixed content (a line, a
    # paragraph, a list entry) cannot be required to hold text.
    "contact-empties.xml": {"empty-value"},
    "empty-content.xml": {"empty-value"},
    # One attribute ruling out another (title beside heading="false"): XSD
    # 1.0 has no co-occurrence constraints.
    "contact-heading.xml": {"bad-value"},
    # The encoding declaration is not part of the document a schema sees.
    "declared-encoding.xml": {"encoding"},
    # A limit on depth is the loader's guard, not the format's shape.
    "deep-nesting.xml": {"nesting-depth"},
    # What is in a file the paper names: its pixels, its existence, its
    # place, a PDF's contents; and whether a <papers> names a PDF (title
    # and alt are for PDFs only) is in its src's value.
    "image-size.xml": {"image-size"},
    "pack-missing-paper.xml": {"missing-file"},
    "pack-paper-outside.xml": {"outside-pack"},
    "pack-paper-to-follow.xml": {"missing-file"},
    "partner-papers.xml": {"partner-pdf", "bad-value"},
    # Parts a paper may have once wherever they stand (a second
    # <recommendations> in another section, a second <contact> anywhere in
    # one appendix): the schema sees each section alone.
    "contact-per-appendix.xml": {"repeated-section"},
    "repeated-sections.xml": {"repeated-section"},
    "repeated-minutes-parts.xml": {"repeated-section"},
    # Counting: cells across a row with their colspans and rowspans.
    "row-cell-counts.xml": {"table-shape"},
    "rowspan-past-end.xml": {"table-shape"},
    # number="sub" needs a numbered paragraph before it; an empty paragraph.
    "sub-numbering.xml": {"numbering", "empty-value"},
    # The template as a whole: fonts that must load, text that must fit the
    # page, a name defined twice.
    "template-bad-font.xml": {"bad-font"},
    "template-definitions.xml": {"duplicate-definition", "page-geometry"},
    "template-text-too-big.xml": {"page-geometry"},
    "template-text-too-wide.xml": {"page-geometry"},
    # What the template's fonts can print.
    "unprintable-characters.xml": {"unprintable-character"},
}


def root_of(path):
    text = open(path, "rb").read().decode("utf-8", "replace")
    m = re.search(r"<([A-Za-z][\w.-]*)[\s/>]", re.sub(r"<\?.*?\?>|<!--.*?-->", "", text, flags=re.S))
    return m.group(1) if m else ""


def schema_accepts(path):
    r = root_of(path)
    schema = os.path.join("templates", "schemas", (r if r in ROOTS else "report") + ".xsd")
    v = subprocess.run(["xmllint", "--noout", "--schema", schema, path], capture_output=True)
    return v.returncode == 0, v.stderr.decode("utf-8", "replace")


def validate_errors(path):
    """The rules of the errors validate reports in this file itself."""
    v = subprocess.run([boardpack, "validate", "--format", "json", path], capture_output=True)
    try:
        diags = json.loads(v.stdout.decode("utf-8", "replace") or "[]")
    except ValueError:
        return {"unreadable-output"}
    return {d["rule"] for d in diags if d["severity"] == "error" and os.path.samefile(d["file"], path)
            } if v.returncode != 0 else set()


# ---- the diagnostics corpus, case by case ------------------------------------
cases = sorted(glob.glob("tests/diagnostics/*.xml"))
t(len(cases) >= 60, f"the corpus: {len(cases)} cases")
for case in cases:
    name = os.path.basename(case)
    accepts, why = schema_accepts(case)
    rules = validate_errors(case)
    if name in ONLY_VALIDATE:
        t(accepts and rules and rules <= ONLY_VALIDATE[name],
          f"{name}: only validate decides, by {sorted(ONLY_VALIDATE[name])}: the schema "
          f"{'accepts' if accepts else 'refuses: ' + why[:200]}, validate reports {sorted(rules)}")
    else:
        t(accepts == (not rules), f"{name}: the schema {'accepts' if accepts else 'refuses'}, "
          f"validate {'accepts' if not rules else 'refuses ' + str(sorted(rules))} ({why[:200]})")
t(set(ONLY_VALIDATE) <= {os.path.basename(c) for c in cases}, "every case listed is in the corpus")

# ---- the files the project ships and reads: all good -------------------------
good = sorted(glob.glob("samples/*/*.xml")) + sorted(glob.glob("templates/*.xml")) + \
    sorted(glob.glob("tests/e2e/every-construct/*.xml"))
t(len(good) >= 25, f"{len(good)} samples, templates and constructs")
for f in good:
    accepts, why = schema_accepts(f)
    rules = validate_errors(f)
    # every-construct's pictures are written by the test that builds it: here
    # they are missing, which only validate can see.
    allowed = {"missing-file"} if "every-construct" in f else set()
    t(accepts and rules <= allowed, f"{f}: the schema {'accepts' if accepts else 'refuses: ' + why[:200]}; validate {sorted(rules)}")

# ---- inline markup in every place it can stand -------------------------------
# A footnote stands in a paragraph or a list entry however deep in markup,
# and nowhere else; a link never holds a link, however deep; a footnote's
# text holds links but no footnote.
PAPER = """<?xml version="1.0" encoding="UTF-8"?>
<report version="1">
  <header><board>B</board><date>2015-09-17</date><title>T</title></header>
  {}
</report>
"""
A = '<a href="https://www.example.gov.uk/">'
SHAPES = [
    (f"<p>See {A}the site<fn>A note.</fn></a>.</p>", True),
    (f"<p>See <b>{A}the <i>site<fn>A note.</fn></i></a></b>.</p>", True),
    (f"<ul><li>An entry {A}linked<fn>A note.</fn></a></li></ul>", True),
    (f"<blockquote>Quoted <u>text<fn>A note with {A}a link</a>.</fn></u></blockquote>", True),
    (f"<p>A note<fn>Its text {A}links <b>here</b></a>.</fn> in a paragraph.</p>", True),
    (f"<p>{A}A link {A}inside a link</a></a></p>", False),
    (f"<p>{A}A link <b>{A}deep inside</a></b> a link</a></p>", False),
    (f"<p>A note<fn>holding <i>a note<fn>inside</fn></i></fn>.</p>", False),
    (f"<h1><b>A heading<fn>A note.</fn></b></h1>", False),
    (f"<h2>{A}A heading<fn>A note.</fn></a></h2>", False),
    ("<table><thead><tr><th>H</th></tr></thead><tbody><tr><td><i>A cell<fn>A note.</fn></i></td></tr></tbody></table>",
     False),
]
with tempfile.TemporaryDirectory() as tmp:
    for n, (body, ok) in enumerate(SHAPES):
        path = os.path.join(tmp, f"shape-{n}.xml")
        with open(path, "w", encoding="utf-8") as out:
            out.write(PAPER.format(body))
        accepts, why = schema_accepts(path)
        rules = validate_errors(path)
        t(accepts == ok, f"the schema {'accepts' if accepts else 'refuses'} {body} ({why[:160]})")
        t((not rules) == ok, f"validate {'refuses ' + str(sorted(rules)) if rules else 'accepts'} {body}")

# ---- each piece of inline markup as the first thing in each kind of element
# of the every-construct papers: wherever the grammar decides (the rules
# about which element goes where), the schema and validate agree. Files
# the papers name are not there, so validate's other rules are set aside.
STRUCTURAL = {"wrong-root", "version", "unknown-element", "misplaced-element", "element-order",
              "duplicate-element", "missing-element", "stray-text", "holds-nothing", "unknown-attribute",
              "missing-attribute"}
PIECES = ["<b>x</b>", "<fn>A note.</fn>", A + "x</a>", "<br/>", "<p>x</p>", "<i>y<fn>A note.</fn></i>",
          f"<b>{A}x</a></b>"]
with tempfile.TemporaryDirectory() as tmp:
    for paper in ["report", "minutes", "review"]:
        source = open(f"tests/e2e/every-construct/{paper}.xml", encoding="utf-8").read()
        variants, tried = [], set()
        for m in re.finditer(r"<([a-z][\w-]*)(\s[^>]*)?(?<!/)>", source):
            for piece in PIECES:
                if (m.group(1), piece) in tried:
                    continue
                tried.add((m.group(1), piece))
                path = os.path.join(tmp, f"{paper}-{len(variants)}.xml")
                with open(path, "w", encoding="utf-8") as out:
                    out.write(source[:m.end()] + piece + source[m.end():])
                variants.append((path, f"{piece} first in <{m.group(1)}> of {paper}.xml"))
        schema = os.path.join("templates", "schemas", root_of(variants[0][0]) + ".xsd")
        lint = subprocess.run(["xmllint", "--noout", "--schema", schema] + [p for p, _ in variants],
                              capture_output=True).stderr.decode("utf-8", "replace")
        # A few files a run: one run stores at most 500 diagnostics.
        refused = set()
        for at in range(0, len(variants), 10):
            v = subprocess.run([boardpack, "validate", "--format", "json"] + [p for p, _ in variants[at:at + 10]],
                               capture_output=True)
            refused |= {d["file"] for d in json.loads(v.stdout or b"[]")
                        if d["severity"] == "error" and d["rule"] in STRUCTURAL}
        agreed = 0
        for path, what in variants:
            accepts = f"{path} validates" in lint
            t(accepts == (path not in refused), f"{what}: the schema {'accepts' if accepts else 'refuses'}, "
              f"validate {'refuses' if path in refused else 'accepts'}")
            agreed += accepts == (path not in refused)
        t(len(variants) >= 40, f"{paper}.xml: {len(variants)} placements tried, {agreed} agreed")

t.finish("schema agreement")
