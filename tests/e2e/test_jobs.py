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

sys.exit(expect.finish("jobs"))
