package org.hpacell.train.data;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/**
 * One batch as the objective sees it.
 *
 * @param images  {@code (N, 4, S, S)} float32, normalised
 * @param targets {@code (N, 19)} float32 multi-hot labels
 * @param samples the prepared samples the batch was built from (ids, cells, ...)
 * @param extras  arrays a batch builder adds for its objective (e.g. puzzle tiles), by name
 */
public record TrainBatch(NDArray images, NDArray targets, List<PreparedSample> samples,
                         Map<String, NDArray> extras) {
    public int size() {
        return samples.size();
    }
}
