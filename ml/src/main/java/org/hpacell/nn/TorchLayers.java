package org.hpacell.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * Convolution and batch-normalisation layers configured as torchvision configures them, so that
 * parameter counts, shapes and running statistics match a PyTorch model layer for layer.
 *
 * <p>Batch normalisation: torchvision uses {@code eps = 1e-5} and {@code momentum = 0.1}, where
 * PyTorch's momentum is the weight of the NEW batch statistic ({@code running = (1 - m) * running
 * + m * batch}); {@link TorchBatchNorm} takes it in that convention (DJL's own {@code BatchNorm}
 * defines it the other way round). {@code BatchNormConventionTest} checks this on the engine.
 */
public final class TorchLayers {
    /** torchvision's batch-norm epsilon. */
    public static final float BN_EPSILON = 1e-5f;

    /** torchvision's batch-norm momentum, in PyTorch's convention (weight of the new batch statistic). */
    public static final float BN_MOMENTUM = 0.1f;

    private TorchLayers() {}

    /**
     * A square convolution without bias (a batch norm follows it), padding {@code kernel / 2}
     * ("same" for odd kernels at stride 1), as every convolution of torchvision's ResNets.
     */
    public static ChannelsLastConv2d conv(int kernel, int stride, int filters) {
        return conv(kernel, stride, filters, false);
    }

    /** A square convolution with padding {@code kernel / 2} and an optional bias. */
    public static ChannelsLastConv2d conv(int kernel, int stride, int filters, boolean bias) {
        int pad = kernel / 2;
        Conv2d.Builder builder = Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(pad, pad))
                .setFilters(filters)
                .optBias(bias);
        builder.build(); // validates the configuration
        return new ChannelsLastConv2d(builder);
    }

    /** Batch normalisation over axis 1 (channels) with torchvision's epsilon and momentum. */
    public static TorchBatchNorm batchNorm() {
        return new TorchBatchNorm(BN_EPSILON, BN_MOMENTUM);
    }
}
