"""The machine-checkable part of PDF/UA-1 (ISO 14289-1), read from a produced
PDF through qpdf's JSON (qpdf --json --json-stream-data=inline
--decode-level=generalized), with a content-stream tokenizer of our own.

    python3 pdfua.py pack.pdf     prints every failed check, exits 1 if any

As a module: `check(path)` returns the failures as sentences; `Pdf(path)`
gives the parsed file (objects, pages, structure tree) to tests that want to
look further.

What it asserts: the catalog (MarkInfo, StructTreeRoot, Lang,
ViewerPreferences DisplayDocTitle, XMP with dc:title and pdfuaid:part 1,
PDF 1.7) and a non-empty Info Title; every painting operator inside marked
content with an MCID or inside an /Artifact, marked content balanced and not
straddling text objects; every MCID on every page owned by exactly one
structure element, through /K and through the parent tree; tables with
header cells that have a scope; figures with alternate text and a bounding
box; headings that exist, start each part at H1 and never skip a level;
embedded fonts whose ToUnicode maps every code shown; link annotations with
/Contents, /StructParent and an OBJR from a Link element; /Tabs /S on pages
with annotations."""
import base64
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

# ---------------------------------------------------------------------------
# Content-stream tokens


class Name(str):
    """A PDF name, without its slash, #xx escapes resolved."""


class Op(str):
    """A content-stream operator (a bare keyword)."""


class InlineImage:
    def __init__(self, params, data):
        self.params, self.data = params, data


_TOKEN = re.compile(rb"""
    (?P<ws>[\x00\t\n\x0c\r ]+)
  | (?P<comment>%[^\r\n]*)
  | (?P<dopen><<) | (?P<dclose>>>)
  | (?P<hex><[0-9A-Fa-f\x00\t\n\x0c\r ]*>)
  | (?P<aopen>\[) | (?P<aclose>\])
  | (?P<lstr>\()
  | (?P<name>/[^\x00\t\n\x0c\r ()<>\[\]{}/%]*)
  | (?P<num>[+-]?(?:\d+\.?\d*|\.\d+)(?![^\x00\t\n\x0c\r ()<>\[\]{}/%]))
  | (?P<kw>[^\x00\t\n\x0c\r ()<>\[\]{}/%]+)
""", re.X)
_ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\f",
            ord("("): b"(", ord(")"): b")", ord("\\"): b"\\"}


class SyntaxFault(Exception):
    pass


def _literal_string(data, at):
    """The bytes of the literal string whose '(' is at data[at], and the
    offset after its ')'. Escapes are resolved; balanced parentheses nest."""
    out = bytearray()
    depth, i, n = 1, at + 1, len(data)
    while i < n:
        c = data[i]
        if c == 0x5C:  # backslash
            i += 1
            if i >= n:
                break
            e = data[i]
            if e in _ESCAPES:
                out += _ESCAPES[e]
                i += 1
            elif 0x30 <= e <= 0x37:
                j = i
                while j < n and j < i + 3 and 0x30 <= data[j] <= 0x37:
                    j += 1
                out.append(int(data[i:j], 8) & 0xFF)
                i = j
            elif e == 0x0D:  # line continuation, CR or CRLF
                i += 2 if data[i + 1:i + 2] == b"\n" else 1
            elif e == 0x0A:
                i += 1
            else:  # an unknown escape stands for the character itself
                out.append(e)
                i += 1
            continue
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return bytes(out), i + 1
        out.append(c)
        i += 1
    raise SyntaxFault(f"unterminated string starting at offset {at}")


def _name(raw):
    return Name(re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw[1:]).decode("latin-1"))


def _end_of_inline_image(data, start, params):
    """Offset of the 'EI' that ends inline image data beginning at `start`."""
    length = params.get("L", params.get("Length"))
    if isinstance(length, int):
        m = re.compile(rb"[\x00\t\n\x0c\r ]*EI").match(data, start + length)
        if m:
            return m.end() - 2
    # Without a length, the first EI between white space that is followed by
    # something a content stream can hold.
    for m in re.finditer(rb"[\x00\t\n\x0c\r ]EI(?=[\x00\t\n\x0c\r ]|$)", data[start:]):
        return start + m.start() + 1
    raise SyntaxFault(f"inline image at offset {start} has no EI")


_END_ARRAY, _END_DICT = object(), object()


def _next_object(data, pos):
    """(offset, value, end) of the next object or operator at or after `pos`,
    arrays and dictionaries whole; None at the end of the data."""
    while True:
        if pos >= len(data):
            return None
        m = _TOKEN.match(data, pos)
        if not m:
            raise SyntaxFault(f"unexpected byte {data[pos:pos + 1]!r} at offset {pos}")
        if m.lastgroup not in ("ws", "comment"):
            break
        pos = m.end()
    kind, at, pos = m.lastgroup, pos, m.end()
    if kind == "lstr":
        value, pos = _literal_string(data, at)
    elif kind == "hex":
        digits = re.sub(rb"[^0-9A-Fa-f]", b"", m.group()[1:-1])
        value = bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode())
    elif kind == "name":
        value = _name(m.group())
    elif kind == "num":
        value = float(m.group()) if b"." in m.group() else int(m.group())
    elif kind in ("aopen", "dopen"):
        closer = _END_ARRAY if kind == "aopen" else _END_DICT
        items = []
        while True:
            r = _next_object(data, pos)
            if r is None:
                raise SyntaxFault(f"unclosed {'array' if kind == 'aopen' else 'dictionary'} at offset {at}")
            if isinstance(r[1], Op):
                raise SyntaxFault(f"operator {r[1]} inside an array or dictionary at offset {r[0]}")
            if r[1] in (_END_ARRAY, _END_DICT):
                if r[1] is not closer:
                    raise SyntaxFault(f"mismatched closing bracket at offset {r[0]}")
                pos = r[2]
                break
            items.append(r[1])
            pos = r[2]
        if kind == "dopen":
            if len(items) % 2 or not all(isinstance(k, Name) for k in items[::2]):
                raise SyntaxFault(f"dictionary at offset {at} is not name/value pairs")
            items = dict(zip(items[::2], items[1::2]))
        value = items
    elif kind == "aclose":
        value = _END_ARRAY
    elif kind == "dclose":
        value = _END_DICT
    else:
        word = m.group()
        value = {b"true": True, b"false": False, b"null": None}.get(word, Op(word.decode("latin-1")))
    return at, value, pos


def tokens(data):
    """(offset, value) for every operand and operator of a content stream;
    arrays and dictionaries come whole, an inline image (BI ... ID data EI)
    comes as one InlineImage followed by the operator 'EI'."""
    pos = 0
    while True:
        r = _next_object(data, pos)
        if r is None:
            return
        at, value, pos = r
        if value is _END_ARRAY or value is _END_DICT:
            raise SyntaxFault(f"closing bracket without an opening one at offset {at}")
        if isinstance(value, Op) and value == "BI":
            params = {}
            while True:
                r = _next_object(data, pos)
                if r is None:
                    raise SyntaxFault(f"inline image at offset {at} has no ID")
                if isinstance(r[1], Op):
                    if r[1] != "ID":
                        raise SyntaxFault(f"operator {r[1]} inside the inline image at offset {at}")
                    pos = r[2]
                    break
                key, r = r[1], _next_object(data, r[2])
                if not isinstance(key, Name) or r is None or isinstance(r[1], Op):
                    raise SyntaxFault(f"inline image at offset {at}: parameters are not name/value pairs")
                params[key] = r[1]
                pos = r[2]
            start = pos + 1  # one white-space byte follows ID
            end = _end_of_inline_image(data, start, params)
            yield at, InlineImage(params, data[start:end])
            yield end, Op("EI")
            pos = end + 2
            continue
        yield at, value


def operations(data):
    """(offset, operator, operands) in order."""
    operands = []
    for at, value in tokens(data):
        if isinstance(value, Op):
            yield at, value, operands
            operands = []
        else:
            operands.append(value)
    if operands:
        raise SyntaxFault("operands after the last operator")


# ---------------------------------------------------------------------------
# The file, through qpdf's JSON

_REF = re.compile(r"^(\d+) (\d+) R$")


class Ref(str):
    """An indirect reference, "N G R"."""


class Stream:
    def __init__(self, ref, dictionary, data):
        self.ref, self.dict, self.data = ref, dictionary, data


def _value(v):
    """qpdf's JSON value -> Python: names keep their slash as Name without it,
    strings become str (text) or bytes (binary), references Ref."""
    if isinstance(v, str):
        if v.startswith("/"):
            return Name(v[1:])
        if v.startswith("u:"):
            return v[2:]
        if v.startswith("b:"):
            return bytes.fromhex(v[2:])
        if v.startswith("n:"):
            return Name(v[3:])
        if _REF.match(v):
            return Ref(v)
        return v
    if isinstance(v, list):
        return [_value(x) for x in v]
    if isinstance(v, dict):
        return {_value(k) if k.startswith("/") else k: _value(x) for k, x in v.items()}
    return v


class Pdf:
    """The objects of a PDF file, its pages in order and its catalog."""

    def __init__(self, path):
        r = subprocess.run(["qpdf", "--json", "--json-stream-data=inline", "--decode-level=generalized", path],
                           capture_output=True)
        if r.returncode not in (0, 3):  # 3: warnings only
            raise SyntaxFault(f"qpdf cannot read {path}: {r.stderr.decode(errors='replace').strip()[:300]}")
        doc = json.loads(r.stdout)
        header, objects = doc["qpdf"]
        self.version = header["pdfversion"]
        self.objects = {}
        for key, obj in objects.items():
            if key == "trailer":
                self.trailer = _value(obj["value"])
                continue
            ref = Ref(key[4:])
            if "stream" in obj:
                s = obj["stream"]
                data = base64.b64decode(s["data"]) if "data" in s else None
                self.objects[ref] = Stream(ref, _value(s["dict"]), data)
            else:
                self.objects[ref] = _value(obj["value"])
        self.page_refs = [Ref(p["object"]) for p in doc["pages"]]
        self.page_number = {ref: i + 1 for i, ref in enumerate(self.page_refs)}
        self.catalog = self.get(self.trailer.get("Root")) or {}
        self.info = self.get(self.trailer.get("Info")) or {}

    def get(self, v):
        """v, with a reference followed (to a dict, or a Stream)."""
        seen = 0
        while isinstance(v, Ref):
            v = self.objects.get(v)
            seen += 1
            if seen > 32:
                return None
        return v

    def dict_of(self, v):
        v = self.get(v)
        if isinstance(v, Stream):
            return v.dict
        return v if isinstance(v, dict) else {}

    def inherited(self, page_ref, key):
        node, hops = self.dict_of(page_ref), 0
        while node and hops < 64:
            if key in node:
                return node[key]
            node, hops = self.dict_of(node.get("Parent")), hops + 1
        return None

    def page_content(self, page_ref):
        contents = self.dict_of(page_ref).get("Contents")
        parts = contents if isinstance(contents, list) else [contents] if contents else []
        data = b""
        for part in parts:
            s = self.get(part)
            if isinstance(s, Stream) and s.data is not None:
                data += s.data + b"\n"
        return data


# ---------------------------------------------------------------------------
# The checks

TEXT_SHOW = {"Tj", "TJ", "'", '"'}
PATH_PAINT = {"f", "F", "f*", "S", "s", "B", "B*", "b", "b*"}
PAINTING = TEXT_SHOW | PATH_PAINT | {"Do", "sh", "EI"}
HEADINGS = {f"H{i}": i for i in range(1, 7)}
STANDARD_ROLES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct",
    "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH",
    "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot",
    "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form"}
# Which parents a grouping element's children may have (ISO 32000-1, 14.8.4).
ALLOWED_PARENTS = {
    "LI": {"L"}, "Lbl": {"LI"}, "LBody": {"LI"},
    "TR": {"Table", "THead", "TBody", "TFoot"}, "TH": {"TR"}, "TD": {"TR"},
    "THead": {"Table"}, "TBody": {"Table"}, "TFoot": {"Table"},
}
ALLOWED_CHILDREN = {
    "L": {"LI", "L", "Caption"}, "LI": {"Lbl", "LBody"},
    "Table": {"TR", "THead", "TBody", "TFoot", "Caption"},
    "THead": {"TR"}, "TBody": {"TR"}, "TFoot": {"TR"}, "TR": {"TH", "TD"},
}


class Element:
    """A StructElem as read from the file: its standard role, its kids in
    order (elements, (page, mcid) pairs and annotation references)."""

    def __init__(self, pdf, ref, d, role, parent):
        self.pdf, self.ref, self.dict, self.role, self.parent = pdf, ref, d, role, parent
        self.children, self.mcids, self.annots = [], [], []

    def attribute(self, owner, key):
        attrs = self.dict.get("A")
        for a in attrs if isinstance(attrs, list) else [attrs]:
            a = self.pdf.dict_of(a) if a is not None else {}
            if a.get("O") == owner and key in a:
                return a[key]
        return None

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def ancestors(self):
        e = self.parent
        while e is not None:
            yield e
            e = e.parent


class PageText:
    """What a page shows, read back through the fonts' ToUnicode: the text of
    each MCID in content order, and the text of its artifacts."""

    def __init__(self):
        self.tagged, self.artifacts = {}, []


class Checker:
    def __init__(self, pdf):
        self.pdf = pdf
        self.failures = []
        self.elements = []           # every StructElem, in tree order
        self.root_elements = []
        self.owners = {}             # (page ref, mcid) -> [Element]
        self.page_mcids = {}         # page ref -> {mcid: tag}
        self.annot_owner = {}        # annotation ref -> [Element]
        self.page_text = {}          # page ref -> PageText
        self.fonts_seen = set()      # font refs already checked
        self.cmaps = {}              # font ref -> {code: UTF-16BE bytes}, or None
        self.unmapped = set()        # (font ref, code) already reported
        self.parent_entries = {}     # parent tree: key -> value

    def fail(self, what):
        self.failures.append(what)

    def run(self):
        self.catalog()
        self.metadata()
        self.structure_tree()
        for ref in self.pdf.page_refs:
            self.page(ref)
        self.content_ownership()
        self.parent_tree()
        self.annotations()
        self.tables()
        self.figures()
        self.notes()
        self.headings()
        self.nesting()
        return self.failures

    # -- catalog and metadata

    def catalog(self):
        c, pdf = self.pdf.catalog, self.pdf
        version = c.get("Version", pdf.version)
        if str(version) != "1.7":
            self.fail(f"PDF version is {version}, not 1.7")
        mark = pdf.dict_of(c.get("MarkInfo"))
        if mark.get("Marked") is not True:
            self.fail("the catalog's MarkInfo does not say Marked true: the file is not tagged")
        prefs = pdf.dict_of(c.get("ViewerPreferences"))
        if prefs.get("DisplayDocTitle") is not True:
            self.fail("ViewerPreferences do not have DisplayDocTitle true: viewers show the file name, not the title")
        title = pdf.get(pdf.info.get("Title"))
        if not isinstance(title, str) or not title.strip():
            self.fail("the document information has no Title")
        lang = pdf.get(c.get("Lang"))
        if not isinstance(lang, str) or not re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", lang):
            self.fail(f"the catalog has no valid Lang (found {lang!r})")

    def metadata(self):
        s = self.pdf.get(self.pdf.catalog.get("Metadata"))
        if not isinstance(s, Stream) or s.data is None:
            self.fail("the catalog has no XMP Metadata stream")
            return
        if s.dict.get("Type") != "Metadata" or s.dict.get("Subtype") != "XML":
            self.fail("the Metadata stream is not /Type /Metadata /Subtype /XML")
        try:
            root = ET.fromstring(s.data)
        except ET.ParseError as e:
            self.fail(f"the XMP metadata is not well-formed XML: {e}")
            return
        ua = "{http://www.aiim.org/pdfua/ns/id/}part"
        rdf = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
        parts = [e.text for e in root.iter(ua)]
        parts += [d.get(ua) for d in root.iter(rdf + "Description") if d.get(ua) is not None]
        if [p.strip() for p in parts if p] != ["1"]:
            self.fail(f"the XMP metadata does not identify PDF/UA-1 (pdfuaid:part is {parts})")
        titles = ["".join(li.itertext()).strip() for t in root.iter("{http://purl.org/dc/elements/1.1/}title")
                  for li in t.iter(rdf + "li")]
        if not any(titles):
            self.fail("the XMP metadata has no dc:title")
        else:
            info = self.pdf.get(self.pdf.info.get("Title"))
            if isinstance(info, str) and info.strip() and info.strip() not in titles:
                self.fail(f"the XMP dc:title {titles[0]!r} differs from the Info Title {info!r}")

    # -- the structure tree

    def role_of(self, d, role_map):
        s = d.get("S")
        seen = set()
        while isinstance(s, Name) and s not in STANDARD_ROLES and s in role_map and s not in seen:
            seen.add(s)
            s = role_map[s]
        return str(s) if isinstance(s, Name) else None

    def structure_tree(self):
        pdf = self.pdf
        root_ref = pdf.catalog.get("StructTreeRoot")
        root = pdf.dict_of(root_ref)
        if not root:
            self.fail("the catalog has no StructTreeRoot: the file has no structure tree")
            return
        if root.get("Type") != "StructTreeRoot":
            self.fail("the StructTreeRoot is not /Type /StructTreeRoot")
        role_map = {k: v for k, v in pdf.dict_of(root.get("RoleMap")).items()}
        visited = set()

        def visit(ref, parent_ref, parent):
            if ref in visited:
                self.fail(f"structure element {ref} is reached twice")
                return None
            visited.add(ref)
            d = pdf.dict_of(ref)
            role = self.role_of(d, role_map)
            where = f"structure element {ref} ({d.get('S')})"
            if role is None:
                self.fail(f"{where} has no /S")
                role = "?"
            elif role not in STANDARD_ROLES:
                self.fail(f"{where}: /S {role} is not a standard structure type and not role-mapped to one")
            if d.get("P") != parent_ref:
                self.fail(f"{where}: /P is {d.get('P')}, not its parent {parent_ref}")
            e = Element(pdf, ref, d, role, parent)
            self.elements.append(e)
            page = d.get("Pg")
            kids = d.get("K")
            for k in kids if isinstance(kids, list) else [] if kids is None else [kids]:
                if isinstance(k, int) and not isinstance(k, bool):
                    if page not in pdf.page_number:
                        self.fail(f"{where} holds MCID {k} but has no /Pg page")
                        continue
                    e.mcids.append((page, k))
                    continue
                kd = pdf.dict_of(k)
                kind = kd.get("Type")
                if kind == "MCR":
                    pg = kd.get("Pg", page)
                    if pg not in pdf.page_number or not isinstance(kd.get("MCID"), int):
                        self.fail(f"{where}: a marked-content reference lacks a page or an MCID")
                        continue
                    # Content inside a form XObject is that form's, not the page's.
                    stm = kd.get("Stm")
                    e.mcids.append((stm if isinstance(stm, Ref) else pg, kd["MCID"]))
                elif kind == "OBJR":
                    if not isinstance(kd.get("Obj"), Ref):
                        self.fail(f"{where}: an object reference has no /Obj")
                        continue
                    e.annots.append(kd["Obj"])
                elif isinstance(k, Ref) and "S" in kd:
                    child = visit(k, ref, e)
                    if child:
                        e.children.append(child)
                else:
                    self.fail(f"{where}: a kid is neither an element, an MCID, an MCR nor an OBJR: {k!r}")
            for pm in e.mcids:
                self.owners.setdefault(pm, []).append(e)
            for a in e.annots:
                self.annot_owner.setdefault(a, []).append(e)
            return e

        top = root.get("K")
        for k in top if isinstance(top, list) else [] if top is None else [top]:
            e = visit(k, root_ref, None)
            if e:
                self.root_elements.append(e)
        if not self.root_elements:
            self.fail("the structure tree is empty")
        elif [e.role for e in self.root_elements] != ["Document"]:
            self.fail(f"the structure tree's root holds {[e.role for e in self.root_elements]}, not one Document")

    # -- page content

    def page(self, ref):
        pdf = self.pdf
        self.content(ref, pdf.page_content(ref), pdf.dict_of(pdf.inherited(ref, "Resources")), [],
                     str(self.pdf.page_number[ref]))

    def structural_form(self, resources, name):
        """The form XObject `name` draws when it holds structural content of
        its own (it has /StructParents), else None."""
        ref = self.pdf.dict_of(resources.get("XObject")).get(name)
        form = self.pdf.get(ref)
        if isinstance(form, Stream) and form.dict.get("Subtype") == "Form" and "StructParents" in form.dict:
            return ref, form
        return None

    def content(self, ref, data, resources, outer, where):
        """One content stream: a page's, or a form's drawn from it (whose
        marked content may be inside the page's open marks, `outer`)."""
        pdf, n = self.pdf, where
        properties = pdf.dict_of(resources.get("Properties"))
        fonts = pdf.dict_of(resources.get("Font"))
        marks = list(outer)  # open marked content: (tag, mcid or None, is artifact)
        text_depth = None  # len(marks) at BT, or None outside a text object
        mcids = {}
        font = None
        unmarked = {}
        text = PageText()
        try:
            for at, op, args in operations(data):
                if op in ("BDC", "BMC"):
                    tag = args[0] if args and isinstance(args[0], Name) else None
                    props = args[1] if op == "BDC" and len(args) > 1 else {}
                    if isinstance(props, Name):
                        props = pdf.dict_of(properties.get(props))
                    mcid = props.get("MCID") if isinstance(props, dict) else None
                    if tag is None:
                        self.fail(f"page {n}: {op} at offset {at} has no tag")
                    if tag != "Artifact" and mcid is not None:
                        if any(m[2] for m in marks):
                            self.fail(f"page {n}: MCID {mcid} at offset {at} is inside an artifact")
                        if mcid in mcids:
                            self.fail(f"page {n}: MCID {mcid} is used twice")
                        mcids[mcid] = tag
                    marks.append((tag, mcid, tag == "Artifact"))
                elif op == "EMC":
                    if len(marks) <= len(outer):
                        self.fail(f"page {n}: EMC at offset {at} closes nothing")
                    elif text_depth is not None and len(marks) <= text_depth:
                        self.fail(f"page {n}: EMC at offset {at} closes, inside a text object, "
                                  "marked content opened outside it")
                        marks.pop()
                    else:
                        marks.pop()
                elif op == "BT":
                    if text_depth is not None:
                        self.fail(f"page {n}: BT at offset {at} inside a text object")
                    text_depth = len(marks)
                elif op == "ET":
                    if text_depth is None:
                        self.fail(f"page {n}: ET at offset {at} without BT")
                    elif len(marks) > text_depth:
                        self.fail(f"page {n}: marked content opened inside a text object is still open at ET "
                                  f"(offset {at})")
                    text_depth = None
                elif op == "Tf":
                    font = args[0] if args and isinstance(args[0], Name) else None
                form = self.structural_form(resources, args[0]) if op == "Do" and args and isinstance(args[0], Name) else None
                if form is not None and len(outer) < 8:
                    form_ref, stream = form
                    if form_ref in self.page_mcids:
                        self.fail(f"page {n}: the form {form_ref}, which holds structural content, is drawn twice")
                    else:
                        self.content(form_ref, stream.data or b"", pdf.dict_of(stream.dict.get("Resources")) or resources,
                                     marks, f"{n} (form {form_ref})")
                    continue
                if op in PAINTING:
                    if not any(m[2] or m[1] is not None for m in marks):
                        unmarked.setdefault(op, at)
                    if op in TEXT_SHOW:
                        shown = self.shown_text(n, fonts, font, args)
                        if any(m[2] for m in marks):
                            text.artifacts.append(shown)
                        else:
                            mcid = next((m[1] for m in reversed(marks) if m[1] is not None), None)
                            if mcid is not None:
                                text.tagged[mcid] = text.tagged.get(mcid, "") + shown
        except SyntaxFault as e:
            self.fail(f"page {n}: content stream cannot be read: {e}")
            return
        if len(marks) > len(outer):
            self.fail(f"page {n}: {len(marks) - len(outer)} marked-content sequence(s) left open at the end of the page")
        if text_depth is not None:
            self.fail(f"page {n}: a text object is left open at the end of the page")
        for op, at in unmarked.items():
            self.fail(f"page {n}: '{op}' at offset {at} paints outside any tagged marked content or artifact")
        self.page_mcids[ref] = mcids
        self.page_text[ref] = text
        self.fonts_of(n, fonts)

    # -- fonts

    def fonts_of(self, n, fonts):
        for name, ref in fonts.items():
            if ref in self.fonts_seen:
                continue
            self.fonts_seen.add(ref)
            f = self.pdf.dict_of(ref)
            where = f"page {n}: font {name} ({f.get('BaseFont')})"
            if f.get("Subtype") == "Type3":
                continue
            desc_font = self.pdf.dict_of((f.get("DescendantFonts") or [None])[0]) if f.get("Subtype") == "Type0" else f
            descriptor = self.pdf.dict_of(desc_font.get("FontDescriptor"))
            if not any(k in descriptor for k in ("FontFile", "FontFile2", "FontFile3")):
                self.fail(f"{where} is not embedded")
            elif f.get("Subtype") == "Type0" and desc_font.get("Subtype") == "CIDFontType2" and "FontFile2" not in descriptor:
                self.fail(f"{where}: a TrueType CID font without FontFile2")
            if self.to_unicode(ref) is None:
                self.fail(f"{where} has no usable ToUnicode CMap")

    def to_unicode(self, font_ref):
        if font_ref in self.cmaps:
            return self.cmaps[font_ref]
        f = self.pdf.dict_of(font_ref)
        s = self.pdf.get(f.get("ToUnicode"))
        cmap = None
        if isinstance(s, Stream) and s.data is not None and b"begincidrange" not in s.data:
            cmap = {}
            try:
                for block in re.findall(rb"beginbfchar(.*?)endbfchar", s.data, re.S):
                    for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
                        cmap[bytes.fromhex(src.decode())] = bytes.fromhex(dst.decode())
                for block in re.findall(rb"beginbfrange(.*?)endbfrange", s.data, re.S):
                    for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])",
                                                  block):
                        a, b = int(lo, 16), int(hi, 16)
                        width = len(lo) // 2
                        if dst.startswith(b"<"):
                            first, size = int(dst[1:-1] or b"0", 16), len(dst[1:-1]) // 2
                            for c in range(a, min(b, a + 65535) + 1):
                                cmap[c.to_bytes(width, "big")] = (first + c - a).to_bytes(max(size, 2), "big")
                        else:
                            for c, d in zip(range(a, b + 1), re.findall(rb"<([0-9A-Fa-f]*)>", dst)):
                                cmap[c.to_bytes(width, "big")] = bytes.fromhex(d.decode())
            except ValueError:
                cmap = None
            if not cmap:
                cmap = None
        self.cmaps[font_ref] = cmap
        return cmap

    def shown_text(self, n, fonts, font, args):
        """The text a text-showing operator shows, through the font's
        ToUnicode; a code it does not map is reported once."""
        if font is None:
            self.fail(f"page {n}: text shown before any Tf")
            return ""
        ref = fonts.get(font)
        cmap = self.to_unicode(ref)
        if cmap is None:
            return ""  # reported once per font in fonts_of
        width = 2 if self.pdf.dict_of(ref).get("Subtype") == "Type0" else 1
        strings = []
        for a in args:
            if isinstance(a, bytes):
                strings.append(a)
            elif isinstance(a, list):
                strings += [x for x in a if isinstance(x, bytes)]
        out = []
        for s in strings:
            for i in range(0, len(s) - width + 1, width):
                code = s[i:i + width]
                if code in cmap:
                    out.append(cmap[code].decode("utf-16-be", errors="replace"))
                elif (ref, code) not in self.unmapped:
                    self.unmapped.add((ref, code))
                    self.fail(f"page {n}: font {font} shows code <{code.hex()}>, which its ToUnicode does not map")
        return "".join(out)

    # -- ownership of marked content

    def content_ownership(self):
        for ref, mcids in self.page_mcids.items():
            n = self.pdf.page_number.get(ref, f"with form {ref}, a")
            for mcid, tag in sorted(mcids.items()):
                owners = self.owners.get((ref, mcid), [])
                if len(owners) != 1:
                    self.fail(f"page {n}: MCID {mcid} is claimed by {len(owners)} structure elements, not one")
                elif tag != owners[0].dict.get("S") and tag != owners[0].role:
                    self.fail(f"page {n}: MCID {mcid} is tagged /{tag} but belongs to a {owners[0].role} element")
        for (ref, mcid), owners in self.owners.items():
            if mcid not in self.page_mcids.get(ref, {}):
                self.fail(f"page {self.pdf.page_number.get(ref)}: structure element {owners[0].ref} "
                          f"({owners[0].role}) claims MCID {mcid}, which the page does not have")

    def parent_tree(self):
        pdf = self.pdf
        root = pdf.dict_of(pdf.catalog.get("StructTreeRoot"))
        if not root:
            return
        entries = {}

        def read(node, depth=0):
            node = pdf.dict_of(node)
            if depth > 32:
                return
            nums = node.get("Nums") or []
            for k, v in zip(nums[::2], nums[1::2]):
                if k in entries:
                    self.fail(f"the parent tree has key {k} twice")
                entries[k] = v
            for kid in node.get("Kids") or []:
                read(kid, depth + 1)

        if "ParentTree" not in root:
            self.fail("the StructTreeRoot has no ParentTree")
            return
        read(root["ParentTree"])
        next_key = root.get("ParentTreeNextKey")
        if entries and (not isinstance(next_key, int) or next_key <= max(k for k in entries if isinstance(k, int))):
            self.fail(f"ParentTreeNextKey {next_key} is not above every key of the parent tree")
        self.parent_entries = entries
        # Pages, then the forms holding structural content of their own.
        forms = [ref for ref in self.page_mcids if ref not in pdf.page_number]
        for ref in pdf.page_refs + forms:
            n, mcids = pdf.page_number.get(ref, f"with form {ref}, a"), self.page_mcids.get(ref, {})
            if not mcids:
                continue
            key = pdf.dict_of(ref).get("StructParents")
            if not isinstance(key, int):
                self.fail(f"page {n} has marked content but no /StructParents")
                continue
            if key not in entries:
                self.fail(f"page {n}: the parent tree has no entry for its StructParents {key}")
                continue
            owners = pdf.get(entries[key])
            if not isinstance(owners, list):
                self.fail(f"page {n}: parent tree entry {key} is not an array")
                continue
            for mcid in sorted(mcids):
                claimed = self.owners.get((ref, mcid), [])
                listed = owners[mcid] if mcid < len(owners) else None
                if listed is None:
                    self.fail(f"page {n}: the parent tree has no element for MCID {mcid}")
                elif len(claimed) == 1 and listed != claimed[0].ref:
                    self.fail(f"page {n}: the parent tree gives MCID {mcid} to {listed}, "
                              f"but element {claimed[0].ref} holds it")

    # -- annotations

    def annotations(self):
        pdf = self.pdf
        entries = self.parent_entries
        for ref in pdf.page_refs:
            n, page = pdf.page_number[ref], pdf.dict_of(ref)
            annots = pdf.get(page.get("Annots")) or []
            if annots and page.get("Tabs") != "S":
                self.fail(f"page {n} has annotations but no /Tabs /S")
            for a in annots:
                d = pdf.dict_of(a)
                kind = d.get("Subtype")
                if kind == "Popup":
                    continue
                where = f"page {n}: {kind} annotation {a}"
                if kind == "Link":
                    contents = pdf.get(d.get("Contents"))
                    if not isinstance(contents, str) or not contents.strip():
                        self.fail(f"{where} has no /Contents")
                key = d.get("StructParent")
                if not isinstance(key, int):
                    self.fail(f"{where} has no /StructParent")
                    continue
                owners = self.annot_owner.get(a, [])
                if len(owners) != 1:
                    self.fail(f"{where} is referenced by {len(owners)} OBJRs in the structure tree, not one")
                    continue
                if kind == "Link" and owners[0].role != "Link":
                    self.fail(f"{where} belongs to a {owners[0].role} element, not a Link")
                if entries.get(key) != owners[0].ref:
                    self.fail(f"{where}: parent tree entry {key} is {entries.get(key)}, not {owners[0].ref}")
        for e in self.elements:
            if e.role == "Link" and not e.annots:
                self.fail(f"Link element {e.ref} has no annotation (OBJR)")

    # -- elements

    def tables(self):
        for t in (e for e in self.elements if e.role == "Table"):
            cells = [c for c in t.walk() if c.role in ("TH", "TD") and self.table_of(c) is t]
            heads = [c for c in cells if c.role == "TH"]
            if not heads:
                self.fail(f"Table {t.ref} has no header cells (TH)")
            for h in heads:
                scope = h.attribute("Table", "Scope")
                if scope not in ("Row", "Column", "Both"):
                    self.fail(f"TH {h.ref} in Table {t.ref} has no /Scope (found {scope!r})")
            for c in cells:
                for key in ("RowSpan", "ColSpan"):
                    span = c.attribute("Table", key)
                    if span is not None and (not isinstance(span, int) or span < 1):
                        self.fail(f"{c.role} {c.ref} has an invalid {key} {span!r}")

    @staticmethod
    def table_of(cell):
        return next((a for a in cell.ancestors() if a.role == "Table"), None)

    def figures(self):
        for f in (e for e in self.elements if e.role == "Figure"):
            alt = self.pdf.get(f.dict.get("Alt"))
            if not isinstance(alt, str) or not alt.strip():
                self.fail(f"Figure {f.ref} has no alternate text (/Alt)")
            box = f.attribute("Layout", "BBox")
            if not (isinstance(box, list) and len(box) == 4 and box[0] < box[2] and box[1] < box[3]):
                self.fail(f"Figure {f.ref} has no BBox")

    def notes(self):
        """PDF/UA-1 7.9: every Note has an /ID, unique in the document."""
        seen = set()
        for n in (e for e in self.elements if e.role == "Note"):
            ident = self.pdf.get(n.dict.get("ID"))
            if not isinstance(ident, str) or not ident:
                self.fail(f"Note {n.ref} has no /ID")
            elif ident in seen:
                self.fail(f"Note {n.ref} has the /ID {ident!r} of another Note")
            seen.add(ident)

    def headings(self):
        levels = [(e, HEADINGS[e.role]) for e in self.elements if e.role in HEADINGS]
        if not levels:
            self.fail("the structure tree has no heading")
        last = {}  # scope element ref -> last heading level seen in it
        for e, level in levels:
            scope = next((a for a in e.ancestors() if a.role == "Part"), None)
            key = scope.ref if scope else None
            name = f"Part {key}" if key else "the document"
            title = self.pdf.get(scope.dict.get("T")) if scope else None
            if title:
                name += f" ({title})"
            if key not in last and level != 1:
                self.fail(f"{name} opens with an H{level} heading ({e.ref}), not H1")
            elif key in last and level > last[key] + 1:
                self.fail(f"{name}: heading {e.ref} skips from H{last[key]} to H{level}")
            last[key] = level

    def nesting(self):
        for e in self.elements:
            parent = e.parent.role if e.parent else None
            if e.role in ALLOWED_PARENTS and parent not in ALLOWED_PARENTS[e.role]:
                self.fail(f"{e.role} {e.ref} is inside {parent}, not {' or '.join(sorted(ALLOWED_PARENTS[e.role]))}")
            if e.role in ALLOWED_CHILDREN:
                for c in e.children:
                    if c.role not in ALLOWED_CHILDREN[e.role]:
                        self.fail(f"{e.role} {e.ref} holds a {c.role} element ({c.ref})")


def check(path):
    """Every failed check of the PDF at `path`, as sentences."""
    try:
        pdf = Pdf(path)
    except (SyntaxFault, ValueError, KeyError) as e:
        return [f"cannot read {path}: {e}"]
    return Checker(pdf).run()


def main(argv):
    if len(argv) != 2:
        print("usage: pdfua.py FILE.pdf", file=sys.stderr)
        return 2
    failures = check(argv[1])
    for f in failures:
        print(f"{argv[1]}: {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
