"""Writes tests/import/python-docx/report.docx with python-docx (Debian's
python3-docx), whose blank document is Word's own: Word's style sheet (Title,
Heading 1-2, List Number, List Bullet and their second levels, whose
numbering the styles carry, Table Grid), its numbering part, theme and
settings. tests/e2e/test_import.py imports it and checks the paper it makes,
so a report as Word's own template holds it is tested without Word. The
.docx is committed; run this again (it needs python3-docx) only to change
it.

usage: /usr/bin/python3 tests/import/make_python_docx.py"""
import os

import docx
from docx.shared import Mm

here = os.path.dirname(os.path.abspath(__file__))
chart_png = os.path.join(here, "constructs", "chart.png")

d = docx.Document()
d.core_properties.author = "boardpack tests"
d.add_paragraph("LEICESTERSHIRE SAFER COMMUNITIES STRATEGY BOARD")
d.add_paragraph("17 September 2015")
d.add_paragraph("PREVENT UPDATE", style="Title")
d.add_heading("Introduction", level=1)
d.add_paragraph("The purpose of this report is to update the Board on the Prevent duty.", style="List Number")
d.add_paragraph("The Prevent strategy is part of CONTEST, the counter-terrorism strategy.", style="List Number")
d.add_heading("Funding", level=2)
p = d.add_paragraph("The Home Office has allocated ")
p.add_run("£10,000").bold = True
p.add_run(" to each authority; the costs ")
p.add_run("include").italic = True
p.add_run(":")
d.add_paragraph("training for employees;", style="List Bullet")
d.add_paragraph("training for partners.", style="List Bullet")
d.add_picture(chart_png, width=Mm(60))
d.paragraphs[-1].runs[0]._r.xpath("./w:drawing/wp:inline/wp:docPr")[0].set("descr", "Referrals by month")
t = d.add_table(rows=3, cols=3)
t.style = "Table Grid"
for i, row in enumerate([("Area", "Action", "Lead"), ("Training", "Staff sessions", "J Fox"), ("", "Partner sessions", "G Samra-Rai")]):
    for j, text in enumerate(row):
        t.cell(i, j).text = text
t.rows[0].cells[0].paragraphs[0].runs[0].bold = True
t.rows[0].cells[1].paragraphs[0].runs[0].bold = True
t.rows[0].cells[2].paragraphs[0].runs[0].bold = True
t.cell(1, 0).merge(t.cell(2, 0))
d.add_heading("Recommendations", level=1)
d.add_paragraph("That the Board notes the report.", style="List Number")
d.add_heading("Officer to contact", level=1)
d.add_paragraph("Gurjit Samra-Rai")
d.add_paragraph("Tel: 0116 305 6056")
os.makedirs(os.path.join(here, "python-docx"), exist_ok=True)
d.save(os.path.join(here, "python-docx", "report.docx"))
print("wrote tests/import/python-docx/report.docx")
