"""Runs check_site.mjs (Debian's chromium, puppeteer-core, axe-core) over
written sites and returns what it found, page by page. Shared by the tests
that read HTML in a browser."""
import json
import os
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)


def missing():
    """Why the browser tests cannot run here, or None."""
    if not shutil.which("node"):
        return "node is not installed: ./bootstrap installs nodejs"
    if not os.path.isdir(os.path.join(TESTS, "node_modules", "puppeteer-core")):
        return "tests/node_modules is missing: ./bootstrap runs npm ci in tests/"
    if not any(os.path.exists(p) for p in ("/usr/lib/chromium/chromium", "/usr/bin/chromium")):
        return "chromium is not installed: ./bootstrap installs it"
    return None


def check_sites(sites, screenshots=None):
    """{file: [problem, ...]} for every page of every site, and the
    runner's printed report. Each problem is a dict with kind and message."""
    why = missing()
    if why:
        raise SystemExit(why)
    out = tempfile.mktemp(suffix=".json", prefix="bp-browser-")
    cmd = ["node", os.path.join(HERE, "check_site.mjs"), "--json", out]
    if screenshots:
        cmd += ["--screenshots", screenshots]
    r = subprocess.run(cmd + list(sites), capture_output=True, text=True, timeout=600)
    if r.returncode not in (0, 1) or not os.path.exists(out):
        raise SystemExit(f"check_site.mjs failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    with open(out) as f:
        pages = json.load(f)
    os.unlink(out)
    return {p["file"]: p["problems"] for p in pages}, r.stdout


def write_pdf(path, pages):
    """A valid PDF of `pages` empty pages, for links to a PDF's pages."""
    objs = ["<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(f"{3 + i} 0 R" for i in range(pages)), pages)]
    objs += ["<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"] * pages
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += f"{i + 1} 0 obj\n{o}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    with open(path, "wb") as f:
        f.write(out)
