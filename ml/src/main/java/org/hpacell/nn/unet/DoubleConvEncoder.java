package org.hpacell.nn.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.hpacell.nn.FeatureEncoder;
import org.hpacell.nn.script.ScriptKernels;

/**
 * The encoder of the original U-Net: a double convolution at full resolution, then {@code depth - 1}
 * times a 2x2 max pool and a double convolution of twice the channels. Stage {@code i} has {@code
 * width * 2^i} channels at stride {@code 2^i}. Small and CPU-friendly at small widths (width 8,
 * depth 4: about 0.12 M parameters in the full U-Net).
 */
public final class DoubleConvEncoder extends FeatureEncoder {
    private static final byte VERSION = 1;
    private static final Shape POOL = new Shape(2, 2);

    private final int inChannels;
    private final int width;
    private final List<SequentialBlock> stages = new ArrayList<>();

    /**
     * @param width channels of the first stage
     * @param depth number of stages (at least 2)
     */
    public DoubleConvEncoder(int inChannels, int width, int depth) {
        super(VERSION);
        if (inChannels < 1 || width < 1 || depth < 2) {
            throw new IllegalArgumentException(
                    "U-Net encoder needs inChannels >= 1, width >= 1, depth >= 2; got " + inChannels + ", " + width + ", " + depth);
        }
        this.inChannels = inChannels;
        this.width = width;
        for (int i = 0; i < depth; i++) {
            stages.add(addChildBlock("stage" + i, ConvBnRelu.twice(width << i)));
        }
    }

    /** Channels of the first stage. */
    public int width() {
        return width;
    }

    /** Number of stages. */
    public int depth() {
        return stages.size();
    }

    @Override
    public String architecture() {
        return "unet-w" + width + "-d" + stages.size();
    }

    @Override
    public int inChannels() {
        return inChannels;
    }

    @Override
    public int[] stageChannels() {
        int[] c = new int[stages.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = width << i;
        }
        return c;
    }

    @Override
    public int[] stageStrides() {
        int[] s = new int[stages.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = 1 << i;
        }
        return s;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList out = new NDList(stages.size());
        // Computed in channels-last order: convolutions and batch norm then skip oneDNN's layout conversions.
        NDArray x = ScriptKernels.channelsLast(inputs.singletonOrThrow());
        for (int i = 0; i < stages.size(); i++) {
            if (i > 0) {
                x = Pool.maxPool2d(x, POOL, POOL, new Shape(0, 0), false);
            }
            x = stages.get(i).forward(store, new NDList(x), training, params).singletonOrThrow();
            out.add(x);
        }
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape[] out = new Shape[stages.size()];
        int[] channels = stageChannels();
        for (int i = 0; i < out.length; i++) {
            out[i] = new Shape(in.get(0), channels[i], in.get(2) >> i, in.get(3) >> i);
        }
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        long c = in.get(1);
        for (int i = 0; i < stages.size(); i++) {
            stages.get(i).initialize(manager, dataType, new Shape(in.get(0), c, in.get(2) >> i, in.get(3) >> i));
            c = width << i;
        }
    }
}
