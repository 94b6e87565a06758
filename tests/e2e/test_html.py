"""The HTML edition of every sample pack and of the every-construct pack,
read as its readers would: in headless chromium (axe-core's WCAG 2.2 A and
AA rules, every link, the Tab order, no sideways scrolling at 320 and 1280
px), word for word against the PDF's structure tree, with no phrase of an
exempt paper on the public site, and its open data checked against the
OParl 1.1 schemas and the agenda."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "browser"))
sys.path.insert(0, os.path.join(HERE, "..", "oparl"))
from browser import check_sites  # noqa: E402
from oparl_schema import validate  # noqa: E402
from packcheck import Expect  # noqa: E402
from sitetext import joined, pdf_papers, text_of  # noqa: E402

boardpack, root = sys.argv[1], sys.argv[2]
t = Expect()
tmp = tempfile.mkdtemp(prefix="bp-html-")
SITE_URL = "https://council.example/meetings/{name}/site/"


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def every_construct_pack():
    """A copy of tests/e2e/every-construct with its two pictures (pages of a
    built sample, one PNG, one JPEG)."""
    folder = os.path.join(tmp, "every-construct-src")
    shutil.copytree(os.path.join(HERE, "every-construct"), folder)
    sample = os.path.join(tmp, "sample.pdf")
    run(boardpack, "build", os.path.join(root, "samples/lscsb-2015-09-17/pack.xml"), "-o", sample)
    subprocess.run(["pdftoppm", "-png", "-r", "20", "-f", "1", "-l", "1", "-singlefile", sample,
                    os.path.join(folder, "chart")], check=True)
    subprocess.run(["pdftoppm", "-jpeg", "-r", "20", "-f", "3", "-l", "3", "-singlefile", sample,
                    os.path.join(folder, "photo")], check=True)
    return os.path.join(folder, "pack.xml")


class Build:
    """One build of a pack with its PDF, per-item PDFs and HTML edition."""

    def __init__(self, manifest, name, *extra):
        self.name = name
        self.dir = os.path.join(tmp, name)
        os.makedirs(self.dir)
        self.pdf = os.path.join(self.dir, "pack.pdf")
        self.site = os.path.join(self.dir, "site")
        self.url = SITE_URL.format(name=name)
        report = os.path.join(self.dir, "report.json")
        r = run(boardpack, "build", manifest, "-o", self.pdf, "--split", os.path.join(self.dir, "items"),
                "--html", self.site, "--site-url", self.url, "--report", report,
                "--templates", os.path.join(root, "templates"), *extra)
        self.ok = r.returncode == 0
        t(self.ok, f"{name}: build failed ({r.returncode}): {r.stderr}")
        if not self.ok:
            return
        with open(report) as f:
            self.report = json.load(f)
        with open(os.path.join(self.site, "meeting.json")) as f:
            self.meeting = json.load(f)


def local(build, url):
    """The file a URL of the build's site names."""
    t(url.startswith(build.url) or url.startswith(build.url.rsplit("/site/", 1)[0]), f"{build.name}: {url} is not under the site")
    base = build.url.rsplit("/site/", 1)[0] + "/"
    return os.path.join(build.dir, url[len(base):].split("#")[0])


def check_words(build):
    """Each paper's page says what the PDF's structure says, word for word."""
    pdf = pdf_papers(build.pdf)
    for paper in build.meeting["paper"]:
        m = re.search(r"#paper-(\d+)-(\d+)$", paper["id"])
        item, k = int(m.group(1)), int(m.group(2))
        page = local(build, paper["web"])
        html = joined(text_of(page).split())
        sects = pdf.get(item, [])
        t(k <= len(sects), f"{build.name}: item {item} has no paper {k} in the PDF's structure")
        if k > len(sects):
            continue
        want = joined(sects[k - 1])
        if html != want:
            at = next((i for i, (a, b) in enumerate(zip(html, want)) if a != b), min(len(html), len(want)))
            t(False, f"{build.name}: {os.path.basename(page)} differs from the PDF at word {at}: "
                     f"HTML {' '.join(html[max(0, at - 5):at + 5])!r}, PDF {' '.join(want[max(0, at - 5):at + 5])!r}")
        else:
            t(True, "")
        # The page's plain text in the open data is the same words.
        t(joined(paper["mainFile"]["text"].split()) == html, f"{build.name}: {os.path.basename(page)}: "
                                                              "the open data's text is not the page's")


def check_open_data(build, manifest_items):
    """meeting.json conforms to OParl 1.1 and lists the agenda as built."""
    m = build.meeting
    errors = validate(m["meeting"], "Meeting", "meeting")
    for i, p in enumerate(m["paper"]):
        errors += validate(p, "Paper", f"paper[{i}]")
    t(errors == [], f"{build.name}: meeting.json does not conform: {errors[:5]}")
    items = m["meeting"]["agendaItem"]
    report_items = build.report["items"]
    t(len(items) == len(report_items), f"{build.name}: {len(items)} agenda items in meeting.json, {len(report_items)} built")
    for a, r in zip(items, report_items):
        t(a["number"] == str(r["number"]) and a["name"] == r["title"],
          f"{build.name}: agenda item {a['number']} {a['name']!r} is {r['number']} {r['title']!r} in the build")
        t(a["public"] == (not r["exempt"]), f"{build.name}: item {a['number']} public={a['public']}, exempt={r['exempt']}")
    t([a["order"] for a in items] == list(range(1, len(items) + 1)), f"{build.name}: agenda items out of order")
    # Every file it names exists, at its size.
    files = [m["meeting"]["invitation"]] + m["meeting"].get("auxiliaryFile", [])
    for a in items:
        files += a.get("auxiliaryFile", [])
    for p in m["paper"]:
        files += [p["mainFile"]] + p.get("auxiliaryFile", [])
    for f in files:
        path = local(build, f["accessUrl"])
        t(os.path.isfile(path), f"{build.name}: meeting.json names {f['accessUrl']}, which was not written")
        if os.path.isfile(path) and "size" in f:
            t(os.path.getsize(path) == f["size"], f"{build.name}: {f['accessUrl']} is {os.path.getsize(path)} bytes, "
                                                  f"meeting.json says {f['size']}")
    # Each paper is consulted at an item of this meeting.
    ids = {a["id"] for a in items}
    for p in m["paper"]:
        for c in p["consultation"]:
            t(c["agendaItem"] in ids and c["paper"] == p["id"], f"{build.name}: {p['id']} is consulted nowhere")


def check_folder(build):
    """The site's folder holds exactly the files the build says it wrote."""
    written = {os.path.basename(o["output"]) for o in build.report["outputs"] if o["edition"] == "html"}
    present = {f for f in os.listdir(build.site) if not f.startswith(".")}
    t(written == present, f"{build.name}: the folder holds {sorted(present - written)} not written, "
                          f"misses {sorted(written - present)}")
    for need in ("index.html", "style.css", "print.css", "meeting.json"):
        t(need in written, f"{build.name}: no {need}")


samples = sorted(d for d in os.listdir(os.path.join(root, "samples"))
                 if os.path.exists(os.path.join(root, "samples", d, "pack.xml")))
builds = [Build(os.path.join(root, "samples", s, "pack.xml"), s) for s in samples]
every = every_construct_pack()
public = Build(every, "every-construct")
full = Build(every, "every-construct-full", "--audience", "full")
# A long exempt paper: the 2015-09-17 pack with its Prevent report (item 6) made exempt.
src = os.path.join(tmp, "exempt-src")
shutil.copytree(os.path.join(root, "samples", "lscsb-2015-09-17"), src)
with open(os.path.join(src, "pack.xml"), encoding="utf-8") as f:
    xml = f.read()
xml, n = re.subn(r"<item>(\s*<title>Prevent Update)",
                 r'<item exempt="Paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972">\1', xml)
t(n == 1, "the Prevent item was not found to make exempt")
with open(os.path.join(src, "pack.xml"), "w", encoding="utf-8") as f:
    f.write(xml)
exempt_public = Build(os.path.join(src, "pack.xml"), "exempt-public")
exempt_full = Build(os.path.join(src, "pack.xml"), "exempt-full", "--audience", "full")
# --html alone: a site without PDFs to link to.
alone = os.path.join(tmp, "alone")
r = run(boardpack, "build", os.path.join(root, "samples", samples[0], "pack.xml"), "--html", alone)
t(r.returncode == 0 and os.path.exists(os.path.join(alone, "index.html")), f"--html alone: {r.returncode} {r.stderr}")
if r.returncode == 0:
    with open(os.path.join(alone, "index.html"), encoding="utf-8") as f:
        t(".pdf" not in f.read(), "--html alone links to a PDF that was not written")

# One browser reads every page of every site (the exempt variant's pages
# are the sample's, read already).
browsed = [b for b in builds + [public, full] if b.ok]
found, printed = check_sites([b.site for b in browsed] + ([alone] if r.returncode == 0 else []),
                             screenshots=os.environ.get("BOARDPACK_SCREENSHOTS"))
builds += [public, full, exempt_public, exempt_full]
builds = [b for b in builds if b.ok]
for page, problems in found.items():
    t(problems == [], f"{os.path.relpath(page, tmp)}: " + "; ".join(f"{p['kind']}: {p['message']}" for p in problems))
pages = {b.name: sum(1 for p in found if p.startswith(b.site + os.sep)) for b in browsed}
for b in browsed:
    t(pages[b.name] >= 2, f"{b.name}: {pages[b.name]} pages read in the browser")

for b in builds:
    check_words(b)
    check_open_data(b, None)
    check_folder(b)


def strings(value):
    """Every string in a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def check_exempt(public, full, item, least):
    """The exempt item's papers: on the members' site, marked NOT FOR
    PUBLICATION; on the public site, not a phrase of them anywhere (pages,
    open data), though the item is listed."""
    exempt = [p for p in full.meeting["paper"] if p["id"].split("#paper-")[1].split("-")[0] == str(item)]
    t(len(exempt) >= 1, f"{full.name}: no paper of the exempt item {item}")
    others = " ".join(" ".join(text_of(local(full, p["web"])).split()) for p in full.meeting["paper"] if p not in exempt)
    # What a reader of the public site can get: every page's text, every
    # string of the open data, the stylesheets as they are.
    public_text = ""
    for name in os.listdir(public.site):
        path = os.path.join(public.site, name)
        if name.endswith(".html"):
            public_text += " ".join(text_of(path, "html", None).split()) + "\n"
        elif name.endswith(".json"):
            public_text += " ".join(" ".join(strings(json.load(open(path, encoding="utf-8")))).split()) + "\n"
        elif name.endswith(".css"):
            public_text += " ".join(open(path, encoding="utf-8").read().split()) + "\n"
    for paper in exempt:
        page = local(full, paper["web"])
        t("NOT FOR PUBLICATION" in text_of(page, "main", None), f"{full.name}: {page} is not marked NOT FOR PUBLICATION")
        words = text_of(page).split()
        # Its own phrases: four words in a row that no other paper has.
        own = {" ".join(words[i:i + 4]) for i in range(len(words) - 3)}
        own = {p for p in own if p not in others}
        t(len(own) >= least, f"{full.name}: the exempt paper has only {len(own)} phrases of its own")
        leaked = sorted(p for p in own if p in public_text)
        t(leaked == [], f"{public.name}: the public site holds {len(leaked)} phrases of the exempt paper, e.g. {leaked[:3]}")
        t(os.path.basename(page) not in os.listdir(public.site), f"{public.name}: the exempt paper's page was written")
    t(not any(p["id"].split("#paper-")[1].startswith(f"{item}-") for p in public.meeting["paper"]),
      f"{public.name}: the public meeting.json lists the exempt paper")
    listed = [a for a in public.meeting["meeting"]["agendaItem"] if a["number"] == str(item)]
    t(len(listed) == 1 and listed[0]["public"] is False, f"{public.name}: item {item} is not listed as not public")


check_exempt(public, full, 6, 5)
if exempt_public.ok and exempt_full.ok:
    check_exempt(exempt_public, exempt_full, 6, 200)

# The same input gives the same site, byte for byte.
again = Build(os.path.join(root, "samples", samples[0], "pack.xml"), samples[0] + "-again")
if again.ok:
    first = builds[0]
    for name in sorted(n for n in os.listdir(first.site) if not n.startswith(".")):
        a = open(os.path.join(first.site, name), "rb").read()
        b = open(os.path.join(again.site, name), "rb").read()
        if name == "meeting.json":  # its ids name each build's own address
            a = a.replace(first.url.rsplit("/site/", 1)[0].encode(), b"URL")
            b = b.replace(again.url.rsplit("/site/", 1)[0].encode(), b"URL")
        t(a == b, f"{name} differs between two builds of the same pack")

# The folder holds exactly this build's site: when the agenda is renumbered,
# the last build's pages go; a file boardpack did not write stays.
renum = os.path.join(tmp, "renumber")
shutil.copytree(os.path.join(root, "samples", "lscsb-2015-09-17"), renum)
site = os.path.join(renum, "site")
manifest = os.path.join(renum, "pack.xml")
r1 = run(boardpack, "build", manifest, "--html", site)
with open(os.path.join(site, "notes.txt"), "w") as f:
    f.write("the clerk's own notes\n")
before = set(os.listdir(site))
with open(manifest, encoding="utf-8") as f:
    xml = f.read()
with open(manifest, "w", encoding="utf-8") as f:
    f.write(xml.replace("<item>Matters arising</item>", "", 1))
report = os.path.join(renum, "report.json")
r2 = run(boardpack, "build", manifest, "--html", site, "--report", report)
t(r1.returncode == 0 and r2.returncode == 0, f"renumbered builds: {r1.stderr} {r2.stderr}")
after = set(os.listdir(site))
t("06-prevent-update.html" in before and "06-prevent-update.html" not in after and "05-prevent-update.html" in after,
  f"renumbered: the last build's page stayed or the new one is missing: {sorted(after)}")
t("notes.txt" in after, "renumbered: a file boardpack did not write was removed")
with open(report) as f:
    removed = {os.path.basename(p) for p in json.load(f)["removed"]}
t("06-prevent-update.html" in removed and "notes.txt" not in removed, f"renumbered: the report's removed files: {removed}")

# Outputs refused before anything is written, each with its exit code.
sample = os.path.join(root, "samples", "lscsb-2015-09-17", "pack.xml")
a_file = os.path.join(tmp, "a-file")
with open(a_file, "w") as f:
    f.write("x")
r = run(boardpack, "build", sample, "--html", a_file)
t(r.returncode == 3 and "the folder for the HTML edition is a file, not a folder" in r.stderr,
  f"--html naming a file: {r.returncode} {r.stderr}")
same = os.path.join(tmp, "same")
r = run(boardpack, "build", sample, "--html", same, "--split", same + "/")
t(r.returncode == 2 and "would share one folder" in r.stderr and not os.path.exists(os.path.join(same, "index.html")),
  f"--html and --split in one folder: {r.returncode} {r.stderr}")
r = run(boardpack, "build", sample, "-o", os.path.join(tmp, "x.pdf"), "--site-url", "https://example.org/")
t(r.returncode == 2 and "give --html too" in r.stderr, f"--site-url without --html: {r.returncode} {r.stderr}")
r = run(boardpack, "build", sample, "--html", os.path.join(tmp, "y"), "--site-url", "example.org/m")
t(r.returncode == 2 and "http:// or https://" in r.stderr, f"--site-url without a scheme: {r.returncode} {r.stderr}")
# A page of the site would replace a paper the build reads: refused, nothing written.
clash = os.path.join(tmp, "clash")
shutil.copytree(os.path.join(root, "samples", "lscsb-2015-09-17"), clash)
os.rename(os.path.join(clash, "report-prevent.xml"), os.path.join(clash, "06-prevent-update.html"))
with open(os.path.join(clash, "pack.xml"), encoding="utf-8") as f:
    xml = f.read().replace("report-prevent.xml", "06-prevent-update.html")
with open(os.path.join(clash, "pack.xml"), "w", encoding="utf-8") as f:
    f.write(xml)
r = run(boardpack, "build", os.path.join(clash, "pack.xml"), "-o", os.path.join(clash, "pack.pdf"), "--html", clash)
t(r.returncode == 2 and "would be written over the paper" in r.stderr and not os.path.exists(os.path.join(clash, "pack.pdf"))
  and not os.path.exists(os.path.join(clash, "index.html")), f"a page over a paper: {r.returncode} {r.stderr}")

if not t.failures:
    shutil.rmtree(tmp)
t.finish("html edition")
