"""The XML Schemas in templates/schemas/ (generated from the loader's grammar)
against the files they describe, with xmllint as an officer's editor would
use them: every sample and template declares its schema and is valid; every
bad file of tests/diagnostics that the loader rejects for its structure is
rejected by the schema too."""
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
expect = Expect()

# Rules about which elements and attributes go where: what a schema can see.
STRUCTURAL = {"wrong-root", "version", "unknown-element", "misplaced-element", "element-order",
              "duplicate-element", "missing-element", "stray-text", "holds-nothing", "unknown-attribute",
              "missing-attribute"}
ROOTS = ("pack", "report", "minutes", "document", "template")


def root_of(path):
    text = open(path, "rb").read().decode("utf-8", "replace")
    m = re.search(r"<([A-Za-z][\w.-]*)[\s/>]", re.sub(r"<\?.*?\?>|<!--.*?-->", "", text, flags=re.S))
    return m.group(1) if m else ""


def xmllint(schema, path):
    return subprocess.run(["xmllint", "--noout", "--schema", schema, path], capture_output=True, text=True)


files = sorted(glob.glob("samples/*/*.xml")) + sorted(glob.glob("templates/*.xml"))
expect(len(files) >= 20, f"too few samples: {len(files)}")
for f in files:
    r = root_of(f)
    m = re.search(r'xsi:noNamespaceSchemaLocation="([^"]+)"', open(f, encoding="utf-8").read())
    expect(m is not None, f"{f} does not declare its schema")
    if not m:
        continue
    schema = os.path.normpath(os.path.join(os.path.dirname(f), m.group(1)))
    expect(schema == os.path.join("templates", "schemas", r + ".xsd"), f"{f} declares {schema} for <{r}>")
    v = xmllint(schema, f)
    expect(v.returncode == 0, f"{f} is not valid against {schema}: {v.stderr[:400]}")

# Every construct the engine reads (tests/e2e/every-construct, which need
# not declare a schema) is valid against its format's schema: a construct
# the loader takes and the schema refuses would flag a good paper in an
# editor.
constructs = sorted(glob.glob("tests/e2e/every-construct/*.xml"))
expect(len(constructs) >= 5, f"too few every-construct files: {len(constructs)}")
for f in constructs:
    schema = os.path.join("templates", "schemas", root_of(f) + ".xsd")
    v = xmllint(schema, f)
    expect(v.returncode == 0, f"{f} is not valid against {schema}: {v.stderr[:400]}")

# Footnotes stand where the loader takes them (a paragraph, a list entry, a
# quotation) and nowhere else (a heading): the schema agrees both ways.
FOOTNOTE = """<?xml version="1.0" encoding="UTF-8"?>
<report version="1">
  <header><board>B</board><date>2015-09-17</date><title>T</title></header>
  {}
</report>
"""
with tempfile.TemporaryDirectory() as tmp:
    for body, ok in [("<p>Crime fell<fn>Police.uk.</fn>.</p>", True),
                     ("<ul><li>An entry<fn>A note.</fn></li></ul>", True),
                     ("<blockquote>Quoted<fn>A note.</fn></blockquote>", True),
                     ("<h1>Heading<fn>A note.</fn></h1>", False)]:
        path = os.path.join(tmp, "fn.xml")
        with open(path, "w", encoding="utf-8") as out:
            out.write(FOOTNOTE.format(body))
        schema_ok = xmllint("templates/schemas/report.xsd", path).returncode == 0
        loader = subprocess.run([boardpack, "validate", path], capture_output=True, text=True)
        expect(schema_ok == ok, f"the schema {'refuses' if ok else 'takes'} {body}")
        expect((loader.returncode == 0) == ok,
               f"validate {'refuses' if ok else 'takes'} {body}: {loader.stdout[-300:]}{loader.stderr[-300:]}")

checked = 0
for case in sorted(glob.glob("tests/diagnostics/*.xml")):
    rules = {d["rule"] for d in json.load(open(case[:-4] + ".json")) if d["file"] == case}
    if not rules & STRUCTURAL:
        continue
    r = root_of(case)
    schema = os.path.join("templates", "schemas", (r if r in ROOTS else "report") + ".xsd")
    v = xmllint(schema, case)
    expect(v.returncode != 0, f"{case} ({sorted(rules & STRUCTURAL)}) is accepted by {schema}")
    checked += 1
expect(checked >= 15, f"only {checked} structural cases")

# docs/formats.md names every element and every attribute the schemas
# allow, in its code spans (`<img src alt width align>`, `colspan`), so
# that a construct the grammar gains cannot go undocumented.
docs = open("docs/formats.md", encoding="utf-8").read()
fenced = re.findall(r"```xml\n(.*?)```", docs, flags=re.S)
spans = fenced + re.findall(r"`([^`]+)`", re.sub(r"```xml\n.*?```", "", docs, flags=re.S))
words = set()
for span in spans:
    words.update(re.findall(r"[A-Za-z][\w-]*", span))
named = 0
for schema in sorted(glob.glob("templates/schemas/*.xsd")):
    text = open(schema, encoding="utf-8").read()
    for element in sorted(set(re.findall(r'<xs:element name="([^"]+)"', text))):
        expect(element in words, f"docs/formats.md never names <{element}> ({schema})")
        named += 1
    for attribute in sorted(set(re.findall(r'<xs:attribute name="([^"]+)"', text))):
        expect(attribute in words, f"docs/formats.md never names the attribute {attribute} ({schema})")
        named += 1
expect(named > 150, f"only {named} names checked against docs/formats.md")

expect.finish("schemas")
