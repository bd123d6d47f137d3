package org.hpacell.synth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The difficulty presets of the generator. Each preset is a complete {@link SynthParams} whose every
 * value can then be overridden; {@code hpa} is meant to look and behave like real HPA data.
 */
public enum Difficulty {
    /** Bright, clean fields; cells mostly share their field's classes. */
    EASY,
    /** Real HPA statistics: dark 16-bit intensities, shot noise, a third of cells deviating. */
    HPA,
    /** Noisier, blurrier, more uneven fields; more than half the cells deviate. */
    HARD;

    /** The lower-case name used on the command line and in {@code synth.json}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code easy|hpa|hard} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the valid values
     */
    @JsonCreator
    public static Difficulty parse(String s) {
        for (Difficulty d : values()) {
            if (d.id().equalsIgnoreCase(s.strip())) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown difficulty '" + s + "' (valid: easy, hpa, hard)");
    }

    /** This preset's parameters for a dataset. */
    public SynthParams params(long seed, int images, int size, int bitDepth) {
        return switch (this) {
            case EASY -> new SynthParams(seed, images, size, bitDepth, this,
                    new SynthParams.Labels(0.08, 0.5, 0.4, 0.1, new double[] {0.8, 0.2, 0.0},
                            HpaClassFrequencies.weights(), 0.03, 0.3),
                    new SynthParams.Cells(8, 30, 0.5, 0.8, 0.75, 0.12, 0.08, 0.42),
                    new SynthParams.Stains(0.05, 0.06, 0.08, 0.05, 0.25, 0.15, 0.03),
                    new SynthParams.Optics(0.02, 0.0005, 0.1, 0.9, 1.1, 200000, 0.0002, 0.001, 8));
            case HPA -> new SynthParams(seed, images, size, bitDepth, this,
                    new SynthParams.Labels(0.25, 0.45, 0.35, 0.2, new double[] {0.55, 0.33, 0.12},
                            HpaClassFrequencies.weights(), 0.04, 0.25),
                    new SynthParams.Cells(10, 40, 0.5, 0.8, 0.75, 0.18, 0.12, 0.42),
                    new SynthParams.Stains(0.03, 0.045, 0.05, 0.03, 0.5, 0.3, 0.08),
                    new SynthParams.Optics(0.025, 0.0012, 0.3, 0.6, 1.6, 40000, 0.0006, 0.0015, 8));
            case HARD -> new SynthParams(seed, images, size, bitDepth, this,
                    new SynthParams.Labels(0.5, 0.4, 0.3, 0.3, new double[] {0.4, 0.4, 0.2},
                            HpaClassFrequencies.weights(), 0.05, 0.2),
                    new SynthParams.Cells(12, 48, 0.5, 0.85, 0.8, 0.24, 0.16, 0.4),
                    new SynthParams.Stains(0.025, 0.025, 0.04, 0.025, 0.7, 0.4, 0.15),
                    new SynthParams.Optics(0.04, 0.0012, 0.5, 0.4, 2.0, 15000, 0.001, 0.002, 8));
        };
    }
}
