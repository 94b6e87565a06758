"""Word files written part by part, with nothing but the standard library:
for the hand-written OOXML the import tests need (multilevel numbering with
restarts, content controls, tracked changes, comments, hidden text) and for
the hostile packages. `docx(body, parts={...})` returns the file's bytes."""
import io
import zipfile

W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
     'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
     'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
     'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
     'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
     'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
     'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
     'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def styles(more=""):
    s = (f'<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>'
         '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>')
    for i in (1, 2, 3):
        s += (f'<w:style w:type="paragraph" w:styleId="Heading{i}"><w:name w:val="heading {i}"/><w:basedOn w:val="Normal"/>'
              f'<w:pPr><w:outlineLvl w:val="{i - 1}"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>')
    s += ('<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style>'
          '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>')
    return s + more + "</w:styles>"


def p(text, style="", ppr=""):
    pr = (f'<w:pStyle w:val="{style}"/>' if style else "") + ppr
    return ("<w:p>" + (f"<w:pPr>{pr}</w:pPr>" if pr else "") +
            (f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else "") + "</w:p>")


def numbered(text, num, level, style=""):
    return p(text, style, f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>')


def level(ilvl, fmt, text, start=1, more=""):
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{more}</w:lvl>')


def docx(body, parts=None, rels="", content_types="", main_type="wordprocessingml.document.main"):
    """The bytes of a .docx whose body is `body`. `parts` maps part names to
    their bytes or text; styles, numbering, notes and comments get their
    relationships from their names."""
    parts = dict(parts or {})
    parts.setdefault("word/styles.xml", styles())
    known = {"word/styles.xml": "styles", "word/numbering.xml": "numbering", "word/footnotes.xml": "footnotes",
             "word/endnotes.xml": "endnotes", "word/comments.xml": "comments"}
    rel_xml = "".join(f'<Relationship Id="rId{100 + i}" Type="{REL}{known[n]}" Target="{n[5:]}"/>'
                      for i, n in enumerate(sorted(parts)) if n in known)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
                   '<Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="emf" ContentType="image/x-emf"/>'
                   f'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.{main_type}+xml"/>'
                   f'{content_types}</Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{REL}officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/_rels/document.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'{rel_xml}{rels}</Relationships>')
        z.writestr("word/document.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>')
        for name in sorted(parts):
            z.writestr(name, parts[name])
    return out.getvalue()


def drawing(rel_id, alt, cx=1828800, cy=914400, uri="http://schemas.openxmlformats.org/drawingml/2006/picture"):
    """An inline picture (or chart, with the chart's uri) in a run."""
    if uri.endswith("/chart"):
        data = f'<c:chart r:id="{rel_id}"/>'
    else:
        data = f'<pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="p"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rel_id}"/></pic:blipFill></pic:pic>'
    return (f'<w:r><w:drawing><wp:inline><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="1" name="Picture" descr="{alt}"/>'
            f'<a:graphic><a:graphicData uri="{uri}">{data}</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')
