package org.hpacell.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.List;

/** Shape propagation through a chain of blocks, each consuming the previous block's output. */
final class BlockChains {
    private BlockChains() {}

    /** The output shapes of {@code blocks} applied in order to inputs of {@code shapes}. */
    static Shape[] outputShapes(List<? extends Block> blocks, Shape[] shapes) {
        Shape[] current = shapes;
        for (Block block : blocks) {
            current = block.getOutputShapes(current);
        }
        return current;
    }

    /** Initialises {@code blocks} in order, each with its predecessor's output shapes. */
    static Shape[] initialize(
            List<? extends Block> blocks, NDManager manager, DataType dataType, Shape[] shapes) {
        Shape[] current = shapes;
        for (Block block : blocks) {
            block.initialize(manager, dataType, current);
            current = block.getOutputShapes(current);
        }
        return current;
    }
}
