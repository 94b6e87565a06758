"""Partner PDFs for the tests, written from scratch: each page shows its own
words in Helvetica, so a test can find them in the pack with pdftotext.
Options give a page a turn (/Rotate), a CropBox, a link, a comment; a file an
outline, a structure tree (tagged), JavaScript. qpdf's command line makes the
encrypted copy; cutting the bytes makes the truncated one."""
import subprocess


class Page:
    """link: a web address; goto: (page index, named) for a link to another
    page of the same file, by an explicit destination or by a name."""
    def __init__(self, width, height, words, rotate=0, crop=None, link=None, comment=False, goto=None):
        self.width, self.height, self.words = width, height, words
        self.rotate, self.crop, self.link, self.comment, self.goto = rotate, crop, link, comment, goto


def write_objects(path, objs, catalog):
    """Writes objects {number: bytes} as a PDF file with a classic
    cross-reference table, object `catalog` its root."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for n in sorted(objs):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objs[n] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for n in sorted(objs):
        out += b"%010d 00000 n \n" % offsets[n]
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref)
    with open(path, "wb") as f:
        f.write(out)


def _content(page, tagged):
    lines = []
    if tagged:
        lines.append("/P <</MCID 0>> BDC")
    lines.append("BT /F1 24 Tf 40 %g Td (%s) Tj ET" % (page.height - 80, page.words))
    if tagged:
        lines.append("EMC")
    # A frame just inside the page, so a rendering shows where its edges went.
    lines.append("2 w 4 4 %g %g re S" % (page.width - 8, page.height - 8))
    return "\n".join(lines).encode("latin-1")


def write(path, pages, outline=None, tagged=False, javascript=False):
    """outline: a list of (title, page index) bookmarks."""
    objs = {}  # number -> bytes

    def add(body):
        n = len(objs) + 1
        objs[n] = body if isinstance(body, bytes) else body.encode("latin-1")
        return n

    catalog = add("")  # filled in below
    pages_obj = add("")
    font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    page_nums, struct_kids = [], []
    gotos = []  # (annotation, target page index, named), filled once every page has its number
    for i, p in enumerate(pages):
        data = _content(p, tagged)
        content = add(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
        page_n = add("")
        page_nums.append(page_n)
        extra = ""
        if p.rotate:
            extra += " /Rotate %d" % p.rotate
        if p.crop:
            extra += " /CropBox [%g %g %g %g]" % tuple(p.crop)
        annots = []
        if p.link is not None:
            annots.append(add("<< /Type /Annot /Subtype /Link /Rect [40 40 240 80] /Border [0 0 0] "
                              "/A << /S /URI /URI (%s) >> >>" % p.link))
        if p.goto is not None:
            annots.append(add(""))
            gotos.append((annots[-1], p.goto[0], p.goto[1]))
        if p.comment:
            annots.append(add("<< /Type /Annot /Subtype /Text /Rect [300 300 320 320] /Contents (a comment) >>"))
        if annots:
            extra += " /Annots [%s]" % " ".join("%d 0 R" % a for a in annots)
        if tagged:
            extra += " /StructParents %d" % i
        objs[page_n] = (("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] /Contents %d 0 R "
                         "/Resources << /Font << /F1 %d 0 R >> >>%s >>")
                        % (pages_obj, p.width, p.height, content, font, extra)).encode("latin-1")
    objs[pages_obj] = ("<< /Type /Pages /Kids [%s] /Count %d >>"
                       % (" ".join("%d 0 R" % n for n in page_nums), len(pages))).encode("latin-1")
    cat = "<< /Type /Catalog /Pages %d 0 R" % pages_obj
    names = []
    for annot, index, named in gotos:
        dest = "[%d 0 R /XYZ 0 0 0]" % page_nums[index]
        if named:
            names.append("(page%d) %s" % (index, dest))
            objs[annot] = ("<< /Type /Annot /Subtype /Link /Rect [40 100 240 140] /Border [0 0 0] "
                           "/A << /S /GoTo /D (page%d) >> >>" % index).encode("latin-1")
        else:
            objs[annot] = ("<< /Type /Annot /Subtype /Link /Rect [40 100 240 140] /Border [0 0 0] /Dest %s >>"
                           % dest).encode("latin-1")
    name_trees = " /Dests << /Names [%s] >>" % " ".join(sorted(names)) if names else ""
    if outline:
        root = add("")
        items = []
        for title, index in outline:
            items.append(add(""))
        for k, (title, index) in enumerate(outline):
            links = ""
            if k > 0:
                links += " /Prev %d 0 R" % items[k - 1]
            if k + 1 < len(items):
                links += " /Next %d 0 R" % items[k + 1]
            objs[items[k]] = ("<< /Title (%s) /Parent %d 0 R /Dest [%d 0 R /Fit]%s >>"
                              % (title, root, page_nums[index], links)).encode("latin-1")
        objs[root] = ("<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>"
                      % (items[0], items[-1], len(items))).encode("latin-1")
        cat += " /Outlines %d 0 R" % root
    if tagged:
        tree = add("")
        elems = []
        for i, n in enumerate(page_nums):
            elems.append(add("<< /Type /StructElem /S /P /P %d 0 R /Pg %d 0 R /K 0 >>" % (tree, n)))
        nums = " ".join("%d [%d 0 R]" % (i, e) for i, e in enumerate(elems))
        objs[tree] = ("<< /Type /StructTreeRoot /K [%s] /ParentTree << /Nums [%s] >> >>"
                      % (" ".join("%d 0 R" % e for e in elems), nums)).encode("latin-1")
        cat += " /StructTreeRoot %d 0 R /MarkInfo << /Marked true >> /Lang (en-GB)" % tree
    if javascript:
        js = add("<< /S /JavaScript /JS (app.alert\\('hello'\\);) >>")
        cat += " /OpenAction %d 0 R" % js
        name_trees += " /JavaScript << /Names [(hello) %d 0 R] >>" % js
    if name_trees:
        cat += " /Names <<%s >>" % name_trees
    objs[catalog] = (cat + " >>").encode("latin-1")

    write_objects(path, objs, catalog)


def encrypt(src, dst, password="secret"):
    subprocess.run(["qpdf", "--encrypt", password, password, "256", "--", src, dst], check=True)


def truncate(src, dst):
    data = open(src, "rb").read()
    with open(dst, "wb") as f:
        f.write(data[: len(data) // 2])


A4 = (595.276, 841.89)
LETTER = (612, 792)
SLIDE = (960, 540)  # 16:9


def write_tagged(path, font_file, broken=False, huge_mcids=False):
    """A tagged two-page A4 report, its text in the TrueType font_file
    (embedded, with a ToUnicode map, as an accessible PDF's must be): page 1
    a heading (the partner's own type /Heading1, role-mapped to H1), a
    paragraph and a figure (alt text, a layout BBox), page 2 a heading H2 and a 2 x 2 table with column headers;
    the page frames are artifacts. broken: the table's second row lists the
    table itself as a kid, a loop. huge_mcids: the paragraph and the last
    cell claim MCID 999999, so a parent tree would need two arrays of a
    million entries."""
    objs = {}

    def add(body=""):
        n = len(objs) + 1
        objs[n] = body.encode("latin-1")
        return n

    def text(tag, mcid, y, size, words):
        return "/%s <</MCID %d>> BDC BT /F1 %d Tf 40 %d Td (%s) Tj ET EMC" % (tag, mcid, size, y, words)

    frame = "/Artifact BMC 2 w 4 4 587.276 833.89 re S EMC"
    contents = [
        "\n".join([text("Heading1", 0, 760, 24, "Partner heading"), text("P", 1, 720, 12, "Partner paragraph text"),
                   "/Figure <</MCID 2>> BDC 0.5 g 40 500 200 100 re f EMC", frame]),
        "\n".join([text("H2", 0, 760, 18, "Partner table"), text("TH", 1, 720, 12, "Area"), text("TH", 2, 720, 12, "Crimes")
                   .replace("40 720", "240 720"), text("TD", 3, 700, 12, "Leicester"), text("TD", 4, 700, 12, "120")
                   .replace("40 700", "240 700"), frame]),
    ]
    catalog, pages_obj, font = add(), add(), add()
    ttf = open(font_file, "rb").read()
    font_stream = len(objs) + 1
    objs[font_stream] = b"<< /Length %d /Length1 %d >>\nstream\n" % (len(ttf), len(ttf)) + ttf + b"\nendstream"
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Partner def /CMapType 2 def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n1 beginbfrange <20> <7E> <0020> endbfrange\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    to_unicode = len(objs) + 1
    objs[to_unicode] = b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"
    descriptor = add("<< /Type /FontDescriptor /FontName /LiberationSans /Flags 32 /FontBBox [-544 -303 1302 980] "
                     "/ItalicAngle 0 /Ascent 905 /Descent -212 /CapHeight 716 /StemV 80 /FontFile2 %d 0 R >>" % font_stream)
    objs[font] = ("<< /Type /Font /Subtype /TrueType /BaseFont /LiberationSans /FirstChar 32 /LastChar 126 "
                  "/Widths [%s] /Encoding /WinAnsiEncoding /FontDescriptor %d 0 R /ToUnicode %d 0 R >>"
                  % (" ".join(["556"] * 95), descriptor, to_unicode)).encode()
    page_nums = []
    for i, c in enumerate(contents):
        data = c.encode("latin-1")
        content = len(objs) + 1
        objs[content] = b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
        page_nums.append(add("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595.276 841.89] /Contents %d 0 R "
                             "/Resources << /Font << /F1 %d 0 R >> >> /StructParents %d >>" % (pages_obj, content, font, i)))
    objs[pages_obj] = ("<< /Type /Pages /Kids [%s] /Count 2 >>" % " ".join("%d 0 R" % n for n in page_nums)).encode()
    tree, doc = add(), add()
    p1, p2 = page_nums

    def elem(kind, parent, page, k, extra=""):
        return add("<< /Type /StructElem /S /%s /P %d 0 R /Pg %d 0 R /K %s%s >>" % (kind, parent, page, k, extra))

    h1 = elem("Heading1", doc, p1, "0")
    big = "999999" if huge_mcids else None
    para = elem("P", doc, p1, big or "1")
    figure = elem("Figure", doc, p1, "2", " /Alt (A bar chart of crimes) /A << /O /Layout /BBox [40 500 240 600] >>")
    h2 = elem("H2", doc, p2, "0")
    table = add()
    row1, row2 = add(), add()
    scope = " /A << /O /Table /Scope /Column >>"
    th1, th2 = elem("TH", row1, p2, "1", scope), elem("TH", row1, p2, "2", scope)
    td1, td2 = elem("TD", row2, p2, "3"), elem("TD", row2, p2, big or "4")
    objs[table] = ("<< /Type /StructElem /S /Table /P %d 0 R /K [%d 0 R %d 0 R] >>" % (doc, row1, row2)).encode()
    objs[row1] = ("<< /Type /StructElem /S /TR /P %d 0 R /K [%d 0 R %d 0 R] >>" % (table, th1, th2)).encode()
    loop = " %d 0 R" % table if broken else ""
    objs[row2] = ("<< /Type /StructElem /S /TR /P %d 0 R /K [%d 0 R %d 0 R%s] >>" % (table, td1, td2, loop)).encode()
    objs[doc] = ("<< /Type /StructElem /S /Document /P %d 0 R /K [%d 0 R %d 0 R %d 0 R %d 0 R %d 0 R] >>"
                 % (tree, h1, para, figure, h2, table)).encode()
    objs[tree] = ("<< /Type /StructTreeRoot /K %d 0 R /RoleMap << /Heading1 /H1 >> /ParentTree << /Nums "
                  "[0 [%d 0 R %d 0 R %d 0 R] 1 [%d 0 R %d 0 R %d 0 R %d 0 R %d 0 R]] >> /ParentTreeNextKey 2 >>"
                  % (doc, h1, para, figure, h2, th1, th2, td1, td2)).encode()
    objs[catalog] = ("<< /Type /Catalog /Pages %d 0 R /StructTreeRoot %d 0 R /MarkInfo << /Marked true >> "
                     "/Lang (en-GB) >>" % (pages_obj, tree)).encode()
    write_objects(path, objs, catalog)
