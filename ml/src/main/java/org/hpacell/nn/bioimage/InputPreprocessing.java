package org.hpacell.nn.bioimage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.train.data.Normalization;

/**
 * The input preprocessing of an exported network in bioimage.io's terms: hpacell's normalisation, {@code
 * (v * scale - mean[c]) / std[c]}. With the bit-depth scale ({@code 1 / 255} for 8-bit images) it is exactly
 * one {@code scale_linear} per channel (gain {@code 1 / (255 std[c])}, offset {@code -mean[c] / std[c]}); with
 * the per-image quantile scale it is {@code scale_range} to that percentile (from the image's minimum, where
 * hpacell divides by the quantile alone) then {@code fixed_zero_mean_unit_variance}, an approximation the
 * description states.
 */
final class InputPreprocessing {
    /** The largest value of the 8-bit input the RDF describes. */
    static final float EIGHT_BIT_MAX = 255f;
    /** bioimage.io's default {@code eps} of {@code scale_range}. */
    private static final double SCALE_RANGE_EPS = 1e-6;

    private final Normalization norm;

    InputPreprocessing(Normalization norm) {
        this.norm = norm;
    }

    /** The RDF's {@code preprocessing} steps. */
    List<Map<String, Object>> steps() {
        List<Map<String, Object>> steps = new ArrayList<>();
        List<Double> mean = ModelRdf.values(norm.mean());
        List<Double> std = ModelRdf.values(norm.std());
        if (norm.imageQuantile() == 0) {
            List<Double> gain = new ArrayList<>();
            List<Double> offset = new ArrayList<>();
            for (int c = 0; c < Channel.COUNT; c++) {
                gain.add((double) (1f / EIGHT_BIT_MAX / norm.std()[c]));
                offset.add((double) (-norm.mean()[c] / norm.std()[c]));
            }
            steps.add(ModelRdf.map("id", "scale_linear", "kwargs", ModelRdf.map("axis", "channel", "gain", gain,
                    "offset", offset)));
        } else {
            steps.add(ModelRdf.map("id", "scale_range", "kwargs", ModelRdf.map("axes", List.of("y", "x"),
                    "min_percentile", 0.0, "max_percentile", norm.imageQuantile() * 100, "eps", SCALE_RANGE_EPS)));
            steps.add(ModelRdf.map("id", "fixed_zero_mean_unit_variance", "kwargs", ModelRdf.map("axis", "channel",
                    "mean", mean, "std", std)));
        }
        return steps;
    }

    /**
     * The field as the RDF's preprocessing leaves it, {@code (C, H, W)} row-major: hpacell's normalisation
     * for the bit-depth scale; for the per-image quantile scale, bioimage.io's {@code scale_range} (per
     * channel, the {@code 0} and {@code q} percentiles with linear interpolation, as numpy's) then the fixed
     * mean and std.
     */
    float[] apply(FieldImage f) {
        int n = f.width() * f.height();
        float[] x = new float[Channel.COUNT * n];
        for (Channel c : Channel.values()) {
            int k = c.ordinal();
            float[] v = f.channel(c);
            float scale;
            float low = 0;
            if (norm.imageQuantile() == 0) {
                scale = norm.scale(f, c);
            } else {
                float[] sorted = v.clone();
                Arrays.sort(sorted);
                low = sorted[0];
                scale = (float) (1 / (percentile(sorted, norm.imageQuantile()) - low + SCALE_RANGE_EPS));
            }
            for (int i = 0; i < n; i++) {
                x[k * n + i] = ((v[i] - low) * scale - norm.mean()[k]) / norm.std()[k];
            }
        }
        return x;
    }

    /** The {@code p} quantile of sorted values, interpolated linearly between ranks (numpy's default). */
    private static double percentile(float[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }

    /** What the description says of the preprocessing. */
    String note() {
        if (norm.imageQuantile() == 0) {
            return "Preprocessing is hpacell's exactly for 8-bit input; multiply 16-bit input by 255/65535 first.";
        }
        return String.format(Locale.ROOT, "hpacell divides each channel by its own %.4g quantile (of the integer "
                + "values); scale_range from the channel's minimum to that percentile approximates this (the test "
                + "output uses scale_range).", norm.imageQuantile());
    }
}
