package org.hpacell.nn.hpa;

import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.image.resample.ReflectPad;
import org.hpacell.image.resample.SkimageRescale;

/**
 * A network input as {@code CellSegmentator} builds it: {@code (3, height, width)} float32, row-major
 * per channel, where {@code (width, height)} is the rescaled (and optionally padded) size.
 *
 * @param scaledWidth  the rescaled size before padding
 * @param border       the padding on the top and left (32 or 0), cropped off the output again
 */
public record HpaInput(float[] chw, int width, int height, int scaledWidth, int scaledHeight, int border) {
    /** HPA's {@code NORMALIZE["mean"]}: (124, 117, 104) / 255, one per input channel, as float32. */
    static final float[] MEAN = {(float) (124 / 255.0), (float) (117 / 255.0), (float) (104 / 255.0)};
    /** HPA's {@code NORMALIZE["std"]}: 1 / (0.0167 * 255) = 0.2348 for every channel, as float32. */
    static final float STD = (float) (1 / (0.0167 * 255));
    /** The padding on the top and left, and the multiple the padded sides reach. */
    static final int PAD = 32;

    /** {@code pred_nuclei}'s input: the blue channel three times. */
    public static HpaInput nuclei(FieldImage field, HpaModelOptions options) {
        Channel b = Channel.BLUE;
        return of(field, new Channel[] {b, b, b}, options);
    }

    /** {@code pred_cells}'s input for the 3-channel model: (red, yellow, blue), HPA's microtubules, ER, nuclei. */
    public static HpaInput cells(FieldImage field, HpaModelOptions options) {
        return of(field, new Channel[] {Channel.RED, Channel.YELLOW, Channel.BLUE}, options);
    }

    private static HpaInput of(FieldImage field, Channel[] channels, HpaModelOptions options) {
        int w = field.width();
        int h = field.height();
        // img_as_float (inside skimage's rescale): raw value times 1 / 255 or 1 / 65535, in float64
        double unit = 1.0 / field.maxValue();
        double[][] planes = new double[channels.length][];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < channels.length; c++) {
            float[] raw = field.channel(channels[c]);
            double[] p = new double[raw.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = raw[i] * unit;
                lo = Math.min(lo, p[i]);
                hi = Math.max(hi, p[i]);
            }
            planes[c] = p;
        }
        // transform.rescale(image, scale_factor, multichannel=True): Gaussian anti-aliasing, bilinear,
        // clipped to the range of all channels together
        int sw = SkimageRescale.outputSize(w, options.scaleFactor());
        int sh = SkimageRescale.outputSize(h, options.scaleFactor());
        // cv2.copyMakeBorder(image, 32, 32 - rows % 32, 32, 32 - cols % 32, cv2.BORDER_REFLECT)
        int border = options.padding() ? PAD : 0;
        int pw = options.padding() ? sw + PAD + (PAD - sw % PAD) : sw;
        int ph = options.padding() ? sh + PAD + (PAD - sh % PAD) : sh;
        float[] chw = new float[channels.length * pw * ph];
        double[] scaled = null;
        for (int c = 0; c < channels.length; c++) {
            if (c == 0 || channels[c] != channels[c - 1]) { // the nucleus input repeats one channel
                scaled = SkimageRescale.rescale(planes[c], w, h, options.scaleFactor(), lo, hi);
            }
            // torch.tensor(...).float(): float64 to float32, rounding to nearest
            float[] plane = new float[scaled.length];
            for (int i = 0; i < plane.length; i++) {
                plane[i] = (float) scaled[i];
            }
            if (options.padding()) {
                plane = ReflectPad.pad(plane, sw, sh, PAD, ph - sh - PAD, PAD, pw - sw - PAD);
            }
            // imgs.sub_(mean[:, None, None]).div_(std[:, None, None]) in float32
            int off = c * pw * ph;
            for (int i = 0; i < plane.length; i++) {
                chw[off + i] = (plane[i] - MEAN[c]) / STD;
            }
        }
        return new HpaInput(chw, pw, ph, sw, sh, border);
    }
}
