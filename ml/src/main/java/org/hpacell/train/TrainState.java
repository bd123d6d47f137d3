package org.hpacell.train;

/**
 * The engine's bookkeeping saved in a checkpoint beside the weights and the optimiser state.
 *
 * @param architecture   registry name of the network
 * @param epochsDone     epochs completed (the next epoch to run)
 * @param step           optimiser steps done
 * @param bestMetric     best validation macro AP so far ({@code NaN} if none)
 * @param bestEpoch      1-based epoch of the best metric (0 if none)
 * @param mean           normalisation means (4)
 * @param std            normalisation standard deviations (4)
 * @param imageSize      training image size
 */
public record TrainState(String architecture, int epochsDone, long step, double bestMetric, int bestEpoch,
                         float[] mean, float[] std, int imageSize) {
}
