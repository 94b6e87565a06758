"""PNG files written byte by byte, so tests can make every colour type, bit
depth and transparency form, and break any chunk on purpose (the hostile
corpus and the fuzz seeds both need them)."""
import struct
import zlib


def chunk(kind, data):
    """One chunk: length, type, data and the CRC of type and data."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, color_type, rows, depth=8, extra=b""):
    """rows: packed samples of each row, filter byte 0 added here; extra:
    chunks to put between IHDR and IDAT (PLTE, tRNS)."""
    ihdr = struct.pack(">IIBBBBB", width, height, depth, color_type, 0, 0, 0)
    raw = b"".join(b"\0" + r for r in rows)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + extra + chunk(b"IDAT", zlib.compress(raw)) +
            chunk(b"IEND", b""))
