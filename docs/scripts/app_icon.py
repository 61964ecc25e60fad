#!/usr/bin/python3
"""Draws the app's icon, an LSTM cell, at the sizes the desktop menus and the window use.

A rounded dark-blue square; across its upper part the cell state, a yellow line; below it three gates (forget,
input, output: red, green, blue) whose stems reach up to the line. Each size is drawn 4x larger and averaged down,
so that the edges are smooth. Writes resources/org/lstmlab/ui/icons/lstm-lab-SIZE.png (run from the repository's
root, then `optipng -quiet -o2` the files).
"""
import struct
import sys
import zlib

import numpy as np

SIZES = (16, 24, 32, 48, 64, 128, 256)
SUPER = 4


def rounded_square(x, y, radius):
    """Coverage of the square [0, 1]^2 with rounded corners."""
    cx = np.clip(x, radius, 1 - radius)
    cy = np.clip(y, radius, 1 - radius)
    return ((x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2) & (x >= 0) & (x <= 1) & (y >= 0) & (y <= 1)


def draw(size):
    n = size * SUPER
    y, x = (np.mgrid[0:n, 0:n] + 0.5) / n
    rgba = np.zeros((n, n, 4))
    inside = rounded_square(x, y, 0.2)
    top, bottom = np.array([0.16, 0.33, 0.55]), np.array([0.09, 0.18, 0.33])
    shade = top + (bottom - top) * y[..., None]
    rgba[..., :3] = shade
    rgba[..., 3] = inside
    line = 0.075 if size >= 32 else 0.11
    belt = (np.abs(y - 0.32) <= line / 2) & (x >= 0.12) & (x <= 0.88)
    gates = ((0.27, (0.91, 0.36, 0.33)), (0.5, (0.36, 0.78, 0.42)), (0.73, (0.33, 0.62, 0.95)))
    radius = 0.1 if size >= 32 else 0.12
    for gx, colour in gates:
        stem = (np.abs(x - gx) <= line / 3) & (y >= 0.32) & (y <= 0.66)
        rgba[stem & inside, :3] = (0.85, 0.88, 0.93)
        dot = (x - gx) ** 2 + (y - 0.68) ** 2 <= radius ** 2
        rgba[dot & inside, :3] = colour
    rgba[belt & inside, :3] = (0.97, 0.78, 0.27)
    small = rgba.reshape(size, SUPER, size, SUPER, 4)
    alpha = small[..., 3].mean(axis=(1, 3))
    colour = (small[..., :3] * small[..., 3:]).sum(axis=(1, 3)) / np.maximum(small[..., 3].sum(axis=(1, 3)), 1e-9)[
        ..., None]
    out = np.concatenate([colour, alpha[..., None]], axis=2)
    return np.round(out * 255).astype(np.uint8)


def png(pixels):
    height, width, _ = pixels.shape
    raw = b"".join(b"\x00" + pixels[row].tobytes() for row in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "resources/org/lstmlab/ui/icons"
    for size in SIZES:
        with open(f"{folder}/lstm-lab-{size}.png", "wb") as f:
            f.write(png(draw(size)))


if __name__ == "__main__":
    main()
