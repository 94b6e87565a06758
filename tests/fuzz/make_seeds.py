"""Writes the fuzz harnesses' seed corpora into tests/fuzz/seeds/ from the
samples, the templates, a few small pictures of every PNG form and Word
files (LibreOffice's of the round trip, and hand-written parts for what it
does not write), so the fuzzers start from inputs that reach every stage. Run again after the
samples change; the seeds are committed, and ctest replays them.

usage: python3 tests/fuzz/make_seeds.py"""
import glob
import os
import shutil
import struct
import sys
import zipfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
seeds = os.path.join(here, "seeds")
sys.path.insert(0, os.path.dirname(here))
from png_bytes import chunk, png  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(here), "import"))
import ooxml  # noqa: E402


def fresh(name):
    d = os.path.join(seeds, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    return d


papers = sorted(p for p in glob.glob(os.path.join(root, "samples/*/*.xml")) if not p.endswith("pack.xml"))
d = fresh("paper")
for p in papers:
    shutil.copy(p, os.path.join(d, os.path.basename(os.path.dirname(p)) + "-" + os.path.basename(p)))

d = fresh("template")
for t in sorted(glob.glob(os.path.join(root, "templates/*.xml"))):
    shutil.copy(t, d)

d = fresh("pack")
for manifest in sorted(glob.glob(os.path.join(root, "samples/*/pack.xml"))):
    folder = os.path.dirname(manifest)
    parts = [open(manifest, encoding="utf-8").read()]
    for p in sorted(glob.glob(os.path.join(folder, "*.xml"))):
        if p != manifest:
            parts.append(f"### {os.path.basename(p)}\n" + open(p, encoding="utf-8").read())
    open(os.path.join(d, os.path.basename(folder) + ".pack"), "w", encoding="utf-8").write("\n".join(parts))

d = fresh("png")
forms = {
    "rgb": png(2, 2, 2, [b"\xff\0\0\0\xff\0", b"\0\0\xff\xff\xff\xff"]),
    "rgb-trns": png(2, 1, 2, [b"\xff\0\0\0\xff\0"], extra=chunk(b"tRNS", struct.pack(">HHH", 255, 0, 0))),
    "gray1": png(8, 1, 0, [b"\x5a"], depth=1),
    "gray16": png(1, 1, 0, [b"\x12\x34"], depth=16),
    "palette4-trns": png(2, 1, 3, [b"\x01"], depth=4, extra=chunk(b"PLTE", b"\xff\0\0\0\xff\0") + chunk(b"tRNS", b"\x80")),
    "gray-alpha": png(1, 1, 4, [b"\x80\x40"]),
    "rgba16": png(1, 1, 6, [b"\0\x10\0\x20\0\x30\x80\0"], depth=16),
}
for name, data in forms.items():
    open(os.path.join(d, name + ".png"), "wb").write(data)

# The importer's: .docx files as they are (the zip layer), and the parts of
# others as text, "### NAME" a part, which fuzz_import zips itself.
d = fresh("import")


def parts_text(data):
    z = zipfile.ZipFile(__import__("io").BytesIO(data))
    return b"\n".join(b"### " + n.encode() + b"\n" + z.read(n) for n in z.namelist())


roundtrip = sorted(glob.glob(os.path.join(root, "tests/import/roundtrip/*.docx")))
for f in roundtrip:
    shutil.copy(f, os.path.join(d, os.path.basename(f)))
for f in [f for f in roundtrip if f.endswith(("constructs-report.docx", "-report-prevent.docx"))]:
    open(os.path.join(d, os.path.basename(f)[:-5] + ".parts"), "wb").write(parts_text(open(f, "rb").read()))
header = ooxml.p("THE BOARD") + ooxml.p("17 September 2015") + ooxml.p("A REPORT")
multilevel = ('<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              '<w:abstractNum w:abstractNumId="1">' + ooxml.level(0, "decimal", "%1.") + ooxml.level(1, "decimal", "%1.%2") +
              ooxml.level(2, "lowerLetter", "(%3)", more='<w:lvlRestart w:val="0"/>') + '</w:abstractNum>'
              '<w:abstractNum w:abstractNumId="2">' + ooxml.level(0, "lowerRoman", "%1)") + ooxml.level(1, "bullet", "\u2022") + '</w:abstractNum>'
              '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
              '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>'
              '</w:numbering>')
notes = ('<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p>'
         '<w:r><w:t>Police recorded crime.</w:t></w:r></w:p></w:footnote></w:footnotes>')
comments = ('<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="Jane">'
            '<w:p><w:r><w:t>Check this.</w:t></w:r></w:p></w:comment></w:comments>')
cell = lambda text, pr="": f"<w:tc><w:tcPr>{pr}</w:tcPr>{ooxml.p(text)}</w:tc>"  # noqa: E731
table = ('<w:tbl><w:tblPr><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="1000"/>'
         '<w:gridCol w:w="1000"/></w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>' + cell("Outcome") +
         cell("Status", '<w:gridSpan w:val="2"/>') + '</w:tr><w:tr>' + cell("Crime", '<w:vMerge w:val="restart"/>') +
         cell("", '<w:shd w:val="clear" w:fill="00B050"/>') + cell("A", '<w:shd w:val="clear" w:fill="FFC000"/>') + '</w:tr><w:tr>' +
         cell("", "<w:vMerge/>") + cell("Red: late", '<w:shd w:val="clear" w:fill="FF0000"/>') + cell("3.10") + '</w:tr></w:tbl>')
field = ('<w:p><w:r><w:t xml:space="preserve">See paragraph </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
         '<w:r><w:instrText> REF _Ref1 \\r </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3.2</w:t></w:r>'
         '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr=" HYPERLINK &quot;https://example.org/&quot; "><w:r><w:t>here</w:t></w:r></w:fldSimple></w:p>')
textbox = ('<w:p><w:r><w:t>Anchor.</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
           '<wp:docPr id="2" name="Box"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
           '<wps:wsp><wps:txbx><w:txbxContent>' + ooxml.p("In the box.") + '</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>'
           '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>' + ooxml.p("In the box.") +
           '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
control = ('<w:sdt><w:sdtPr><w:tag w:val="MeetingDate"/><w:date w:fullDate="2015-09-17T00:00:00Z"/></w:sdtPr><w:sdtContent>' +
           ooxml.p("17 September 2015") + '</w:sdtContent></w:sdt>')
landscape = ooxml.p("Wide.", ppr='<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>')
picture = png(2, 2, 2, [b"\xff\0\0\0\xff\0", b"\0\0\xff\xff\xff\xff"])
emf = b"\x01\x00\x00\x00" + b"\x00" * 36 + b" EMF" + b"\x00" * 40
hand = {
    "numbering": ooxml.docx(header + ooxml.numbered("One.", 1, 0) + ooxml.numbered("One one.", 1, 1) + ooxml.numbered("(a) deep", 1, 2) +
                      ooxml.numbered("first", 2, 0) + ooxml.numbered("a point", 2, 1) + ooxml.numbered("Seven.", 3, 0) + ooxml.p("3.1\tTyped."),
                      {"word/numbering.xml": multilevel}),
    "notes-fields-boxes": ooxml.docx(header + ooxml.p("Introduction", "Heading1") + '<w:p><w:r><w:t>Crime fell.</w:t></w:r><w:r>'
                               '<w:footnoteReference w:id="1"/></w:r></w:p>' + field + textbox + control,
                               {"word/footnotes.xml": notes}),
    "tables-pictures": ooxml.docx(header + table + "<w:p>" + ooxml.drawing("rIdImg", "A chart") + "</w:p><w:p>" + ooxml.drawing("rIdEmf", "") +
                            "</w:p>" + landscape + ooxml.p("Appendix 1 - Figures", "Heading1") + ooxml.p("Recommendations", "Heading1") +
                            ooxml.p("That the Board notes it."),
                            {"word/media/image1.png": picture, "word/media/image2.emf": emf},
                            rels=f'<Relationship Id="rIdImg" Type="{ooxml.REL}image" Target="media/image1.png"/>'
                                 f'<Relationship Id="rIdEmf" Type="{ooxml.REL}image" Target="media/image2.emf"/>'),
    "refused": ooxml.docx(header + '<w:p><w:ins w:id="1" w:author="Jane"><w:r><w:t>Added.</w:t></w:r></w:ins>'
                    '<w:commentRangeStart w:id="0"/><w:r><w:rPr><w:vanish/></w:rPr><w:t>Hidden.</w:t></w:r>'
                    '<w:r><w:commentReference w:id="0"/></w:r></w:p>', {"word/comments.xml": comments}),
}
for name, data in hand.items():
    open(os.path.join(d, name + ".parts"), "wb").write(parts_text(data))
    open(os.path.join(d, name + ".docx"), "wb").write(data)

# Partner PDFs: the end-to-end tests' kinds, and every hostile one small
# enough for the fuzzer's input length (the big ones are the small ones
# made many times over).
sys.path.insert(0, os.path.join(root, "tests", "e2e"))
sys.path.insert(0, os.path.join(root, "tests", "hostile"))
import partner_corpus  # noqa: E402
import partner_pdfs as pp  # noqa: E402
d = fresh("partner")
pp.write(os.path.join(d, "a4-link-comment.pdf"), [pp.Page(*pp.A4, "Linked page", link="https://example.org/", comment=True),
                                                 pp.Page(*pp.LETTER, "Turned page", rotate=90, goto=(0, True)),
                                                 pp.Page(*pp.A4, "Cropped page", crop=[0, 421, 595.276, 841.89])],
         outline=[("First", 0), ("Second", 1)], javascript=True)
pp.write(os.path.join(d, "tagged.pdf"), [pp.Page(*pp.A4, "Tagged page one"), pp.Page(*pp.SLIDE, "Tagged page two")],
         tagged=True)
for name, path in partner_corpus.write_all(os.path.join(d, "corpus")).items():
    if os.path.getsize(path) <= 100000:
        os.rename(path, os.path.join(d, name + ".pdf"))
shutil.rmtree(os.path.join(d, "corpus"))

# The JPEG seed is a page of a sample pack rendered by poppler, committed as
# it is (seeds/jpeg/page.jpg): making it needs a built boardpack.
print("seeds written to", seeds)
