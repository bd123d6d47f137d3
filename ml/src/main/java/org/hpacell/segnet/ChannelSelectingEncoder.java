package org.hpacell.segnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;
import org.hpacell.nn.FeatureEncoder;

/**
 * A {@link FeatureEncoder} that takes a field's channels and passes only some of them, in a given order,
 * to an inner encoder: e.g. the four HPA channels {@code (red, green, blue, yellow)} in, {@code (red,
 * yellow, blue)} to the cell network's encoder. It has no parameters of its own; the inner encoder's
 * are named {@code inner.*}.
 */
public final class ChannelSelectingEncoder extends FeatureEncoder {
    private static final byte VERSION = 1;

    private final int sourceChannels;
    private final int[] selected;
    private final FeatureEncoder inner;

    /**
     * @param sourceChannels channels of the input
     * @param selected       input channel indices passed on, in order (as many as {@code inner} takes)
     */
    public ChannelSelectingEncoder(int sourceChannels, int[] selected, FeatureEncoder inner) {
        super(VERSION);
        if (selected.length != inner.inChannels()) {
            throw new IllegalArgumentException("selecting " + selected.length + " channels for an encoder of "
                    + inner.inChannels());
        }
        for (int c : selected) {
            if (c < 0 || c >= sourceChannels) {
                throw new IllegalArgumentException("channel " + c + " is not among the " + sourceChannels + " input channels");
            }
        }
        this.sourceChannels = sourceChannels;
        this.selected = selected.clone();
        this.inner = addChildBlock("inner", inner);
    }

    /** The selected input channels, in order. */
    public int[] selected() {
        return selected.clone();
    }

    /** The encoder it feeds. */
    public FeatureEncoder inner() {
        return inner;
    }

    @Override
    public String architecture() {
        return inner.architecture() + "-channels" + Arrays.toString(selected).replace(" ", "");
    }

    @Override
    public int inChannels() {
        return sourceChannels;
    }

    @Override
    public int[] stageChannels() {
        return inner.stageChannels();
    }

    @Override
    public int[] stageStrides() {
        return inner.stageStrides();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDList parts = new NDList(selected.length);
        for (int c : selected) {
            parts.add(x.get(":, " + c + ":" + (c + 1)));
        }
        NDArray picked = parts.size() == 1 ? parts.head() : NDArrays.concat(parts, 1);
        return inner.forward(store, new NDList(picked), training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inner.getOutputShapes(new Shape[] {innerShape(inputShapes[0])});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        inner.initialize(manager, dataType, innerShape(inputShapes[0]));
    }

    private Shape innerShape(Shape in) {
        return new Shape(in.get(0), selected.length, in.get(2), in.get(3));
    }
}
