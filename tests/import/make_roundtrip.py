"""Writes every report of the sample packs (and tests/import/constructs/,
which holds what they do not) out as a Word file, as an officer's
report template would hold it, for the import's round trip
(tests/e2e/test_import_roundtrip.py): each report is written as an
OpenDocument text (flat XML) with the council template's Word styles
(Committee Name, Meeting Date, Report Title, Report Of, Contact Details;
Heading 1-3; Table Heading; Quote) and automatic numbering (a multilevel
list numbering the paragraphs "3" and "3.2", with its restarts, and lists
labelled as the paper labels them), and LibreOffice Writer saves it as
.docx. The .docx files are committed in tests/import/roundtrip/, so the
test needs neither LibreOffice nor this script; run it again (it needs
Debian's libreoffice-writer-nogui) only when the samples change.

usage: python3 tests/import/make_roundtrip.py [OUT_DIR]"""
import base64
import struct
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
# The lscsb template's status colours: the import reads a cell shaded in
# them as a status cell.
STATUS_FILL = {"R": "#ff0000", "A": "#ffc000", "G": "#00b050"}
STATUS_WORD = {"red": "R", "amber": "A", "green": "G"}
TEXT_WIDTH_MM = {"portrait": 170.0, "landscape": 257.0}

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/"')

# Paragraph styles as a council's report template names them; LibreOffice
# writes each under its display name, which is what Word shows.
STYLES = """
 <style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="6pt"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-family="'Liberation Sans'" fo:font-size="12pt" fo:language="en" fo:country="GB"/></style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1" style:class="text">
  <style:paragraph-properties fo:margin-top="12pt" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2" style:class="text">
  <style:paragraph-properties fo:margin-top="10pt" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold" fo:font-style="italic"/></style:style>
 <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="3" style:class="text">
  <style:paragraph-properties fo:keep-with-next="always"/><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="Committee_20_Name" style:display-name="Committee Name" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Meeting_20_Date" style:display-name="Meeting Date" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Report_20_Title" style:display-name="Report Title" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Report_20_Of" style:display-name="Report Of" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Contact_20_Details" style:display-name="Contact Details" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0pt"/></style:style>
 <style:style style:name="Quote" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-left="10mm" fo:margin-right="10mm"/><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="3pt"/><style:text-properties fo:font-size="8pt"/></style:style>
 <style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents">
  <style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-size="10pt"/></style:style>
 <text:list-style style:name="Paragraphs">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="10mm" fo:text-indent="-10mm" fo:margin-left="10mm"/></style:list-level-properties></text:list-level-style-number>
  <text:list-level-style-number text:level="2" style:num-format="1" text:display-levels="2">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="10mm" fo:text-indent="-10mm" fo:margin-left="10mm"/></style:list-level-properties></text:list-level-style-number>
 </text:list-style>
"""


def iso_words(iso, ordinal):
    """2015-09-17 as the officer types it: "17 September 2015", or with the
    day as an ordinal, raised or not, as the paper prints it."""
    y, m, d = (int(x) for x in iso.split("-"))
    suffix = "th" if 11 <= d % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    if ordinal == "true":
        return [(f"{d}{suffix} {MONTHS[m - 1]} {y}", 0)]
    if ordinal == "superscript":
        return [(str(d), 0), (suffix, SUP), (f" {MONTHS[m - 1]} {y}", 0)]
    return [(f"{d} {MONTHS[m - 1]} {y}", 0)]


B, I, U, SUP, SUB = 1, 2, 4, 8, 16
FLAG_OF = {"b": B, "i": I, "u": U, "sup": SUP, "sub": SUB}


class Writer:
    """One paper as the body of an OpenDocument text."""

    def __init__(self, paper_path):
        self.paper_path = paper_path
        self.auto = {}        # automatic style key -> (name, xml)
        self.lists = 0
        self.notes = 0
        self.tables = 0
        self.images = 0
        self.para_list_started = False
        self.out = []
        self.orientation = "portrait"
        self.pending_master = None   # the page style the next block starts ("Landscape" / "Standard")
        self.pending_break = False   # the next block starts a page

    # ---- styles made as they are needed ----

    def auto_style(self, family, parent, props, text_props="", master=None):
        key = (family, parent, props, text_props, master)
        if key not in self.auto:
            name = {"paragraph": "P", "text": "T", "table": "Tab", "table-column": "Col", "table-cell": "Cell"}[family] + str(len(self.auto) + 1)
            attrs = f'style:name="{name}" style:family="{family}"'
            if parent:
                attrs += f' style:parent-style-name="{parent}"'
            if master:
                attrs += f' style:master-page-name="{master}"'
            inner = ""
            if props:
                tag = {"paragraph": "paragraph", "table": "table", "table-column": "table-column", "table-cell": "table-cell"}.get(family)
                if tag:
                    inner += f"<style:{tag}-properties {props}/>"
            if text_props:
                inner += f"<style:text-properties {text_props}/>"
            self.auto[key] = (name, f"<style:style {attrs}>{inner}</style:style>")
        return self.auto[key][0]

    def span_style(self, flags):
        props = []
        if flags & B:
            props.append('fo:font-weight="bold"')
        if flags & I:
            props.append('fo:font-style="italic"')
        if flags & U:
            props.append('style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"')
        if flags & SUP:
            props.append('style:text-position="super 58%"')
        if flags & SUB:
            props.append('style:text-position="sub 58%"')
        return self.auto_style("text", None, "", " ".join(props))

    def block_style(self, parent, props=""):
        """A paragraph style for the next block, carrying the page it starts."""
        master = None
        if self.pending_master:
            master = self.pending_master
            self.pending_master = None
            self.pending_break = False
        elif self.pending_break:
            props = (props + ' fo:break-before="page"').strip()
            self.pending_break = False
        if not master and not props:
            return parent
        return self.auto_style("paragraph", parent, props, master=master)

    # ---- inline content ----

    def runs(self, el, flags=0, href=None):
        """Mixed content as (kind, value, flags, href) pieces."""
        out = []
        if el.text:
            out.append(("text", el.text, flags, href))
        for c in el:
            if c.tag in FLAG_OF:
                out += self.runs(c, flags | FLAG_OF[c.tag], href)
            elif c.tag == "a":
                out += self.runs(c, flags, c.get("href"))
            elif c.tag == "br":
                out.append(("br", None, flags, href))
            elif c.tag == "fn":
                out.append(("fn", self.runs(c), flags, href))
            else:
                raise SystemExit(f"{self.paper_path}: <{c.tag}> in running text is not written out")
            if c.tail:
                out.append(("text", c.tail, flags, href))
        return out

    def inline(self, pieces, base=0):
        """Pieces as ODF: spaces squeezed as the paper's loader squeezes them,
        none at either end."""
        # Squeeze white space across the pieces, then trim both ends.
        norm = []
        for kind, value, flags, href in pieces:
            if kind == "text":
                value = re.sub(r"[ \t\r\n]+", " ", value)
                if norm and norm[-1][0] == "text" and norm[-1][1].endswith(" ") and value.startswith(" "):
                    value = value[1:]
                if norm and norm[-1][0] == "br" and value.startswith(" "):
                    value = value[1:]
                if not norm and value.startswith(" "):
                    value = value[1:]
                if value:
                    norm.append((kind, value, flags | base, href))
            else:
                if kind == "br" and norm and norm[-1][0] == "text":
                    norm[-1] = ("text", norm[-1][1].rstrip(" "), norm[-1][2], norm[-1][3])
                norm.append((kind, value, flags | base, href))
        while norm and norm[-1][0] == "text" and norm[-1][1].endswith(" "):
            v = norm[-1][1].rstrip(" ")
            norm[-1] = ("text", v, norm[-1][2], norm[-1][3])
            if not v:
                norm.pop()
        xml = []
        i = 0
        while i < len(norm):
            href = norm[i][3]
            j = i
            while j < len(norm) and norm[j][3] == href:
                j += 1
            body = "".join(self.piece(p) for p in norm[i:j])
            xml.append(f'<text:a xlink:type="simple" xlink:href={quoteattr(href)}>{body}</text:a>' if href else body)
            i = j
        return "".join(xml)

    def piece(self, p):
        kind, value, flags, _ = p
        if kind == "br":
            return "<text:line-break/>"
        if kind == "fn":
            self.notes += 1
            body = self.inline(value)
            return (f'<text:note text:id="ftn{self.notes}" text:note-class="footnote"><text:note-citation>{self.notes}'
                    f'</text:note-citation><text:note-body><text:p text:style-name="Footnote">{body}</text:p>'
                    f'</text:note-body></text:note>')
        text = escape(value).replace("\t", "<text:tab/>")
        # ODF keeps a run of spaces only as <text:s/>.
        text = re.sub(r"  +", lambda m: " <text:s text:c=\"%d\"/>" % (len(m.group(0)) - 1), text)
        if flags:
            return f'<text:span text:style-name="{self.span_style(flags)}">{text}</text:span>'
        return text

    def para(self, style, content, tag="text:p", outline=None):
        attrs = f'text:style-name="{style}"'
        if outline:
            attrs += f' text:outline-level="{outline}"'
        return f"<{tag} {attrs}>{content}</{tag}>"

    # ---- blocks ----

    def header(self, h, ordinal):
        for c in h:
            if c.tag == "board":
                self.out.append(self.para(self.block_style("Committee_20_Name"), self.inline(self.runs(c))))
            elif c.tag == "date":
                pieces = [("text", t, f, None) for t, f in iso_words(c.text.strip(), ordinal)]
                self.out.append(self.para(self.block_style("Meeting_20_Date"), self.inline(pieces)))
            elif c.tag == "title":
                self.out.append(self.para(self.block_style("Report_20_Title"), self.inline(self.runs(c))))
            elif c.tag == "line":
                self.out.append(self.para(self.block_style("Report_20_Of"), self.inline(self.runs(c))))
            else:
                raise SystemExit(f"{self.paper_path}: <header><{c.tag}> is not written out")

    def heading(self, level, pieces_xml):
        self.out.append(self.para(self.block_style(f"Heading_20_{level}"), pieces_xml, "text:h", level))

    def blocks(self, parent, numbered=True):
        for c in parent:
            self.block(c, numbered)

    def block(self, c, numbered=True):
        t = c.tag
        if t in ("h1", "h2", "h3"):
            self.heading(int(t[1]), self.inline(self.runs(c)))
        elif t == "p":
            self.paragraph(c, numbered)
        elif t in ("ol", "ul"):
            self.out.append(self.list_xml(c, "Standard"))
        elif t == "table":
            self.out.append(self.table(c))
        elif t == "blockquote":
            for p in c:
                self.out.append(self.para(self.block_style("Quote"), self.inline(self.runs(p))))
        elif t == "page-break":
            self.pending_break = True
        elif t == "keep":
            self.blocks(c, numbered)
        elif t == "img":
            self.image(c)
        elif t == "recommendations":
            self.heading(1, escape(c.get("title", "Recommendations")))
            self.blocks(c, numbered)
        elif t == "contact":
            self.contact(c)
        elif t == "section":
            self.section(c.get("orientation", "portrait"), c.get("new-page") == "true")
            self.blocks(c, numbered)
            # What follows the section is on the paper's own pages again.
            self.section("portrait", False)
        elif t == "appendix":
            self.section(c.get("orientation", "portrait"), True)
            self.heading(1, escape(c.get("title", "")))
            self.blocks(c, numbered)
        else:
            raise SystemExit(f"{self.paper_path}: <{t}> is not written out")

    def section(self, orientation, new_page):
        if orientation != self.orientation:
            self.pending_master = "Landscape" if orientation == "landscape" else "Standard"
            self.orientation = orientation
        elif new_page:
            if orientation == "landscape":
                self.pending_master = "Landscape"
            else:
                self.pending_break = True

    def paragraph(self, p, numbered):
        content = self.inline(self.runs(p))
        number = p.get("number")
        if not numbered or number == "none":
            self.out.append(self.para(self.block_style("Standard"), content))
            return
        level = 2 if number == "sub" else 1
        start = f' text:start-value="{number}"' if number not in (None, "sub") else ""
        item = self.para(self.block_style("Standard"), content)
        if level == 2:
            item = f"<text:list>{'<text:list-item>' + item + '</text:list-item>'}</text:list>"
        cont = ' text:continue-list="paragraphs"' if self.para_list_started else ' xml:id="paragraphs"'
        self.para_list_started = True
        self.out.append(f'<text:list text:style-name="Paragraphs"{cont}><text:list-item{start}>{item}</text:list-item></text:list>')

    def contact(self, c):
        officers = [o for o in c if o.tag == "officer"] or [c]
        if c.get("heading") == "false":
            style = "Contact_20_Details"
        else:
            self.heading(1, escape(c.get("title", "Officer to contact")))
            style = "Standard"
        for k, o in enumerate(officers):
            if k:
                self.out.append(self.para(style, ""))
            for line in o:
                self.out.append(self.para(self.block_style(style), self.inline(self.runs(line))))

    # ---- lists ----

    def list_levels(self, lst, depth, levels):
        """The kind of list at each depth, from the first list met there."""
        if depth not in levels:
            levels[depth] = lst
        for li in lst:
            for c in li:
                if c.tag in ("ol", "ul"):
                    self.list_levels(c, depth + 1, levels)

    def list_style(self, lst):
        levels = {}
        self.list_levels(lst, 1, levels)
        self.lists += 1
        name = f"L{self.lists}"
        xml = [f'<text:list-style style:name="{name}">']
        for depth in sorted(levels):
            el = levels[depth]
            indent = f'<style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="{9 * depth}mm" fo:text-indent="-9mm" fo:margin-left="{9 * depth}mm"/></style:list-level-properties>'
            if el.tag == "ul":
                char = "\u2022" if depth % 2 else "\u2013"
                xml.append(f'<text:list-level-style-bullet text:level="{depth}" text:bullet-char="{char}">{indent}</text:list-level-style-bullet>')
                continue
            label = el.get("label")
            kind = el.get("type")
            if label:
                m = re.fullmatch(r"(\(?)([1aAiI])([.)])", label)
                prefix, counter, suffix = m.group(1), m.group(2), m.group(3)
            else:
                counter = kind or "1"
                prefix, suffix = ("", ".") if counter == "1" else ("(", ")")
            xml.append(f'<text:list-level-style-number text:level="{depth}" style:num-format="{counter}" '
                       f'style:num-prefix="{prefix}" style:num-suffix="{suffix}">{indent}</text:list-level-style-number>')
        xml.append("</text:list-style>")
        self.list_styles.append("".join(xml))
        return name

    def list_xml(self, lst, para_style, style_name=None, top=True):
        name = style_name or self.list_style(lst)
        items = []
        for k, li in enumerate(lst):
            start = f' text:start-value="{lst.get("start")}"' if k == 0 and lst.get("start") and lst.tag == "ol" else ""
            blocks = [c for c in li if c.tag in ("p", "ul", "ol", "table")]
            if blocks and (li.text or "").strip():
                raise SystemExit(f"{self.paper_path}: an entry holding blocks and text; put the text in a <p>")
            if not blocks:
                body = self.para(self.block_style(para_style), self.inline(self.runs(li)))
            else:
                parts = []
                for b in blocks:
                    if b.tag == "p":
                        parts.append(self.para(self.block_style(para_style), self.inline(self.runs(b))))
                    elif b.tag in ("ul", "ol"):
                        parts.append(self.list_xml(b, para_style, name, top=False))
                    else:
                        raise SystemExit(f"{self.paper_path}: a table in a list entry is not written out")
                body = "".join(parts)
            items.append(f"<text:list-item{start}>{body}</text:list-item>")
        style = f' text:style-name="{name}"' if top else ""
        return f"<text:list{style}>{''.join(items)}</text:list>"

    # ---- tables ----

    def table(self, t):
        self.tables += 1
        head = [r for g in t if g.tag == "thead" for r in g]
        body = [r for g in t if g.tag == "tbody" for r in g]
        notes = [n for g in t if g.tag == "notes" for n in g]
        rows = head + body
        # The grid: where each cell starts, and what spans cover.
        taken = {}
        placed = []
        ncols = 0
        for ri, tr in enumerate(rows):
            col = 0
            row = []
            for cell in tr:
                while (ri, col) in taken:
                    col += 1
                cs, rs = int(cell.get("colspan", 1)), int(cell.get("rowspan", 1))
                for dr in range(rs):
                    for dc in range(cs):
                        taken[(ri + dr, col + dc)] = (ri, col)
                row.append((col, cell))
                col += cs
            ncols = max(ncols, max((c for (r, c) in taken if r == ri), default=-1) + 1)
            placed.append(row)
        widths = (t.get("widths") or "").split()
        width_mm = TEXT_WIDTH_MM[self.orientation]
        if len(widths) != ncols:
            widths = ["1*"] * ncols
        fixed = sum(float(w[:-2]) for w in widths if w.endswith("mm"))
        stars = sum(float(w[:-1]) for w in widths if w.endswith("*")) or 1.0
        n_auto = sum(1 for w in widths if w == "auto")
        share = max(width_mm - fixed, 10.0)
        col_mm = []
        for w in widths:
            if w.endswith("mm"):
                col_mm.append(float(w[:-2]))
            elif w.endswith("*"):
                col_mm.append(share * float(w[:-1]) / (stars + n_auto))
            else:
                col_mm.append(share / (stars + n_auto))
        size = t.get("size")
        cell_style = "Table_20_Contents"
        head_style = "Table_20_Heading"
        text_props = f'fo:font-size="{size}"' if size else ""
        # The table's own style carries the page it starts, as a paragraph's would.
        master = self.pending_master
        props = f'style:width="{sum(col_mm):.2f}mm" table:align="margins"'
        if not master and self.pending_break:
            props += ' fo:break-before="page"'
        self.pending_master = None
        self.pending_break = False
        tstyle = self.auto_style("table", None, props, master=master)
        cols = "".join(
            f'<table:table-column table:style-name="{self.auto_style("table-column", None, f"style:column-width={chr(34)}{mm:.2f}mm{chr(34)}")}"/>'
            for mm in col_mm)
        xml = [f'<table:table table:name="Table{self.tables}" table:style-name="{tstyle}">{cols}']
        for ri, tr in enumerate(rows):
            if ri == 0 and head:
                xml.append("<table:table-header-rows>")
            flags = {"bold": B, "italic": I}.get(tr.get("style"), 0)
            starts = dict(placed[ri])
            cells = []
            for col in range(ncols):
                if col in starts:
                    cells.append(self.cell(starts[col], ri < len(head), flags, cell_style, head_style, text_props))
                elif taken.get((ri, col)) is not None:
                    cells.append("<table:covered-table-cell/>")
                else:
                    cells.append(f'<table:table-cell office:value-type="string"><text:p text:style-name="{cell_style}"/></table:table-cell>')
            xml.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
            if ri == len(head) - 1 and head:
                xml.append("</table:table-header-rows>")
        xml.append("</table:table>")
        for n in notes:
            xml.append(self.para("Standard", self.inline(self.runs(n))))
        return "".join(xml)

    def cell(self, cell, in_head, row_flags, cell_style, head_style, text_props):
        attrs = ' office:value-type="string"'
        if int(cell.get("colspan", 1)) > 1:
            attrs += f' table:number-columns-spanned="{cell.get("colspan")}"'
        if int(cell.get("rowspan", 1)) > 1:
            attrs += f' table:number-rows-spanned="{cell.get("rowspan")}"'
        fill = cell.get("fill")
        status = cell.get("status")
        status_text = []
        if status:
            values = status.split()
            first = STATUS_WORD.get(values[0].lower(), values[0])
            fill = STATUS_FILL[first]
            # Words, or several values, are written in the cell; a lone letter is the shading alone.
            if len(values) > 1 or len(values[0]) > 1:
                status_text = [("text", " ".join(values), 0, None)]
        if fill:
            attrs += f' table:style-name="{self.auto_style("table-cell", None, f"fo:background-color={chr(34)}{fill}{chr(34)}")}"'
        style = head_style if (in_head or cell.tag == "th") else cell_style
        props = f'fo:text-align="{ {"center": "center", "right": "end"}[cell.get("align")]}"' if cell.get("align") in ("center", "right") else ""
        pstyle = self.auto_style("paragraph", style, props, text_props) if (props or text_props) else style
        blocks = [c for c in cell if c.tag in ("p", "ul", "ol")]
        if not blocks:
            pieces = self.runs(cell, row_flags)
            if status_text:
                pieces = status_text + ([("text", ": ", 0, None)] + pieces if any(k != "text" or v.strip() for k, v, *_ in pieces) else [])
            body = self.para(pstyle, self.inline(pieces))
        else:
            body = ""
            for b in blocks:
                if b.tag == "p":
                    body += self.para(pstyle, self.inline(self.runs(b, row_flags)))
                else:
                    body += self.list_xml(b, pstyle)
        return f"<table:table-cell{attrs}>{body}</table:table-cell>"

    # ---- pictures ----

    def image(self, img):
        path = os.path.join(os.path.dirname(self.paper_path), img.get("src"))
        data = open(path, "rb").read()
        self.images += 1
        width = img.get("width", "60mm")
        if not width.endswith("mm"):
            raise SystemExit(f"{self.paper_path}: an <img> width other than mm is not written out")
        if data[:8] == b"\x89PNG\r\n\x1a\n":
            w, h = struct.unpack(">II", data[16:24])
        else:
            raise SystemExit(f"{self.paper_path}: only PNG pictures are written out")
        height = float(width[:-2]) * h / w
        align = {"center": "center", "right": "end"}.get(img.get("align"), "")
        style = self.block_style("Standard", f'fo:text-align="{align}"' if align else "")
        self.out.append(self.para(style,
            f'<draw:frame draw:name="Picture{self.images}" text:anchor-type="as-char" svg:width="{width}" svg:height="{height:.2f}mm">'
            f'<draw:image><office:binary-data>{base64.b64encode(data).decode()}</office:binary-data></draw:image>'
            f'<svg:desc>{escape(img.get("alt", ""))}</svg:desc></draw:frame>'))

    # ---- the document ----

    def write(self):
        paper = ET.parse(self.paper_path).getroot()
        if paper.tag != "report":
            raise SystemExit(f"{self.paper_path}: not a report")
        self.list_styles = []
        for c in paper:
            if c.tag == "header":
                self.header(c, paper.get("ordinal"))
            else:
                self.block(c)
        autos = "".join(x for _, x in self.auto.values())
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
                f'office:mimetype="application/vnd.oasis.opendocument.text">'
                f'<office:meta><meta:generator>boardpack tests/import/make_roundtrip.py</meta:generator>'
                f'<meta:creation-date>2016-01-01T00:00:00</meta:creation-date><dc:date>2016-01-01T00:00:00</dc:date></office:meta>'
                f'<office:styles>{STYLES}{"".join(self.list_styles)}</office:styles>'
                f'<office:automatic-styles>'
                f'<style:page-layout style:name="PagePortrait"><style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" style:print-orientation="portrait" fo:margin-top="20mm" fo:margin-bottom="20mm" fo:margin-left="20mm" fo:margin-right="20mm"/></style:page-layout>'
                f'<style:page-layout style:name="PageLandscape"><style:page-layout-properties fo:page-width="297mm" fo:page-height="210mm" style:print-orientation="landscape" fo:margin-top="20mm" fo:margin-bottom="20mm" fo:margin-left="20mm" fo:margin-right="20mm"/></style:page-layout>'
                f'{autos}</office:automatic-styles>'
                f'<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PagePortrait"/>'
                f'<style:master-page style:name="Landscape" style:page-layout-name="PageLandscape"/></office:master-styles>'
                f'<office:body><office:text>{"".join(self.out)}</office:text></office:body></office:document>\n')


def reports():
    """Every report of the sample packs, and the report of constructs they
    do not hold (tests/import/constructs/), as (name, path)."""
    out = []
    for path in sorted(glob.glob(os.path.join(root, "samples/*/*.xml"))) + [os.path.join(here, "constructs/report.xml")]:
        if ET.parse(path).getroot().tag == "report":
            out.append((os.path.basename(os.path.dirname(path)) + "-" + os.path.splitext(os.path.basename(path))[0], path))
    return out


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "roundtrip")
    os.makedirs(out_dir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="bp-roundtrip-")
    try:
        sources = []
        for name, path in reports():
            fodt = os.path.join(work, name + ".fodt")
            with open(fodt, "w", encoding="utf-8") as f:
                f.write(Writer(path).write())
            sources.append(fodt)
        # One LibreOffice for every file; a profile of its own, so a running
        # LibreOffice or another user's settings play no part.
        subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless",
                        "--convert-to", "docx:MS Word 2007 XML", "--outdir", out_dir, *sources],
                       check=True, stdout=subprocess.DEVNULL)
        for fodt in sources:
            docx = os.path.join(out_dir, os.path.basename(fodt)[:-5] + ".docx")
            if not os.path.exists(docx):
                raise SystemExit(f"LibreOffice wrote no {docx}")
            print("wrote", os.path.relpath(docx, root), os.path.getsize(docx), "bytes")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
