package org.hpacell.train.data;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plug-in point: turns the prepared samples of one step into the arrays the objective needs. The
 * default ({@link ImagesBatchBuilder}) stacks images and targets; variants add inputs of their own in
 * {@link TrainBatch#extras()} (e.g. the cell puzzle of FCAN, built from {@link PreparedSample#cells()}).
 */
@FunctionalInterface
public interface BatchBuilder {
    /**
     * @param samples at least one sample, all of the same size
     * @param manager the step's manager: every array created must be attached to it (closed after the step)
     * @param random  a generator owned by this batch (derived from seed, epoch and batch index), for
     *                builders that make random choices
     */
    TrainBatch build(List<PreparedSample> samples, NDManager manager, SplittableRandom random);
}
