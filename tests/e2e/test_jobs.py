"""--jobs: items laid out on several threads and pages compressed on several
give the same PDF, the same split editions and the same diagnostics, in the
same order, whatever the number (--audience full, so exempt papers are laid
out too)."""
import hashlib
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from packcheck import Expect  # noqa: E402

boardpack, root = sys.argv[1], sys.argv[2]
expect = Expect()
tmp = tempfile.mkdtemp(prefix="bp-jobs-")


def digest(path):
    if os.path.isdir(path):
        return {f: digest(os.path.join(path, f)) for f in sorted(os.listdir(path))}
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


for sample in ("lscsb-2015-09-17", "lscsb-2016-09-08"):
    pack = os.path.join(root, "samples", sample, "pack.xml")
    seen = {}
    for jobs in ("1", "2", "3", "8"):
        out = os.path.join(tmp, f"{sample}-{jobs}.pdf")
        split = os.path.join(tmp, f"{sample}-{jobs}-split")
        r = subprocess.run([boardpack, "build", pack, "-o", out, "--split", split, "--jobs", jobs, "--audience", "full"],
                           capture_output=True, text=True, cwd=root)
        expect(r.returncode == 0, f"{sample} --jobs {jobs}: exit {r.returncode}: {r.stderr[-300:]}")
        seen[jobs] = (digest(out), digest(split), r.stderr)
    for jobs, got in seen.items():
        expect(got[0] == seen["1"][0], f"{sample}: the pack PDF with --jobs {jobs} differs from --jobs 1")
        expect(got[1] == seen["1"][1], f"{sample}: the per-item PDFs with --jobs {jobs} differ from --jobs 1")
        expect(got[2] == seen["1"][2], f"{sample}: the diagnostics with --jobs {jobs} differ from --jobs 1")
    expect(len(seen["1"][1]) > 2, f"{sample}: the split wrote too few PDFs: {sorted(seen['1'][1])}")

# A page dump keeps every page's items; without one, sealed pages keep only
# links and pictures. The PDF is the same either way.
pack = os.path.join(root, "samples", "lscsb-2015-09-17", "pack.xml")
plain, dumped = os.path.join(tmp, "plain.pdf"), os.path.join(tmp, "dumped.pdf")
r1 = subprocess.run([boardpack, "build", pack, "-o", plain], capture_output=True, text=True, cwd=root)
r2 = subprocess.run([boardpack, "build", pack, "-o", dumped, "--dump", os.path.join(tmp, "dump.txt")],
                    capture_output=True, text=True, cwd=root)
expect(r1.returncode == 0 and r2.returncode == 0, f"builds with and without --dump: {r1.stderr[-200:]} {r2.stderr[-200:]}")
expect(digest(plain) == digest(dumped), "the pack PDF differs when a page dump is written too")
expect("Page 3" in open(os.path.join(tmp, "dump.txt"), encoding="utf-8").read(), "the dump lacks the pages' text")

# Mistakes in two papers, read on different threads: the same report, for
# any --jobs.
bad = os.path.join(tmp, "bad")
subprocess.run(["cp", "-r", os.path.join(root, "samples", "lscsb-2015-09-17"), bad], check=True)
for name in ("report-prevent.xml", "report-domestic-abuse.xml"):
    path = os.path.join(bad, name)
    text = open(path, encoding="utf-8").read()
    open(path, "w", encoding="utf-8").write(text.replace("</report>", "<para>stray</para></report>", 1))
runs = set()
for jobs in ("1", "2", "4"):
    r = subprocess.run([boardpack, "build", os.path.join(bad, "pack.xml"), "-o", os.path.join(tmp, "bad.pdf"),
                        "--jobs", jobs], capture_output=True, text=True, cwd=root)
    runs.add((r.returncode, r.stderr))
expect(len(runs) == 1, f"the report differs between --jobs values: {runs}")
code, stderr = runs.pop()
errors = [l for l in stderr.splitlines() if "[unknown-element]" in l]
expect(code == 1 and len(errors) == 2, f"two unknown elements, exit 1: {code} {errors}")
def stray_at(name):
    """file:line:1 of the <para> put before </report> in `name`."""
    lines = open(os.path.join(bad, name), encoding="utf-8").read().splitlines()
    return f"{name}:{next(i for i, l in enumerate(lines, 1) if '<para>stray' in l)}:1:"


expect(len(errors) == 2 and stray_at("report-domestic-abuse.xml") in errors[0] and stray_at("report-prevent.xml") in errors[1],
       f"errors not located, or not sorted by file: {errors}")

sys.exit(expect.finish("jobs"))
