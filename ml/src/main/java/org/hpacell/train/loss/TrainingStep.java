package org.hpacell.train.loss;

/**
 * Where training stands when a step runs, for objectives whose weights follow the schedule (e.g.
 * Puzzle-CAM's alpha ramp).
 *
 * @param epoch        0-based epoch
 * @param step         0-based optimiser step over the whole run
 * @param totalSteps   optimiser steps of the whole run
 * @param learningRate the learning rate of this step
 */
public record TrainingStep(int epoch, long step, long totalSteps, double learningRate) {
    /** Share of training done before this step, in [0, 1). */
    public double progress() {
        return totalSteps == 0 ? 0 : (double) step / totalSteps;
    }
}
