package org.hpacell.cam;

import ai.djl.ndarray.NDArray;

/**
 * Bilinear resampling of {@code (N, C, H, W)} arrays in one native call, with PyTorch's
 * {@code align_corners=False} semantics (pixel centres at half-integers, as OpenCV's
 * {@code INTER_LINEAR}); the grid is symmetric, so resampling commutes with flips.
 */
public final class Resampling {
    /** DJL's interpolation code for bilinear ({@code Image.Interpolation.BILINEAR}). */
    private static final int BILINEAR = 1;

    private Resampling() {
    }

    /** {@code nchw} resized to {@code height x width} (the array itself if already that size). */
    public static NDArray bilinear(NDArray nchw, int height, int width) {
        if (nchw.getShape().dimension() != 4) {
            throw new IllegalArgumentException("expected (N, C, H, W), got " + nchw.getShape());
        }
        if (nchw.getShape().get(2) == height && nchw.getShape().get(3) == width) {
            return nchw;
        }
        return nchw.getNDArrayInternal().interpolation(new long[] {height, width}, BILINEAR, false);
    }
}
