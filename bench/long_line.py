"""Diagnostics stay bounded on hostile input: a paper written on one line of
about 6 MB that holds 100,000 table rows outside any table (each one a
misplaced <tr>). Runs `boardpack validate` and `boardpack build` on it and
prints, for each, the bytes written to stdout and stderr, the wall time and
the peak memory; the bar is under 100 KB of output in under 2 s. Then the
same with --format json.

usage: python3 bench/long_line.py [--boardpack build/boardpack] [--rows 100000] [--runs 3]

Needs GNU time (/usr/bin/time) for the peak memory. Files go to bench/out/."""
import argparse
import os
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)

BAR_BYTES, BAR_SECONDS = 100 * 1024, 2.0


def write_pack(folder, rows):
    """A report whose body is one line: a paragraph, then `rows` rows that
    belong in a <tbody> but stand directly in the report."""
    os.makedirs(folder, exist_ok=True)
    line = "".join(f"<tr><td>Action {i}: review the referral</td><td>Open</td></tr>" for i in range(rows))
    with open(os.path.join(folder, "paper.xml"), "w", encoding="utf-8") as f:
        f.write('<report version="1"><header><board>TEST BOARD</board><date>2016-09-08</date>'
                f'<title>ACTION LOG</title></header><p>The log:</p>{line}</report>\n')
    with open(os.path.join(folder, "pack.xml"), "w", encoding="utf-8") as f:
        f.write('<pack version="1" template="lscsb">\n'
                '  <meeting><body>TEST BOARD</body><date>2016-09-08</date><venue>County Hall</venue></meeting>\n'
                '  <agenda><item><title>Action log</title><papers src="paper.xml"/></item></agenda>\n</pack>\n')
    return folder


def measure(args):
    """(output bytes, wall seconds, peak MB, exit code) of one run."""
    start = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-f", "%M", *args], capture_output=True)
    wall = time.perf_counter() - start
    err = r.stderr.rstrip(b"\n").split(b"\n")
    peak_mb = int(err[-1]) / 1024
    printed = len(r.stdout) + len(b"\n".join(err[:-1])) + 1
    return printed, wall, peak_mb, r.returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--boardpack", default=os.path.join(root, "build", "boardpack"))
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    folder = write_pack(os.path.join(here, "out", f"long-line-{a.rows}"), a.rows)
    paper, pack = os.path.join(folder, "paper.xml"), os.path.join(folder, "pack.xml")
    print(f"{paper}: {os.path.getsize(paper) / 1e6:.1f} MB on one line, {a.rows} misplaced <tr>")
    runs = {
        "validate": [a.boardpack, "validate", paper],
        "validate --format json": [a.boardpack, "validate", "--format", "json", paper],
        "build": [a.boardpack, "build", pack, "-o", os.path.join(folder, "pack.pdf"),
                  "--templates", os.path.join(root, "templates")],
        "build --format json": [a.boardpack, "build", pack, "-o", os.path.join(folder, "pack.pdf"), "--format", "json",
                                "--templates", os.path.join(root, "templates")],
    }
    print("| command | output | median wall | peak memory | exit |")
    print("| --- | ---: | ---: | ---: | ---: |")
    ok = True
    for name, args in runs.items():
        got = sorted((measure(args) for _ in range(a.runs)), key=lambda m: m[1])
        printed, wall, peak, code = got[len(got) // 2]
        within = printed < BAR_BYTES and wall < BAR_SECONDS and code == 1
        ok = ok and within
        print(f"| {name} | {printed / 1024:.1f} KB | {wall:.2f} s | {peak:.0f} MB | {code} |"
              + ("" if within else " over the bar"))
    print(f"bar: under {BAR_BYTES // 1024} KB of output in under {BAR_SECONDS:.0f} s, exit 1: "
          + ("met" if ok else "NOT met"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
