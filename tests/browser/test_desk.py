"""boardpack serve, read in Debian's chromium: the clerk's desk page shows
each item's papers in the right state (received, missing, to follow, with
errors), an edit to a paper appears in the open page within a second
without reloading it, and axe-core finds no WCAG 2.2 A or AA violation on
the page, building or broken. The server gives out only the pack's own
files and outputs: `../`, an absolute path, a link out of the pack (a
paper's or an output's) and each percent-encoded climb out are not found;
nothing can be sent to it; a page of another site, through a name of its
own, gets nothing."""
import atexit
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))
from browser import missing  # noqa: E402
from packcheck import Expect  # noqa: E402

boardpack, root = os.path.abspath(sys.argv[1]), sys.argv[2]
os.chdir(root)
why = missing()
if why:
    raise SystemExit(why)
t = Expect()
tmp = tempfile.mkdtemp(prefix="bp-desk-")
folder = os.path.join(tmp, "pack")
shutil.copytree("samples/lscsb-2015-09-17", folder)
manifest = os.path.join(folder, "pack.xml")
prevent = os.path.join(folder, "report-prevent.xml")
good_prevent = open(prevent, encoding="utf-8").read()
late = os.path.join(folder, "report-late.xml")
# Beside the pack, where nothing may be served from.
secret = os.path.join(tmp, "secret.txt")
with open(secret, "w") as f:
    f.write("not the pack's\n")
# Links in the pack's folder that lead out of it: one the manifest names
# as a paper, one it does not.
os.symlink(secret, os.path.join(folder, "leak.xml"))
os.symlink(secret, os.path.join(folder, "report-linked.xml"))
text = open(manifest, encoding="utf-8").read()
text = text.replace("</agenda>",
                    '<item><title>Late report</title><papers src="report-late.xml"/></item>\n'
                    '    <item to-follow="true"><title>Budget 2016/17</title></item>\n'
                    '    <item><title>Linked paper</title><papers src="report-linked.xml"/></item>\n  </agenda>', 1)
with open(manifest, "w", encoding="utf-8") as f:
    f.write(text)
split = os.path.join(tmp, "items")
site = os.path.join(tmp, "site")
pdf = os.path.join(tmp, "pack.pdf")

p = subprocess.Popen([boardpack, "serve", manifest, "--port", "0", "-o", pdf, "--split", split, "--html", site],
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
servers = [p]
# However the test ends, no desk is left running.
atexit.register(lambda: [s.kill() for s in servers if s.poll() is None])
first = p.stdout.readline()
m = re.match(r"the desk is at (http://127\.0\.0\.1:(\d+)/)$", first.strip())
if not m:
    p.kill()
    raise SystemExit(f"serve did not say where it is: {first!r} {p.stderr.read()[-500:]}")
url, port = m.group(1), int(m.group(2))
for line in p.stdout:
    if line.startswith("watching"):
        break


def request(raw):
    """The status code of a request sent as written, byte for byte."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(raw)
        data = b""
        while b"\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    m = re.match(rb"HTTP/1\.[01] (\d+)", data)
    return int(m.group(1)) if m else None


def get(target, host=None):
    host = host or f"127.0.0.1:{port}"
    return request(f"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())


# ---- the page in a browser, as papers are saved ------------------------------
steps = [
    {"name": "opened", "save": None, "shows": "Late report"},
    {"name": "the late paper arrives", "save": {"path": late, "text": good_prevent.replace("<h1>", "<h1>Late ", 1)},
     "shows": "report-late.xml: received"},
    {"name": "the linked paper replaced by a good one", "save": None, "shows": "Agenda items"},
    {"name": "a paper broken", "save": {"path": prevent, "text": good_prevent.replace("<h1>", "<h1 class=>", 1)},
     "shows": "report-prevent.xml: received, 1 error"},
    {"name": "the paper mended", "save": {"path": prevent, "text": good_prevent.replace("<h1>", "<h1>Mended ", 1)},
     "shows": "The pack builds"},
]
# Between the second and third steps the link out is replaced by a paper,
# so that the pack can build.
steps[2]["save"] = {"path": os.path.join(folder, "report-linked.xml"), "text": good_prevent, "replace": True}
steps[2]["shows"] = "The pack builds"
steps_file = os.path.join(tmp, "steps.json")
out_file = os.path.join(tmp, "seen.json")
with open(steps_file, "w") as f:
    json.dump(steps, f)

# The climbs out, asked while the link out is there to be asked for.
PASS = 200
climbs = {
    "../ out of the pack's files": "/files/../secret.txt",
    "../ out of the server's root": "/../secret.txt",
    "../ out of the outputs": "/out/../secret.txt",
    "../ out of the per-item PDFs": "/out/items/../../secret.txt",
    "a file beside the outputs that is not one": "/out/secret.txt",
    "a paper, asked for among the outputs": "/out/pack/report-prevent.xml",
    "an absolute path": "/files//" + secret.lstrip("/"),
    "an absolute path alone": secret,
    "an absolute path, encoded": "/files/" + secret.replace("/", "%2F"),
    "a request in absolute form": f"http://127.0.0.1:{port}/files/../secret.txt",
    "a link out of the pack the manifest does not name": "/files/leak.xml",
    "a link out of the pack the manifest names as a paper": "/files/report-linked.xml",
    "%2e%2e/": "/files/%2e%2e/secret.txt",
    "%2E%2E%2F": "/files/%2E%2E%2Fsecret.txt",
    "..%2f": "/files/..%2fsecret.txt",
    "%2e%2e%5c (a backslash)": "/files/%2e%2e%5csecret.txt",
    "%252e%252e/ (encoded twice)": "/files/%252e%252e/secret.txt",
    "%00 (a NUL)": "/files/report-prevent.xml%00.pdf",
    "../ in the web edition, encoded": "/out/site/%2e%2e/%2e%2e/secret.txt",
}
os.makedirs(split, exist_ok=True)
os.symlink(secret, os.path.join(split, "99-leak.pdf"))
climbs["a link out of the per-item PDFs' folder"] = "/out/items/99-leak.pdf"
os.makedirs(site, exist_ok=True)
os.symlink(tmp, os.path.join(site, "up"))
climbs["a folder link out of the web edition"] = "/out/site/up/secret.txt"
for what, target in climbs.items():
    code = get(target)
    t(code == 404, f"{what} ({target}) is not found: {code}")
t(get("/files/report-prevent.xml") == PASS, "a paper the manifest names is served (so the 404s above mean something)")
t(get("/files/pack.xml") == PASS, "and the manifest")
t(get("/out/pack.pdf") == 404, "before a good build there is no PDF to serve")
t(get("/", host="evil.example:80") == 403, "a request through another name (DNS rebinding) gets nothing")
for method in ("POST", "PUT", "DELETE"):
    code = request(f"{method} /files/upload.xml HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 5\r\n"
                   f"Connection: close\r\n\r\nhello".encode())
    t(code == 405, f"{method} is refused: {code}")
t(not os.path.exists(os.path.join(folder, "upload.xml")), "and nothing was written")

r = subprocess.run(["node", os.path.join(HERE, "desk.mjs"), url, steps_file, out_file],
                   capture_output=True, text=True, timeout=300)
t(r.returncode == 0, f"the browser read the page ({r.returncode}): {r.stderr[-800:]}")
seen = {s["name"]: s for s in json.load(open(out_file))} if r.returncode == 0 else {}


def row(step, number):
    rows = {r[0]: r for r in seen.get(step, {}).get("rows", [])}
    return rows.get(str(number), []) + [""] * 7


opened = seen.get("opened", {})
t(opened.get("verdict", "").startswith("The pack does not build"), f"opened: the pack does not build: {opened.get('verdict')}")
t(row("opened", 6)[1:3] == ["Prevent Update.", "report-prevent.xml: received"], f"a paper received: {row('opened', 6)}")
t(row("opened", 12)[1:3] == ["Late report", "report-late.xml: missing"], f"a paper missing: {row('opened', 12)}")
t(row("opened", 13)[1:3] == ["Budget 2016/17", "to follow"], f"an item to follow: {row('opened', 13)}")
t(row("opened", 1)[1:3] == ["Introductions", "none"], f"an item without papers: {row('opened', 1)}")
t(row("opened", 14)[3] == "1" and re.search(r'the paper "report-linked\.xml" lies outside the pack', opened.get("problems", "")),
  f"a paper that is a link out of the pack: refused, with its error: {row('opened', 14)}")
t("report-late.xml" in opened.get("problems", ""), f"the missing paper's problem is listed: {opened.get('problems', '')[:300]}")
arrived = seen.get("the late paper arrives", {})
t(arrived.get("ms") is not None and arrived["ms"] < 1000, f"a paper arriving shows within 1 s: {arrived.get('ms')} ms")
t(row("the late paper arrives", 12)[2] == "report-late.xml: received", f"and its row says so: {row('the late paper arrives', 12)}")
builds = seen.get("the linked paper replaced by a good one", {})
t(builds.get("ms") is not None and builds["ms"] < 1000, f"the pack building shows within 1 s: {builds.get('ms')} ms")
t(row("the linked paper replaced by a good one", 6)[5] == "13 - 14", f"pages where the pack binds item 6: {row('the linked paper replaced by a good one', 6)}")
t(any(h.startswith("/out/pack.pdf?v=") for h in builds.get("outputs", [])), f"a link to the PDF: {builds.get('outputs')}")
t(any(h.startswith("/out/items/00-agenda.pdf?v=") for h in builds.get("outputs", [])), f"links to the per-item PDFs: {builds.get('outputs')}")
t(any(h.startswith("/out/site/index.html?v=") for h in builds.get("outputs", [])), f"a link to the web edition: {builds.get('outputs')}")
t(seen.get("a paper broken", {}).get("outputs") == builds.get("outputs"), "a broken build still links the last good outputs")
broken = seen.get("a paper broken", {})
t(broken.get("ms") is not None and broken["ms"] < 1000, f"an edit to a paper shows within 1 s: {broken.get('ms')} ms")
t("stay in place" in (broken.get("verdict") or ""), f"the last good outputs stay: {broken.get('verdict')}")
problems = broken.get("problems") or ""
t(re.search(r"report-prevent\.xml:\d+:\d+: error: .*\| +<h1 class=>", problems) is not None,
  f"the error with its source line: {problems[:400]}")
mended = seen.get("the paper mended", {})
t(mended.get("ms") is not None and mended["ms"] < 1000, f"the mended paper shows within 1 s: {mended.get('ms')} ms")
t("No problems." in (mended.get("problems") or ""), f"no problems once mended: {mended.get('problems', '')[:200]}")
for name, s in seen.items():
    t(not s["reloaded"], f"{name}: the page was brought up to date without reloading")
    t(s["axe"] == [], f"{name}: axe-core finds no WCAG 2.2 A/AA violation: {s['axe']}")
    t(not s["failed"], f"{name}: every request of the page worked: {s['failed']}")
t(len(seen) == len(steps), f"every step was read: {list(seen)}")

# The outputs are served where the web edition's links expect them.
t(get("/out/pack.pdf") == PASS, "the pack PDF is served once built")
t(get("/out/site/index.html") == PASS and get("/out/items/00-agenda.pdf") == PASS, "and the web edition and the item PDFs")
index = open(os.path.join(site, "index.html"), encoding="utf-8").read()
t('href="../pack.pdf' in index, "the web edition links to the pack PDF as ../pack.pdf, which /out/site/ resolves")
p.send_signal(signal.SIGINT)
try:
    code = p.wait(timeout=20)
except subprocess.TimeoutExpired:
    p.kill()
    code = "hung"
t(code == 0, f"SIGINT stops the desk: {code}")

# A port another program holds: serve says so and stops.
holder = socket.socket()
holder.bind(("127.0.0.1", 0))
holder.listen(1)
r = subprocess.run([boardpack, "serve", manifest, "--port", str(holder.getsockname()[1])], capture_output=True,
                   text=True, timeout=60)
holder.close()
t(r.returncode == 3 and "cannot be listened on" in r.stderr and "--port" in r.stderr,
  f"a port in use: exit 3 and why ({r.returncode}: {r.stderr[-300:]})")

# The page answers from the start: while the first build of a long pack
# is under way, it says so. Without -o the PDF goes to a folder of the
# desk's own, which goes when the desk stops, by one signal or two.
with open(prevent, "w", encoding="utf-8") as f:
    f.write(good_prevent.replace("<h1>", "".join(f"<p>Paragraph {n} of a long paper.</p>\n" for n in range(15000)) + "<h1>", 1))
own_tmp = os.path.join(tmp, "own-tmp")
os.mkdir(own_tmp)
for signals in (2, 1):
    p = subprocess.Popen([boardpack, "serve", manifest, "--port", "0"], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True, env={**os.environ, "TMPDIR": own_tmp})
    servers.append(p)
    m = re.match(r"the desk is at http://127\.0\.0\.1:(\d+)/$", p.stdout.readline().strip())
    port = int(m.group(1)) if m else 0
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
        page = b""
        while chunk := s.recv(65536):
            page += chunk
    if signals == 2:
        t(b"200 OK" in page.split(b"\r\n")[0] and b"The first build of the pack is under way." in page,
          f"during the first build the page says it is under way: {page[:300]!r}")
    t(len(os.listdir(own_tmp)) == 1, f"without -o, a folder of the desk's own: {os.listdir(own_tmp)}")
    for _ in range(signals):
        p.send_signal(signal.SIGINT)
        time.sleep(0.05)
    try:
        code = p.wait(timeout=60)
    except subprocess.TimeoutExpired:
        p.kill()
        code = "hung"
    t(code == (-signal.SIGINT if signals == 2 else 0), f"{signals} SIGINT stop serve ({code})")
    t(os.listdir(own_tmp) == [], f"{signals} SIGINT: the desk's own folder is gone: {os.listdir(own_tmp)}")
shutil.rmtree(tmp)
t.finish("desk page")
