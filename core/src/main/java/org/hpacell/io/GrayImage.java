package org.hpacell.io;

import java.util.Arrays;

/**
 * A single-band image as stored in its file: raw unsigned integer samples, row-major
 * ({@code pixels[y * width + x]}), and the bit depth they were stored at (8 or 16 for HPA images;
 * 1, 2 or 4 for packed PNGs). Values lie in {@code 0 .. 2^bitDepth - 1}.
 *
 * @param width    columns
 * @param height   rows
 * @param bitDepth bits per sample, 1..16
 * @param pixels   the samples, not copied
 */
public record GrayImage(int width, int height, int bitDepth, int[] pixels) {
    public GrayImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (bitDepth < 1 || bitDepth > 16) {
            throw new IllegalArgumentException("bit depth must be 1..16, got " + bitDepth);
        }
        if (pixels.length != width * height) {
            throw new IllegalArgumentException(
                    "pixel array has " + pixels.length + " values, image " + width + "x" + height);
        }
    }

    /** The largest value the bit depth can hold ({@code 2^bitDepth - 1}). */
    public int maxValue() {
        return (1 << bitDepth) - 1;
    }

    /** Raw value at (x, y). */
    public int get(int x, int y) {
        return pixels[y * width + x];
    }

    /** The samples as floats (every value up to 16 bits is exact in a float). */
    public float[] toFloats() {
        float[] out = new float[pixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = pixels[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GrayImage g && g.width == width && g.height == height && g.bitDepth == bitDepth
                && Arrays.equals(g.pixels, pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * width + height) + bitDepth) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "GrayImage[" + width + "x" + height + ", " + bitDepth + "-bit]";
    }
}
