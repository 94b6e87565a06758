"""Hostile partner PDFs, written from scratch: each is a small file that once
stopped a build, took gigabytes, or put into the published pack what should
never be there (the partner's catalog, its scripts, attachments, form fields,
text of a layer it had switched off). hostile_partner.py binds each one and
checks what comes out; make_seeds.py gives them to the fuzz harness too.

    python3 partner_corpus.py FOLDER     # writes every case's PDF there

Each case is a function taking a Doc and returning the words that must be in
the pack (or None); Doc writes the PDF."""
import os
import sys
import zlib

SECRET = "HIDDENLAYERWORDS"      # text of a layer that is off: never in the pack
CATALOG_MARK = "PartnerCatalogMark"  # a key only the partner's catalog has
EXE = b"MZ\x90\x00\x03\x00\x00\x00 This program cannot be run in DOS mode. PARTNEREXEBYTES"


class Doc:
    """A PDF as numbered objects; page content in Helvetica."""

    def __init__(self):
        self.objs = {}
        self.catalog = self.reserve()
        self.pages = self.reserve()
        self.font = self.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        self.page_refs = []
        self.catalog_extra = b""
        self.pages_body = None  # set to write /Pages yourself
        self.trailer_extra = b""

    def reserve(self):
        n = len(self.objs) + 1
        self.objs[n] = b"null"
        return n

    def add(self, body):
        n = self.reserve()
        self.objs[n] = body if isinstance(body, bytes) else body.encode("latin-1")
        return n

    def set(self, n, body):
        self.objs[n] = body if isinstance(body, bytes) else body.encode("latin-1")

    def stream(self, data, extra=b"", deflate=False):
        if isinstance(data, str):
            data = data.encode("latin-1")
        if isinstance(extra, str):
            extra = extra.encode("latin-1")
        if deflate:
            data = zlib.compress(data, 9)
            extra += b" /Filter /FlateDecode"
        return self.add(b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream")

    def text(self, words, y=700, size=24):
        return "BT /F1 %d Tf 40 %d Td (%s) Tj ET" % (size, y, words)

    def page(self, contents, resources=None, extra="", box=(0, 0, 595, 842)):
        """contents: object numbers of content streams (or one), or text."""
        if isinstance(contents, str):
            contents = self.stream(contents)
        cref = (" ".join("%d 0 R" % c for c in contents) if isinstance(contents, list) else "%d 0 R" % contents)
        if isinstance(contents, list):
            cref = "[%s]" % cref
        res = resources if resources is not None else "<< /Font << /F1 %d 0 R >> >>" % self.font
        n = self.add("<< /Type /Page /Parent %d 0 R /MediaBox [%s] /Contents %s /Resources %s%s >>"
                     % (self.pages, " ".join(str(v) for v in box), cref, res, extra))
        self.page_refs.append(n)
        return n

    def bytes(self):
        if self.pages_body is None:
            self.set(self.pages, "<< /Type /Pages /Kids [%s] /Count %d >>"
                     % (" ".join("%d 0 R" % p for p in self.page_refs), len(self.page_refs)))
        else:
            self.set(self.pages, self.pages_body)
        self.set(self.catalog, b"<< /Type /Catalog /Pages %d 0 R /%s true%s >>"
                 % (self.pages, CATALOG_MARK.encode(), self.catalog_extra))
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        for n in sorted(self.objs):
            offsets[n] = len(out)
            out += b"%d 0 obj\n" % n + self.objs[n] + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objs) + 1)
        for n in sorted(self.objs):
            out += b"%010d 00000 n \n" % offsets[n]
        out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
            len(self.objs) + 1, self.catalog, self.trailer_extra, xref)
        return bytes(out)


CASES = {}


def case(fn):
    CASES[fn.__name__] = fn
    return fn


def plain_page(d, words="Partner page"):
    return d.page(d.text(words))


# ---- hangs and crashes inside the PDF library -------------------------------

@case
def outline_next_loop(d):
    """A bookmark whose children's /Next chain loops back on itself."""
    p = plain_page(d, "Outline loop page")
    root, top, a, b = d.reserve(), d.reserve(), d.reserve(), d.reserve()
    d.set(top, "<< /Title (Top) /Parent %d 0 R /Dest [%d 0 R /Fit] /First %d 0 R /Last %d 0 R /Count 2 >>" % (root, p, a, b))
    d.set(a, "<< /Title (Child A) /Parent %d 0 R /Dest [%d 0 R /Fit] /Next %d 0 R >>" % (top, p, b))
    d.set(b, "<< /Title (Child B) /Parent %d 0 R /Dest [%d 0 R /Fit] /Next %d 0 R >>" % (top, p, a))
    d.set(root, "<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count 1 >>" % (top, top))
    d.catalog_extra = b" /Outlines %d 0 R" % root
    return ["Outline loop page"]


@case
def outline_top_loop(d):
    """The top-level entries' /Next chain loops, and an entry is its own child."""
    p = plain_page(d, "Top loop page")
    root, a, b = d.reserve(), d.reserve(), d.reserve()
    d.set(a, "<< /Title (A) /Parent %d 0 R /Dest [%d 0 R /Fit] /Next %d 0 R /First %d 0 R >>" % (root, p, b, a))
    d.set(b, "<< /Title (B) /Parent %d 0 R /Dest [%d 0 R /Fit] /Next %d 0 R >>" % (root, p, a))
    d.set(root, "<< /Type /Outlines /First %d 0 R /Last %d 0 R >>" % (a, b))
    d.catalog_extra = b" /Outlines %d 0 R" % root
    return ["Top loop page"]


@case
def deep_page_tree(d):
    """A page tree nested 25,000 levels deep: qpdf's page walk recurses."""
    p = plain_page(d, "Deep page")
    parent = d.pages
    nodes = [d.reserve() for _ in range(25000)]
    d.pages_body = "<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % nodes[0]
    for i, n in enumerate(nodes):
        kid = nodes[i + 1] if i + 1 < len(nodes) else p
        d.set(n, "<< /Type /Pages /Parent %d 0 R /Kids [%d 0 R] /Count 1 >>" % (parent, kid))
        parent = n
    d.set(p, d.objs[p].replace(b"/Parent %d 0 R" % d.pages, b"/Parent %d 0 R" % nodes[-1]))
    return None


@case
def page_tree_loop(d):
    """A /Pages node that is its own kid."""
    plain_page(d)
    loop = d.reserve()
    d.set(loop, "<< /Type /Pages /Parent %d 0 R /Kids [%d 0 R] /Count 1 >>" % (d.pages, loop))
    d.pages_body = "<< /Type /Pages /Kids [%d 0 R %d 0 R] /Count 2 >>" % (d.page_refs[0], loop)
    return None


@case
def deep_form_nesting(d):
    """Form XObjects that draw each other 5,000 deep, the last drawing the first."""
    forms = [d.reserve() for _ in range(5000)]
    for i, f in enumerate(forms):
        nxt = forms[(i + 1) % len(forms)]
        data = b"/X Do"
        d.set(f, b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X %d 0 R >> >> "
                 b"/Length %d >>\nstream\n%s\nendstream" % (nxt, len(data), data))
    d.page(d.text("Nested forms page") + "\n/X Do",
           "<< /Font << /F1 %d 0 R >> /XObject << /X %d 0 R >> >>" % (d.font, forms[0]))
    return None


@case
def form_cycle(d):
    """Two form XObjects that draw each other."""
    a, b = d.reserve(), d.reserve()
    for me, other in ((a, b), (b, a)):
        data = b"/X Do"
        d.set(me, b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X %d 0 R >> >> "
                  b"/Length %d >>\nstream\n%s\nendstream" % (other, len(data), data))
    d.page(d.text("Form cycle page") + "\n/X Do", "<< /Font << /F1 %d 0 R >> /XObject << /X %d 0 R >> >>" % (d.font, a))
    return None


@case
def deep_resources_chain(d):
    """A colour space whose base is a colour space whose base is ... 20,000 deep."""
    spaces = [d.reserve() for _ in range(20000)]
    for i, s in enumerate(spaces):
        base = "%d 0 R" % spaces[i + 1] if i + 1 < len(spaces) else "/DeviceRGB"
        d.set(s, "[/Indexed %s 0 <000000>]" % base)
    d.page(d.text("Deep colour page") + "\n/CS0 cs 0 sc 0 0 10 10 re f",
           "<< /Font << /F1 %d 0 R >> /ColorSpace << /CS0 %d 0 R >> >>" % (d.font, spaces[0]))
    return None


# ---- amplification ------------------------------------------------------------

@case
def struct_shared_arrays(d):
    """A structure element's attributes reach one array ten times per level,
    nine levels deep: a copy that follows every reference makes 10^9."""
    mc = "/P <</MCID 0>> BDC " + d.text("Shared arrays page") + " EMC"
    p = d.page(mc, extra=" /StructParents 0")
    level = d.add("[1 2 3 4 5 6 7 8 9 10]")
    for _ in range(9):
        level = d.add("[%s]" % " ".join(["%d 0 R" % level] * 10))
    tree, elem = d.reserve(), d.reserve()
    d.set(elem, "<< /Type /StructElem /S /P /P %d 0 R /Pg %d 0 R /K 0 /A << /O /Layout /Padding %d 0 R "
                "/Bomb %d 0 R >> >>" % (tree, p, level, level))
    d.set(tree, "<< /Type /StructTreeRoot /K [%d 0 R] /ParentTree << /Nums [0 [%d 0 R]] >> >>" % (elem, elem))
    d.catalog_extra = b" /StructTreeRoot %d 0 R /MarkInfo << /Marked true >>" % tree
    return ["Shared arrays page"]


def big_string():
    return "(" + "A" * (1 << 20) + ")"


@case
def struct_shared_string(d):
    """2,000 structure elements whose /ActualText is one 1 MB string."""
    mc = "/P <</MCID 0>> BDC " + d.text("Shared string page") + " EMC"
    p = d.page(mc, extra=" /StructParents 0")
    s = d.add(big_string())
    tree = d.reserve()
    elems = [d.add("<< /Type /StructElem /S /Span /P %d 0 R /Pg %d 0 R /ActualText %d 0 R /Alt %d 0 R >>"
                   % (tree, p, s, s)) for _ in range(2000)]
    first = d.add("<< /Type /StructElem /S /P /P %d 0 R /Pg %d 0 R /K 0 >>" % (tree, p))
    d.set(tree, "<< /Type /StructTreeRoot /K [%d 0 R %s] /ParentTree << /Nums [0 [%d 0 R]] >> >>"
          % (first, " ".join("%d 0 R" % e for e in elems), first))
    d.catalog_extra = b" /StructTreeRoot %d 0 R /MarkInfo << /Marked true >>" % tree
    return ["Shared string page"]


@case
def outline_shared_string(d):
    """2,000 bookmarks whose title is one 1 MB string."""
    p = plain_page(d, "Shared title page")
    s = d.add(big_string())
    root = d.reserve()
    items = [d.reserve() for _ in range(2000)]
    for i, it in enumerate(items):
        nxt = " /Next %d 0 R" % items[i + 1] if i + 1 < len(items) else ""
        d.set(it, "<< /Title %d 0 R /Parent %d 0 R /Dest [%d 0 R /Fit]%s >>" % (s, root, p, nxt))
    d.set(root, "<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>" % (items[0], items[-1], len(items)))
    d.catalog_extra = b" /Outlines %d 0 R" % root
    return ["Shared title page"]


@case
def many_bookmarks(d):
    """12,000 bookmarks, one after another: past the bookmarks budget as they are read."""
    p = plain_page(d, "Many bookmarks page")
    root = d.reserve()
    items = [d.reserve() for _ in range(12000)]
    for i, it in enumerate(items):
        nxt = " /Next %d 0 R" % items[i + 1] if i + 1 < len(items) else ""
        d.set(it, "<< /Title (B%d) /Parent %d 0 R /Dest [%d 0 R /Fit]%s >>" % (i, root, p, nxt))
    d.set(root, "<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>" % (items[0], items[-1], len(items)))
    d.catalog_extra = b" /Outlines %d 0 R" % root
    return None


@case
def long_bookmark_title(d):
    """One bookmark with a 70 KB title."""
    p = plain_page(d, "Long title page")
    root, it = d.reserve(), d.reserve()
    d.set(it, "<< /Title (%s) /Parent %d 0 R /Dest [%d 0 R /Fit] >>" % ("Title " * 12000, root, p))
    d.set(root, "<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count 1 >>" % (it, it))
    d.catalog_extra = b" /Outlines %d 0 R" % root
    return ["Long title page"]


_bombs = {}


def bomb_bytes(megabytes):
    """Deflated spaces (a valid content stream), made once."""
    if megabytes not in _bombs:
        _bombs[megabytes] = zlib.compress(b" " * (megabytes << 20), 9)
    return _bombs[megabytes]


def bomb(d, megabytes=200):
    """A deflate stream of 200 KB that decodes to 200 MB (by default)."""
    data = bomb_bytes(megabytes)
    return d.add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")


@case
def bomb_on_ten_pages(d):
    """A deflate bomb as the content of ten pages."""
    b = bomb(d)
    for _ in range(10):
        d.page([b, d.stream(d.text("Bomb page"))])
    return None


@case
def bomb_ten_times(d):
    """A 40 KB deflate bomb of 40 MB listed ten times in one page's contents."""
    b = bomb(d, 40)
    d.page([b] * 10 + [d.stream(d.text("Bomb page"))])
    return None


@case
def bomb_pack(d):
    """Five pages, each drawing 30 MB of content from one 30 KB bomb (bound
    with the pack's budget lowered to 100 MB)."""
    b = bomb(d, 30)
    for _ in range(5):
        d.page([b, d.stream(d.text("Bomb page"))])
    return None


@case
def bomb_form(d):
    """A deflate bomb as a form XObject that ten pages draw."""
    data = bomb_bytes(200)
    f = d.add(b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Length %d /Filter /FlateDecode >>\nstream\n"
              % len(data) + data + b"\nendstream")
    for _ in range(10):
        d.page(d.text("Form bomb page") + "\n/B Do", "<< /Font << /F1 %d 0 R >> /XObject << /B %d 0 R >> >>" % (d.font, f))
    return None


@case
def many_struct_elements(d):
    """600,000 structure elements."""
    mc = "/P <</MCID 0>> BDC " + d.text("Many elements page") + " EMC"
    p = d.page(mc, extra=" /StructParents 0")
    tree = d.reserve()
    first = d.add("<< /Type /StructElem /S /P /P %d 0 R /Pg %d 0 R /K 0 >>" % (tree, p))
    kids = [d.add("<< /Type /StructElem /S /Span /P %d 0 R >>" % tree) for _ in range(600000)]
    d.set(tree, "<< /Type /StructTreeRoot /K [%d 0 R %s] /ParentTree << /Nums [0 [%d 0 R]] >> >>"
          % (first, " ".join("%d 0 R" % k for k in kids), first))
    d.catalog_extra = b" /StructTreeRoot %d 0 R /MarkInfo << /Marked true >>" % tree
    return None


@case
def huge_array(d):
    """An object of 20 million integers: the PDF library's parser alone takes gigabytes."""
    arr = d.add(b"[" + b"0 " * 20_000_000 + b"]")
    d.page(d.text("Huge array page"), extra=" /Annots %d 0 R" % arr)
    return None


# ---- bytes that must never be published -------------------------------------

def attach(d):
    ef = d.stream(EXE, " /Type /EmbeddedFile /Subtype /application#2Fx-msdownload")
    return d.add("<< /Type /Filespec /F (setup.exe) /UF (setup.exe) /EF << /F %d 0 R >> >>" % ef)


def js_action(d):
    return d.add("<< /S /JavaScript /JS (app.alert\\('partner'\\);) >>")


@case
def resources_reach_catalog(d):
    """Every kind of thing the partner should not publish, reachable from a
    page's /Resources: an unknown resource key holding the catalog, a font
    and an image with extra keys holding an attachment, JavaScript and a
    form widget, a form XObject whose resources do the same."""
    fs, js = attach(d), js_action(d)
    widget = d.add("<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /Rect [0 0 10 10] /AA << /K %d 0 R >> >>" % js)
    img = d.stream(b"\xff\x00\x00" * 4, " /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceRGB "
                   "/BitsPerComponent 8 /Attachment %d 0 R /Action %d 0 R /Metadata %d 0 R" % (fs, js, d.catalog))
    font = d.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Widget %d 0 R /Root %d 0 R >>" % (widget, d.catalog))
    inner = d.stream("q 20 0 0 20 0 0 cm /Im Do Q", " /Type /XObject /Subtype /Form /BBox [0 0 100 100] "
                     "/Resources << /XObject << /Im %d 0 R >> /Extra %d 0 R >> /PieceInfo << /A %d 0 R >> "
                     "/Ref << /F %d 0 R /Page 0 >>" % (img, d.catalog, js, fs))
    d.page(d.text("Resources page") + "\nq 100 0 0 100 100 100 cm /Im Do Q /Fm Do",
           "<< /Font << /F1 %d 0 R >> /XObject << /Im %d 0 R /Fm %d 0 R /Unused %d 0 R >> /Catalog %d 0 R "
           "/ExtGState << /G << /Type /ExtGState /AA %d 0 R >> >> >>" % (font, img, inner, fs, d.catalog, js),
           extra=" /AA << /O %d 0 R >> /Annots [%d 0 R]" % (js, widget))
    d.catalog_extra = (b" /OpenAction %d 0 R /AA << /WC %d 0 R >> /AcroForm << /Fields [%d 0 R] >>"
                       b" /Names << /JavaScript << /Names [(a) %d 0 R] >> /EmbeddedFiles << /Names [(setup.exe) %d 0 R] >> >>"
                       % (js, js, widget, js, fs))
    return ["Resources page"]


@case
def structure_reaches_catalog(d):
    """The structure tree reaches what must not be published: an MCR's /Stm
    that is a stream whose dictionary holds the catalog, attributes holding
    an attachment and JavaScript, an OBJR to a widget, an element /Pg that is
    not a page."""
    fs, js = attach(d), js_action(d)
    widget = d.add("<< /Type /Annot /Subtype /Widget /FT /Btn /T (ok) /Rect [0 0 10 10] /A %d 0 R >>" % js)
    stm = d.stream("/P <</MCID 0>> BDC " + d.text("Form text", 600) + " EMC",
                   " /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> "
                   "/Owner %d 0 R /File %d 0 R" % (d.font, d.catalog, fs))
    stray = d.stream("/P <</MCID 0>> BDC (x) Tj EMC", " /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Root %d 0 R" % d.catalog)
    mc = "/P <</MCID 0>> BDC " + d.text("Structure page") + " EMC\n/Fm Do"
    p = d.page(mc, "<< /Font << /F1 %d 0 R >> /XObject << /Fm %d 0 R >> >>" % (d.font, stm),
               extra=" /StructParents 0 /Annots [%d 0 R]" % widget)
    tree = d.reserve()
    e1 = d.add("<< /Type /StructElem /S /P /P %d 0 R /Pg %d 0 R /K [0 << /Type /OBJR /Obj %d 0 R >>] "
               "/A [<< /O /Layout /Color [1 0 0] /Evil %d 0 R >> << /O /Partner /Script %d 0 R >>] "
               "/ActualText (Structure page) /Extra %d 0 R >>" % (tree, p, widget, fs, js, d.catalog))
    e2 = d.add("<< /Type /StructElem /S /P /P %d 0 R /Pg %d 0 R /K << /Type /MCR /Pg %d 0 R /Stm %d 0 R /MCID 0 >> >>"
               % (tree, p, p, stm))
    e3 = d.add("<< /Type /StructElem /S /P /P %d 0 R /Pg %d 0 R /K << /Type /MCR /Pg %d 0 R /Stm %d 0 R /MCID 0 >> >>"
               % (tree, p, p, stray))
    e4 = d.add("<< /Type /StructElem /S /Figure /P %d 0 R /Pg %d 0 R /K 0 /Alt %d 0 R >>" % (tree, d.catalog, js))
    d.set(tree, "<< /Type /StructTreeRoot /K [%d 0 R %d 0 R %d 0 R %d 0 R] /ParentTree << /Nums [0 [%d 0 R]] >> "
          "/IDTree %d 0 R >>" % (e1, e2, e3, e4, e1, d.catalog))
    d.catalog_extra = b" /StructTreeRoot %d 0 R /MarkInfo << /Marked true >> /OpenAction %d 0 R" % (tree, js)
    return ["Structure page", "Form text"]


@case
def launch_and_submit_links(d):
    """Links that launch a program, submit a form and open another file, and a page open action."""
    fs = attach(d)
    launch = d.add("<< /Type /Annot /Subtype /Link /Rect [40 40 240 80] /A << /S /Launch /F %d 0 R >> >>" % fs)
    submit = d.add("<< /Type /Annot /Subtype /Link /Rect [40 100 240 140] /A << /S /SubmitForm /F (http://x/) >> >>")
    remote = d.add("<< /Type /Annot /Subtype /Link /Rect [40 160 240 200] /A << /S /GoToR /F (other.pdf) /D [0 /Fit] >> >>")
    d.page(d.text("Launch page"), extra=" /Annots [%d 0 R %d 0 R %d 0 R] /AA << /O << /S /Launch /F %d 0 R >> >>"
           % (launch, submit, remote, fs))
    return ["Launch page"]


# ---- hidden content -----------------------------------------------------------

def oc_doc(d, off_ocgs, on_ocgs=(), extra=""):
    d.catalog_extra += (b" /OCProperties << /OCGs [%s] /D << /BaseState /ON /OFF [%s] /ON [%s]%s >> >>"
                        % (" ".join("%d 0 R" % o for o in list(off_ocgs) + list(on_ocgs)).encode(),
                           " ".join("%d 0 R" % o for o in off_ocgs).encode(),
                           " ".join("%d 0 R" % o for o in on_ocgs).encode(), extra.encode()))


@case
def hidden_layer(d):
    """Text in a layer the partner switched off, by name in /Properties."""
    off = d.add("<< /Type /OCG /Name (Draft) >>")
    on = d.add("<< /Type /OCG /Name (Final) >>")
    oc_doc(d, [off], [on])
    content = ("/OC /Off BDC " + d.text(SECRET, 600) + " 0 0 100 100 re f EMC\n"
               "/OC /On BDC " + d.text("Visible layer words", 500) + " EMC\n" + d.text("Always shown words"))
    d.page(content, "<< /Font << /F1 %d 0 R >> /Properties << /Off %d 0 R /On %d 0 R >> >>" % (d.font, off, on))
    return ["Visible layer words", "Always shown words"]


@case
def hidden_layer_forms(d):
    """Hidden content three ways: a form XObject with /OC off, a membership
    dictionary (/OCMD) whose group is off, and a nested off layer inside a
    form; and an image XObject with /OC off."""
    off = d.add("<< /Type /OCG /Name (Redaction) >>")
    oc_doc(d, [off])
    ocmd = d.add("<< /Type /OCMD /OCGs [%d 0 R] /P /AllOn >>" % off)
    hidden_form = d.stream(d.text(SECRET, 600), " /Type /XObject /Subtype /Form /BBox [0 0 595 842] /OC %d 0 R "
                           "/Resources << /Font << /F1 %d 0 R >> >>" % (off, d.font))
    nested = d.stream("/OC /R BDC " + d.text(SECRET, 400) + " EMC " + d.text("Form shown words", 300),
                      " /Type /XObject /Subtype /Form /BBox [0 0 595 842] "
                      "/Resources << /Font << /F1 %d 0 R >> /Properties << /R %d 0 R >> >>" % (d.font, off))
    content = ("/Hidden Do /Nested Do /OC /M BDC " + d.text(SECRET, 200) + " EMC " + d.text("Page shown words", 100))
    d.page(content, "<< /Font << /F1 %d 0 R >> /XObject << /Hidden %d 0 R /Nested %d 0 R >> /Properties << /M %d 0 R >> >>"
           % (d.font, hidden_form, nested, ocmd))
    return ["Form shown words", "Page shown words"]


@case
def hidden_base_state(d):
    """Every layer off by /BaseState /OFF, one switched on by /ON."""
    a = d.add("<< /Type /OCG /Name (A) >>")
    b = d.add("<< /Type /OCG /Name (B) >>")
    d.catalog_extra += b" /OCProperties << /OCGs [%d 0 R %d 0 R] /D << /BaseState /OFF /ON [%d 0 R] >> >>" % (a, b, b)
    content = "/OC /A BDC " + d.text(SECRET, 600) + " EMC /OC /B BDC " + d.text("Layer B words", 500) + " EMC"
    d.page(content, "<< /Font << /F1 %d 0 R >> /Properties << /A %d 0 R /B %d 0 R >> >>" % (d.font, a, b))
    return ["Layer B words"]


# ---- restrictions, damage, boxes ----------------------------------------------

@case
def damaged_content(d):
    """A page whose content stream is not valid deflate data."""
    data = b"\x78\x9cthis is not deflate"
    bad = d.add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")
    d.page([bad])
    return None


@case
def damaged_content_object(d):
    """A page whose content stream's /Length is wrong: qpdf reads the object as null."""
    bad = d.add(b"<< /Length 5 >>\nstream\n" + d.text("Lost words").encode() + b"\nendstream")
    d.page(d.text("Damaged object page"))
    d.page([bad])
    return None


@case
def tall_page(d):
    """A page box taller than PDF allows (14,400 units)."""
    d.page(d.text("Tall page"), box=(0, 0, 595, 900000))
    return None


@case
def javascript_everywhere(d):
    """JavaScript as the open action, in the names tree, in page and document additional actions."""
    js = js_action(d)
    d.page(d.text("Script page"), extra=" /AA << /O %d 0 R /C %d 0 R >>" % (js, js))
    d.catalog_extra = b" /OpenAction %d 0 R /AA << /WC %d 0 R >> /Names << /JavaScript << /Names [(a) %d 0 R] >> >>" % (js, js, js)
    return ["Script page"]


def write_all(folder):
    os.makedirs(folder, exist_ok=True)
    paths = {}
    for name, fn in CASES.items():
        d = Doc()
        fn(d)
        path = os.path.join(folder, name + ".pdf")
        with open(path, "wb") as f:
            f.write(d.bytes())
        paths[name] = path
    return paths


if __name__ == "__main__":
    for name, path in write_all(sys.argv[1]).items():
        print(name, os.path.getsize(path))
