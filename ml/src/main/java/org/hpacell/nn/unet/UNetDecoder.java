package org.hpacell.nn.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hpacell.nn.FeatureEncoder;

/**
 * The U-Net decoder: starting from the coarsest encoder map, each block up-samples (nearest) to the
 * next finer encoder stage, concatenates that stage's map (the skip connection) along channels, and
 * applies a double convolution. When the finest encoder stage is itself down-sampled (a ResNet's stem
 * has stride 2), a last block up-samples to the input resolution without a skip.
 *
 * <p>Input: the encoder's stage maps, finest first. Output: one map of {@code
 * decoderChannels[last]} channels at the input resolution.
 */
public final class UNetDecoder extends ai.djl.nn.AbstractBlock {
    private static final byte VERSION = 1;

    private final int[] encoderChannels;
    private final int[] encoderStrides;
    private final int[] decoderChannels;
    private final List<SequentialBlock> blocks = new ArrayList<>();

    /**
     * @param decoderChannels output channels of each block, coarsest block first; its length is the
     *     number of encoder stages minus one, plus one when the finest stage's stride exceeds 1
     */
    public UNetDecoder(int[] encoderChannels, int[] encoderStrides, int[] decoderChannels) {
        super(VERSION);
        this.encoderChannels = encoderChannels.clone();
        this.encoderStrides = encoderStrides.clone();
        this.decoderChannels = decoderChannels.clone();
        int expected = blockCount(encoderStrides);
        if (decoderChannels.length != expected) {
            throw new IllegalArgumentException("decoder needs " + expected + " channel counts for encoder strides "
                    + Arrays.toString(encoderStrides) + ", got " + Arrays.toString(decoderChannels));
        }
        for (int j = 0; j < decoderChannels.length; j++) {
            blocks.add(addChildBlock("block" + j, ConvBnRelu.twice(decoderChannels[j])));
        }
    }

    /** A decoder for {@code encoder} with {@link #defaultChannels default channels}. */
    public static UNetDecoder forEncoder(FeatureEncoder encoder) {
        return new UNetDecoder(encoder.stageChannels(), encoder.stageStrides(),
                defaultChannels(encoder.stageChannels(), encoder.stageStrides()));
    }

    /**
     * Default channels: each skip block has the channels of the encoder stage it joins (a mirror of
     * the encoder); the final block without skip, if any, half the finest stage's (at least 8).
     */
    public static int[] defaultChannels(int[] encoderChannels, int[] encoderStrides) {
        int n = encoderChannels.length;
        int[] c = new int[blockCount(encoderStrides)];
        for (int j = 0; j < n - 1; j++) {
            c[j] = encoderChannels[n - 2 - j];
        }
        if (c.length == n) {
            c[n - 1] = Math.max(8, encoderChannels[0] / 2);
        }
        return c;
    }

    private static int blockCount(int[] strides) {
        return strides.length - 1 + (strides[0] > 1 ? 1 : 0);
    }

    /** Channels of the output map. */
    public int outChannels() {
        return decoderChannels[decoderChannels.length - 1];
    }

    public int[] decoderChannels() {
        return decoderChannels.clone();
    }

    /** Up-sampling factor before block {@code j}. */
    private int factor(int j) {
        int n = encoderStrides.length;
        return j < n - 1 ? encoderStrides[n - 1 - j] / encoderStrides[n - 2 - j] : encoderStrides[0];
    }

    /** The encoder stage joined by block {@code j}, or -1 for the final block without skip. */
    private int skip(int j) {
        int n = encoderStrides.length;
        return j < n - 1 ? n - 2 - j : -1;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(inputs.size() - 1);
        for (int j = 0; j < blocks.size(); j++) {
            x = Upsampling.nearest(x, factor(j));
            if (skip(j) >= 0) {
                x = x.concat(inputs.get(skip(j)), 1);
            }
            x = blocks.get(j).forward(store, new NDList(x), training, params).singletonOrThrow();
        }
        return new NDList(x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape finest = inputShapes[0];
        return new Shape[] {new Shape(finest.get(0), outChannels(),
                finest.get(2) * encoderStrides[0], finest.get(3) * encoderStrides[0])};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[inputShapes.length - 1];
        for (int j = 0; j < blocks.size(); j++) {
            int f = factor(j);
            long channels = x.get(1) + (skip(j) >= 0 ? encoderChannels[skip(j)] : 0);
            Shape in = new Shape(x.get(0), channels, x.get(2) * f, x.get(3) * f);
            blocks.get(j).initialize(manager, dataType, in);
            x = new Shape(x.get(0), decoderChannels[j], in.get(2), in.get(3));
        }
    }
}
