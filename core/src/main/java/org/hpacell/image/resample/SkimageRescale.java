package org.hpacell.image.resample;

/**
 * scikit-image 0.19's {@code transform.rescale(image, scale)} with its defaults (order 1,
 * {@code mode='reflect'}, anti-aliasing when shrinking, {@code clip=True}) on one channel already
 * converted to {@code float64} (as {@code img_as_float} does: raw value times {@code 1 / 255} or
 * {@code 1 / 65535}).
 *
 * <p>The steps, as {@code skimage.transform.resize} runs them on SciPy 1.6 or later: the output size
 * is {@code max(1, round(scale * size))} per axis (numpy rounding, halves to even); when an axis
 * shrinks, a Gaussian of sigma {@code max(0, (in / out - 1) / 2)} per axis smooths the image first
 * ({@link GaussianFilter}; skimage's {@code reflect} is SciPy's {@code mirror}); then
 * {@code ndimage.zoom(order=1, grid_mode=True)} ({@link LinearZoom}); finally the result is clipped
 * to the input's value range. For a multichannel image skimage takes that range over all channels:
 * pass it as {@code lo, hi}.
 */
public final class SkimageRescale {
    private SkimageRescale() {
    }

    /** The output length of an axis of {@code size} pixels rescaled by {@code scale}. */
    public static int outputSize(int size, double scale) {
        return (int) Math.max(1, Math.rint(scale * size));
    }

    /**
     * @param lo the smallest value of the whole (multichannel) input, for the final clip
     * @param hi its largest value
     * @return the rescaled channel, {@code outputSize(width) x outputSize(height)}
     */
    public static double[] rescale(double[] image, int width, int height, double scale, double lo, double hi) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive, got " + scale);
        }
        Planes.checkSize(image.length, width, height);
        int outW = outputSize(width, scale);
        int outH = outputSize(height, scale);
        ZoomAxis ys = new ZoomAxis(height, outH);
        ZoomAxis xs = new ZoomAxis(width, outW);
        double[] out;
        if (outW < width || outH < height) { // anti_aliasing defaults to "any axis shrinks"
            double fy = (double) height / outH;
            double fx = (double) width / outW;
            // the Gaussian is evaluated only at the rows and columns the zoom reads
            int[] rows = ys.used();
            int[] cols = xs.used();
            double[] smooth = GaussianFilter.filterAt(image, width, height, Math.max(0, (fy - 1) / 2),
                    Math.max(0, (fx - 1) / 2), rows, cols);
            out = LinearZoom.interpolate(smooth, cols.length, ys.reindexed(rows), xs.reindexed(cols));
        } else {
            out = LinearZoom.interpolate(image, width, ys, xs);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.min(hi, Math.max(lo, out[i]));
        }
        return out;
    }
}
