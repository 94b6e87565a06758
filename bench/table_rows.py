"""How a long table scales: one report holding a table of N rows (three cells
each, a header row repeated on every page), built for several N. Prints, for
each N, the seconds of the stage that reads and lays out the papers (from
the build report), the whole build's wall time and peak memory, and the
pages written; that stage's time per 1000 rows shows whether the cost grows
with the rows or faster. Beside the build's peak memory it gives the peak of
`boardpack validate` of the paper alone (reading it into the model, checking
it, nothing laid out or written): what the build holds beyond that is what
laying out and writing the table cost.

usage: python3 bench/table_rows.py [--boardpack build/boardpack] [--rows 10000 30000 100000]

Needs GNU time (/usr/bin/time) for the peak memory. Files go to bench/out/."""
import argparse
import json
import os
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)


def write_pack(folder, rows):
    os.makedirs(folder, exist_ok=True)
    body = "".join(f"<tr><td>{i}</td><td>Referral {i} reviewed by the panel</td><td>Closed</td></tr>\n"
                   for i in range(1, rows + 1))
    with open(os.path.join(folder, "report.xml"), "w", encoding="utf-8") as f:
        f.write('<report version="1">\n'
                '  <header><board>TEST BOARD</board><date>2016-09-08</date><title>REFERRALS</title></header>\n'
                '  <table><thead><tr><th>No.</th><th>Referral</th><th>Outcome</th></tr></thead><tbody>\n'
                f'{body}  </tbody></table>\n</report>\n')
    with open(os.path.join(folder, "pack.xml"), "w", encoding="utf-8") as f:
        f.write('<pack version="1" template="lscsb">\n'
                '  <meeting><body>TEST BOARD</body><date>2016-09-08</date><venue>County Hall</venue></meeting>\n'
                '  <agenda><item><title>Referrals</title><papers src="report.xml"/></item></agenda>\n</pack>\n')
    return os.path.join(folder, "pack.xml")


def measure(boardpack, rows):
    folder = os.path.join(here, "out", f"table-{rows}")
    manifest = write_pack(folder, rows)
    pdf, report = os.path.join(folder, "table.pdf"), os.path.join(folder, "report.json")
    start = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-f", "%M", boardpack, "build", manifest, "-o", pdf, "--report", report,
                        "--force", "--templates", os.path.join(root, "templates")],
                       capture_output=True, text=True)
    wall = time.perf_counter() - start
    peak_mb = int(r.stderr.strip().splitlines()[-1]) / 1024
    stages = {s["stage"]: s["seconds"] for s in json.load(open(report))["stages"]}
    pages = None
    if r.returncode == 0:
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        pages = next((int(l.split()[1]) for l in info.splitlines() if l.startswith("Pages:")), None)
    problem = "" if r.returncode == 0 else r.stderr.strip().splitlines()[0]
    v = subprocess.run(["/usr/bin/time", "-f", "%M", boardpack, "validate", os.path.join(folder, "report.xml")],
                       capture_output=True, text=True)
    read_mb = int(v.stderr.strip().splitlines()[-1]) / 1024
    return {"rows": rows, "layout": stages.get("load and layout"), "wall": wall, "peak_mb": peak_mb, "pages": pages,
            "read_mb": read_mb, "exit": r.returncode, "problem": problem}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--boardpack", default=os.path.join(root, "build", "boardpack"))
    ap.add_argument("--rows", type=int, nargs="+", default=[10000, 30000, 100000])
    a = ap.parse_args()
    print("| rows | load and layout s | load and layout ms / 1000 rows | whole build s | peak MB | "
          "paper read alone MB | build beyond it MB | pages | exit |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    failed = False
    for n in a.rows:
        m = measure(os.path.abspath(a.boardpack), n)
        per = f"{m['layout'] * 1e6 / n:.0f}" if m["layout"] is not None else "-"
        layout = f"{m['layout']:.2f}" if m["layout"] is not None else "-"
        print(f"| {n} | {layout} | {per} | {m['wall']:.2f} | {m['peak_mb']:.0f} | {m['read_mb']:.0f} | "
              f"{m['peak_mb'] - m['read_mb']:.0f} | {m['pages'] or '-'} | {m['exit']} |")
        if m["exit"] != 0:
            print(f"  {n} rows: {m['problem']}", file=sys.stderr)
            failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
