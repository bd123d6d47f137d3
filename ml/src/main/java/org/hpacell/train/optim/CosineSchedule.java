package org.hpacell.train.optim;

/**
 * Learning rate per optimiser step: linear warm-up from {@code peak / warmupSteps} to {@code peak} over
 * the first {@code warmupSteps} steps (step {@code s} gets {@code peak * (s + 1) / warmupSteps}), then
 * cosine annealing {@code min + (peak - min) * (1 + cos(pi * k / K)) / 2} with {@code k} the steps since
 * the warm-up and {@code K = totalSteps - warmupSteps}.
 */
public record CosineSchedule(double peak, double min, long warmupSteps, long totalSteps) {
    public CosineSchedule {
        if (totalSteps <= 0 || warmupSteps < 0) {
            throw new IllegalArgumentException("schedule needs totalSteps > 0 and warmupSteps >= 0");
        }
    }

    /** The learning rate of step {@code s} (0-based). */
    public double learningRate(long s) {
        if (s < warmupSteps) {
            return peak * (s + 1) / warmupSteps;
        }
        long span = totalSteps - warmupSteps;
        if (span <= 0) {
            return peak;
        }
        double k = Math.min(s - warmupSteps, span);
        return min + (peak - min) * 0.5 * (1 + Math.cos(Math.PI * k / span));
    }
}
