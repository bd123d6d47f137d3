package org.hpacell.nn;

import ai.djl.nn.AbstractBlock;

/**
 * A convolutional encoder that returns its feature maps at several scales, as U-Net decoders and
 * image classifiers both need.
 *
 * <p>Contract: {@code forward(NDList(x))} with {@code x} of shape {@code (N, inChannels, H, W)}
 * returns one feature map per stage, finest first: stage {@code i} has shape {@code (N,
 * stageChannels()[i], H / stageStrides()[i], W / stageStrides()[i])} (when {@code H} and {@code W}
 * are multiples of {@link #outputStride()}). The last map is the input of global pooling in a
 * classifier.
 */
public abstract class FeatureEncoder extends AbstractBlock {
    protected FeatureEncoder(byte version) {
        super(version);
    }

    /** The registry name of the architecture, e.g. {@code "resnet50"}. */
    public abstract String architecture();

    public abstract int inChannels();

    /** Channels of each stage's feature map, finest stage first. */
    public abstract int[] stageChannels();

    /** Down-sampling factor of each stage relative to the input, finest stage first. */
    public abstract int[] stageStrides();

    /** Channels of the last (coarsest) feature map. */
    public int featureChannels() {
        int[] channels = stageChannels();
        return channels[channels.length - 1];
    }

    /** Stride of the last feature map; inputs whose sides are multiples of it map exactly. */
    public int outputStride() {
        int[] strides = stageStrides();
        return strides[strides.length - 1];
    }
}
