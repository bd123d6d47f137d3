"""Checks an hpacell bioimage.io model package in PyTorch, without hpacell.

Usage: python3 bench/bioimage_package_check.py MODEL.zip

Reads rdf.yaml, checks the sha256 of every file it names, loads the TorchScript weights with
torch.jit.load, applies the input's preprocessing (scale_linear along the channel axis, or scale_range then
fixed_zero_mean_unit_variance) to test_input.npy and compares the model's output with test_output.npy.
Prints the largest absolute difference; exits 1 if it exceeds 1e-4.
"""
import hashlib
import io
import sys
import zipfile

import numpy as np
import torch
import yaml


def preprocess(x, steps):
    for step in steps:
        kw = step.get("kwargs", {})
        per_channel = lambda v: np.asarray(v, dtype=np.float32).reshape(1, -1, 1, 1)
        if step["id"] == "scale_linear":
            x = x * per_channel(kw["gain"]) + per_channel(kw["offset"])
        elif step["id"] == "scale_range":
            lo = np.percentile(x, kw.get("min_percentile", 0.0), axis=(2, 3), keepdims=True)
            hi = np.percentile(x, kw["max_percentile"], axis=(2, 3), keepdims=True)
            x = (x - lo) / (hi - lo + kw.get("eps", 1e-6))
        elif step["id"] == "fixed_zero_mean_unit_variance":
            x = (x - per_channel(kw["mean"])) / per_channel(kw["std"])
        else:
            raise SystemExit("unsupported preprocessing " + step["id"])
    return x.astype(np.float32)


def main(path):
    with zipfile.ZipFile(path) as z:
        rdf = yaml.safe_load(z.read("rdf.yaml"))
        assert rdf["type"] == "model" and str(rdf["format_version"]).startswith("0.5"), rdf["format_version"]
        inp, out, ts = rdf["inputs"][0], rdf["outputs"][0], rdf["weights"]["torchscript"]
        for descr in (inp["test_tensor"], out["test_tensor"], ts):
            assert hashlib.sha256(z.read(descr["source"])).hexdigest() == descr["sha256"], descr["source"]
        x = np.load(io.BytesIO(z.read(inp["test_tensor"]["source"])))
        expected = np.load(io.BytesIO(z.read(out["test_tensor"]["source"])))
        model = torch.jit.load(io.BytesIO(z.read(ts["source"])), map_location="cpu").eval()
    with torch.no_grad():
        y = model(torch.from_numpy(preprocess(x, inp.get("preprocessing", [])))).numpy()
    diff = float(np.abs(y - expected).max())
    print(f"torch {torch.__version__}: output {y.shape}, max |diff| vs {out['test_tensor']['source']} = {diff:.3g}")
    return 0 if diff <= 1e-4 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
