#!/usr/bin/python3
"""Regenerates the scikit-image 0.19.3 answers used by WatershedTest and OtsuTest:
/usr/bin/python3 make_goldens.py  (writes watershed_cases.txt and otsu_cases.txt here)."""
import numpy as np
from skimage.filters import threshold_otsu
from skimage.segmentation import watershed

rng = np.random.default_rng(4)
with open("watershed_cases.txt", "w") as f:
    f.write("# h w line; levels (h rows); markers (h rows); mask (h rows); expected (h rows)\n")
    for case in range(12):
        h, w = int(rng.integers(6, 20)), int(rng.integers(6, 20))
        levels = rng.integers(0, 1 + case % 4, size=(h, w))  # few levels: many ties
        markers = np.zeros((h, w), np.int32)
        for k in range(int(rng.integers(2, 6))):
            y, x = rng.integers(0, h), rng.integers(0, w)
            markers[y:y + int(rng.integers(1, 3)), x:x + int(rng.integers(1, 4))] = k + 1
        mask = rng.random((h, w)) > (0.15 if case % 3 else 0.0)
        line = case % 2 == 1
        out = watershed(levels, markers, mask=mask, watershed_line=line)
        f.write(f"{h} {w} {int(line)}\n")
        for a in (levels, markers, mask.astype(int), out):
            for row in a:
                f.write(" ".join(str(int(v)) for v in row) + "\n")

with open("otsu_cases.txt", "w") as f:
    f.write("# n values...; expected threshold (repr)\n")
    cases = [rng.integers(0, 256, 500) / 255.0,
             np.concatenate([rng.normal(0.2, 0.05, 400), rng.normal(0.7, 0.1, 300)]),
             rng.integers(0, 256, 1000).astype(float) / 255.0 * 0.5 + 0.1,
             np.array([0.25] * 10),
             np.array([0.0, 1.0]),
             rng.random(333)]
    for c in cases:
        f.write(" ".join(repr(float(v)) for v in c) + "\n")
        f.write(repr(float(threshold_otsu(c))) + "\n")
