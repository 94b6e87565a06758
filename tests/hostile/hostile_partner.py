"""Hostile partner PDFs (partner_corpus.py writes them) bound into a pack,
each as a paper (<papers>) or a report's appendix (<appendix>). Every case
must end within 10 s of processor time and 1 GB with exit 0 (bound, with a warning where
something was left out) or exit 1 (an error located at the element that
names the PDF), never crash or hang. Each pack that binds is decompressed
with qpdf and scanned object by object: no JavaScript, open or additional
actions, launch or submit actions, attachments, form fields, the
partner's catalog or its bytes; and pdftotext finds no text of a hidden
layer, and every word the case says must show. Some cases are also
checked with `boardpack validate`, which must answer as the build does.

usage: hostile_partner.py BOARDPACK ROOT [CASE...]"""
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import partner_corpus as corpus  # noqa: E402

boardpack, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
SANITIZED = b"__asan_init" in open(boardpack, "rb").read()
only = set(sys.argv[3:])
failures = []

# Each case's processor time (boardpack's and the partner reader's) and
# peak memory; its wall time only guards against a hang, as a machine
# shared by other builds can stretch it several times over.
SECONDS, MEGABYTES, WALL_SECONDS = 10, 1024, 60
BOUND_HINT = "  hint: if the reader needs them, ask the partner for a version without, or publish the PDF beside the pack"
ASK_HINT = "  hint: ask the partner for a PDF that opens without a password and is complete, or save it again"


def budget_hint(name, raised, unit, now):
    return (f"  hint: if the PDF comes from someone you trust, give it more with --partner-budget {name}={raised} "
            f"({unit}; the {name} budget is now {now}); else ask the partner to save it again")


def refused(reason, hint=ASK_HINT):
    return (1, [f'{{at}}: error: the PDF "{{pdf}}" cannot be bound: {reason} [partner-pdf]', hint])


def dropped(what):
    return (0, [f'{{at}}: warning: the PDF "{{pdf}}" has {what}; the pack shows its pages without them [partner-dropped]',
                BOUND_HINT])


# Each case: (exit code, the diagnostics and hints expected, in order).
# "{at}" is where the PDF is named, "{pdf}" its path; a line that starts
# with "re:" is a pattern.
EXPECT = {
    "outline_next_loop": (0, []),
    "outline_top_loop": (0, []),
    "deep_page_tree": refused("its page tree is nested more than 256 levels deep"),
    "page_tree_loop": refused("its page tree loops (object 6 is reached twice)"),
    "deep_form_nesting": refused("page 1's resources are nested more than 32 levels deep"),
    "form_cycle": refused("page 1 draws a form XObject that draws itself (object 4)"),
    "deep_resources_chain": refused("page 1's resources are nested more than 32 levels deep"),
    "struct_shared_arrays": (0, []),
    "struct_shared_string": dropped("4000 alternate descriptions and replacement texts too long to carry"),
    "outline_shared_string": dropped("2000 bookmark titles longer than 400 characters (cut short)"),
    "long_bookmark_title": dropped("1 bookmark title longer than 400 characters (cut short)"),
    "bomb_on_ten_pages": refused("page 1 has a content stream of more than 64 MB decoded",
                                 budget_hint("stream", 128, "megabytes", 64)),
    "bomb_ten_times": refused("page 1 draws more than 128 MB of content decoded", budget_hint("page", 256, "megabytes", 128)),
    "bomb_form": refused("page 1 has a content stream of more than 64 MB decoded", budget_hint("stream", 128, "megabytes", 64)),
    "bomb_pack": refused("the partner pages of the pack draw more than 100 MB of content decoded (reached at its page 4)",
                         budget_hint("pack", 200, "megabytes", 100)),
    "many_struct_elements": refused("it has more than 100000 structure elements",
                                    budget_hint("elements", 200000, "elements", 100000)),
    "huge_array": refused("reading it needed more than 768 MB of memory", budget_hint("memory", 1536, "megabytes", 768)),
    "resources_reach_catalog": dropped("1 comment or annotation, its form fields, its JavaScript, the action it runs when "
                                       "opened and its attached files"),
    "structure_reaches_catalog": dropped("1 comment or annotation and the action it runs when opened"),
    "launch_and_submit_links": dropped("3 links to somewhere other than a web or e-mail address or a page of the PDF and "
                                       "the action it runs when opened"),
    "hidden_layer": dropped("content in layers it shows switched off (on 1 page)"),
    "hidden_layer_forms": dropped("content in layers it shows switched off (on 1 page)"),
    "hidden_base_state": dropped("content in layers it shows switched off (on 1 page)"),
    "damaged_content": refused("page 1's content cannot be decoded: its data is damaged"),
    "damaged_content_object": refused("page 2's content is damaged (object 4 is not a content stream)"),
    "tall_page": (0, []),
    "javascript_everywhere": dropped("its JavaScript and the action it runs when opened"),
    "many_bookmarks": refused("it has more than 10000 bookmarks", budget_hint("bookmarks", 20000, "bookmarks", 10000)),
}

# Cases made here from a case of the corpus, or with budgets of their own.
EXTRA = {
    # The reading stopped by its time budget (the elements budget raised
    # past what a second allows).
    "slow_reading": ("many_struct_elements", ["--partner-budget", "elements=1000000", "--partner-budget", "time=1"],
                     (1, ['re:\\{at\\}: error: the PDF "\\{pdf\\}" cannot be bound: reading it took more than '
                          '(1 s of processor time|3 s) \\[partner-pdf\\]', budget_hint("time", 2, "seconds", 1)])),
    "encrypted": ("javascript_everywhere", [],
                  (1, ['re:\\{at\\}: error: the PDF "\\{pdf\\}" cannot be bound: it is encrypted with a password '
                       '\\(qpdf: .*\\) \\[partner-pdf\\]', ASK_HINT])),
    "restricted": ("javascript_everywhere", [],
                   (0, ['{at}: warning: the PDF "{pdf}" has its JavaScript and the action it runs when opened; the pack '
                        'shows its pages without them [partner-dropped]', BOUND_HINT,
                        '{at}: warning: the owner of the PDF "{pdf}" does not allow printing or copying its text; the '
                        'pack, which binds it, allows both [partner-restricted]',
                        "  hint: bind it only with the owner's permission, or ask the partner for a PDF without "
                        "restrictions (--werror makes this an error)"])),
    "truncated": ("hidden_layer", [],
                  (1, ['re:\\{at\\}: error: the PDF "\\{pdf\\}" cannot be bound: it is damaged or truncated \\(qpdf: '
                       '.*\\) \\[partner-pdf\\]', ASK_HINT])),
    "not_a_pdf": (None, [], (1, ['re:\\{at\\}: error: the PDF "\\{pdf\\}" cannot be bound: it is damaged or truncated '
                                 '\\(qpdf: .*\\) \\[partner-pdf\\]', ASK_HINT])),
    # The five pages' 150 MB of decoded content, refused with the pack's
    # budget at 100 MB, bind within the default one.
    "bomb_pack_within_budget": ("bomb_pack", [], (0, [])),
}

# `boardpack validate` reads a partner PDF as a build does: the same answer,
# in as little time, for a PDF that would hang, crash or take gigabytes.
VALIDATED = ["outline_next_loop", "deep_page_tree", "bomb_ten_times", "huge_array", "javascript_everywhere"]

# Budgets a case is bound with (a lower one, where the default would take long).
ARGS = {"bomb_pack": ["--partner-budget", "pack=100"]}

# Bound as a report's appendix rather than as an item's papers.
AS_APPENDIX = {"deep_page_tree", "hidden_layer_forms", "bomb_form", "structure_reaches_catalog"}

# Dictionary keys and name values that must not be in a bound pack.
FORBIDDEN_KEYS = {"/JS", "/JavaScript", "/AA", "/OpenAction", "/EmbeddedFile", "/EmbeddedFiles", "/EF", "/AcroForm",
                  "/FT", "/" + corpus.CATALOG_MARK}
FORBIDDEN_NAMES = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/ResetForm", "/GoToR", "/GoToE",
                   "/Rendition", "/EmbeddedFile", "/Filespec", "/Widget", "/OCG", "/OCMD"}


def pack_xml(appendix):
    papers = '<papers src="report.xml"/>' if appendix else '<papers src="partner.pdf" title="Partner" alt="A partner paper"/>'
    return ('<pack version="1" template="lscsb">\n'
            '  <meeting><body>TEST BOARD</body><date>2016-09-08</date><venue>County Hall</venue></meeting>\n'
            '  <agenda><item><title>Item 1</title>\n'
            f'    {papers}</item></agenda>\n</pack>\n')


REPORT_XML = ('<report version="1">\n'
              '  <header><board>TEST BOARD</board><date>2016-09-08</date><title>A REPORT</title></header>\n'
              '  <p>The partner\'s paper is Appendix 1.</p>\n'
              '  <appendix src="partner.pdf" title="Partner" alt="A partner paper"/>\n</report>\n')


def scan(pdf):
    """What in the bound pack must not be there, object by object."""
    qdf = pdf + ".qdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf], check=True, capture_output=True)
    problems = []
    raw = open(qdf, "rb").read()
    for marker in (corpus.EXE[-15:], corpus.SECRET.encode(), corpus.CATALOG_MARK.encode()):
        if marker in raw:
            problems.append(f"the decompressed pack holds {marker!r}")
    objects = json.loads(subprocess.run(["qpdf", "--json", "--json-key=qpdf", qdf], check=True,
                                        capture_output=True, text=True).stdout)["qpdf"][1]
    catalogs = 0

    def walk(v, where):
        nonlocal catalogs
        if isinstance(v, dict):
            if v.get("/Type") == "/Catalog":
                catalogs += 1
            for k, x in v.items():
                if k in FORBIDDEN_KEYS:
                    problems.append(f"{where} has the key {k}")
                walk(x, where)
        elif isinstance(v, list):
            for x in v:
                walk(x, where)
        elif isinstance(v, str) and v in FORBIDDEN_NAMES:
            problems.append(f"{where} holds the name {v}")

    for key, obj in objects.items():
        if key == "trailer":
            continue
        walk(obj.get("value", obj.get("stream", {}).get("dict")), key)
    if catalogs != 1:
        problems.append(f"the pack has {catalogs} catalogs (its own only, 1, expected)")
    return problems


def run_case(name, source, extra_args, expect, command="build"):
    d = tempfile.mkdtemp(prefix=f"bp-hostile-partner-{name}-")
    pdf = os.path.join(d, "partner.pdf")
    appendix = name in AS_APPENDIX
    doc = corpus.Doc()
    words = corpus.CASES[source](doc) if source else None
    data = doc.bytes() if source else b"<!DOCTYPE html><html><body>Not found</body></html>\n"
    if name == "truncated":
        data = data[: len(data) // 2]
    with open(pdf, "wb") as f:
        f.write(data)
    if name in ("encrypted", "restricted"):
        plain = os.path.join(d, "plain.pdf")
        os.rename(pdf, plain)
        user = "secret" if name == "encrypted" else ""
        subprocess.run(["qpdf", "--encrypt", user, "owner", "256", "--print=none", "--extract=n", "--", plain, pdf],
                       check=True)
        os.remove(plain)
    with open(os.path.join(d, "pack.xml"), "w") as f:
        f.write(pack_xml(appendix))
    if appendix:
        with open(os.path.join(d, "report.xml"), "w") as f:
            f.write(REPORT_XML)
    out = os.path.join(d, "out.pdf")
    # Run in the case's folder, so messages name its files as written there.
    args = [boardpack, command, "pack.xml", *(["-o", "out.pdf"] if command == "build" else []),
            "--templates", os.path.join(root, "templates"), *extra_args]

    def limits():
        # The machine's safety, well above what a case may take (not for a
        # build with AddressSanitizer, whose shadow memory alone is terabytes
        # of address space; the partner reader is never built with it).
        if not SANITIZED:
            resource.setrlimit(resource.RLIMIT_AS, (8 << 30, 8 << 30))

    start = time.monotonic()
    p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=limits, cwd=d)
    output = {}
    readers = [threading.Thread(target=lambda k=k, s=s: output.__setitem__(k, s.read())) for k, s in
               (("out", p.stdout), ("err", p.stderr))]
    for r in readers:
        r.start()
    killer = threading.Timer(WALL_SECONDS, p.kill)
    killer.start()
    # wait4: the exit status, and the peak memory of boardpack and of the
    # children it waited for (the partner reader).
    _, status, usage = os.wait4(p.pid, 0)
    killer.cancel()
    for r in readers:
        r.join()
    seconds = time.monotonic() - start
    returncode = os.waitstatus_to_exitcode(status)
    stderr = output["err"].decode("utf-8", "replace")
    cpu = usage.ru_utime + usage.ru_stime
    if seconds >= WALL_SECONDS:
        failures.append(f"{name}: did not finish within {WALL_SECONDS} s")
        return
    if cpu >= SECONDS:
        failures.append(f"{name}: took {cpu:.1f} s of processor time")
    if usage.ru_maxrss > MEGABYTES * 1024:
        failures.append(f"{name}: took {usage.ru_maxrss // 1024} MB")
    code, lines = expect
    at = "report.xml:4:3" if appendix else "pack.xml:4:5"
    pdf = "partner.pdf"
    got = [l for l in stderr.splitlines() if l.strip() and not re.match(r"^\s+(\d+ )?\|", l)]
    want = [l.replace("{at}", at).replace("{pdf}", pdf) if not l.startswith("re:") else l for l in lines]
    if command == "validate":
        errors, warnings = (sum(f": {kind}: " in l for l in lines) for kind in ("error", "warning"))
        want.append(f"1 file: {errors} error{'' if errors == 1 else 's'}, {warnings} warning{'' if warnings == 1 else 's'}")
    ok_lines = len(got) == len(want) and all(
        re.fullmatch(w[3:].replace("\\{at\\}", re.escape(at)).replace("\\{pdf\\}", re.escape(pdf)), g)
        if w.startswith("re:") else g == w for g, w in zip(got, want))
    if returncode != code:
        failures.append(f"{name}: exit {returncode}, expected {code}\n    stderr: {stderr.strip()[:800]}")
    elif not ok_lines:
        failures.append(f"{name}: stderr\n    got:  {got}\n    want: {want}")
    if command == "validate" and os.path.exists(out):
        failures.append(f"{name}: validate wrote {out}")
    if returncode == 0 and code == 0 and command == "build":
        problems = scan(out)
        text = subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True).stdout
        if corpus.SECRET in text:
            problems.append("pdftotext finds the hidden layer's text")
        for w in words or []:
            if w not in re.sub(r"\s+", " ", text):
                problems.append(f"pdftotext does not find {w!r}")
        if os.path.getsize(out) > 8 << 20:
            problems.append(f"the pack is {os.path.getsize(out)} bytes")
        failures.extend(f"{name}: {problem}" for problem in problems)
    if [f for f in os.listdir(d) if ".tmp" in f]:
        failures.append(f"{name}: temporary files left behind")
    print(f"{name}: exit {returncode} in {seconds:.2f} s ({cpu:.2f} s of processor time), {usage.ru_maxrss // 1024} MB")
    shutil.rmtree(d, ignore_errors=True)


cases = ([(n, n, ARGS.get(n, []), e, "build") for n, e in EXPECT.items()] +
         [(n, s, a, e, "build") for n, (s, a, e) in EXTRA.items()] +
         [("validate:" + n, n, ARGS.get(n, []), EXPECT[n], "validate") for n in VALIDATED])
missing = set(corpus.CASES) - set(EXPECT)
if missing:
    failures.append(f"corpus cases without an expectation: {sorted(missing)}")
for name, source, extra_args, expect, command in cases:
    if only and name not in only:
        continue
    run_case(name, source, extra_args, expect, command)

ran = len([c for c in cases if not only or c[0] in only])
if failures:
    print(f"{len(failures)} problems in {ran} hostile partner cases:\n" + "\n".join(failures))
    sys.exit(1)
print(f"all {ran} hostile partner cases passed")
