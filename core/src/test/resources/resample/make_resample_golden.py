"""Makes golden.npz for the tests of org.hpacell.image.resample (run with /usr/bin/python3 here).

Needs Debian's python3-skimage (0.19, on SciPy 1.10) and python3-opencv (4.6). For each case an input
image and what the Python function gives for it:
  rescale_<n>:  skimage.transform.rescale(img_as_float(image), scale) on a uint8 image (float64 out)
  pad_<n>:      cv2.copyMakeBorder(image, top, bottom, left, right, cv2.BORDER_REFLECT) (float32)
  area_<n>:     cv2.resize(image, (out_w, out_h), interpolation=cv2.INTER_AREA), float32 and uint8
"""
import cv2
import numpy as np
from skimage import transform

rng = np.random.RandomState(3)
out = {}


def put(key, **arrays):
    for name, a in arrays.items():
        out[key + "_" + name] = a


# (height, width, scale): square and not, sizes divisible by 4 and not, a half that rounds to even
for n, (h, w, scale) in enumerate([(64, 64, 0.25), (90, 90, 0.25), (37, 53, 0.25), (30, 41, 0.5), (9, 7, 0.25)]):
    img = rng.randint(0, 256, size=(h, w)).astype(np.uint8)
    put("rescale%d" % n, image=img.astype(np.int32), scale=np.array([scale]),
        out=transform.rescale(img, scale))

for n, (h, w, t, b, l, r) in enumerate([(22, 22, 32, 10, 32, 10), (5, 3, 7, 9, 4, 11)]):
    img = rng.uniform(0, 1, size=(h, w)).astype(np.float32)
    put("pad%d" % n, image=img, border=np.array([t, b, l, r], dtype=np.int32),
        out=cv2.copyMakeBorder(img, t, b, l, r, cv2.BORDER_REFLECT))

# (height, width, out height, out width): integer factors and not
for n, (h, w, oh, ow) in enumerate([(16, 16, 64, 64), (22, 22, 90, 90), (13, 9, 50, 37), (5, 7, 5, 29)]):
    f = rng.uniform(0, 1, size=(h, w)).astype(np.float32)
    u = rng.randint(0, 256, size=(h, w)).astype(np.uint8)
    put("area%d" % n, float=f, uint8=u.astype(np.int32), size=np.array([oh, ow], dtype=np.int32),
        float_out=cv2.resize(f, (ow, oh), interpolation=cv2.INTER_AREA),
        uint8_out=cv2.resize(u, (ow, oh), interpolation=cv2.INTER_AREA).astype(np.int32))

np.savez_compressed("golden.npz", **out)
