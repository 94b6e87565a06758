"""Writes the fuzz harnesses' seed corpora into tests/fuzz/seeds/ from the
samples, the templates and a few small pictures of every PNG form, so the
fuzzers start from inputs that reach every stage. Run again after the
samples change; the seeds are committed, and ctest replays them.

usage: python3 tests/fuzz/make_seeds.py"""
import glob
import os
import shutil
import struct
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
seeds = os.path.join(here, "seeds")
sys.path.insert(0, os.path.dirname(here))
from png_bytes import chunk, png  # noqa: E402


def fresh(name):
    d = os.path.join(seeds, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    return d


papers = sorted(p for p in glob.glob(os.path.join(root, "samples/*/*.xml")) if not p.endswith("pack.xml"))
d = fresh("paper")
for p in papers:
    shutil.copy(p, os.path.join(d, os.path.basename(os.path.dirname(p)) + "-" + os.path.basename(p)))

d = fresh("template")
for t in sorted(glob.glob(os.path.join(root, "templates/*.xml"))):
    shutil.copy(t, d)

d = fresh("pack")
for manifest in sorted(glob.glob(os.path.join(root, "samples/*/pack.xml"))):
    folder = os.path.dirname(manifest)
    parts = [open(manifest, encoding="utf-8").read()]
    for p in sorted(glob.glob(os.path.join(folder, "*.xml"))):
        if p != manifest:
            parts.append(f"### {os.path.basename(p)}\n" + open(p, encoding="utf-8").read())
    open(os.path.join(d, os.path.basename(folder) + ".pack"), "w", encoding="utf-8").write("\n".join(parts))

d = fresh("png")
forms = {
    "rgb": png(2, 2, 2, [b"\xff\0\0\0\xff\0", b"\0\0\xff\xff\xff\xff"]),
    "rgb-trns": png(2, 1, 2, [b"\xff\0\0\0\xff\0"], extra=chunk(b"tRNS", struct.pack(">HHH", 255, 0, 0))),
    "gray1": png(8, 1, 0, [b"\x5a"], depth=1),
    "gray16": png(1, 1, 0, [b"\x12\x34"], depth=16),
    "palette4-trns": png(2, 1, 3, [b"\x01"], depth=4, extra=chunk(b"PLTE", b"\xff\0\0\0\xff\0") + chunk(b"tRNS", b"\x80")),
    "gray-alpha": png(1, 1, 4, [b"\x80\x40"]),
    "rgba16": png(1, 1, 6, [b"\0\x10\0\x20\0\x30\x80\0"], depth=16),
}
for name, data in forms.items():
    open(os.path.join(d, name + ".png"), "wb").write(data)

# The JPEG seed is a page of a sample pack rendered by poppler, committed as
# it is (seeds/jpeg/page.jpg): making it needs a built boardpack.
print("seeds written to", seeds)
