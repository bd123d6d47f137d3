package org.hpacell.cam.cell;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a cell's map values become one number: their mean, their maximum, or the mean of the largest
 * {@code fraction} of them (at least one value; {@code fraction = 1} is the mean, a tiny fraction the max).
 *
 * @param kind     the statistic
 * @param fraction for {@link Kind#TOP_FRACTION}: the share of the cell's pixels kept, in (0, 1]
 */
public record CellPooling(Kind kind, double fraction) {
    /** The statistics. */
    public enum Kind {
        MEAN, MAX, TOP_FRACTION
    }

    public CellPooling {
        if (kind == Kind.TOP_FRACTION && !(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("top fraction must be in (0, 1], got " + fraction);
        }
    }

    public static CellPooling mean() {
        return new CellPooling(Kind.MEAN, 1);
    }

    public static CellPooling max() {
        return new CellPooling(Kind.MAX, 1);
    }

    public static CellPooling topFraction(double fraction) {
        return new CellPooling(Kind.TOP_FRACTION, fraction);
    }

    /** Parses {@code mean}, {@code max} or {@code top:F} (e.g. {@code top:0.2}). */
    public static CellPooling parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("mean")) {
            return mean();
        }
        if (t.equals("max")) {
            return max();
        }
        if (t.startsWith("top:")) {
            try {
                return topFraction(Double.parseDouble(t.substring(4)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad top fraction in '" + text + "'");
            }
        }
        throw new IllegalArgumentException("unknown cell pooling '" + text + "' (mean, max or top:F)");
    }

    /**
     * Pools {@code values[0..n)}; may reorder them (TOP_FRACTION sorts in place).
     *
     * @throws IllegalArgumentException if {@code n == 0}
     */
    public float pool(float[] values, int n) {
        if (n == 0) {
            throw new IllegalArgumentException("cannot pool an empty cell");
        }
        switch (kind) {
            case MAX -> {
                float m = values[0];
                for (int i = 1; i < n; i++) {
                    m = Math.max(m, values[i]);
                }
                return m;
            }
            case MEAN -> {
                return meanOf(values, 0, n);
            }
            default -> {
                int k = Math.max(1, (int) Math.ceil(fraction * n));
                Arrays.sort(values, 0, n);
                return meanOf(values, n - k, n);
            }
        }
    }

    private static float meanOf(float[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return (float) (s / (to - from));
    }

    @Override
    public String toString() {
        return kind == Kind.TOP_FRACTION ? "top:" + fraction : kind.name().toLowerCase(Locale.ROOT);
    }
}
