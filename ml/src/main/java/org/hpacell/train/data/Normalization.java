package org.hpacell.train.data;

import java.io.IOException;
import java.util.List;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;

/**
 * Per-channel normalisation {@code (v * scale[c] - mean[c]) / std[c]} with statistics on the [0, 1]
 * scale, measured on training fields or given in the config. The scale is {@code 1 / maxValue} (the bit
 * depth), or with {@code imageQuantile > 0} the reciprocal of that quantile of the image's own values in
 * the channel: each image is then seen at a common brightness whatever its exposure or expression level
 * (an instance normalisation of the input, as a microscopist's auto-contrast).
 *
 * @param imageQuantile 0 for the bit-depth scale, else the quantile in (0, 1) that becomes 1
 */
public record Normalization(float[] mean, float[] std, double imageQuantile) {
    public Normalization {
        if (mean.length != Channel.COUNT || std.length != Channel.COUNT) {
            throw new IllegalArgumentException("normalisation needs 4 means and 4 stds");
        }
        if (!(imageQuantile >= 0 && imageQuantile < 1)) {
            throw new IllegalArgumentException("imageQuantile must be in [0, 1), got " + imageQuantile);
        }
    }

    /** The bit-depth scale. */
    public Normalization(float[] mean, float[] std) {
        this(mean, std, 0);
    }

    /** The factor that brings channel {@code c} of {@code f} to the [0, 1] scale. */
    public float scale(FieldImage f, Channel c) {
        if (imageQuantile == 0) {
            return 1f / f.maxValue();
        }
        float q = quantile(f.channel(c), f.maxValue(), imageQuantile);
        return q > 0 ? 1f / q : 1f / f.maxValue();
    }

    /**
     * The {@code p} quantile of a channel's values, by a histogram of the integer values 0..max (pixel values
     * of 8- and 16-bit images are integers; others are rounded for the count): linear in the pixels.
     */
    static float quantile(float[] values, float max, double p) {
        int bins = (int) Math.min(65536, Math.max(1, Math.round(max)) + 1);
        int[] hist = new int[bins];
        for (float v : values) {
            int b = Math.round(v);
            hist[b < 0 ? 0 : Math.min(bins - 1, b)]++;
        }
        long target = (long) Math.ceil(p * values.length);
        long seen = 0;
        for (int b = 0; b < bins; b++) {
            seen += hist[b];
            if (seen >= target) {
                return b;
            }
        }
        return bins - 1;
    }

    /**
     * Measures per-channel mean and standard deviation over the pixels of up to {@code maxFields}
     * samples (in the given order), in double precision. A channel without variation gets std 1. Fields
     * that cannot be read are passed over here (the loader reports them when training reaches them).
     */
    public static Normalization measure(List<? extends FieldSample> samples, int maxFields) {
        return measure(samples, maxFields, 0);
    }

    /** {@link #measure(List, int)} of the values as scaled by {@code imageQuantile} (see the record). */
    public static Normalization measure(List<? extends FieldSample> samples, int maxFields, double imageQuantile) {
        Normalization scaling = new Normalization(new float[Channel.COUNT], new float[Channel.COUNT], imageQuantile);
        double[] sum = new double[Channel.COUNT];
        double[] sumSq = new double[Channel.COUNT];
        long n = 0;
        int used = 0;
        for (int i = 0; i < samples.size() && used < maxFields; i++) {
            FieldImage f;
            try {
                f = samples.get(i).image();
            } catch (IOException | RuntimeException e) {
                continue;
            }
            used++;
            for (Channel c : Channel.values()) {
                double scale = scaling.scale(f, c);
                for (float v : f.channel(c)) {
                    double x = v * scale;
                    sum[c.ordinal()] += x;
                    sumSq[c.ordinal()] += x * x;
                }
            }
            n += (long) f.width() * f.height();
        }
        if (n == 0) {
            throw new IllegalArgumentException("no readable fields to measure the normalisation on");
        }
        float[] mean = new float[Channel.COUNT];
        float[] std = new float[Channel.COUNT];
        for (int c = 0; c < Channel.COUNT; c++) {
            double m = sum[c] / n;
            double var = Math.max(0, sumSq[c] / n - m * m);
            mean[c] = (float) m;
            std[c] = var > 1e-12 ? (float) Math.sqrt(var) : 1f;
        }
        return new Normalization(mean, std, imageQuantile);
    }
}
