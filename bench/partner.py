"""What binding partner PDFs costs: the 17 September 2015 sample pack as it
is, and the same pack with a partner PDF of 100 and of 500 A4 pages as the
papers of its item 8. Builds are interleaved (one of each per round), and
the median wall time of each is printed with the cost per 100 partner pages.

    python3 bench/partner.py [--boardpack build/boardpack] [--runs 7]
                             [--baseline OLD/boardpack] [--before OLD/boardpack]

The partner PDFs are written by tests/e2e/partner_pdfs.py into bench/out/.

--before names another build of boardpack that binds partner PDFs (an
earlier commit): every pack is then built by both, interleaved (one of each
per round), and each's medians and cost per 100 partner pages are printed
side by side, with the processor time (user + system, the partner reader's
included) of each.

--baseline names a boardpack built from before partner papers existed: the
sample pack and the 100-item synthetic pack (bench/run.py's, seed 1), which
have no partner papers, are then built by both, interleaved, to show what
partner papers cost a pack without them."""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(root, "tests", "e2e"))
import partner_pdfs as pp  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--boardpack", default=os.path.join(root, "build", "boardpack"))
ap.add_argument("--runs", type=int, default=7)
ap.add_argument("--baseline", help="a boardpack from before partner papers, to compare packs without them")
ap.add_argument("--before", help="an earlier boardpack that binds partner PDFs, to compare every pack")
args = ap.parse_args()

out = os.path.join(root, "bench", "out", "partner")
shutil.rmtree(out, ignore_errors=True)
pack_dir = os.path.join(out, "pack")
shutil.copytree(os.path.join(root, "samples", "lscsb-2015-09-17"), pack_dir)
manifest = os.path.join(pack_dir, "pack.xml")
xml = open(manifest, encoding="utf-8").read()
note = "      <note>Superintendent Mark Newcombe – Leicestershire Police.</note>"
assert note in xml

cases = [("sample pack", manifest, 0)]
for pages in (100, 500):
    pdf = f"partner-{pages}.pdf"
    pp.write(os.path.join(pack_dir, pdf), [pp.Page(*pp.A4, f"Partner page {n}") for n in range(1, pages + 1)])
    m = os.path.join(pack_dir, f"pack-{pages}.xml")
    open(m, "w", encoding="utf-8").write(
        xml.replace(note, f'      <papers src="{pdf}" title="Partner report" alt="A partner report"/>'))
    cases.append((f"+ {pages} partner pages", m, pages))


cpu = {}  # by (pack, boardpack): processor seconds of each build


def build(m, name, boardpack=args.boardpack):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    r = subprocess.run([boardpack, "build", m, "-o", os.path.join(out, name + ".pdf")], capture_output=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0:
        sys.exit(f"build of {m} failed: {r.stderr.decode()[:300]}")
    cpu.setdefault((m, boardpack), []).append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall


if args.before:
    builders = [("before", os.path.abspath(args.before)), ("now", os.path.abspath(args.boardpack))]
    times = {(name, b): [] for name, _, _ in cases for b, _ in builders}
    for name, m, _ in cases:
        for b, exe in builders:
            build(m, "warmup", exe)
    cpu.clear()
    for _ in range(args.runs):
        for name, m, _ in cases:
            for b, exe in builders:
                times[(name, b)].append(build(m, f"{b}-{name.replace(' ', '_').replace('+', 'plus')}", exe))
    print("| pack | boardpack | median s | min s | max s | median CPU s | per 100 partner pages s (wall) | "
          "per 100 partner pages s (CPU) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for b, exe in builders:
        base = statistics.median(times[("sample pack", b)])
        base_cpu = statistics.median(cpu[(manifest, exe)])
        for name, m, pages in cases:
            t = times[(name, b)]
            med, med_cpu = statistics.median(t), statistics.median(cpu[(m, exe)])
            per = f"{(med - base) / pages * 100:.3f}" if pages else "-"
            per_cpu = f"{(med_cpu - base_cpu) / pages * 100:.3f}" if pages else "-"
            print(f"| {name} | {b} | {med:.3f} | {min(t):.3f} | {max(t):.3f} | {med_cpu:.3f} | {per} | {per_cpu} |")
    sys.exit(0)


times = {name: [] for name, _, _ in cases}
for name, m, _ in cases:
    build(m, "warmup")
for _ in range(args.runs):
    for name, m, _ in cases:
        times[name].append(build(m, name.replace(" ", "_").replace("+", "plus")))

base = statistics.median(times["sample pack"])
print("| pack | median s | min s | max s | per 100 partner pages s |")
print("| --- | --- | --- | --- | --- |")
for name, _, pages in cases:
    t = times[name]
    med = statistics.median(t)
    per = f"{(med - base) / pages * 100:.3f}" if pages else "-"
    print(f"| {name} | {med:.3f} | {min(t):.3f} | {max(t):.3f} | {per} |")

if args.baseline:
    sys.path.insert(0, os.path.join(root, "bench"))
    import run as bench_run  # noqa: E402
    synthetic = str(bench_run.prepare_synthetic(bench_run.DEFAULT_GEN, 100, 1))
    packs = [("sample pack", manifest), ("synthetic 100 items", synthetic)]
    builders = [("before partner papers", args.baseline), ("now", args.boardpack)]
    times = {(p, b): [] for p, _ in packs for b, _ in builders}
    for p, m in packs:
        for b, exe in builders:
            build(m, "warmup", exe)
    for _ in range(args.runs):
        for p, m in packs:
            for b, exe in builders:
                times[(p, b)].append(build(m, "baseline", exe))
    print()
    print("| pack | boardpack | median s | min s | max s | now / before |")
    print("| --- | --- | --- | --- | --- | --- |")
    for p, _ in packs:
        before = statistics.median(times[(p, builders[0][0])])
        for b, _ in builders:
            t = times[(p, b)]
            med = statistics.median(t)
            print(f"| {p} | {b} | {med:.3f} | {min(t):.3f} | {max(t):.3f} | {med / before:.3f} |")
