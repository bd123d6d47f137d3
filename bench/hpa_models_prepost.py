"""Times HPA-Cell-Segmentation 0.1.8's pre- and post-processing around its networks, as CellSegmentator
runs them, on one synthetic field (the Python side of HpaModelNetworksBench; run with /usr/bin/python3).

    /usr/bin/python3 bench/hpa_models_prepost.py [SIZE] [REPEATS]

The networks are left out (their output is replaced by a fixed softmax-like array), so the table is the
overhead HPA's code adds per field. Calls are those of cellsegmentator.py: skimage rescale of the
3-channel image (for nuclei, the blue channel stacked three times), float32 normalisation,
img_as_ubyte and cv2.resize(INTER_AREA) in HPA's order for each network.
"""
import sys
import time

import cv2
import numpy as np
import torch
from skimage import transform, util

size = int(sys.argv[1]) if len(sys.argv) > 1 else 2048
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
rng = np.random.RandomState(11)
yy, xx = np.mgrid[0:size, 0:size]
disc = np.hypot(xx % 256 - 128, yy % 256 - 128) < 80
planes = [np.round(255 * (0.6 * disc + 0.05 * ~disc + 0.1 * rng.uniform(size=(size, size))))
          .astype(np.uint8) for _ in range(3)]
red, yellow, blue = planes
mean = torch.as_tensor([124 / 255, 117 / 255, 104 / 255])
std = torch.as_tensor([1 / (0.0167 * 255)] * 3)
rows = {}


def timed(name, f):
    w0, c0 = time.perf_counter(), time.process_time()
    out = f()
    rows.setdefault(name, []).append((time.perf_counter() - w0, time.process_time() - c0))
    return out


def normalise(img):
    t = torch.tensor(np.array([img.transpose([2, 0, 1])])).float()
    return t.sub_(mean[:, None, None]).div_(std[:, None, None])


torch.set_num_threads(1)
for r in range(repeats):
    nuc_in = timed("nuclei input (rescale, normalise)", lambda: normalise(
        (lambda x: np.dstack((x[..., 2], x[..., 2], x[..., 2])))(
            transform.rescale(np.dstack((blue, blue, blue)), 0.25, channel_axis=-1))))
    cell_in = timed("cell input (rescale, normalise)", lambda: normalise(
        transform.rescale(np.dstack((red, yellow, blue)), 0.25, channel_axis=-1)))
    prob = torch.softmax(torch.from_numpy(np.random.RandomState(r).normal(size=(1, 3) + nuc_in.shape[2:])
                                          .astype(np.float32)), dim=1).numpy()[0]

    def nuclei_out():
        p = util.img_as_ubyte(prob).transpose([1, 2, 0]).copy()
        p[..., 0] = 0
        return cv2.resize(p, (size, size), interpolation=cv2.INTER_AREA)

    def cells_out():
        p = prob.transpose([1, 2, 0]).copy()
        p[..., 0] = 0
        return util.img_as_ubyte(cv2.resize(p, (size, size), interpolation=cv2.INTER_AREA))

    timed("nuclei output (uint8, INTER_AREA)", nuclei_out)
    timed("cell output (INTER_AREA, uint8)", cells_out)

print(f"{size}x{size} 8-bit field, no padding, {repeats} repeats: ms per field (mean)")
print("| step | wall ms | CPU ms |")
print("|---|---|---|")
tw = tc = 0
for name, v in rows.items():
    w = 1000 * sum(a for a, _ in v) / len(v)
    c = 1000 * sum(b for _, b in v) / len(v)
    tw, tc = tw + w, tc + c
    print(f"| {name} | {w:.1f} | {c:.1f} |")
print(f"| pre- and post-processing together | {tw:.1f} | {tc:.1f} |")
