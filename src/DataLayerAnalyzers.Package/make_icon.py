#!/usr/bin/env python3
"""Draws icon.png (128x128) for the package page: a database cylinder with a check mark. Standard library only."""
import math
import struct
import zlib

SIZE = 128
BACKGROUND = (22, 36, 71)     # navy
CYLINDER = (255, 153, 0)      # orange
RIM = (255, 196, 102)
CHECK = (255, 255, 255)


def pixel(x, y):
    # Rounded square background, transparent corners.
    r = 22
    cx = min(max(x, r), SIZE - 1 - r)
    cy = min(max(y, r), SIZE - 1 - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
        return (0, 0, 0, 0)
    color = BACKGROUND
    # Cylinder: body between two ellipses.
    left, right, top, bottom, ry = 30, 98, 34, 96, 11
    mx, rx = (left + right) / 2, (right - left) / 2
    inside_x = abs(x - mx) <= rx
    if inside_x:
        dy = ry * math.sqrt(max(0.0, 1 - ((x - mx) / rx) ** 2))
        if top - dy <= y <= bottom + dy and (y >= top or ((x - mx) / rx) ** 2 + ((y - top) / ry) ** 2 <= 1):
            color = CYLINDER
            if ((x - mx) / rx) ** 2 + ((y - top) / ry) ** 2 <= 1:
                color = RIM
            for band in (55, 76):
                if abs(y - (band + dy)) < 1.6:
                    color = BACKGROUND
    # Check mark in the body.
    def near(ax, ay, bx, by, width):
        t = max(0.0, min(1.0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)))
        px, py = ax + t * (bx - ax), ay + t * (by - ay)
        return (x - px) ** 2 + (y - py) ** 2 <= width * width
    if near(48, 74, 60, 86, 4.5) or near(60, 86, 82, 58, 4.5):
        color = CHECK
    return color + (255,)


def main():
    rows = b"".join(b"\0" + b"".join(struct.pack("BBBB", *pixel(x, y)) for x in range(SIZE)) for y in range(SIZE))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    with open("icon.png", "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main()
