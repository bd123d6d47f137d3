package org.hpacell.train.config;

/**
 * Per-channel normalisation: a pixel's value scaled to [0, 1] by the bit depth becomes
 * {@code (v - mean[c]) / std[c]}. When {@code mean}/{@code std} are absent they are measured on up to
 * {@code sampleFields} training fields (before augmentation) and written into the resolved config.
 */
public final class NormalizationConfig {
    /** Four means (red, green, blue, yellow) on the [0, 1] scale, or null to measure them. */
    public float[] mean;
    /** Four standard deviations on the [0, 1] scale, or null to measure them. */
    public float[] std;
    /** Fields read to measure mean and std. */
    public int sampleFields = 32;
    /**
     * 0: a pixel value is scaled to [0, 1] by the bit depth. In (0, 1): by that quantile of the image's own
     * values in the channel (each image at a common brightness; {@code Normalization}).
     */
    public double imageQuantile = 0;

    void validate() {
        TrainConfig.positive("normalization.sampleFields", sampleFields);
        if (!(imageQuantile >= 0 && imageQuantile < 1)) {
            throw new IllegalArgumentException("normalization.imageQuantile must be in [0, 1), got " + imageQuantile);
        }
        if ((mean == null) != (std == null)) {
            throw new IllegalArgumentException("normalization: give both mean and std, or neither");
        }
        if (mean != null && (mean.length != 4 || std.length != 4)) {
            throw new IllegalArgumentException("normalization: mean and std need 4 values (red, green, blue, yellow)");
        }
        if (std != null) {
            for (float s : std) {
                if (!(s > 0)) {
                    throw new IllegalArgumentException("normalization.std must be positive, got " + s);
                }
            }
        }
    }
}
