"""Golden page boxes: `boardpack dump` of each tests/golden/NAME/pack.xml must
equal NAME/pack.boxes. BOARDPACK_UPDATE_GOLDEN=1 rewrites them (read the diff!)."""
import glob
import os
import subprocess
import sys

boardpack, root = sys.argv[1], sys.argv[2]
failures, checks = [], 0
for manifest in sorted(glob.glob(os.path.join(root, "tests/golden/*/pack.xml"))):
    checks += 1
    folder = os.path.dirname(manifest)
    rel = os.path.relpath(manifest, root)
    r = subprocess.run([boardpack, "dump", rel], capture_output=True, text=True, cwd=root)
    if r.returncode != 0:
        failures.append(f"{rel}: dump failed: {r.stderr}")
        continue
    # Face paths differ between checkouts: keep only the file name.
    got = "\n".join(l if not l.startswith("face ") else " ".join(l.split()[:2] + [os.path.basename(l.split()[2])])
                    for l in r.stdout.splitlines()) + "\n"
    expected_path = os.path.join(folder, "pack.boxes")
    if os.environ.get("BOARDPACK_UPDATE_GOLDEN") == "1":
        open(expected_path, "w").write(got)
        continue
    want = open(expected_path).read() if os.path.exists(expected_path) else ""
    if got != want:
        gl, wl = got.splitlines(), want.splitlines()
        first = next((i for i in range(max(len(gl), len(wl))) if i >= len(gl) or i >= len(wl) or gl[i] != wl[i]), 0)
        failures.append(f"{rel}: page boxes differ from pack.boxes at line {first + 1}: "
                        f"got {gl[first] if first < len(gl) else '<end>'!r}, want {wl[first] if first < len(wl) else '<end>'!r}")
for f in failures:
    print("FAIL golden:", f)
print(f"{checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
