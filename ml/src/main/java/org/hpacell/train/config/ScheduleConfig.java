package org.hpacell.train.config;

/** Learning-rate schedule: linear warm-up, then cosine annealing to {@code minLearningRate}. */
public final class ScheduleConfig {
    /** Warm-up length in epochs (may be fractional; counted in optimiser steps). */
    public double warmupEpochs = 1;
    /** Learning rate at the end of training. */
    public double minLearningRate = 0;

    void validate() {
        if (!(warmupEpochs >= 0)) {
            throw new IllegalArgumentException("schedule.warmupEpochs must be >= 0, got " + warmupEpochs);
        }
        if (!(minLearningRate >= 0)) {
            throw new IllegalArgumentException("schedule.minLearningRate must be >= 0, got " + minLearningRate);
        }
    }
}
