#!/usr/bin/env python3
"""boardpack benchmark: what one way of building costs against another.

    python3 bench/compare.py [STUDY ...] [--runs 7] [--markdown FILE]

Studies (all by default):

  tagging   the ~740-page synthetic pack (100 items) built tagged, as every
            pack is, and with the hidden --untagged switch, which leaves out
            the structure tree and the marked content and nothing else: what
            the accessibility tagging costs in time and in file size.
  editions  the same pack built as the public pack alone (-o), and as every
            edition it has in one run (-o with --split: the front sheet and a
            PDF per item; the synthetic pack has no exempt or late papers,
            so no full pack or supplement differs from it).
  html      the same pack built as the public pack alone (-o), and with its
            web edition too (-o with --html: the agenda page, a page per
            paper, the stylesheets and meeting.json): what the HTML edition
            adds to a build (bar: at most 15 %).
  floor     boardpack against the floor: ../shared/bench/floor/floor.cpp,
            a bare libharu program writing the same synthetic packs with
            trivial layout, compiled here (g++ -O2), in its "precomp" mode
            (floor B: its own page streams deflated on 2 threads), on the
            packs of 8, 100 and 300 items (--floor-items); CPU time over
            wall time gives the cores each used on average.

The variants of a study run interleaved (A B A B ...) after a warm-up of
each, so a machine that gets busier or quieter part-way affects both alike;
the medians are compared. Per variant: whole-process wall time (perf_counter
around the process), CPU time (user + system, GNU time), peak resident memory
(GNU time %M) and the bytes written. The synthetic packs come from
../shared/bench/gen_pack.py through bench/json_to_xml.py, as in run.py.

Python 3 standard library only; needs GNU time at /usr/bin/time.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
DEFAULT_GEN = REPO.parent / "shared" / "bench" / "gen_pack.py"
GNU_TIME = "/usr/bin/time"

sys.dont_write_bytecode = True
sys.path.insert(0, str(HERE))
import run as bench_run  # noqa: E402  (prepare_synthetic, log)


def measure(cmd, timeout=300):
    """One run: wall s, cpu s, peak RSS MB. Raises on failure."""
    fd, tf = tempfile.mkstemp(suffix=".time")
    os.close(fd)
    try:
        t0 = time.perf_counter()
        r = subprocess.run([GNU_TIME, "-f", "%M %U %S", "-o", tf] + cmd, stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
        wall = time.perf_counter() - t0
        text = Path(tf).read_text()
    finally:
        os.unlink(tf)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: exit status {r.returncode}: {r.stderr[-400:].decode(errors='replace')}")
    line = [ln for ln in text.splitlines() if re.fullmatch(r"\d+ [\d.]+ [\d.]+", ln.strip())][-1]
    rss_kb, user, system = line.split()
    return wall, float(user) + float(system), int(rss_kb) / 1024


def size_of(paths):
    total = 0
    for p in paths:
        p = Path(p)
        if p.is_dir():
            total += sum(f.stat().st_size for f in p.iterdir() if f.is_file())
        elif p.exists():
            total += p.stat().st_size
    return total


def interleaved(variants, runs, warmup):
    """variants: [(name, cmd, outputs)]. Returns {name: {wall, cpu, rss, bytes, walls}}."""
    samples = {name: [] for name, _, _ in variants}
    for i in range(warmup + runs):
        for name, cmd, outputs in variants:
            for p in outputs:
                if Path(p).is_dir():
                    shutil.rmtree(p)
                else:
                    Path(p).unlink(missing_ok=True)
            m = measure(cmd)
            if i >= warmup:
                samples[name].append(m + (size_of(outputs),))
                bench_run.log(f"  {name} {i - warmup + 1}/{runs}: {m[0]:.3f} s wall, {m[1]:.3f} s cpu, {m[2]:.1f} MB")
    res = {}
    for name, rows in samples.items():
        res[name] = {
            "wall": statistics.median(r[0] for r in rows),
            "cpu": statistics.median(r[1] for r in rows),
            "rss": statistics.median(r[2] for r in rows),
            "bytes": rows[-1][3],
            "walls": [r[0] for r in rows],
        }
    return res


def table(res, base):
    out = ["| variant | median wall | min - max | median CPU | peak RSS | bytes written | wall / base | CPU / base | bytes / base |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    b = res[base]
    for name, r in res.items():
        out.append(f"| {name} | {r['wall']:.3f} s | {min(r['walls']):.3f} - {max(r['walls']):.3f} s | {r['cpu']:.3f} s | "
                   f"{r['rss']:.1f} MB | {r['bytes']:,} | {r['wall'] / b['wall']:.2f} | {r['cpu'] / b['cpu']:.2f} | "
                   f"{r['bytes'] / b['bytes']:.2f} |")
    return out


def study_tagging(boardpack, pack, args):
    tagged, untagged = OUT / "tagging-tagged.pdf", OUT / "tagging-untagged.pdf"
    variants = [
        ("untagged (--untagged)", [boardpack, "build", str(pack), "-o", str(untagged), "--untagged"], [untagged]),
        ("tagged (as shipped)", [boardpack, "build", str(pack), "-o", str(tagged)], [tagged]),
    ]
    res = interleaved(variants, args.runs, args.warmup)
    t, u = res["tagged (as shipped)"], res["untagged (--untagged)"]
    lines = ["### What tagging costs (synthetic 100 items)", ""] + table(res, "untagged (--untagged)") + [
        "", f"Tagging adds {100 * (t['wall'] / u['wall'] - 1):.0f} % wall time, {100 * (t['cpu'] / u['cpu'] - 1):.0f} % "
            f"CPU time and {100 * (t['bytes'] / u['bytes'] - 1):.0f} % file size (bar: at most 25 % time, 30 % size)."]
    return lines


def study_editions(boardpack, pack, args):
    public, every = OUT / "editions-public.pdf", OUT / "editions-all.pdf"
    split = OUT / "editions-split"
    variants = [
        ("public pack alone", [boardpack, "build", str(pack), "-o", str(public)], [public]),
        ("every edition (pack + --split)", [boardpack, "build", str(pack), "-o", str(every), "--split", str(split)],
         [every, split]),
    ]
    res = interleaved(variants, args.runs, args.warmup)
    a, p = res["every edition (pack + --split)"], res["public pack alone"]
    files = len(list(split.iterdir())) + 1 if split.is_dir() else 1
    lines = ["### Every edition against the public pack alone (synthetic 100 items)", ""] + \
        table(res, "public pack alone") + [
        "", f"Writing every edition ({files} PDFs) takes {a['wall'] / p['wall']:.2f} times the public pack's "
            f"wall time: the parts are laid out once and only bound and written again."]
    return lines


def study_html(boardpack, pack, args):
    public, with_site = OUT / "html-public.pdf", OUT / "html-with-site.pdf"
    site = OUT / "html-site"
    variants = [
        ("public pack alone", [boardpack, "build", str(pack), "-o", str(public)], [public]),
        ("pack + web edition (--html)", [boardpack, "build", str(pack), "-o", str(with_site), "--html", str(site)],
         [with_site, site]),
    ]
    res = interleaved(variants, args.runs, args.warmup)
    h, p = res["pack + web edition (--html)"], res["public pack alone"]
    pages = len([f for f in site.iterdir() if f.suffix == ".html"]) if site.is_dir() else 0
    lines = ["### The web edition against the public pack alone (synthetic 100 items)", ""] + \
        table(res, "public pack alone") + [
        "", f"The web edition ({pages} pages) adds {100 * (h['wall'] / p['wall'] - 1):.1f} % wall time and "
            f"{100 * (h['cpu'] / p['cpu'] - 1):.1f} % CPU time to the build (bar: at most 15 %)."]
    return lines


def build_floor():
    src = REPO.parent / "shared" / "bench" / "floor" / "floor.cpp"
    exe = OUT / "floor"
    if not exe.exists() or exe.stat().st_mtime < src.stat().st_mtime:
        bench_run.log(f"compiling {src}")
        subprocess.run(["g++", "-std=c++17", "-O2", "-o", str(exe), str(src), "-lhpdf", "-lz", "-pthread"], check=True)
    return exe


def study_floor(boardpack, _pack, args):
    exe = build_floor()
    fonts = REPO / "fonts"  # the same Liberation Sans files the packs name
    lines = ["### boardpack against the floor (a bare libharu program, mode precomp)", ""]
    summary = []
    for items in args.floor_items:
        pack = bench_run.prepare_synthetic(Path(args.gen), items, 1)
        js = OUT / f"pack-{items}.json"
        fb, bp = OUT / f"floor-{items}.pdf", OUT / f"boardpack-{items}.pdf"
        variants = [
            ("floor B", [str(exe), str(js), str(fb), "--mode", "precomp", "--fonts", str(fonts)], [fb]),
            ("boardpack", [boardpack, "build", str(pack), "-o", str(bp)], [bp]),
        ]
        res = interleaved(variants, args.runs, args.warmup)
        pages = bench_run.pdf_pages(bp)
        f, b = res["floor B"], res["boardpack"]
        lines += [f"{items} items ({pages} pages):", ""] + table(res, "floor B") + [
            "", f"cores used: floor B {f['cpu'] / f['wall']:.2f}, boardpack {b['cpu'] / b['wall']:.2f}", ""]
        summary.append(f"{items} items: {b['wall'] / f['wall']:.2f}x the time, {b['rss'] / f['rss']:.2f}x the memory")
    return lines + ["boardpack against floor B: " + "; ".join(summary) + " (bar: at most 1.0x; 300 items under 64 MB)."]


STUDIES = {"tagging": study_tagging, "editions": study_editions, "html": study_html, "floor": study_floor}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("studies", nargs="*", choices=[[]] + list(STUDIES), default=[])
    ap.add_argument("--boardpack", default="build/boardpack")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--gen", default=str(DEFAULT_GEN))
    ap.add_argument("--markdown", metavar="FILE")
    ap.add_argument("--floor-items", type=int, nargs="+", default=[8, 100, 300])
    args = ap.parse_args()
    studies = args.studies or list(STUDIES)
    boardpack = Path(args.boardpack)
    if not boardpack.is_absolute() and not boardpack.exists():
        boardpack = REPO / boardpack
    if not os.access(boardpack, os.X_OK):
        sys.exit(f"compare.py: no executable boardpack at {args.boardpack}")
    if not os.access(GNU_TIME, os.X_OK):
        sys.exit(f"compare.py: needs GNU time at {GNU_TIME}")
    OUT.mkdir(exist_ok=True)
    pack = bench_run.prepare_synthetic(Path(args.gen), 100, 1)
    lines = []
    for s in studies:
        bench_run.log(f"study: {s}")
        lines += STUDIES[s](str(boardpack.resolve()), pack, args) + [""]
    text = "\n".join(lines)
    print(text)
    if args.markdown:
        Path(args.markdown).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
