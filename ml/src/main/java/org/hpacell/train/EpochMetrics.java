package org.hpacell.train;

import java.util.Map;

/**
 * One row of the metrics log.
 *
 * @param epoch        1-based epoch
 * @param learningRate learning rate of the epoch's last step
 * @param trainLoss    mean training loss over the epoch's steps
 * @param trainParts   means of the objective's named loss parts
 * @param valLoss      validation loss ({@code NaN} without validation fields)
 * @param valMacroAp   validation image-level macro AP over classes with positives ({@code NaN} if none)
 * @param classAp      validation AP per class (19 values, {@code NaN} for classes without positives)
 * @param seconds      wall time of the epoch including validation
 */
public record EpochMetrics(int epoch, double learningRate, double trainLoss, Map<String, Double> trainParts,
                           double valLoss, double valMacroAp, double[] classAp, double seconds) {
}
