#!/usr/bin/env python3
"""boardpack benchmark: what the web edition and the realize stage cost.

    python3 bench/editions.py [--runs 9] [--before OLD_BOARDPACK] [--markdown FILE]

On the ~740-page synthetic pack (100 items, as bench/run.py makes it), in
one run, interleaved (A B C A B C ...) after a warm-up of each, medians:

  pdf         boardpack build PACK -o pack.pdf
  pdf+html    boardpack build PACK -o pack.pdf --html site/
  before      (with --before) the PDF build by another boardpack binary, so
              that a change to layout can be held to "the PDF no slower":
              pdf / before at most 1.02.

The ratios are taken within the run (a shared machine's load drifts), for
wall time (perf_counter around the process) and CPU time (user + system,
from wait4, to the microsecond), which the load inflates less. The bars: pdf+html / pdf at most
1.15; pdf / before at most 1.02.

Then, with perf (unless --no-perf), the share of the build's CPU that the
realize stage takes: one pdf+html build (and one pdf build) sampled with
call stacks on every thread; a sample counts for realize when a realize
function (bp::realize_paper, bp::realize_front_sheet) is on its stack, and
for the web edition when an html:: function is. Bar: realize at most 10 %.
The counts come from one build each, so read them to about +-2 points.

Python 3 standard library only; needs GNU time at /usr/bin/time and, for
the shares, perf.
"""
import argparse
import collections
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"

sys.dont_write_bytecode = True
sys.path.insert(0, str(HERE))
import compare  # noqa: E402  (measure, interleaved, table)
import run as bench_run  # noqa: E402  (prepare_synthetic, log)

# What a sample's stack is counted as, by the functions on it.
SHARES = [
    ("realize", ("bp::realize_paper", "bp::realize_front_sheet", "bp::realize_detail::")),
    ("web edition (html::, its files)", ("bp::html::", "bp::write_files")),
    ("layout", ("bp::layout_paper", "bp::layout_detail::")),
    ("sealing pages", ("bp::seal_page",)),
    ("writing the PDF", ("bp::write_pdf", "bp::pdf::")),
]


def default_gen():
    """The generator in a shared/bench folder beside the checkout or above it."""
    for d in [REPO.parent, *REPO.parents]:
        g = d / "shared" / "bench" / "gen_pack.py"
        if g.exists():
            return g
    return REPO.parent / "shared" / "bench" / "gen_pack.py"


def executable(path):
    p = Path(path)
    if not p.is_absolute() and not p.exists():
        p = REPO / p
    if not os.access(p, os.X_OK):
        sys.exit(f"editions.py: no executable boardpack at {path}")
    return str(p.resolve())


def measure(cmd, timeout=300):
    """One run: wall s, CPU s, peak RSS MB. The CPU time is the wait4
    rusage of GNU time and the build it ran (microseconds; GNU time's own
    %U %S are in hundredths, too coarse for a ratio of 1.02); the peak
    memory is GNU time's %M, the build's alone."""
    fd, tf = tempfile.mkstemp(suffix=".time")
    os.close(fd)
    try:
        t0 = time.perf_counter()
        p = subprocess.Popen([compare.GNU_TIME, "-f", "%M", "-o", tf] + cmd, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        err = p.stderr.read()
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        rss_kb = int([ln for ln in Path(tf).read_text().split() if ln.isdigit()][-1])
    finally:
        os.unlink(tf)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: exit status {p.returncode}: {err[-400:].decode(errors='replace')}")
    return wall, ru.ru_utime + ru.ru_stime, rss_kb / 1024


def perf_shares(cmd, outputs):
    """Runs cmd once under perf; returns (samples, {share: fraction}) or None."""
    if not shutil.which("perf"):
        return None
    for p in outputs:
        shutil.rmtree(p, ignore_errors=True) if Path(p).is_dir() else Path(p).unlink(missing_ok=True)
    fd, data = tempfile.mkstemp(suffix=".perf", dir=OUT)
    os.close(fd)
    try:
        r = subprocess.run(["perf", "record", "-q", "-o", data, "-F", "4000", "--call-graph", "dwarf,32768"] + cmd,
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if r.returncode != 0:
            bench_run.log(f"perf record failed ({r.stderr.decode(errors='replace')[-200:]}); no shares")
            return None
        script = subprocess.run(["perf", "script", "-i", data, "-F", "comm,tid,ip,sym"], stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, errors="replace").stdout
    finally:
        os.unlink(data)
    counts = collections.Counter()
    total = 0
    for sample in script.split("\n\n"):
        lines = sample.strip().splitlines()
        if not lines or not lines[0].startswith("boardpack"):
            continue
        total += 1
        stack = "\n".join(lines[1:])
        for name, marks in SHARES:
            if any(m in stack for m in marks):
                counts[name] += 1
    if not total:
        return None
    return total, {name: counts[name] / total for name, _ in SHARES}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--boardpack", default="build/boardpack")
    ap.add_argument("--before", metavar="BOARDPACK", help="another build of boardpack, for the PDF's before/after")
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--items", type=int, default=100)
    ap.add_argument("--gen", default=str(default_gen()))
    ap.add_argument("--no-perf", action="store_true", help="leave out the shares of CPU")
    ap.add_argument("--markdown", metavar="FILE")
    args = ap.parse_args()
    boardpack = executable(args.boardpack)
    before = executable(args.before) if args.before else None
    if not os.access(compare.GNU_TIME, os.X_OK):
        sys.exit(f"editions.py: needs GNU time at {compare.GNU_TIME}")
    OUT.mkdir(exist_ok=True)
    pack = str(bench_run.prepare_synthetic(Path(args.gen), args.items, 1))

    pdf, with_site, site = OUT / "ed-pdf.pdf", OUT / "ed-html.pdf", OUT / "ed-site"
    old = OUT / "ed-before.pdf"
    variants = []
    if before:
        variants.append(("pdf, before", [before, "build", pack, "-o", str(old)], [old]))
    variants += [
        ("pdf", [boardpack, "build", pack, "-o", str(pdf)], [pdf]),
        ("pdf + html", [boardpack, "build", pack, "-o", str(with_site), "--html", str(site)], [with_site, site]),
    ]
    compare.measure = measure  # the interleaving and the table as compare.py's, CPU to the microsecond
    res = compare.interleaved(variants, args.runs, args.warmup)
    pages = bench_run.pdf_pages(pdf)
    base = "pdf, before" if before else "pdf"
    lines = [f"### Editions of the synthetic pack ({args.items} items, {pages} pages; median of {args.runs})", ""]
    lines += compare.table(res, base) + [""]
    p, h = res["pdf"], res["pdf + html"]
    lines.append(f"- pdf + html / pdf: wall {h['wall'] / p['wall']:.3f}, CPU {h['cpu'] / p['cpu']:.3f} (bar 1.15)")
    if before:
        b = res["pdf, before"]
        same = "same bytes" if old.read_bytes() == pdf.read_bytes() else "the PDFs differ"
        lines.append(f"- pdf / pdf before: wall {p['wall'] / b['wall']:.3f}, CPU {p['cpu'] / b['cpu']:.3f} "
                     f"(bar 1.02); {same}")
    if not args.no_perf:
        for name, cmd, outputs in variants[-2:]:
            got = perf_shares(cmd, outputs)
            if got is None:
                lines.append(f"- {name}: no perf samples")
                continue
            total, shares = got
            parts = ", ".join(f"{k} {100 * v:.1f} %" for k, v in shares.items())
            lines.append(f"- {name}, share of CPU samples ({total}): {parts}"
                         + (" (bar: realize at most 10 %)" if name == "pdf + html" else ""))
    text = "\n".join(lines)
    print(text)
    if args.markdown:
        Path(args.markdown).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
