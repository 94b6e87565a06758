"""`boardpack import` as an officer meets it: a Word file in, a report (with
its pictures beside it) out that `validate` accepts and `preview` lays out;
every message names the place in the Word file and the line of the XML;
refused files write nothing and exit 1; an output never replaces the Word
file; a report written from Word's own template (by python-docx) comes in
whole."""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "import"))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from packcheck import Expect  # noqa: E402
from ooxml import docx, p, numbered, level, drawing, REL  # noqa: E402
from png_bytes import png  # noqa: E402

boardpack, root = sys.argv[1], sys.argv[2]
expect = Expect()
tmp = tempfile.mkdtemp(prefix="bp-import-")


def run(*args, cwd=tmp):
    return subprocess.run([boardpack, *args], capture_output=True, text=True, cwd=cwd)


def write(name, data):
    path = os.path.join(tmp, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return path


numbering = ('<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
             '<w:abstractNum w:abstractNumId="1">' + level(0, "decimal", "%1.") + level(1, "decimal", "%1.%2") + '</w:abstractNum>'
             '<w:abstractNum w:abstractNumId="2">' + level(0, "lowerLetter", "(%1)") + '</w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
             '</w:numbering>')
picture = png(4, 3, 2, [b"\xff\x00\x00" * 4] * 3)
body = (p("LEICESTERSHIRE SAFER COMMUNITIES STRATEGY BOARD") + p("17 September 2015") + p("PREVENT UPDATE") +
        p("Introduction", "Heading1") + numbered("The purpose of this report.", 1, 0) +
        numbered("The detail, set out in Appendix 1.", 1, 1) +
        "<w:p>" + drawing("rIdImg", "Referrals by month") + "</w:p>" +
        "<w:p>" + drawing("rIdEmf", "") + "</w:p>" +
        p("Recommendations", "Heading1") + numbered("That the Board:", 1, 0) + numbered("notes the report.", 2, 0) +
        p("Officer to contact", "Heading1") + p("Gurjit Samra-Rai") + p("Tel: 0116 305 6056") +
        p("Appendix 1 - Figures", "Heading1") + p("The figures."))
emf = b"\x01\x00\x00\x00" + b"\x00" * 36 + b" EMF" + b"\x00" * 40
report_docx = write("in/report.docx", docx(
    body, {"word/numbering.xml": numbering, "word/media/image1.png": picture, "word/media/image2.emf": emf},
    rels=f'<Relationship Id="rIdImg" Type="{REL}image" Target="media/image1.png"/>'
         f'<Relationship Id="rIdEmf" Type="{REL}image" Target="media/image2.emf"/>'))

# The Word file beside its paper: report.xml and report-images/ next to it.
r = run("import", "in/report.docx")
xml = os.path.join(tmp, "in/report.xml")
expect(os.path.exists(xml), f"no report.xml written: {r.stderr}")
expect(os.path.exists(os.path.join(tmp, "in/report-images/image1.png")), "the PNG was not written beside the XML")
expect(open(os.path.join(tmp, "in/report-images/image1.png"), "rb").read() == picture, "the PNG's bytes changed")
expect(not os.path.exists(os.path.join(tmp, "in/report-images/image2.emf")), "the EMF was written")
text = open(xml, encoding="utf-8").read()
expect('<img src="report-images/image1.png" alt="Referrals by month" width="50.8mm"/>' in text, f"picture:\n{text}")
expect("<p>The purpose of this report.</p>" in text and '<p number="sub">The detail, set out in Appendix 1.</p>' in text,
       f"numbered paragraphs:\n{text}")
expect('<recommendations>\n    <p>That the Board:</p>\n    <ol type="a">\n      <li>notes the report.</li>\n    </ol>\n  </recommendations>'
       in text, f"recommendations:\n{text}")
expect('<contact title="Officer to contact">\n    <line>Gurjit Samra-Rai</line>\n    <line>Tel: 0116 305 6056</line>\n  </contact>'
       in text, f"contact:\n{text}")
# The EMF asks for a PNG: a warning from the import at the <img> line, and the
# validator's error for the missing file at the same line; exit 1.
lines = text.splitlines()
emf_line = next(i for i, l in enumerate(lines, 1) if "image2.png" in l)
expect(r.returncode == 1, f"an import whose paper does not validate exits 1, got {r.returncode}")
expect(f"report.xml:{emf_line}:3: warning: Word paragraph 8 (empty): a picture in EMF format cannot be carried into the paper; "
       f"an <img> stands in its place asking for report-images/image2.png [import-picture]" in r.stderr, r.stderr)
expect(f"report.xml:{emf_line}:8: error: image file \"report-images/image2.png\" not found" in r.stderr, r.stderr)
expect(r.stderr.rstrip().endswith(": 1 error, 2 warnings")
       and "wrote in/report.xml and 1 picture in in/report-images/" in r.stderr, r.stderr)

# With the placeholder replaced by a PNG, the paper validates and previews.
write("in/report-images/image2.png", picture)
v = run("validate", "in/report.xml")
expect(v.returncode == 0, f"validate of the imported report: {v.stderr}")
pv = run("preview", "in/report.xml", "-o", "draft.pdf")
expect(pv.returncode == 0 and os.path.getsize(os.path.join(tmp, "draft.pdf")) > 1000, f"preview: {pv.stderr}")
pdf = subprocess.run(["pdftotext", "-layout", os.path.join(tmp, "draft.pdf"), "-"], capture_output=True, text=True).stdout
expect("1.1" in pdf and "The detail, set out in Appendix 1." in pdf and "(a)" in pdf, f"preview text:\n{pdf[:1500]}")

# Importing again gives the same bytes.
before = open(xml, "rb").read()
run("import", "in/report.docx")
expect(open(xml, "rb").read() == before, "a second import wrote different bytes")

# -o elsewhere; --as document. The folder must exist, as for every output.
n = run("import", "in/report.docx", "-o", "out/doc.xml")
expect(n.returncode == 3 and "out/doc.xml: error: the XML cannot be written: its folder out does not exist" in n.stderr,
       f"-o into a missing folder: {n.returncode} {n.stderr}")
os.makedirs(os.path.join(tmp, "out"))
d = run("import", "in/report.docx", "-o", "out/doc.xml", "--as", "document")
doc = os.path.join(tmp, "out/doc.xml")
expect(os.path.exists(doc) and open(doc, encoding="utf-8").read().startswith('<?xml version="1.0" encoding="UTF-8"?>\n<document version="1">'),
       f"--as document: {d.stderr}")
expect(os.path.exists(os.path.join(tmp, "out/doc-images/image1.png")), "pictures of -o out/doc.xml go in out/doc-images/")

# Refused: tracked changes. Exit 1, the message names the Word paragraph, nothing written.
tracked = write("tracked.docx", docx(p("Board") + '<w:p><w:ins w:id="1" w:author="Jane Smith"><w:r><w:t>Added text.</w:t></w:r></w:ins></w:p>'))
t = run("import", "tracked.docx")
expect(t.returncode == 1 and not os.path.exists(os.path.join(tmp, "tracked.xml")), f"tracked changes: {t.returncode}")
expect(t.stderr.startswith("tracked.docx: error: paragraph 2 (\"Added text.\"): a tracked change (text inserted by Jane Smith) "
                           "[import-revisions]\n  hint: accept or reject every change in Word"), t.stderr)

# An output named as the Word file itself is refused before anything is read (exit 2).
o = run("import", "in/report.docx", "-o", "in/report.docx")
expect(o.returncode == 2 and "would replace the Word file" in o.stderr, f"-o over the input: {o.returncode} {o.stderr}")
expect(open(report_docx, "rb").read()[:2] == b"PK", "the Word file was changed")
# Bad command lines.
expect(run("import").returncode == 2, "import without a file")
expect(run("import", "in/report.docx", "--as", "memo").returncode == 2, "--as memo")
m = run("import", "missing.docx")
expect(m.returncode == 1 and m.stderr.startswith("missing.docx: error: the Word file cannot be opened"), m.stderr)

# A report as Word's own template holds it (python-docx's blank document is
# Word's: its style sheet, list styles carrying their numbering, Table Grid),
# written by tests/import/make_python_docx.py.
word = os.path.join(tmp, "word")
os.makedirs(word)
w = run("import", os.path.join(root, "tests/import/python-docx/report.docx"), "-o", os.path.join(word, "prevent.xml"))
expect(w.returncode == 0 and w.stderr.rstrip().endswith("wrote " + os.path.join(word, "prevent.xml") +
                                                          " and 1 picture in " + word + "/prevent-images/: 0 errors, 0 warnings"),
       f"python-docx's report: {w.returncode} {w.stderr}")
paper = open(os.path.join(word, "prevent.xml"), encoding="utf-8").read() if w.returncode == 0 else ""
expect(paper.split("</header>\n")[-1] ==
       "\n  <h1>Introduction</h1>\n"
       "  <p>The purpose of this report is to update the Board on the Prevent duty.</p>\n"
       "  <p>The Prevent strategy is part of CONTEST, the counter-terrorism strategy.</p>\n"
       "  <h2>Funding</h2>\n"
       "  <p number=\"none\">The Home Office has allocated <b>£10,000</b> to each authority; the costs <i>include</i>:</p>\n"
       "  <ul>\n    <li>training for employees;</li>\n    <li>training for partners.</li>\n  </ul>\n"
       "  <img src=\"prevent-images/image1.png\" alt=\"Referrals by month\" width=\"60mm\"/>\n"
       "  <table>\n    <thead>\n      <tr>\n        <th><b>Area</b></th>\n        <th><b>Action</b></th>\n        <th><b>Lead</b></th>\n"
       "      </tr>\n    </thead>\n    <tbody>\n      <tr>\n        <td rowspan=\"2\">Training</td>\n        <td>Staff sessions</td>\n"
       "        <td>J Fox</td>\n      </tr>\n      <tr>\n        <td>Partner sessions</td>\n        <td>G Samra-Rai</td>\n      </tr>\n"
       "    </tbody>\n  </table>\n"
       "  <recommendations>\n    <p>That the Board notes the report.</p>\n  </recommendations>\n"
       "  <contact title=\"Officer to contact\">\n    <line>Gurjit Samra-Rai</line>\n    <line>Tel: 0116 305 6056</line>\n  </contact>\n"
       "</report>\n", f"python-docx's report imported as:\n{paper}")
expect("<board>LEICESTERSHIRE SAFER COMMUNITIES STRATEGY BOARD</board>\n    <date>2015-09-17</date>\n    <title>PREVENT UPDATE</title>"
       in paper, f"its header:\n{paper[:400]}")

expect.finish("import")
