#!/usr/bin/python3
"""HPA-Cell-Segmentation 0.1.8's post-processing (label_nuclei / label_cell) with scikit-image 0.19 and
SciPy building blocks, written from the step list in HPA-REFERENCE.md section 5 (not copied from HPA).

It serves two purposes:
  * the Python side of the speed comparison in docs/BENCHMARKS.md ("bench" mode prints a table);
  * an independent reference for hpacell's Java port ("run" mode writes the three label images as
    16-bit PNGs, so the Java results can be compared with it on any input).

usage:
  hpa_postprocess_skimage.py bench NUCLEI_PRED.png CELL_PRED.png [REPEATS]
  hpa_postprocess_skimage.py run NUCLEI_PRED.png CELL_PRED.png OUT_DIR
"""
import os
import sys
import time

import numpy as np
from scipy import ndimage as ndi
from skimage import filters, io, measure, segmentation
from skimage.morphology import (binary_erosion, closing, disk, remove_small_holes,
                                remove_small_objects)

TIMES = {}  # step -> [wall seconds, CPU seconds]


def timed(name, fn, *args, **kwargs):
    t0 = time.perf_counter()
    c0 = time.process_time()
    out = fn(*args, **kwargs)
    t = TIMES.setdefault(name, [0.0, 0.0])
    t[0] += time.perf_counter() - t0
    t[1] += time.process_time() - c0
    return out


def label8(a):
    return measure.label(a, connectivity=2)


def label4(a):
    return measure.label(a, connectivity=1)


def fill_holes(labels):
    """Zero the 'thick' boundaries, fill the holes of the foreground, label 4-connected."""
    b = segmentation.find_boundaries(labels, mode="thick")
    fg = (labels * ~b) > 0
    return label4(ndi.binary_fill_holes(fg))


def label_nuclei(nuc):
    g = nuc[..., 1]
    b = nuc[..., 2]
    # thresholds compared with 0..255 values: each means "> 0"
    border = g > 0.05
    m = b * (1 - border.astype(np.uint8))
    seeds = timed("nuclei: seeds", lambda: label8(binary_erosion(m > 0.15)))
    mask = timed("nuclei: mask", lambda: remove_small_holes(b > 0.4, 1000))
    ws = timed("nuclei: watershed", segmentation.watershed, mask.astype(np.uint8), seeds,
               mask=mask, watershed_line=True)
    return timed("nuclei: size filter + label", lambda: label8(remove_small_objects(ws, 2500)))


def label_cell(nuc, cell, keep_uint8_ids=False):
    gn = nuc[..., 1]
    bn = nuc[..., 2] / 255.0
    gc = cell[..., 1]
    bc8 = cell[..., 2]
    bc = bc8 / 255.0
    # 1. nuclei; Gn + Gc is added in uint8 (wraps)
    border = (1 - (gn + gc) / 255.0) > 0.05
    markers = timed("cell: nuclei markers",
                    lambda: label4(remove_small_objects((bn * border) > 0.15, 500)))
    m = timed("cell: nuclei mask",
              lambda: remove_small_objects(remove_small_holes(bn > 0.4, 1000), 8))
    ws = timed("cell: nuclei watershed", segmentation.watershed, m.astype(np.uint8), markers,
               mask=m, watershed_line=True)
    nuclei = timed("cell: nuclei size filter + label", lambda: label8(remove_small_objects(ws, 2500)))
    # 2. threshold
    t = max(0.22, timed("cell: otsu", filters.threshold_otsu, bc) * 0.5)
    # 3. region (the green exclusion is a no-op)
    region = bc > t
    # 4. distance: clip(Bc, 255 t, Bc) has Bc itself as upper bound, so it is Bc
    distance = np.clip(bc8, 255 * t, bc8)
    cells = timed("cell: watershed 1", segmentation.watershed, -distance, nuclei, mask=region)
    # 5.
    cells = timed("cell: size filter 1", remove_small_objects, cells, 5500)
    if keep_uint8_ids:
        cells = cells.astype(np.uint8)
    cells = timed("cell: closing disk(6)", closing, cells, disk(6))
    cells = timed("cell: fill holes 1", fill_holes, cells)
    # 6.
    sk = (cells > 0) | (gc / 255.0 > 0.05)
    cells = timed("cell: watershed 2", segmentation.watershed, -distance, cells, mask=sk)
    cells = timed("cell: fill holes 2", fill_holes, cells)
    # 7.
    cells = timed("cell: final labels",
                  lambda: label8(remove_small_objects(label8(cells > 0), 5500)))
    n = timed("cell: nuclei in cells",
              lambda: remove_small_objects(label8((cells > 0) * nuclei > 0), 2500))
    return cells, cells * (n > 0)


def read_rgb(path):
    a = io.imread(path)
    if a.ndim != 3 or a.shape[2] < 3 or a.dtype != np.uint8:
        raise SystemExit(f"{path}: expected an RGB 8-bit image, got {a.shape} {a.dtype}")
    return a[..., :3]


def main(argv):
    if len(argv) < 3 or argv[0] not in ("bench", "run"):
        raise SystemExit(__doc__)
    nuc = read_rgb(argv[1])
    cell = read_rgb(argv[2])
    if argv[0] == "run":
        out = argv[3]
        os.makedirs(out, exist_ok=True)
        cells, cell_nuclei = label_cell(nuc, cell)
        io.imsave(os.path.join(out, "cells.png"), cells.astype(np.uint16), check_contrast=False)
        io.imsave(os.path.join(out, "nuclei.png"), cell_nuclei.astype(np.uint16), check_contrast=False)
        io.imsave(os.path.join(out, "nuclei_only.png"), label_nuclei(nuc).astype(np.uint16),
                  check_contrast=False)
        return
    repeats = int(argv[3]) if len(argv) > 3 else 3
    best = {}
    for _ in range(repeats):
        TIMES.clear()
        t0 = time.perf_counter()
        c0 = time.process_time()
        timed("label_nuclei", label_nuclei, nuc)
        timed("label_cell", label_cell, nuc, cell)
        TIMES["both, sequential"] = [time.perf_counter() - t0, time.process_time() - c0]
        for name, (wall, cpu) in TIMES.items():
            b = best.setdefault(name, [float("inf"), float("inf")])
            b[0] = min(b[0], wall)
            b[1] = min(b[1], cpu)
    h, w = nuc.shape[:2]
    print(f"scikit-image {__import__('skimage').__version__}, SciPy {__import__('scipy').__version__}, "
          f"NumPy {np.__version__}, {w}x{h}")
    print(f"{'step (best of ' + str(repeats) + ')':<36s} {'wall (s)':>10s} {'CPU (s)':>10s}")
    for name, (wall, cpu) in best.items():
        print(f"  {name:<34s} {wall:10.3f} {cpu:10.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
