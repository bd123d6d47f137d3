package org.hpacell.cam.puzzle;

/**
 * Puzzle-CAM's weight of the reconstruction loss: rises linearly from 0 to {@code max} over the first
 * {@code rampFraction} of training, then stays at {@code max} (Jo and Yu 2021: max 4 over 50%).
 *
 * @param max          the final weight (4 in the paper)
 * @param rampFraction share of training over which it rises, in [0, 1]; 0 starts at {@code max}
 */
public record AlphaRamp(double max, double rampFraction) {
    public AlphaRamp {
        if (!(max >= 0) || !(rampFraction >= 0 && rampFraction <= 1)) {
            throw new IllegalArgumentException("alpha must be >= 0 and its ramp in [0, 1], got " + max + ", " + rampFraction);
        }
    }

    /** The published schedule: 0 to 4 over the first half. */
    public static AlphaRamp standard() {
        return new AlphaRamp(4, 0.5);
    }

    /** The weight at {@code progress} (share of training done, in [0, 1]). */
    public double at(double progress) {
        if (rampFraction == 0) {
            return max;
        }
        return max * Math.min(1, progress / rampFraction);
    }
}
