package org.hpacell.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/** Helpers shared by the network tests. */
final class NetworkTestSupport {
    private NetworkTestSupport() {}

    /** Trainable parameters (those that receive gradients), as {@code sum(p.numel() for p in m.parameters())}. */
    static long trainableParameters(Block block) {
        long n = 0;
        for (Parameter p : block.getParameters().values()) {
            if (p.requiresGradient()) {
                n += p.getArray().size();
            }
        }
        return n;
    }

    static void initialize(Block block, NDManager manager, int inChannels, int size) {
        block.initialize(manager, DataType.FLOAT32, new Shape(1, inChannels, size, size));
    }

    static ParameterStore store(NDManager manager) {
        return new ParameterStore(manager, false);
    }
}
