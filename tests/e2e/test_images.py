"""Images in a report: PNG and JPEG, width, alignment, alt text; read back
with pdfimages. The pictures are made by rendering a built sample page."""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from packcheck import Expect  # noqa: E402

boardpack, root = sys.argv[1], sys.argv[2]
expect = Expect()


tmp = tempfile.mkdtemp(prefix="bp-img-")
sample = os.path.join(tmp, "sample.pdf")
subprocess.run([boardpack, "build", os.path.join(root, "samples/lscsb-2015-09-17/pack.xml"), "-o", sample], check=True)
subprocess.run(["pdftoppm", "-png", "-r", "20", "-f", "1", "-l", "1", "-singlefile", sample, os.path.join(tmp, "chart")], check=True)
subprocess.run(["pdftoppm", "-jpeg", "-r", "20", "-f", "9", "-l", "9", "-singlefile", sample, os.path.join(tmp, "photo")], check=True)

open(os.path.join(tmp, "pack.xml"), "w").write(f"""<pack version="1" template="lscsb">
  <meeting><body>TEST BOARD</body><date>2016-09-08</date><venue>County Hall</venue></meeting>
  <agenda><item><title>Pictures</title><papers src="report.xml"/></item></agenda>
</pack>""")
open(os.path.join(tmp, "report.xml"), "w").write("""<report version="1">
  <header><board>TEST BOARD</board><date>2016-09-08</date><title>PICTURES</title></header>
  <p>A chart follows.</p>
  <img src="chart.png" width="80mm" align="center" alt="The agenda front sheet, reduced"/>
  <p>A photograph follows.</p>
  <img src="photo.jpg" alt="A report's first page"/>
</report>""")
out = os.path.join(tmp, "pack.pdf")
r = subprocess.run([boardpack, "build", os.path.join(tmp, "pack.xml"), "-o", out, "--templates", os.path.join(root, "templates")], capture_output=True, text=True)
expect(r.returncode == 0, f"build with images failed: {r.stderr}")
if r.returncode == 0:
    listing = subprocess.run(["pdfimages", "-list", out], capture_output=True, text=True, check=True).stdout
    rows = [l.split() for l in listing.splitlines()[2:] if l.strip()]
    encs = sorted(row[8] for row in rows if row[2] == "image")
    expect(encs == ["image", "jpeg"], f"expected one PNG-derived and one JPEG image, got {encs}")
    # The PNG was asked to be 80 mm wide: pdfimages reports its x-ppi on the page.
    png = [row for row in rows if row[2] == "image" and row[8] == "image"]
    if png:
        width_px, xppi = int(png[0][3]), float(png[0][12])
        width_mm = width_px / xppi * 25.4
        expect(abs(width_mm - 80) < 1.5, f"the PNG is {width_mm:.1f} mm wide, asked for 80 mm")
    text = subprocess.run(["pdftotext", "-layout", "-f", "3", "-l", "3", out, "-"], capture_output=True, text=True).stdout
    expect(text.find("A chart follows.") < text.find("A photograph follows."), "text around the images is out of order")

# A missing picture is a located error, not a crash.
open(os.path.join(tmp, "report.xml"), "w").write("""<report version="1">
  <header><board>TEST BOARD</board><date>2016-09-08</date><title>PICTURES</title></header>
  <img src="missing.png" alt="gone"/>
</report>""")
r = subprocess.run([boardpack, "build", os.path.join(tmp, "pack.xml"), "-o", out + "2"], capture_output=True, text=True)
expect(r.returncode == 1 and re.search(r"report\.xml:3:\d+: error: .*missing\.png", r.stderr) is not None,
       f"missing image: {r.returncode} {r.stderr[:300]}")

expect.finish("images")
