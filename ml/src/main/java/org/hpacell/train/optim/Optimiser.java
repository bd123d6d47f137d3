package org.hpacell.train.optim;

import ai.djl.ndarray.NDList;

/**
 * Updates the trainable parameters from their gradients, then zeroes the gradients. Its whole state is
 * {@link #state()}: saving it with the weights and {@link #loadState loading} it back continues training
 * exactly where it stopped (which DJL's own {@code Trainer} cannot: it does not save Adam's moments).
 */
public interface Optimiser extends AutoCloseable {
    /** One update of every parameter with learning rate {@code lr}. */
    void step(double lr);

    /** The state arrays in a fixed order (not copies). */
    NDList state();

    /** Restores {@link #state()} from a checkpoint (same parameters, same order). */
    void loadState(NDList state);

    /** Frees the state arrays. */
    @Override
    void close();
}
