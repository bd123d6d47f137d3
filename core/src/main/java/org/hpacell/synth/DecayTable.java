package org.hpacell.synth;

/**
 * {@code exp(-d / scale)} for {@code d >= 0}, tabulated for pixel loops: linear interpolation on a grid
 * of {@link #STEPS_PER_SCALE} points per scale length (relative error below 2e-6), 0 beyond
 * {@link #RANGE} scale lengths (where the exponential is below 3e-11).
 */
final class DecayTable {
    static final int STEPS_PER_SCALE = 256;
    static final int RANGE = 24;

    private final float[] table = new float[STEPS_PER_SCALE * RANGE + 2];
    private final float perPixel;

    /** @param scale the decay length, pixels (> 0) */
    DecayTable(double scale) {
        for (int k = 0; k < table.length - 1; k++) {
            table[k] = (float) Math.exp(-k / (double) STEPS_PER_SCALE);
        }
        this.perPixel = (float) (STEPS_PER_SCALE / scale);
    }

    /** {@code exp(-d / scale)}; {@code d} must not be negative. */
    float at(float d) {
        float t = d * perPixel;
        if (!(t < STEPS_PER_SCALE * RANGE)) return 0;
        int k = (int) t;
        float f = t - k;
        return table[k] + f * (table[k + 1] - table[k]);
    }
}
