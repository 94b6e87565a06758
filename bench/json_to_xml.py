#!/usr/bin/env python3
"""Convert a synthetic board pack (gen_pack.py --format json) to boardpack XML.

Writes a pack folder that `boardpack build` reads:

  pack.xml      <pack version="1" template="bench">: the meeting, the
                procedural items, one item per report with <papers src>
  itemN.xml     one <report version="1"> per item
  bench.xml     the template: the layout every engine in the comparison
                shares (A4, 20/20/20/25 mm margins, 11pt Liberation Sans,
                line pitch 1.35, "Page N" footer, blank-page notice); the
                engine finds NAME.xml beside the pack before its template
                folder. Font paths are absolute (the repository's fonts/).

Only the elements and attributes of docs/formats.md are used; --check parses
every file written and checks it against that list.

Usage: json_to_xml.py pack.json -o OUTDIR [--check]
       (pack.json may be "-" for standard input)

Python 3 standard library only.
"""
import argparse
import datetime
import json
import os
import re
import sys
import xml.dom.minidom
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parent.parent
FONTS = REPO / "fonts"
TEMPLATE_NAME = "bench"

MONTHS = ["january", "february", "march", "april", "may", "june", "july",
          "august", "september", "october", "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday"]


def text(s):
    return escape(s)


def attr(s):
    return escape(s, {'"': "&quot;"})


# ------------------------------------------------------------------ meeting date
DATE_RE = re.compile(
    r"^\s*(?:(?P<wd>[A-Za-z]+),?\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>[A-Za-z]+),?\s+"
    r"(?P<y>\d{4})"
    r"(?:\s*(?:at|,)?\s*(?P<h>\d{1,2})(?:[.:](?P<min>\d{2}))?\s*(?P<ap>[ap]\.?m\.?)?)?\s*$",
    re.IGNORECASE)


def parse_meeting_date(s):
    """'Thursday, 17 September 2026 at 10.00 am' -> ('2026-09-17', '10:00').

    The time is None when the string has none. Raises ValueError on a date
    that cannot be read or whose weekday does not match."""
    m = DATE_RE.match(s)
    if not m:
        raise ValueError(f"cannot read the meeting date {s!r}")
    month = m["m"].lower()
    months = [i for i, name in enumerate(MONTHS) if name.startswith(month)] \
        if len(month) >= 3 else []
    if len(months) != 1:
        raise ValueError(f"unknown month {m['m']!r} in {s!r}")
    date = datetime.date(int(m["y"]), months[0] + 1, int(m["d"]))
    if m["wd"]:
        wd = m["wd"].lower()
        if len(wd) < 3 or not WEEKDAYS[date.weekday()].startswith(wd):
            raise ValueError(f"{s!r}: {date.isoformat()} is a {WEEKDAYS[date.weekday()].title()}")
    time = None
    if m["h"] is not None:
        hour, minute = int(m["h"]), int(m["min"] or 0)
        ap = (m["ap"] or "").lower().replace(".", "")
        if ap:
            if not 1 <= hour <= 12:
                raise ValueError(f"bad 12-hour time in {s!r}")
            hour = hour % 12 + (12 if ap == "pm" else 0)
        if hour > 23 or minute > 59:
            raise ValueError(f"bad time in {s!r}")
        time = f"{hour:02d}:{minute:02d}"
    return date.isoformat(), time


# ---------------------------------------------------------------------- writers
def pack_xml(p, date, time, reports):
    o = ['<?xml version="1.0" encoding="UTF-8"?>\n',
         f'<pack version="1" template="{TEMPLATE_NAME}">\n',
         "  <meeting>\n",
         f"    <body>{text(p['committee'])}</body>\n",
         f"    <date>{date}</date>\n"]
    if time:
        o.append(f"    <time>{time}</time>\n")
    o += [f"    <venue>{text(p['venue'])}</venue>\n",
          "  </meeting>\n",
          "  <agenda>\n"]
    number = 0
    for t in p["procedural_before"]:
        number += 1
        o.append(f"    <item>{text(t)}</item>\n")
    for it, src in zip(p["items"], reports):
        number += 1
        if it.get("agenda_no", number) != number:
            # the engine numbers items by position; the JSON must agree
            raise ValueError(f"{it['id']}: agenda number {it['agenda_no']} but it is item {number}")
        o += ["    <item>\n",
              f"      <title>{text(it['title'])}</title>\n",
              f'      <papers src="{attr(src)}"/>\n',
              "    </item>\n"]
    for t in p["procedural_after"]:
        o.append(f"    <item>{text(t)}</item>\n")
    o += ["  </agenda>\n", "</pack>\n"]
    return "".join(o)


def report_xml(p, it, date):
    o = ['<?xml version="1.0" encoding="UTF-8"?>\n',
         '<report version="1">\n',
         "  <header>\n",
         f"    <board>{text(p['committee'])}</board>\n",
         f"    <date>{date}</date>\n",
         f"    <title>{text(it['title'])}</title>\n",
         f"    <line>REPORT OF THE {text(it['report_of'])}</line>\n",
         "  </header>\n"]
    w = o.append
    expected = 1  # the engine numbers a report's paragraphs 1, 2, 3 ... continuously

    def para(n, body, indent="  "):
        nonlocal expected
        # number="N" only where the JSON's numbering departs from the engine's
        number = "" if n == expected else f' number="{int(n)}"'
        expected = int(n) + 1
        w(f"{indent}<p{number}>{text(body)}</p>\n")

    for s in it["sections"]:
        w(f"  <h1>{text(s['heading'])}</h1>\n")
        for pa in s["paras"]:
            para(pa["n"], pa["text"])
    w("  <recommendations>\n")
    para(it["recs_intro"]["n"], it["recs_intro"]["text"], "    ")
    w('    <ol type="a">\n')
    for r in it["recommendations"]:
        w(f"      <li>{text(r)}</li>\n")
    w("    </ol>\n  </recommendations>\n")
    c = it["contact"]
    w('  <contact title="Officer to Contact">\n'
      f"    <line>{text(c['name'])}</line>\n"
      f"    <line>{text(c['role'])}</line>\n"
      f"    <line>Telephone: {text(c['tel'])}</line>\n"
      f"    <line>Email: {text(c['email'])}</line>\n"
      "  </contact>\n")
    a = it["appendix"]
    orientation = "landscape" if a["landscape"] else "portrait"
    widths = " ".join(f"{int(cw)}*" for cw in p["col_widths"])
    w(f'  <appendix title="{attr(a["title"])}" orientation="{orientation}">\n'
      f'    <table widths="{widths}">\n'
      "      <thead><tr>" + "".join(f"<th>{text(c)}</th>" for c in p["columns"])
      + "</tr></thead>\n      <tbody>\n")
    ncols = len(p["columns"])
    for row in a["rows"]:
        if len(row) != ncols:
            raise ValueError(f"{it['id']}: appendix row of {len(row)} cells, {ncols} columns")
        w("        <tr>" + "".join(f"<td>{text(c)}</td>" for c in row) + "</tr>\n")
    w("      </tbody>\n")
    if a.get("note"):
        w(f"      <notes><p>{text(a['note'])}</p></notes>\n")
    w("    </table>\n  </appendix>\n</report>\n")
    return "".join(o)


def template_xml(p, fonts):
    """The layout shared by the engines compared (gen_pack.py's fo/html/typst
    emitters): body 11pt/1.35/6pt after, report title 16pt bold 8pt/10pt,
    headings 13pt bold 8pt/4pt, table 10pt at 1.2 with a #dddddd header,
    numbers hanging 12mm, recommendation labels 10mm, footer 10pt centred,
    the blank-page notice 12pt centred; the footer prints on blank pages too."""
    f = {k: attr(str(fonts / f"LiberationSans-{k}.ttf"))
         for k in ("Regular", "Bold", "Italic", "BoldItalic")}
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<template version="1" name="{TEMPLATE_NAME}">\n'
        "  <locale>en_GB</locale>\n"
        '  <dates paper="d MMMM y" meeting="EEEE, d MMMM y" next-meeting="d MMMM y" ordinal="false"/>\n'
        '  <page size="A4" margin-top="20mm" margin-bottom="25mm" margin-left="20mm" margin-right="20mm"/>\n'
        f'  <font family="sans" regular="{f["Regular"]}"\n'
        f'        bold="{f["Bold"]}"\n'
        f'        italic="{f["Italic"]}"\n'
        f'        bold-italic="{f["BoldItalic"]}"/>\n'
        # every attribute that matters is stated, not left to inheritance, so
        # the layout does not depend on the engine's built-in style defaults
        '  <style name="body" family="sans" size="11pt" leading="1.35" space-after="6pt"/>\n'
        '  <style name="h1" bold="true" italic="false" size="13pt" leading="1.35" space-before="8pt" space-after="4pt" align="left"/>\n'
        '  <style name="h2" bold="true" italic="false" size="13pt" leading="1.35" space-before="8pt" space-after="4pt" align="left"/>\n'
        '  <style name="board" bold="true" size="11pt" leading="1.35" space-before="0pt" space-after="0pt" align="left"/>\n'
        '  <style name="paper-line" bold="true" size="11pt" leading="1.35" space-before="6pt" space-after="0pt" align="left"/>\n'
        '  <style name="paper-title" bold="true" size="16pt" leading="1.35" space-before="8pt" space-after="10pt" align="left"/>\n'
        '  <style name="meeting" size="11pt" leading="1.35" space-before="0pt" space-after="0pt" align="left"/>\n'
        '  <style name="agenda-heading" bold="true" size="14pt" leading="1.35" space-before="12pt" space-after="8pt" align="left"/>\n'
        '  <style name="agenda-item" size="11pt" leading="1.35" space-before="0pt" space-after="4pt" align="left"/>\n'
        '  <style name="table" bold="false" size="10pt" leading="1.2" space-before="0pt" space-after="0pt" align="left"/>\n'
        '  <style name="table-header" parent="table" bold="true" size="10pt" leading="1.2" space-before="0pt" space-after="0pt" align="left"/>\n'
        '  <style name="table-note" parent="table" bold="false" size="10pt" leading="1.2" space-before="4pt" space-after="0pt" align="left"/>\n'
        '  <style name="footer" bold="false" size="10pt" leading="1.35" space-before="0pt" space-after="0pt" align="center"/>\n'
        '  <style name="blank" bold="false" size="12pt" leading="1.35" space-before="0pt" space-after="0pt" align="center"/>\n'
        '  <indent paragraph="12mm" list="10mm"/>\n'
        '  <colours rule="#000000" table-header="#dddddd" red="#ff0000" amber="#ffc000" green="#00b050"/>\n'
        '  <footer text="Page {page}"/>\n'
        f'  <blank text="{attr(p["blank_text"])}" footer="true"/>\n'
        "</template>\n")


def convert(pack, outdir, fonts=FONTS):
    """Write the pack folder for one gen_pack.py JSON pack; returns the
    paths written, pack.xml first."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    date, time = parse_meeting_date(pack["date"])
    if len(pack["col_widths"]) != len(pack["columns"]):
        raise ValueError("col_widths and columns differ in length")
    files = {}
    reports = []
    for it in pack["items"]:
        if not re.fullmatch(r"[A-Za-z0-9_-]+", it["id"]):
            raise ValueError(f"item id {it['id']!r} is not a plain file name")
        name = f"{it['id']}.xml"
        reports.append(name)
        files[name] = report_xml(pack, it, date)
    files["pack.xml"] = pack_xml(pack, date, time, reports)
    files[f"{TEMPLATE_NAME}.xml"] = template_xml(pack, Path(fonts).resolve())
    written = []
    for name in ["pack.xml", f"{TEMPLATE_NAME}.xml"] + reports:
        path = outdir / name
        data = files[name].encode("utf-8")
        try:
            if path.read_bytes() == data:  # unchanged: leave the file (and its mtime) alone
                written.append(path)
                continue
        except OSError:
            pass
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        written.append(path)
    return written


# ------------------------------------------------------------------------ check
# Elements and attributes of docs/formats.md (version 1). Each entry:
# element -> (attributes, child elements, may hold text).
INLINE = {"b", "i", "u", "sup", "sub", "a", "br"}
BLOCKS = {"h1", "h2", "h3", "p", "ol", "ul", "table", "img", "blockquote", "keep",
          "page-break", "contact"}
STYLE_NAMES = {"body", "h1", "h2", "h3", "board", "meeting", "agenda-heading", "agenda-item",
               "agenda-note", "paper-title", "paper-line", "table", "table-header",
               "table-note", "quote", "minute-title", "chair", "footer", "stamp", "blank",
               "cover-title", "cover-subtitle"}
STYLE_ATTRS = {"name", "parent", "family", "size", "leading", "bold", "italic", "underline",
               "colour", "space-before", "space-after", "align", "uppercase"}
SCHEMA = {
    # inline
    "b": (set(), INLINE, True), "i": (set(), INLINE, True), "u": (set(), INLINE, True),
    "sup": (set(), INLINE, True), "sub": (set(), INLINE, True),
    "a": ({"href"}, INLINE - {"a"}, True), "br": (set(), set(), False),
    # pack
    "pack": ({"version", "template"}, {"meeting", "agenda"}, False),
    "meeting": (set(), {"body", "date", "time", "venue"}, False),
    "body": (set(), set(), True), "date": (set(), set(), True),
    "time": (set(), set(), True), "venue": (set(), set(), True),
    "agenda": (set(), {"item"}, False),
    "item": ({"to-follow", "exempt"}, {"title", "note", "papers", "next-meeting"} | INLINE, True),
    "note": (set(), INLINE, True),
    "papers": ({"src"}, set(), False),
    "next-meeting": ({"date"}, set(), False),
    # papers
    "report": ({"version"}, {"header", "recommendations", "section", "appendix"} | BLOCKS, False),
    "header": (set(), {"board", "date", "title", "line", "venue"}, False),
    "board": (set(), INLINE, True), "title": (set(), INLINE, True),
    "line": (set(), INLINE, True),
    "h1": (set(), INLINE, True), "h2": (set(), INLINE, True), "h3": (set(), INLINE, True),
    "p": ({"number", "class"}, INLINE, True),
    "recommendations": ({"title"}, BLOCKS, False),
    "ol": ({"type", "start"}, {"li"}, False), "ul": (set(), {"li"}, False),
    "li": (set(), INLINE | BLOCKS, True),
    "contact": ({"title"}, {"line"}, False),
    "section": ({"orientation", "new-page"}, BLOCKS | {"cover"}, False),
    "appendix": ({"title", "orientation"}, BLOCKS | {"cover"}, False),
    "table": ({"widths"}, {"thead", "tbody", "notes"}, False),
    "thead": (set(), {"tr"}, False), "tbody": (set(), {"tr"}, False),
    "tr": ({"style"}, {"th", "td"}, False),
    "th": ({"colspan", "rowspan", "status", "fill", "align"}, INLINE | {"p", "ul", "ol"}, True),
    "td": ({"colspan", "rowspan", "status", "fill", "align"}, INLINE | {"p", "ul", "ol"}, True),
    "notes": (set(), {"p"}, False),
    # template
    "template": ({"version", "name"}, {"locale", "dates", "page", "font", "style", "indent",
                                       "colours", "footer", "stamp", "blank"}, False),
    "locale": (set(), set(), True),
    "dates": ({"paper", "meeting", "next-meeting", "ordinal"}, set(), False),
    "page": ({"size", "margin-top", "margin-bottom", "margin-left", "margin-right"}, set(), False),
    "font": ({"family", "regular", "bold", "italic", "bold-italic"}, set(), False),
    "style": (STYLE_ATTRS, set(), False),
    "indent": ({"paragraph", "list"}, set(), False),
    "colours": ({"rule", "table-header", "red", "amber", "green"}, set(), False),
    "footer": ({"text"}, set(), False),
    "stamp": ({"text"}, set(), False),
    "blank": ({"text", "footer"}, set(), False),
}
ROOTS = {"pack", "report", "template"}
LENGTH = re.compile(r"^\d+(\.\d+)?(pt|mm|cm|in)$")
BOOL = {"true", "false"}
VALUES = {  # (element, attribute) -> allowed values
    ("appendix", "orientation"): {"portrait", "landscape"},
    ("section", "orientation"): {"portrait", "landscape"},
    ("section", "new-page"): BOOL, ("item", "to-follow"): BOOL,
    ("ol", "type"): {"a", "A", "i", "1"}, ("tr", "style"): {"bold", "italic"},
    ("td", "status"): {"R", "A", "G"}, ("th", "status"): {"R", "A", "G"},
    ("td", "align"): {"left", "center", "right"}, ("th", "align"): {"left", "center", "right"},
    ("style", "bold"): BOOL, ("style", "italic"): BOOL, ("style", "underline"): BOOL,
    ("style", "uppercase"): BOOL, ("style", "align"): {"left", "center", "right", "justify"},
    ("dates", "ordinal"): BOOL, ("blank", "footer"): BOOL,
}


def check_file(path, pack_root):
    """Problems with one written file: well-formedness (xml.dom.minidom) and
    the elements, attributes and values of docs/formats.md."""
    problems = []
    try:
        doc = xml.dom.minidom.parse(str(path))
    except Exception as e:  # xml.parsers.expat.ExpatError and friends
        return [f"{path}: not well-formed: {e}"]
    root = doc.documentElement
    if root.tagName not in ROOTS:
        problems.append(f"{path}: unexpected root <{root.tagName}>")
    if root.getAttribute("version") != "1":
        problems.append(f"{path}: <{root.tagName}> without version=\"1\"")

    def bad(node, msg):
        problems.append(f"{path}: <{node.tagName}>: {msg}")

    def walk(node):
        spec = SCHEMA.get(node.tagName)
        if spec is None:
            bad(node, "element not in docs/formats.md")
            return
        attrs, children, has_text = spec
        for name, value in node.attributes.items():
            if name not in attrs:
                bad(node, f"attribute {name} not in docs/formats.md")
            elif value not in VALUES.get((node.tagName, name), {value}):
                bad(node, f'{name}="{value}"')
        check_values(node, bad, path, pack_root)
        for child in node.childNodes:
            if child.nodeType == child.ELEMENT_NODE:
                if child.tagName not in children:
                    bad(node, f"<{child.tagName}> not allowed here")
                walk(child)
            elif child.nodeType == child.TEXT_NODE and child.data.strip() and not has_text:
                bad(node, f"stray text {child.data.strip()[:30]!r}")

    walk(root)
    return problems


def check_values(node, bad, path, pack_root):
    tag, get = node.tagName, node.getAttribute
    parent = node.parentNode.tagName if node.parentNode.nodeType == node.ELEMENT_NODE else ""
    content = "".join(c.data for c in node.childNodes if c.nodeType == c.TEXT_NODE).strip()
    if tag == "date" and parent in ("meeting", "header") and \
            not re.fullmatch(r"\d{4}-\d{2}-\d{2}", content):
        bad(node, f"date {content!r} is not ISO 8601")
    if tag == "time" and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", content):
        bad(node, f"time {content!r} is not HH:MM")
    if tag == "p" and node.hasAttribute("number") and \
            not re.fullmatch(r"none|sub|\d+", get("number")):
        bad(node, f'number="{get("number")}"')
    if tag == "table" and node.hasAttribute("widths"):
        for wd in get("widths").split():
            if not (re.fullmatch(r"\d+\*", wd) or wd == "auto" or LENGTH.match(wd)):
                bad(node, f"width {wd!r}")
    if tag == "papers":
        src = (Path(path).parent / get("src")).resolve()
        if not src.is_file():
            bad(node, f"papers src {get('src')!r} does not exist")
        elif not src.is_relative_to(Path(pack_root).resolve()):
            bad(node, f"papers src {get('src')!r} leaves the pack folder")
    if tag == "font":
        for k in ("regular", "bold", "italic", "bold-italic"):
            if node.hasAttribute(k) and not (Path(path).parent / get(k)).is_file():
                bad(node, f"{k} font {get(k)!r} not found")
    if tag == "style":
        if get("name") not in STYLE_NAMES:
            bad(node, f"unknown style name {get('name')!r}")
        for k in ("size", "space-before", "space-after"):
            if node.hasAttribute(k) and not LENGTH.match(get(k)):
                bad(node, f'{k}="{get(k)}" needs a unit')
    if tag == "page":
        for k, v in node.attributes.items():
            if k.startswith("margin-") and not LENGTH.match(v):
                bad(node, f'{k}="{v}" needs a unit')
    if tag == "indent":
        for k, v in node.attributes.items():
            if not LENGTH.match(v):
                bad(node, f'{k}="{v}" needs a unit')


def check_folder(outdir):
    outdir = Path(outdir)
    problems = []
    for path in sorted(outdir.glob("*.xml")):
        problems += check_file(path, outdir)
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", help="gen_pack.py JSON (- for standard input)")
    ap.add_argument("-o", "--outdir", required=True, help="pack folder to write")
    ap.add_argument("--fonts", default=str(FONTS),
                    help="folder holding LiberationSans-*.ttf (default: the repository's fonts/)")
    ap.add_argument("--check", action="store_true",
                    help="parse every file written and check it against docs/formats.md")
    a = ap.parse_args()
    if a.input == "-":
        pack = json.load(sys.stdin)
    else:
        with open(a.input, encoding="utf-8") as f:
            pack = json.load(f)
    try:
        written = convert(pack, a.outdir, a.fonts)
    except (ValueError, KeyError) as e:
        sys.exit(f"json_to_xml: {e}")
    print(f"{written[0]} ({len(written) - 2} reports)")
    if a.check:
        problems = check_folder(a.outdir)
        for p in problems:
            print(p, file=sys.stderr)
        if problems:
            sys.exit(1)
        print(f"checked {len(written)} files: well-formed, docs/formats.md elements only")


if __name__ == "__main__":
    main()
