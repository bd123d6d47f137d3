"""Makes the test resources of HpaModelNetworksTest (run with /usr/bin/python3 from this folder).

Needs Debian's python3-torch, python3-skimage (0.19), python3-opencv and python3-imageio.

Writes
  tiny-hpa-nuclei.pt, tiny-hpa-cell.pt  two tiny traced conv nets, 3 -> 3 channels, standing in for
                                        HPA-Cell-Segmentation's DPN U-Nets (same input/output layout)
  tiny-two-channel.pt                   a 3 -> 2 channel net (the wrong output for an HPA model)
  tiny-threshold-nuclei.pt,             1x1 convolutions that call bright pixels foreground, so that a
  tiny-threshold-cell.pt                clear disc field gives one cell and one nucleus (CLI and pipeline
                                        tests)
  golden.npz                            fields and the network outputs HPA's pre/post-processing gives
                                        for them with the tiny nets

The golden outputs are computed by HPA-Cell-Segmentation 0.1.8's own CellSegmentator when a checkout
of it is named with --hpacellseg DIR (the package is not pip-installable here); the script also
restates HPA's steps with the same library calls (skimage rescale, cv2 copyMakeBorder, torch softmax,
img_as_ubyte, cv2 INTER_AREA resize) and checks that both agree. Without --hpacellseg the
restatement alone writes the file.
"""
import argparse
import sys

import cv2
import numpy as np
import torch
from skimage import transform, util

torch.manual_seed(7)


class TinySegNet(torch.nn.Module):
    """conv 3x3 (3 -> 6), relu, conv 3x3 (6 -> out): any input size, output at the input size."""

    def __init__(self, out_channels=3, gain=3.0):
        super().__init__()
        self.a = torch.nn.Conv2d(3, 6, 3, padding=1)
        self.b = torch.nn.Conv2d(6, out_channels, 3, padding=1)
        with torch.no_grad():
            self.a.weight.mul_(gain)
            self.b.weight.mul_(gain)

    def forward(self, x):
        return self.b(torch.relu(self.a(x)))


class Threshold(torch.nn.Module):
    """Logits (0, -10, gain * (sum of the chosen normalised channels + offset)): foreground where bright."""

    def __init__(self, channels, gain, offset):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 3, 1)
        with torch.no_grad():
            self.conv.weight.zero_()
            self.conv.bias.copy_(torch.tensor([0.0, -10.0, gain * offset]))
            for c in channels:
                self.conv.weight[2, c, 0, 0] = gain

    def forward(self, x):
        return self.conv(x)


def trace(net, name):
    traced = torch.jit.trace(net.eval(), torch.zeros(1, 3, 64, 64))
    traced.save(name)
    return torch.jit.load(name)


# HPA's constants: mean (124, 117, 104) / 255, std 1 / (0.0167 * 255)
MEAN = torch.tensor([124 / 255, 117 / 255, 104 / 255])
STD = torch.tensor([1 / (0.0167 * 255)] * 3)


def restated(model, hwc, scale, padding, nuclei):
    """HPA's steps for one image (H x W x 3 uint8/uint16), written out again for the cross-check."""
    target = hwc.shape
    x = transform.rescale(hwc, scale, channel_axis=-1)  # img_as_float, Gaussian anti-aliasing, order 1
    if nuclei:
        x = np.dstack((x[..., 2], x[..., 2], x[..., 2]))
    rows, cols = x.shape[:2]
    if padding:
        x = cv2.copyMakeBorder(x, 32, 32 - rows % 32, 32, 32 - cols % 32, cv2.BORDER_REFLECT)
    t = torch.tensor(np.array([x.transpose(2, 0, 1)])).float()
    t = (t - MEAN[:, None, None]) / STD[:, None, None]
    with torch.no_grad():
        p = torch.softmax(model(t), dim=1).numpy()[0]
    if nuclei:
        p = util.img_as_ubyte(p)  # the nucleus output becomes uint8 before it is resized
    p = p.transpose(1, 2, 0)
    if padding:
        p = p[32:32 + rows, 32:32 + cols, ...]
    p[..., 0] = 0
    if scale != 1:
        p = cv2.resize(p, (target[0], target[1]), interpolation=cv2.INTER_AREA)
    if not nuclei:
        p = util.img_as_ubyte(p)  # the cell output is resized as float, then becomes uint8
    return p, t.numpy()[0]


def field(size, bit_depth, seed):
    """Red, yellow, blue channels: smooth blobs plus noise, in the bit depth's range."""
    rng = np.random.RandomState(seed)
    yy, xx = np.mgrid[0:size, 0:size]
    top = 255 if bit_depth == 8 else 65535
    planes = []
    for _ in range(3):
        img = np.zeros((size, size))
        for _ in range(6):
            cy, cx, r = rng.uniform(0, size), rng.uniform(0, size), rng.uniform(size / 12, size / 5)
            img += np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * r * r))
        img = img / img.max() * 0.8 + rng.uniform(0, 0.2, img.shape)
        planes.append(np.clip(np.round(img * top), 0, top).astype(np.uint8 if bit_depth == 8 else np.uint16))
    return planes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hpacellseg", help="checkout of HPA-Cell-Segmentation 0.1.8 (its folder holding hpacellseg/)")
    args = ap.parse_args()

    nuclei_model = trace(TinySegNet(), "tiny-hpa-nuclei.pt")
    cell_model = trace(TinySegNet(), "tiny-hpa-cell.pt")
    trace(TinySegNet(out_channels=2), "tiny-two-channel.pt")
    # nuclei: blue normalised is about 1.6 at 220 and -2.1 at 0; cells: red + yellow about 0 at 120, -4 at 0
    trace(Threshold([0], gain=10.0, offset=0.0), "tiny-threshold-nuclei.pt")
    trace(Threshold([0, 1], gain=5.0, offset=2.0), "tiny-threshold-cell.pt")

    segmentator = {}
    if args.hpacellseg:
        sys.path.insert(0, args.hpacellseg)
        from hpacellseg.cellsegmentator import CellSegmentator
        for padding in (False, True):
            segmentator[padding] = CellSegmentator(nuclei_model, cell_model, scale_factor=0.25, device="cpu",
                                                   padding=padding, multi_channel_model=True)

    # case a: 8-bit 90 x 90 with padding (22.5 rounds to 22: halves go to even; 90 / 22 is no integer)
    # case b: 16-bit 64 x 64 without padding (an integer factor)
    out = {}
    for case, size, bits, padding in (("a", 90, 8, True), ("b", 64, 16, False)):
        red, yellow, blue = field(size, bits, seed=size)
        hwc = np.dstack((red, yellow, blue))
        nuc, nuc_in = restated(nuclei_model, np.dstack((blue, blue, blue)), 0.25, padding, nuclei=True)
        cell, cell_in = restated(cell_model, hwc, 0.25, padding, nuclei=False)
        if segmentator:
            s = segmentator[padding]
            hpa_nuc = s.pred_nuclei([blue])[0]
            hpa_cell = s.pred_cells([[red], [yellow], [blue]])[0]
            assert np.array_equal(hpa_nuc, nuc), "restated nuclei differ from HPA's"
            assert np.array_equal(hpa_cell, cell), "restated cells differ from HPA's"
            nuc, cell = hpa_nuc, hpa_cell
        out[case + "_bits"] = np.array([bits], dtype=np.int32)
        out[case + "_padding"] = np.array([int(padding)], dtype=np.int32)
        out[case + "_red"] = red.astype(np.int32)
        out[case + "_yellow"] = yellow.astype(np.int32)
        out[case + "_blue"] = blue.astype(np.int32)
        out[case + "_nuclei_input"] = nuc_in[0].astype(np.float32)  # the three channels are equal
        out[case + "_cell_input"] = cell_in.astype(np.float32)
        out[case + "_nuclei"] = nuc.astype(np.uint8)
        out[case + "_cell"] = cell.astype(np.uint8)
        print(case, size, bits, "padding" if padding else "no padding", "input", cell_in.shape,
              "nuclei mean", nuc[..., 1:].mean(axis=(0, 1)), "cells mean", cell[..., 1:].mean(axis=(0, 1)),
              "checked against HPA" if segmentator else "")
    np.savez_compressed("golden.npz", **out)


if __name__ == "__main__":
    main()
