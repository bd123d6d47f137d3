package org.hpacell.train.data;

import java.io.IOException;
import java.util.List;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;

/**
 * Per-channel normalisation {@code (v / maxValue - mean[c]) / std[c]} with statistics on the [0, 1]
 * scale, measured on training fields or given in the config.
 */
public record Normalization(float[] mean, float[] std) {
    public Normalization {
        if (mean.length != Channel.COUNT || std.length != Channel.COUNT) {
            throw new IllegalArgumentException("normalisation needs 4 means and 4 stds");
        }
    }

    /**
     * Measures per-channel mean and standard deviation over the pixels of up to {@code maxFields}
     * samples (in the given order), in double precision. A channel without variation gets std 1. Fields
     * that cannot be read are passed over here (the loader reports them when training reaches them).
     */
    public static Normalization measure(List<? extends FieldSample> samples, int maxFields) {
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
            double scale = 1.0 / f.maxValue();
            for (Channel c : Channel.values()) {
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
        return new Normalization(mean, std);
    }
}
