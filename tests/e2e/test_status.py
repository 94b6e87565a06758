"""boardpack status: every agenda item of a pack with its papers, their
problems and its pages, as a table and as JSON, without writing anything;
exit 0 when the pack would build, 1 when not."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from packcheck import Expect  # noqa: E402

boardpack, root = sys.argv[1], sys.argv[2]
os.chdir(root)
t = Expect()
tmp = tempfile.mkdtemp(prefix="bp-status-")
folder = os.path.join(tmp, "pack")
shutil.copytree("samples/lscsb-2015-09-17", folder)
pack = os.path.join(folder, "pack.xml")


def status(*extra):
    return subprocess.run([boardpack, "status", pack, *extra], capture_output=True, text=True)


def rows(out):
    return {line.split()[0]: line for line in out.splitlines()[1:] if line[:1].isdigit()}


# A pack that builds: every item listed, pages where the pack binds them (the
# same as a build's report says).
r = status()
t(r.returncode == 0, f"status of a good pack exits 0 ({r.returncode}: {r.stderr[-300:]})")
table = rows(r.stdout)
t(len(table) == 11, f"every agenda item is a row ({len(table)})")
t("Prevent Update." in table.get("6", "") and "1 received" in table.get("6", ""), f"item 6: its paper received ({table.get('6')!r})")
t(table.get("1", "").split()[1:] == ["Introductions", "-", "0", "0"], f"an item without papers says - ({table.get('1')!r})")
t(r.stdout.strip().splitlines()[-1].startswith("the pack would build: 20 pages"), f"the closing line ({r.stdout.splitlines()[-1]!r})")
t(os.listdir(tmp) == ["pack"] and sorted(os.listdir(folder)) == sorted(os.listdir("samples/lscsb-2015-09-17")),
  "status writes nothing")
report = os.path.join(tmp, "report.json")
b = subprocess.run([boardpack, "build", pack, "-o", os.path.join(tmp, "pack.pdf"), "--report", report],
                   capture_output=True, text=True)
built = {it["number"]: (it.get("first_page"), it.get("last_page")) for it in json.load(open(report))["items"]}
j = json.loads(status("--format", "json").stdout)
t(j["ok"] is True and j["public_pages"] == 20, "JSON: ok, 20 pages")
t({it["number"]: (it.get("first_page"), it.get("last_page")) for it in j["items"]} == built,
  "JSON pages are where the build bound each item")
t(built[2] == (3, 8) and f"{built[2][0]} - {built[2][1]}" in table["2"], f"the table's pages are the build's ({table['2']!r})")

# A paper deleted, another broken: exit 1, each shown on its own row.
os.remove(os.path.join(folder, "report-prevent.xml"))
with open(os.path.join(folder, "report-domestic-abuse.xml"), "a", encoding="utf-8") as f:
    f.write("<p>outside the root</p>\n")
r = status()
t(r.returncode == 1, f"status of a broken pack exits 1 ({r.returncode})")
table = rows(r.stdout)
t("1 missing" in table.get("6", ""), f"the deleted paper is missing ({table.get('6')!r})")
row7 = table.get("7", "").split()
t("1 received" in table.get("7", "") and row7[-2:] == ["1", "0"], f"the broken paper: 1 error, 0 warnings ({table.get('7')!r})")
t("3 - 8" not in table.get("2", ""), "no pages while the pack does not number")
t(r.stdout.strip().splitlines()[-1].startswith("the pack would not build (2 errors"), f"closing line ({r.stdout.splitlines()[-1]!r})")
j = json.loads(status("--format", "json").stdout)
six = next(it for it in j["items"] if it["number"] == 6)
t(j["ok"] is False and six["papers"][0]["state"] == "missing" and six["errors"] == 1, f"JSON: missing, 1 error ({six})")
seven = next(it for it in j["items"] if it["number"] == 7)
t(seven["papers"][0]["errors"] == 1 and seven["papers"][0]["state"] == "received", f"JSON: the broken paper ({seven})")
t(len(j["diagnostics"]) == 2, f"JSON: both diagnostics ({len(j['diagnostics'])})")

shutil.rmtree(tmp, ignore_errors=True)
t.finish("status")
