#!/usr/bin/env python3
"""boardpack benchmark: build time, peak memory and pages for three packs.

    python3 bench/run.py [--boardpack build/boardpack] [--runs 5] [--markdown FILE]

1. Generates the synthetic packs with gen_pack.py --seed 1 (8 items, about
   64 pages; 100 items, about 740 pages) into bench/out/ and converts them to
   boardpack XML with bench/json_to_xml.py, checking every file written
   against docs/formats.md.
2. Times `boardpack build PACK -o OUT.pdf` RUNS times for each synthetic pack
   and for the sample pack samples/lscsb-2015-09-17/pack.xml (skipped with a
   note if absent), after WARMUP untimed builds.
3. Times `boardpack validate` of a generated report of at least 10 pages
   (its length checked with `boardpack preview`), what an officer runs
   while writing (bar: under 20 ms).
4. Prints a markdown table of the medians: whole-process wall time, peak
   resident memory, pages (pdfinfo) and milliseconds per page, then the
   linearity (ms/page of the small and the large synthetic pack, and the
   marginal cost per page between them) and the bar of bench/README.md.

Wall time is measured around the build process with perf_counter. Peak
memory comes from GNU time (/usr/bin/time -f "%e %M") when present, else
from os.wait4's ru_maxrss of the build, forked by a small launcher (see
LAUNCHER). Timings are reported, never
asserted; the exit status is non-zero only when a build fails (non-zero
exit, timeout, or no PDF written) or the inputs cannot be prepared.

Python 3 standard library only.
"""
import argparse
import datetime
import json
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
SAMPLE = REPO / "samples" / "lscsb-2015-09-17" / "pack.xml"
DEFAULT_GEN = REPO.parent / "shared" / "bench" / "gen_pack.py"
GNU_TIME = "/usr/bin/time"

sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
sys.path.insert(0, str(HERE))
import json_to_xml  # noqa: E402

# The bar (bench/README.md): synthetic items -> (pages the pack is about, seconds).
BAR_TIME = {8: (60, 0.1), 100: (800, 0.6)}
BAR_RSS_MB = 100
# An officer's check of one paper: validate of a 10-page report.
VALIDATE_PAGES, BAR_VALIDATE_S = 10, 0.020


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ------------------------------------------------------------------ preparing
def prepare_synthetic(gen, items, seed):
    """gen_pack.py JSON -> bench/out/pack-N/ (checked). Returns the pack.xml path."""
    OUT.mkdir(parents=True, exist_ok=True)
    json_path = OUT / f"pack-{items}.json"
    folder = OUT / f"pack-{items}"
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, str(gen), "--items", str(items), "--seed", str(seed),
                        "--format", "json", "-o", str(json_path)],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"gen_pack.py --items {items} failed:\n{r.stdout}")
    with open(json_path, encoding="utf-8") as f:
        pack = json.load(f)
    written = json_to_xml.convert(pack, folder)
    for stale in set(folder.glob("*.xml")) - set(written):  # e.g. left by another --seed
        stale.unlink()
    t1 = time.perf_counter()
    problems = json_to_xml.check_folder(folder)
    if problems:
        raise RuntimeError("generated XML breaks docs/formats.md:\n  " + "\n  ".join(problems[:20]))
    log(f"prepared {folder.relative_to(REPO)}: {len(written)} files, generated and converted "
        f"in {t1 - t0:.2f} s, checked in {time.perf_counter() - t1:.2f} s")
    return written[0]


# ------------------------------------------------------------------ measuring
def gnu_time_works():
    if not os.access(GNU_TIME, os.X_OK):
        return False
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        r = subprocess.run([GNU_TIME, "-f", "%e %M", "-o", tf.name, "true"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return r.returncode == 0 and re.fullmatch(r"[\d.]+ \d+", tf.read().strip() or "") is not None


class Run:
    def __init__(self, wall, rss_kb, rc, timed_out):
        self.wall, self.rss_kb, self.rc, self.timed_out = wall, rss_kb, rc, timed_out


# The wait4 fallback. Linux carries the high-water mark of the memory a
# process had before exec() into its ru_maxrss, so a build started straight
# from this process would report at least run.py's own size. A small
# interpreter started with -S -I forks the build instead, times it and
# writes "wall maxrss_kb status" to argv[1]; the floor it leaves is about 5 MB
# (GNU time: about 1 MB).
LAUNCHER = """
import os, sys, time
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execv(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - t0
with open(sys.argv[1], "w") as f:
    f.write(f"{wall} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def run_once(cmd, meter, logfile, timeout):
    """One build: wall time, peak RSS (kB), exit status."""
    fd, tf = tempfile.mkstemp(suffix=".meter")
    os.close(fd)
    if meter == "time":
        full = [GNU_TIME, "-f", "%e %M", "-o", tf] + cmd
    else:
        full = [sys.executable, "-S", "-I", "-c", LAUNCHER, tf] + cmd
    fired = []
    try:
        with open(logfile, "wb") as lf:
            t0 = time.perf_counter()
            p = subprocess.Popen(full, stdin=subprocess.DEVNULL, stdout=lf,
                                 stderr=subprocess.STDOUT, start_new_session=True)

            def kill():
                fired.append(True)
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

            timer = threading.Timer(timeout, kill)
            timer.start()
            try:
                rc = p.wait()
                wall = time.perf_counter() - t0
            finally:
                timer.cancel()
        with open(tf) as f:
            result = f.read()
    finally:
        os.unlink(tf)
    rss_kb = None
    if meter == "time":
        # GNU time puts "Command exited with non-zero status N" before the format line
        m = [ln for ln in result.split("\n") if re.fullmatch(r"[\d.]+ \d+", ln.strip())]
        rss_kb = int(m[-1].split()[1]) if m else None
    else:
        parts = result.split()
        if len(parts) == 3:
            wall, rss_kb, rc = float(parts[0]), int(parts[1]), int(parts[2])
        elif rc == 0:
            rc = -1  # the launcher itself failed
    return Run(wall, rss_kb, rc, bool(fired))


def pdf_pages(pdf):
    if shutil.which("pdfinfo"):
        r = subprocess.run(["pdfinfo", str(pdf)], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True, errors="replace")
        m = re.search(r"^Pages:\s+(\d+)", r.stdout, re.M)
        if m:
            return int(m.group(1))
        return None
    # no poppler: count page objects (right unless they sit in object streams)
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", Path(pdf).read_bytes())) or None


def tail(path, n=15):
    try:
        lines = Path(path).read_text(errors="replace").splitlines()
    except OSError:
        return ""
    return "\n".join("    " + ln for ln in lines[-n:])


def measure(name, pack, items, boardpack, args, meter):
    """Builds the pack WARMUP + RUNS times. Returns a result dict."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-")
    pdf = OUT / f"{stem}.pdf"
    logfile = OUT / f"{stem}.log"
    cmd = [str(boardpack), "build", str(pack), "-o", str(pdf)]
    res = {"name": name, "pack": pack, "items": items, "pdf": pdf, "runs": [], "error": None}
    log(f"{name}: {' '.join(cmd)}")
    for i in range(args.warmup + args.runs):
        pdf.unlink(missing_ok=True)
        r = run_once(cmd, meter, logfile, args.timeout)
        error = None
        if r.timed_out:
            error = f"timed out after {args.timeout} s"
        elif r.rc != 0:
            error = f"exit status {r.rc}"
        else:
            try:
                with open(pdf, "rb") as f:
                    if f.read(5) != b"%PDF-":
                        error = "output is not a PDF"
            except OSError:
                error = "exit status 0 but no PDF written"
        if error:
            res["error"] = error
            log(f"  FAILED: {error}; log {logfile.relative_to(REPO)}:\n{tail(logfile)}")
            return res
        if i >= args.warmup:
            res["runs"].append(r)
            rss = f"{r.rss_kb / 1024:.1f} MB" if r.rss_kb else "? MB"
            log(f"  run {i - args.warmup + 1}/{args.runs}: {r.wall:.3f} s, {rss}")
    res["pages"] = pdf_pages(pdf)
    res["wall"] = statistics.median(r.wall for r in res["runs"])
    rss = [r.rss_kb for r in res["runs"] if r.rss_kb]
    res["rss_mb"] = statistics.median(rss) / 1024 if rss else None
    return res


# ------------------------------------------------------------------ reporting
def environment(boardpack, meter, args):
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"^model name\s*:\s*(.+)$", f.read(), re.M)
            cpu = m.group(1).strip() if m else cpu
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "-C", str(REPO), "describe", "--always", "--dirty"],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    when = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    machine = (f"{when}; boardpack {commit or '(unknown commit)'}; {cpu}, {os.cpu_count()} CPUs; "
               f"{platform.system()} {platform.release()}")
    if meter is None:  # validate only
        return f"{machine}; {args.warmup} warm-up run(s)"
    meter_text = "GNU time %M" if meter == "time" else "wait4 ru_maxrss"
    return (f"{machine}; median of {args.runs} runs after "
            f"{args.warmup} warm-up; wall time around the process, peak RSS from {meter_text}")


def fmt_row(res):
    if res["error"]:
        return f"| {res['name']} | FAILED: {res['error']} | | | | |"
    runs = [r.wall for r in res["runs"]]
    pages = res["pages"]
    per_page = f"{res['wall'] * 1000 / pages:.2f}" if pages else "?"
    rss = f"{res['rss_mb']:.1f} MB" if res["rss_mb"] is not None else "?"
    return (f"| {res['name']} | {pages if pages else '?'} | {res['wall']:.3f} s | "
            f"{min(runs):.3f} - {max(runs):.3f} s | {rss} | {per_page} |")


# ------------------------------------------------------------------ validate
def ten_page_report(paragraphs):
    """A report with headings, numbered paragraphs, lists, tables and links."""
    body = []
    for i in range(paragraphs):
        if i % 12 == 0:
            body.append(f"  <h1>Section {i // 12 + 1}</h1>")
        body.append(f"  <p>Paragraph {i + 1}: the partnership reviewed performance against the plan for the "
                    "quarter \u2013 with <b>reductions</b> in reported incidents in most districts, a rise in "
                    "two and \u00a312,000 of \u201cearly help\u201d funding \u2013 set out in "
                    "<a href=\"https://www.example.gov.uk/\">the dashboard</a>.</p>")
        if i % 12 == 6:
            body.append('  <ol type="a"><li>The Board notes the figures;</li><li>The Board asks for a '
                        'further report.</li></ol>')
        if i % 12 == 9:
            rows = "".join(f'<tr><td>District {r}</td><td>{r * 17}</td><td status="G"/></tr>' for r in range(8))
            body.append(f'  <table widths="3* 1* 1*"><thead><tr><th>Area</th><th>Cases</th><th>RAG</th></tr>'
                        f'</thead><tbody>{rows}</tbody></table>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<report version="1">\n'
            "  <header><board>SAFER COMMUNITIES STRATEGY BOARD</board><date>2015-09-17</date>"
            "<title>Performance report</title></header>\n" + "\n".join(body) + "\n</report>\n")


def prepare_validate_report(boardpack):
    """bench/out/report-10-pages.xml, grown until preview lays it out on >= 10 pages."""
    path, pdf = OUT / "report-10-pages.xml", OUT / "report-10-pages.pdf"
    paragraphs = 60
    while True:
        path.write_text(ten_page_report(paragraphs), encoding="utf-8")
        r = subprocess.run([str(boardpack), "preview", str(path), "-o", str(pdf)], capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"preview of {path} failed: {r.stderr[:300]}")
        pages = pdf_pages(pdf)
        if pages is None or pages >= VALIDATE_PAGES or paragraphs > 2000:
            return path, pages
        paragraphs += 10


def timed_runs(cmd, runs, warmup):
    """Wall and CPU (user + system) seconds of each timed run of `cmd`, or
    the failed run. CPU time is the child's own, from the growth of
    RUSAGE_CHILDREN across the run, so it is what boardpack spent, not what
    the other users of a shared machine took from the wall clock."""
    walls, cpus = [], []
    for i in range(warmup + runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if r.returncode != 0:
            return None, None, r
        if i >= warmup:
            walls.append(wall)
            cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return walls, cpus, None


def measure_validate(boardpack, runs, warmup):
    """validate of the 10-page report (which loads the template's fonts to
    check every character can be printed), and, to show what the process
    start alone costs on this machine, `boardpack --version`."""
    path, pages = prepare_validate_report(boardpack)
    walls, cpus, failed = timed_runs([str(boardpack), "validate", str(path)], runs, warmup)
    if failed:
        return {"error": f"validate exit status {failed.returncode}: {failed.stderr[:200]}", "pages": pages}
    start, start_cpu, _ = timed_runs([str(boardpack), "--version"], runs, warmup)
    res = {"error": None, "pages": pages, "runs": runs, "wall": statistics.median(walls), "min": min(walls),
           "max": max(walls), "cpu": statistics.median(cpus),
           "start": statistics.median(start) if start else None,
           "start_cpu": statistics.median(start_cpu) if start_cpu else None,
           "load": os.getloadavg()}
    log(f"validate {path.relative_to(REPO)} ({pages} pages), {runs} runs: median wall {res['wall'] * 1000:.1f} ms, "
        f"median CPU {res['cpu'] * 1000:.1f} ms")
    return res


def validate_lines(validate):
    """The validate result as report lines, and its verdict against the bar."""
    if validate["error"]:
        return [f"Validate of a {VALIDATE_PAGES}-page report: FAILED: {validate['error']}"], None
    load = ", ".join(f"{x:.2f}" for x in validate["load"])
    lines = [f"Validate of a report of {validate['pages']} pages (bench/out/report-10-pages.xml), whole process, "
             f"{validate['runs']} runs: median wall time {validate['wall'] * 1000:.1f} ms "
             f"({validate['min'] * 1000:.1f} - {validate['max'] * 1000:.1f} ms), median CPU time (user + system) "
             f"{validate['cpu'] * 1000:.1f} ms; the process start alone (boardpack --version) takes "
             f"{validate['start'] * 1000:.1f} ms wall, {validate['start_cpu'] * 1000:.1f} ms CPU here. "
             f"Load average after the runs: {load}."]
    verdict = "within" if validate["wall"] < BAR_VALIDATE_S else "OVER"
    return lines, (f"validate {validate['wall'] * 1000:.1f} ms wall ({validate['cpu'] * 1000:.1f} ms CPU) "
                   f"vs < {BAR_VALIDATE_S * 1000:.0f} ms: {verdict}")


def report(results, synthetic, env, validate=None):
    out = [f"Measured {env}.", "",
           "| pack | pages | median wall time | min - max | median peak RSS | ms/page |",
           "| --- | ---: | ---: | ---: | ---: | ---: |"]
    out += [fmt_row(r) for r in results]
    ok = [r for r in synthetic if not r["error"] and r["pages"]]
    if len(ok) >= 2:
        small, large = ok[0], ok[-1]
        ms_s = small["wall"] * 1000 / small["pages"]
        ms_l = large["wall"] * 1000 / large["pages"]
        marginal = ((large["wall"] - small["wall"]) * 1000 / (large["pages"] - small["pages"])
                    if large["pages"] != small["pages"] else float("nan"))
        out += ["", f"Linearity: {ms_s:.2f} ms/page at {small['pages']} pages, {ms_l:.2f} ms/page "
                    f"at {large['pages']} pages (large/small {ms_l / ms_s:.2f}); marginal cost "
                    f"{marginal:.2f} ms per extra page."]
    bar = []
    for r in synthetic:
        if r["items"] in BAR_TIME and not r["error"]:
            pages, limit = BAR_TIME[r["items"]]
            verdict = "within" if r["wall"] < limit else "OVER"
            bar.append(f"{r['name']} {r['wall']:.3f} s vs < {limit} s for ~{pages} pages: {verdict}")
    rss = [r["rss_mb"] for r in results if not r["error"] and r.get("rss_mb") is not None]
    if rss:
        verdict = "within" if max(rss) < BAR_RSS_MB else "OVER"
        bar.append(f"largest peak {max(rss):.1f} MB vs < {BAR_RSS_MB} MB: {verdict}")
    if validate:
        lines, verdict = validate_lines(validate)
        out += [""] + lines
        if verdict:
            bar.append(verdict)
    if bar:
        out += ["", "Against the bar (informational): " + "; ".join(bar) + "."]
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--boardpack", default="build/boardpack",
                    help="the engine binary (relative paths: the working directory, "
                         "then the repository root; default build/boardpack)")
    ap.add_argument("--runs", type=int, default=5, help="timed builds per pack (default 5)")
    ap.add_argument("--warmup", type=int, default=1, help="untimed builds first (default 1)")
    ap.add_argument("--gen", default=str(DEFAULT_GEN),
                    help="gen_pack.py (default ../shared/bench/gen_pack.py from the repository)")
    ap.add_argument("--items", type=int, nargs="+", default=[8, 100],
                    help="synthetic pack sizes (default 8 100)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--meter", choices=["auto", "time", "wait4"], default="auto",
                    help="peak memory from GNU time or os.wait4 (default: time if it works)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per build (default 300)")
    ap.add_argument("--markdown", metavar="FILE", help="also write the results table to FILE")
    ap.add_argument("--validate-runs", type=int, default=51,
                    help="timed runs of validate of the 10-page report (default 51)")
    ap.add_argument("--floor-items", type=int, nargs="+", default=[8, 100, 300],
                    help="synthetic pack sizes built by boardpack and the floor, interleaved (default 8 100 300)")
    ap.add_argument("--no-floor", action="store_true",
                    help="leave out the comparison with the floor (../shared/bench/floor)")
    ap.add_argument("--validate-only", action="store_true",
                    help="time only validate of the 10-page report: no packs built, no gen_pack.py needed")
    args = ap.parse_args()
    if args.runs < 1 or args.warmup < 0 or args.validate_runs < 1:
        ap.error("--runs and --validate-runs must be at least 1 and --warmup at least 0")

    boardpack = Path(args.boardpack)
    if not boardpack.is_absolute() and not boardpack.exists():
        boardpack = REPO / boardpack
    if not (boardpack.is_file() and os.access(boardpack, os.X_OK)):
        sys.exit(f"run.py: no executable boardpack at {args.boardpack} (build it, or --boardpack PATH)")
    boardpack = boardpack.resolve()
    if args.validate_only:
        OUT.mkdir(exist_ok=True)
        try:
            validate = measure_validate(boardpack, args.validate_runs, args.warmup)
        except (RuntimeError, OSError) as e:
            validate = {"error": str(e), "pages": None}
        lines, verdict = validate_lines(validate)
        text = "\n".join([f"Measured {environment(boardpack, None, args)}.", ""] + lines +
                         (["", f"Against the bar (informational): {verdict}."] if verdict else [])) + "\n"
        print(text, end="")
        if args.markdown:
            Path(args.markdown).write_text(text, encoding="utf-8")
        return 1 if validate["error"] else 0
    gen = Path(args.gen)
    if not gen.is_file():
        sys.exit(f"run.py: gen_pack.py not found at {gen} (use --gen PATH)")

    meter = args.meter
    if meter == "auto":
        meter = "time" if gnu_time_works() else "wait4"
    elif meter == "time" and not gnu_time_works():
        sys.exit(f"run.py: {GNU_TIME} is missing or not GNU time; use --meter wait4")
    if meter == "wait4":
        log(f"peak memory from os.wait4 ({GNU_TIME} not used)")

    try:
        synthetic_packs = [(f"synthetic {n} items", prepare_synthetic(gen, n, args.seed), n)
                           for n in sorted(set(args.items))]
    except (RuntimeError, ValueError, KeyError, OSError) as e:
        sys.exit(f"run.py: {e}")

    packs = []
    if SAMPLE.is_file():
        packs.append(("sample lscsb-2015-09-17", SAMPLE, None))
    else:
        log(f"note: {SAMPLE.relative_to(REPO)} not found, sample pack skipped")
    # The other real packs: richer content (dashboards, a 28-page review).
    for other in ("lscsb-2015-06-18", "lscsb-2016-09-08"):
        manifest = REPO / "samples" / other / "pack.xml"
        if manifest.is_file():
            packs.append((f"sample {other}", manifest, None))
    packs += synthetic_packs

    results = [measure(name, pack, items, boardpack, args, meter) for name, pack, items in packs]
    synthetic = [r for r in results if r["items"] is not None]
    try:
        validate = measure_validate(boardpack, args.validate_runs, args.warmup)
    except (RuntimeError, OSError) as e:
        validate = {"error": str(e), "pages": None}
    text = report(results, synthetic, environment(boardpack, meter, args), validate)
    if not args.no_floor:
        # The floor: a bare libharu program writing the same packs, compiled
        # here and run interleaved with boardpack (compare.py's floor study).
        import compare  # noqa: E402 (it imports this module)
        log("boardpack against the floor")
        text += "\n" + "\n".join(compare.study_floor(str(boardpack), None, args)) + "\n"
    print(text, end="")
    if args.markdown:
        Path(args.markdown).write_text(text, encoding="utf-8")
        log(f"wrote {args.markdown}")
    failed = [r["name"] for r in results if r["error"]] + (["validate"] if validate["error"] else [])
    if failed:
        log(f"run.py: {len(failed)} pack(s) failed to build: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
