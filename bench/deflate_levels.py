"""What deflating a pack's streams costs, by compressor and level: zlib (what
libharu links, through Python's zlib module) and libdeflate (through ctypes),
on every Flate stream of a built pack (page contents, fonts, object
streams), decompressed first. Prints, per compressor and level, the median
time to compress them all and the total size, against zlib's default level 6.

    python3 bench/deflate_levels.py [PDF] [--runs 7]

Without PDF, builds the 100-item synthetic pack (../shared/bench/gen_pack.py,
seed 1) with build/boardpack into bench/out/deflate/. Needs libdeflate0."""
import argparse
import ctypes
import ctypes.util
import os
import re
import statistics
import subprocess
import sys
import time
import zlib

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)


def synthetic_pack(boardpack):
    out = os.path.join(here, "out", "deflate")
    os.makedirs(out, exist_ok=True)
    js = os.path.join(out, "pack.json")
    subprocess.run([sys.executable, os.path.join(root, "..", "shared", "bench", "gen_pack.py"), "--items", "100",
                    "--seed", "1", "--format", "json", "-o", js], check=True, capture_output=True)
    subprocess.run([sys.executable, os.path.join(here, "json_to_xml.py"), js, "-o", out], check=True,
                   capture_output=True)
    pdf = os.path.join(out, "pack.pdf")
    subprocess.run([boardpack, "build", os.path.join(out, "pack.xml"), "-o", pdf, "--force"], check=True,
                   capture_output=True)
    return pdf


def flate_streams(pdf):
    """The decompressed data of every /FlateDecode stream in the file."""
    data = open(pdf, "rb").read()
    streams = []
    for m in re.finditer(rb"<<((?:[^<>]|<<[^<>]*>>)*)>>\s*stream\r?\n", data):
        d = m.group(1)
        if b"/FlateDecode" not in d:
            continue
        # The zlib stream ends itself: no need to resolve an indirect /Length.
        d = zlib.decompressobj()
        try:
            streams.append(d.decompress(data[m.end():]))
        except zlib.error:
            pass
    return streams


class LibDeflate:
    def __init__(self):
        name = ctypes.util.find_library("deflate") or "libdeflate.so.0"
        self.lib = ctypes.CDLL(name)
        self.lib.libdeflate_alloc_compressor.restype = ctypes.c_void_p
        self.lib.libdeflate_alloc_compressor.argtypes = [ctypes.c_int]
        self.lib.libdeflate_zlib_compress_bound.restype = ctypes.c_size_t
        self.lib.libdeflate_zlib_compress_bound.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
        self.lib.libdeflate_zlib_compress.restype = ctypes.c_size_t
        self.lib.libdeflate_zlib_compress.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t,
                                                      ctypes.c_void_p, ctypes.c_size_t]
        self.lib.libdeflate_free_compressor.argtypes = [ctypes.c_void_p]

    def compressor(self, level):
        c = self.lib.libdeflate_alloc_compressor(level)
        bound = max(self.lib.libdeflate_zlib_compress_bound(c, 1 << 20), 1 << 20)
        buf = ctypes.create_string_buffer(bound)

        def compress(data):
            need = self.lib.libdeflate_zlib_compress_bound(c, len(data))
            nonlocal buf
            if need > len(buf):
                buf = ctypes.create_string_buffer(need)
            return self.lib.libdeflate_zlib_compress(c, data, len(data), buf, len(buf))
        return compress


def measure(compress, streams, runs):
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        size = sum(compress(s) for s in streams)
        times.append(time.perf_counter() - start)
    return statistics.median(times), size


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdf", nargs="?")
    ap.add_argument("--boardpack", default=os.path.join(root, "build", "boardpack"))
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    pdf = args.pdf or synthetic_pack(args.boardpack)
    streams = flate_streams(pdf)
    raw = sum(len(s) for s in streams)
    print(f"{pdf}: {len(streams)} Flate streams, {raw / 1e6:.2f} MB decompressed, "
          f"file {os.path.getsize(pdf) / 1e6:.2f} MB\n")
    ld = LibDeflate()
    variants = [(f"zlib {lv}", (lambda lv: lambda s: len(zlib.compress(s, lv)))(lv)) for lv in (1, 3, 6, 9)]
    variants += [(f"libdeflate {lv}", ld.compressor(lv)) for lv in (1, 3, 4, 5, 6, 7, 9, 12)]
    results = [(name, *measure(fn, streams, args.runs)) for name, fn in variants]
    base_t, base_s = next((t, s) for name, t, s in results if name == "zlib 6")
    print("| compressor | median ms | vs zlib 6 time | bytes | vs zlib 6 size |")
    print("| --- | --- | --- | --- | --- |")
    for name, t, s in results:
        print(f"| {name} | {t * 1000:.1f} | {t / base_t:.2f}x | {s:,} | {s / base_s:+.1%} |".replace("+", "+")
              .replace(f"{s / base_s:+.1%}", f"{(s / base_s - 1) * 100:+.1f} %"))


if __name__ == "__main__":
    main()
