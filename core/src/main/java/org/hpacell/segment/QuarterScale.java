package org.hpacell.segment;

import org.hpacell.image.LabelImage;

/**
 * Resampling for the 1/4-scale variant of the post-processing. A full-size image of
 * {@code W x H} maps to {@code ceil(W/4) x ceil(H/4)}: each small pixel covers a 4x4 block (cut at the
 * right and bottom edges).
 */
public final class QuarterScale {
    /** The scale factor (4). */
    public static final int FACTOR = 4;

    private QuarterScale() {
    }

    /** Size of the small image for a full size. */
    public static int reduced(int size) {
        return (size + FACTOR - 1) / FACTOR;
    }

    /**
     * Area downscaling of a prediction: each small pixel is the mean of its block's values, rounded
     * half up (OpenCV's INTER_AREA for a factor of 4, up to the rounding of exact halves).
     */
    public static HpaPrediction downscale(HpaPrediction p) {
        int w = reduced(p.width());
        int h = reduced(p.height());
        return new HpaPrediction(w, h, blockMean(p.border(), p.width(), p.height()),
                blockMean(p.foreground(), p.width(), p.height()));
    }

    private static int[] blockMean(int[] src, int width, int height) {
        int w = reduced(width);
        int h = reduced(height);
        int[] sum = new int[w * h];
        int[] count = new int[w * h];
        for (int y = 0; y < height; y++) {
            int row = (y / FACTOR) * w;
            for (int x = 0; x < width; x++) {
                int k = row + x / FACTOR;
                sum[k] += src[y * width + x];
                count[k]++;
            }
        }
        int[] out = new int[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = (2 * sum[i] + count[i]) / (2 * count[i]);
        }
        return out;
    }

    /** Nearest-neighbour upscaling of small labels to {@code width x height}: pixel (x, y) takes (x/4, y/4). */
    public static LabelImage upscale(LabelImage small, int width, int height) {
        if (small.width() != reduced(width) || small.height() != reduced(height)) {
            throw new IllegalArgumentException("labels of " + small.width() + "x" + small.height()
                    + " are not the quarter of " + width + "x" + height);
        }
        int[] src = small.array();
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            int row = (y / FACTOR) * small.width();
            for (int x = 0; x < width; x++) {
                out[y * width + x] = src[row + x / FACTOR];
            }
        }
        return new LabelImage(width, height, out);
    }
}
