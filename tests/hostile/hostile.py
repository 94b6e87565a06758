"""The hostile-input corpus: what an officer, a broken disk or a careless
command line can hand an unattended build. Each case sets up a pack folder,
runs boardpack, and states the exit code and the exact diagnostics it must
give, with their hints ("{dir}" stands for the case's folder). No case may crash, hang or
leave a temporary file behind.

usage: hostile.py BOARDPACK ROOT [CASE...]"""
import os
import re
import resource
import shutil
import signal
import stat
import struct
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from png_bytes import chunk, png  # noqa: E402

boardpack, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
only = set(sys.argv[3:])
failures = []
CASES = []


def case(exit_code, *lines, partial=False):
    """Registers a case: `lines` are the stderr lines expected, in order
    (all of them, unless partial=True: then each must appear)."""
    def register(fn):
        CASES.append((fn.__name__, fn, exit_code, lines, partial))
        return fn
    return register


# ---- building blocks --------------------------------------------------------

def write(d, name, data):
    path = os.path.join(d, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)
    return path


def pack_xml(papers=("report.xml",), template="lscsb"):
    items = "".join(f'<item><title>Item {i + 1}</title><papers src="{p}"/></item>' for i, p in enumerate(papers))
    return (f'<pack version="1" template="{template}">\n'
            f'  <meeting><body>TEST BOARD</body><date>2016-09-08</date><venue>County Hall</venue></meeting>\n'
            f'  <agenda>{items}</agenda>\n</pack>\n')


def report_xml(body="<p>Text.</p>"):
    return ('<report version="1">\n'
            '  <header><board>TEST BOARD</board><date>2016-09-08</date><title>A REPORT</title></header>\n'
            f'  {body}\n</report>\n')


def simple_pack(d, body="<p>Text.</p>"):
    write(d, "pack.xml", pack_xml())
    write(d, "report.xml", report_xml(body))
    return os.path.join(d, "pack.xml")


def build(d, manifest, *extra):
    return ["build", manifest, "-o", os.path.join(d, "out.pdf"), "--templates", os.path.join(root, "templates"), *extra]


def jpeg_from_pdf(d):
    """A real JPEG: a sample page rendered by poppler."""
    sample = os.path.join(d, "sample.pdf")
    subprocess.run([boardpack, "build", os.path.join(root, "samples/lscsb-2015-09-17/pack.xml"), "-o", sample],
                   check=True, capture_output=True)
    subprocess.run(["pdftoppm", "-jpeg", "-r", "10", "-f", "1", "-l", "1", "-singlefile", sample,
                    os.path.join(d, "photo")], check=True)
    os.remove(sample)
    return open(os.path.join(d, "photo.jpg"), "rb").read()


def img_pack(d, name, data):
    write(d, name, data)
    return simple_pack(d, f'<img src="{name}" alt="x"/>')


# ---- images -----------------------------------------------------------------

GOOD_PNG = png(2, 2, 2, [b"\xff\0\0\0\xff\0", b"\0\0\xff\xff\xff\xff"])


@case(1, "{dir}/report.xml:3:3: error: the image {dir}/bad.png is a damaged PNG file (IDAT: CRC error) [image-format]",
         "  hint: save it again as PNG or JPEG")
def png_bad_crc(d):
    data = bytearray(GOOD_PNG)
    data[-13] ^= 0xFF  # the last byte of IDAT's CRC
    return build(d, img_pack(d, "bad.png", bytes(data)))


@case(1, "{dir}/report.xml:3:3: error: the image {dir}/cut.png is a damaged PNG file (the file ends early "
         "(it is truncated)) [image-format]", "  hint: save it again as PNG or JPEG")
def png_truncated(d):
    return build(d, img_pack(d, "cut.png", GOOD_PNG[:45]))


@case(1, "{dir}/report.xml:3:3: error: the image {dir}/junk.png is a damaged PNG file (IDAT: incorrect header "
         "check) [image-format]", "  hint: save it again as PNG or JPEG")
def png_corrupt_data(d):
    ihdr = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", b"garbage!garbage!") + chunk(b"IEND", b"")
    return build(d, img_pack(d, "junk.png", data))


@case(0)
def png_rgb_with_trns(d):
    """Crashed inside libharu's own PNG loader: now decoded by us."""
    trns = chunk(b"tRNS", struct.pack(">HHH", 255, 0, 0))
    return build(d, img_pack(d, "t.png", png(2, 2, 2, [b"\xff\0\0\0\xff\0", b"\0\0\xff\xff\0\0"], extra=trns)))


@case(0)
def png_every_form(d):
    forms = {
        "gray1": png(8, 1, 0, [b"\x5a"], depth=1),
        "gray16": png(1, 1, 0, [b"\x12\x34"], depth=16),
        "palette4": png(2, 1, 3, [b"\x01"], depth=4, extra=chunk(b"PLTE", b"\xff\0\0\0\xff\0") + chunk(b"tRNS", b"\x80")),
        "graya": png(1, 1, 4, [b"\x80\x40"]),
        "rgba16": png(1, 1, 6, [b"\0\x10\0\x20\0\x30\x80\0"], depth=16),
    }
    for name, data in forms.items():
        write(d, name + ".png", data)
    body = "".join(f'<img src="{n}.png" alt="{n}"/>' for n in forms)
    return build(d, simple_pack(d, body))


@case(1, "{dir}/report.xml:3:3: error: the image {dir}/huge.png is 20000 x 20000 pixels (400 megapixels), more "
         "than the template allows (50 megapixels) [image-size]",
         "  hint: downscale it: a full A4 page at 300 dpi needs about 2500 x 3500 pixels")
def png_too_many_pixels(d):
    # 20000 rows of 20000 zero bytes deflate to about 400 KB.
    raw = zlib.compress(b"\0" * 20001 * 20000, 9)
    ihdr = struct.pack(">IIBBBBB", 20000, 20000, 8, 0, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")
    return build(d, img_pack(d, "huge.png", data))


@case(1, "{dir}/report.xml:3:3: error: the image {dir}/cut.jpg is a damaged JPEG file (its image data ends "
         "early; it is truncated) [image-format]", "  hint: save it again as PNG or JPEG")
def jpeg_truncated(d):
    data = jpeg_from_pdf(d)
    return build(d, img_pack(d, "cut.jpg", data[: len(data) * 2 // 3]))


@case(0)
def jpeg_whole(d):
    return build(d, img_pack(d, "whole.jpg", jpeg_from_pdf(d)))


# ---- inputs: only regular files, nothing outside the pack -------------------

@case(1, "{dir}/pack.xml:3:46: error: the paper {dir}/pipe.xml is a FIFO (named pipe), not a regular file "
         "[file-unreadable]")
def paper_is_fifo(d):
    write(d, "pack.xml", pack_xml(papers=("pipe.xml",)))
    os.mkfifo(os.path.join(d, "pipe.xml"))
    return build(d, os.path.join(d, "pack.xml"))


@case(1, "{dir}/report.xml:3:8: error: the image {dir}/pipe.png is a FIFO (named pipe), not a regular file "
         "[file-unreadable]")
def image_is_fifo(d):
    os.mkfifo(os.path.join(d, "pipe.png"))
    return build(d, simple_pack(d, '<img src="pipe.png" alt="x"/>'))


@case(1, "{dir}/pack/pack.xml:3:46: error: the paper \"report.xml\" lies outside the pack's folder ({dir}/pack); "
         "keep a pack's papers inside its folder [outside-pack]")
def paper_linked_from_outside(d):
    write(d, "secret/report.xml", report_xml("<p>Not for the pack.</p>"))
    write(d, "pack/pack.xml", pack_xml())
    os.symlink(os.path.join(d, "secret/report.xml"), os.path.join(d, "pack/report.xml"))
    return build(d, os.path.join(d, "pack/pack.xml"))


@case(1, "{dir}/pack/pack.xml:3:46: error: the paper \"papers/report.xml\" lies outside the pack's folder "
         "({dir}/pack); keep a pack's papers inside its folder [outside-pack]")
def folder_linked_from_outside(d):
    write(d, "secret/report.xml", report_xml("<p>Not for the pack.</p>"))
    write(d, "pack/pack.xml", pack_xml(papers=("papers/report.xml",)))
    os.symlink(os.path.join(d, "secret"), os.path.join(d, "pack/papers"))
    return build(d, os.path.join(d, "pack/pack.xml"))


@case(1, "{dir}/pack/report.xml:3:8: error: the image \"logo.png\" lies outside the pack's folder ({dir}/pack); "
         "copy it into the folder [outside-pack]")
def image_linked_from_outside(d):
    write(d, "secret/logo.png", GOOD_PNG)
    write(d, "pack/pack.xml", pack_xml())
    write(d, "pack/report.xml", report_xml('<img src="logo.png" alt="x"/>'))
    os.symlink(os.path.join(d, "secret/logo.png"), os.path.join(d, "pack/logo.png"))
    return build(d, os.path.join(d, "pack/pack.xml"))


@case(0)
def link_inside_the_pack(d):
    """A link that stays inside the pack is fine."""
    write(d, "pack.xml", pack_xml(papers=("current.xml",)))
    write(d, "papers/v2.xml", report_xml())
    os.symlink(os.path.join(d, "papers/v2.xml"), os.path.join(d, "current.xml"))
    return build(d, os.path.join(d, "pack.xml"))


@case(1, "{dir}/pipe.xml: error: the file is a FIFO (named pipe), not a regular file [file-unreadable]",
         "1 file: 1 error, 0 warnings")
def validate_a_fifo(d):
    os.mkfifo(os.path.join(d, "pipe.xml"))
    return ["validate", os.path.join(d, "pipe.xml")]


# ---- smaller things an officer can send ----------------------------------------

@case(1, "{dir}/report.xml:1:1: error: this file has a <!DOCTYPE> declaration, which boardpack does not read: "
         "entities declared in it are not expanded, and files it names are not read [doctype]",
      "  hint: delete the <!DOCTYPE ...> and write in the text what its entities stood for")
def paper_with_a_parameter_entity(d):
    """Passed unnoticed before: a parameter entity naming a file outside."""
    manifest = simple_pack(d)
    path = os.path.join(d, "report.xml")
    text = open(path, encoding="utf-8").read()
    write(d, "report.xml", '<!DOCTYPE report [ <!ENTITY % x SYSTEM "file:///etc/passwd"> %x; ]>' + text)
    return build(d, manifest)


@case(0, "{dir}/pack.xml:3:98: warning: the paper {dir}/report.xml is already bound into agenda item 1 (line 3), "
         "so it would be printed twice [paper-bound-twice]",
      "  hint: name the paper this item needs, or delete this <papers>")
def paper_bound_twice(d):
    write(d, "pack.xml", pack_xml(papers=("report.xml", "report.xml")))
    write(d, "report.xml", report_xml())
    return build(d, os.path.join(d, "pack.xml"))


# ---- text that cannot be placed inside the page -------------------------------

def house_style_changed(d, old, new):
    """Builds with the house template altered: `old` replaced by `new`."""
    own_templates(d)
    path = os.path.join(d, "templates/lscsb.xml")
    text = open(path, encoding="utf-8").read()
    assert old in text
    open(path, "w", encoding="utf-8").write(text.replace(old, new, 1))
    return ["build", simple_pack(d), "-o", os.path.join(d, "out.pdf"), "--templates", os.path.join(d, "templates")]


@case(1, '{dir}/templates/lscsb.xml:12:36: error: size="700pt" on the style "body" makes one line 805pt tall, more '
         'than the 451.3pt between the top and bottom margins, so its text cannot be placed on a page [page-geometry]',
      "  hint: make the size smaller: body text is usually 11pt or 12pt")
def body_font_too_big(d):
    return house_style_changed(d, '<style name="body" family="sans" size="12pt"',
                               '<style name="body" family="sans" size="700pt"')


@case(1, "{dir}/templates/lscsb.xml:36:11: error: the paragraph indent (5000mm) is wider than the text column "
         "(159.2mm between the side margins), so the text of every paragraph would start off the page [page-geometry]",
      '  hint: make paragraph= on <indent> smaller, e.g. paragraph="10mm"')
def indent_wider_than_the_column(d):
    return house_style_changed(d, '<indent paragraph="10mm"', '<indent paragraph="5000mm"')


# ---- outputs: never over an input, another output or a device -------------------
#
# A case may return a dict instead of the arguments: "args", and "after", a
# function that returns what went wrong with the files (or None), and
# "file_size_limit", the largest file the build may write (as on a full disk).

def own_templates(d):
    """The house template and its fonts copied into the case's folder, so a
    case that aims an output at them can only ever damage the copies."""
    shutil.copytree(os.path.join(root, "templates"), os.path.join(d, "templates"))
    shutil.copytree(os.path.join(root, "fonts"), os.path.join(d, "fonts"))


def unchanged(path, data):
    def after():
        if not os.path.isfile(path) or open(path, "rb").read() != data:
            return f"{path} was changed"
    return after


def aimed_at(d, relative):
    """Builds with -o naming `relative` (an input of the build) in the case's folder."""
    own_templates(d)
    write(d, "chart.png", GOOD_PNG)
    manifest = simple_pack(d, '<img src="chart.png" alt="A chart"/>')
    target = os.path.join(d, relative)
    return {"args": ["build", manifest, "-o", target, "--templates", os.path.join(d, "templates")],
            "after": unchanged(target, open(target, "rb").read())}


@case(2, "{dir}/pack.xml: error: the pack PDF would be written over the pack manifest {dir}/pack.xml, which the "
         "build reads [output]", "  hint: name another file for the pack PDF")
def output_over_the_manifest(d):
    return aimed_at(d, "pack.xml")


@case(2, "{dir}/report.xml: error: the pack PDF would be written over the paper {dir}/report.xml, which the build "
         "reads [output]", "  hint: name another file for the pack PDF")
def output_over_a_paper(d):
    return aimed_at(d, "report.xml")


@case(2, "{dir}/templates/lscsb.xml: error: the pack PDF would be written over the template "
         "{dir}/templates/lscsb.xml, which the build reads [output]", "  hint: name another file for the pack PDF")
def output_over_the_template(d):
    return aimed_at(d, "templates/lscsb.xml")


@case(2, "{dir}/fonts/LiberationSans-Bold.ttf: error: the pack PDF would be written over the font "
         "{dir}/fonts/LiberationSans-Bold.ttf, which the build reads [output]",
         "  hint: name another file for the pack PDF")
def output_over_a_font(d):
    return aimed_at(d, "fonts/LiberationSans-Bold.ttf")


@case(2, "{dir}/chart.png: error: the pack PDF would be written over the image {dir}/chart.png, which the build "
         "reads [output]", "  hint: name another file for the pack PDF")
def output_over_an_image(d):
    return aimed_at(d, "chart.png")


@case(2, "{dir}/out.pdf: error: the build report and the pack PDF are the same file [output]",
      "  hint: give each output its own file")
def report_over_the_output(d):
    write(d, "out.pdf", b"%PDF-1.7 the previous pack")
    return {"args": build(d, simple_pack(d), "--report", os.path.join(d, "out.pdf")),
            "after": unchanged(os.path.join(d, "out.pdf"), b"%PDF-1.7 the previous pack")}


@case(2, "{dir}/pack.xml: error: the build report would be written over the pack manifest {dir}/pack.xml, which "
         "the build reads [output]", "  hint: name another file for the build report")
def report_over_the_manifest(d):
    manifest = simple_pack(d)
    return {"args": build(d, manifest, "--report", manifest), "after": unchanged(manifest, open(manifest, "rb").read())}


@case(2, "-: error: the page dump and the pack PDF would both go to standard output [output]",
      "  hint: give each output its own file")
def dump_and_output_both_to_stdout(d):
    return ["build", simple_pack(d), "-o", "-", "--dump", "-", "--templates", os.path.join(root, "templates")]


@case(2, "{dir}/same.pdf: error: the supplement PDF and the pack PDF are the same file [output]",
      "  hint: give each output its own file")
def supplement_over_the_output(d):
    write(d, "pack.xml", pack_xml().replace("<item>", '<item to-follow="true">', 1))
    write(d, "report.xml", report_xml())
    same = os.path.join(d, "same.pdf")
    return ["build", os.path.join(d, "pack.xml"), "-o", same, "--supplement", same,
            "--templates", os.path.join(root, "templates")]


def nothing_in(folder):
    def after():
        if os.path.exists(folder) and os.listdir(folder):
            return f"{folder} holds {sorted(os.listdir(folder))}"
    return after


@case(2, "{dir}/out/2024-06-12.pdf: error: the packs {dir}/cabinet/2024-06-12/pack.xml and "
         "{dir}/scrutiny/2024-06-12/pack.xml would both be written to this file [output]",
      "  hint: build them into separate --out-dir folders, or one at a time with -o")
def out_dir_two_packs_one_folder_name(d):
    """Two committees meeting on one day: --out-dir names each PDF after the
    pack's folder, so both would be 2024-06-12.pdf. Refused before either is built."""
    packs = []
    for committee in ("cabinet", "scrutiny"):
        packs.append(simple_pack(os.path.join(d, committee, "2024-06-12")))
    return {"args": ["build", *packs, "--out-dir", os.path.join(d, "out"), "--templates", os.path.join(root, "templates")],
            "after": nothing_in(os.path.join(d, "out"))}


@case(2, "{dir}/out/meeting.pdf: error: the packs {dir}/a/meeting.xml and {dir}/c/meeting.xml would both be "
         "written to this file [output]",
      "  hint: build them into separate --out-dir folders, or one at a time with -o")
def out_dir_two_manifests_one_name(d):
    """Manifests not called pack.xml are named by their own name: a/meeting.xml
    and c/meeting.xml clash, b/pack.xml does not, and none of the three is built."""
    os.makedirs(os.path.join(d, "out"))
    packs = []
    for folder, name in (("a", "meeting.xml"), ("b", "pack.xml"), ("c", "meeting.xml")):
        write(os.path.join(d, folder), name, pack_xml())
        write(os.path.join(d, folder), "report.xml", report_xml())
        packs.append(os.path.join(d, folder, name))
    return {"args": ["build", *packs, "--out-dir", os.path.join(d, "out"), "--templates", os.path.join(root, "templates")],
            "after": nothing_in(os.path.join(d, "out"))}


# ---- diagnostics that stay bounded ---------------------------------------------

ROW = "<tr><td>Action {}: review</td><td>Open</td></tr>"
LOG_HEAD = ('<report version="1"><header><board>TEST BOARD</board><date>2016-09-08</date>'
            '<title>ACTION LOG</title></header><p>The log:</p>')


def action_log(d, rows):
    """A paper on one line: `rows` table rows standing in the report itself."""
    return write(d, "report.xml", LOG_HEAD + "".join(ROW.format(i) for i in range(rows)) + "</report>\n")


def row_column(i):
    """The column (1-based, in characters) of row i's "<tr>"."""
    return len(LOG_HEAD) + sum(len(ROW.format(k)) for k in range(i)) + 1


TR_ERRORS = [line for i in range(20) for line in (
    f"{{dir}}/report.xml:1:{row_column(i)}: error: <tr> is not allowed inside <report> [misplaced-element]",
    "  hint: rows go inside <thead> or <tbody>")]
TR_MORE = ["{dir}/report.xml: note: ... and 1980 more errors of this kind in this file, not shown [misplaced-element]",
           "  hint: fix the ones shown and check again: one mistake often repeats, or causes the rest"]


def cut_source_lines(r):
    """Each diagnostic's source line is a window of the 120 KB line, the
    caret under its row; the whole output a few KB."""
    if len(r.stderr) > 8000:
        return f"{len(r.stderr)} bytes of diagnostics for 20 shown"
    lines = r.stderr.splitlines()
    shown = [l for l in lines if l.startswith("    1 | ")]
    carets = [l for l in lines if l.startswith("      | ")]
    line = LOG_HEAD + "".join(ROW.format(i) for i in range(2000)) + "</report>"
    if len(shown) != 20 or len(carets) != 20:
        return f"{len(shown)} source lines and {len(carets)} carets for 20 diagnostics"
    for i in range(20):
        # 100 characters, 40 of them before the caret's, cut at both ends.
        col = row_column(i)
        want = "    1 | ..." + line[col - 41:col + 59] + "..."
        if shown[i] != want or carets[i] != "      |    " + " " * 40 + "^":
            return f"row {i + 1}'s source line and caret:\n{shown[i]}\n{carets[i]}\nwant\n{want}"


@case(1, *TR_ERRORS, *TR_MORE, "1 file: 2000 errors, 0 warnings")
def misplaced_rows_on_one_line(d):
    """A paper exported on one line with its rows outside any table: 20 of
    the 2,000 errors shown, each with a window of the line, then how many more."""
    return {"args": ["validate", action_log(d, 2000)], "output": cut_source_lines}


def rows_as_json(r):
    import json
    items = json.loads(r.stdout) if r.stdout.startswith("[") else []
    if len(r.stdout) > 8000 or len(items) != 21:
        return f"{len(r.stdout)} bytes, {len(items)} objects of JSON"
    if items[-1] != {"file": items[0]["file"], "line": 0, "column": 0, "severity": "note", "rule": "misplaced-element",
                     "message": "... and 1980 more errors of this kind in this file, not shown",
                     "hint": "fix the ones shown and check again: one mistake often repeats, or causes the rest"}:
        return f"the last JSON object: {items[-1]}"
    if [x["column"] for x in items[:20]] != [row_column(i) for i in range(20)]:
        return f"the JSON columns: {[x['column'] for x in items[:20]]}"


@case(1)
def misplaced_rows_in_a_build_as_json(d):
    """The same paper in a pack, built with --format json: 20 objects and a
    note object saying how many more, all on stdout."""
    action_log(d, 2000)
    write(d, "pack.xml", pack_xml())
    return {"args": build(d, os.path.join(d, "pack.xml"), "--format", "json"), "output": rows_as_json}


def device_node(d):
    """A character device like /dev/null, made in the case's folder so that a
    build that failed to refuse it could only ever replace the copy."""
    path = os.path.join(d, "null")
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        return path
    except PermissionError:
        return "/dev/null"  # not root: the real one, which only root could replace


@case(3, "{dev}: error: the pack PDF is a device, not a regular file [output]",
      "  hint: name a regular file for it, in a folder that exists")
def output_is_a_device(d):
    dev = device_node(d)
    return {"args": ["build", simple_pack(d), "-o", dev, "--templates", os.path.join(root, "templates")],
            "after": lambda: None if stat.S_ISCHR(os.stat(dev).st_mode) else f"{dev} is no longer a device",
            "dev": dev}


@case(3, "{dir}/pipe.pdf: error: the pack PDF is a FIFO (named pipe), not a regular file [output]",
      "  hint: name a regular file for it, in a folder that exists")
def output_is_a_fifo(d):
    os.mkfifo(os.path.join(d, "pipe.pdf"))
    return ["build", simple_pack(d), "-o", os.path.join(d, "pipe.pdf"), "--templates", os.path.join(root, "templates")]


@case(3, "{dir}/packs: error: the pack PDF is a folder, not a file [output]",
      "  hint: name a regular file for it, in a folder that exists")
def output_is_a_folder(d):
    os.mkdir(os.path.join(d, "packs"))
    return ["build", simple_pack(d), "-o", os.path.join(d, "packs"), "--templates", os.path.join(root, "templates")]


@case(3, "{dir}/report.json: error: the build report cannot be written: File too large", partial=True)
def report_on_a_full_disk(d):
    """The report cannot be written (the file size limit stands in for a full
    disk): exit 3, and the previous report is kept, not left empty."""
    write(d, "report.json", "{}")
    return {"args": ["build", simple_pack(d), "-o", "-", "--report", os.path.join(d, "report.json"),
                     "--templates", os.path.join(root, "templates")],
            "file_size_limit": 1000, "after": unchanged(os.path.join(d, "report.json"), b"{}")}


@case(3, "{dir}/out.pdf: error: cannot be written: File too large [output]")
def pdf_on_a_full_disk(d):
    write(d, "out.pdf", b"%PDF-1.7 the previous pack")
    return {"args": build(d, simple_pack(d)), "file_size_limit": 4000,
            "after": unchanged(os.path.join(d, "out.pdf"), b"%PDF-1.7 the previous pack")}


# ---- the runner ---------------------------------------------------------------

def leftovers(d):
    return sorted(f for f in os.listdir(d) if ".tmp" in f)


for name, fn, exit_code, lines, partial in CASES:
    if only and name not in only:
        continue
    d = tempfile.mkdtemp(prefix=f"bp-hostile-{name}-")
    setup = fn(d)
    if isinstance(setup, list):
        setup = {"args": setup}
    args = setup["args"]

    def limits(size=setup.get("file_size_limit")):
        if size is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing
            resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    try:
        r = subprocess.run([boardpack, *args], capture_output=True, text=True, timeout=60, cwd=d, preexec_fn=limits,
                           errors="replace")
    except subprocess.TimeoutExpired:
        failures.append(f"{name}: boardpack did not finish within 60 s")
        continue
    # The diagnostics and their hints; the echoed source line and caret are
    # the printer's business, not the case's.
    got = [l for l in r.stderr.splitlines() if l.strip() and not re.match(r"^\s+(\d+ )?\|", l)]
    want = [l.replace("{dir}", d).replace("{dev}", setup.get("dev", "")) for l in lines]
    if "after" in setup and (problem := setup["after"]()):
        failures.append(f"{name}: {problem}")
    if "output" in setup and (problem := setup["output"](r)):
        failures.append(f"{name}: {problem}")
    if r.returncode != exit_code:
        failures.append(f"{name}: exit {r.returncode}, expected {exit_code}\n    stderr: {r.stderr.strip()[:600]}")
    elif partial and not all(w in got for w in want):
        failures.append(f"{name}: missing lines {[w for w in want if w not in got]}\n    got: {got}")
    elif not partial and got != want:
        failures.append(f"{name}: stderr\n    got:  {got}\n    want: {want}")
    if leftovers(d):
        failures.append(f"{name}: temporary files left behind: {leftovers(d)}")
    if exit_code == 0 and r.returncode == 0 and "-o" in args:
        out = args[args.index("-o") + 1]
        check = subprocess.run(["qpdf", "--check", out], capture_output=True, text=True)
        if check.returncode != 0:
            failures.append(f"{name}: qpdf --check fails on the PDF: {check.stdout[-300:]}")

ran = len([c for c in CASES if not only or c[0] in only])
if failures:
    print(f"{len(failures)} of {ran} hostile cases failed:\n" + "\n".join(failures))
    sys.exit(1)
print(f"all {ran} hostile cases passed")
