package org.hpacell.nn.unet;

import ai.djl.ndarray.NDArray;

/** Nearest-neighbour up-sampling of {@code (N, C, H, W)} maps by an integer factor. */
final class Upsampling {
    private Upsampling() {}

    /**
     * Each pixel becomes a {@code factor x factor} block ({@code repeat} repeats each element along an
     * axis, like {@code numpy.repeat}, not the whole axis like {@code tile}).
     */
    static NDArray nearest(NDArray x, int factor) {
        return factor == 1 ? x : x.repeat(2, factor).repeat(3, factor);
    }
}
