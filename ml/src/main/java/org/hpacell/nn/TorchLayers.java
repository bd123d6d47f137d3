package org.hpacell.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/**
 * Convolution and batch-normalisation layers configured as torchvision configures them, so that
 * parameter counts, shapes and running statistics match a PyTorch model layer for layer.
 *
 * <p>Batch normalisation: torchvision uses {@code eps = 1e-5} and {@code momentum = 0.1}, where
 * PyTorch's momentum is the weight of the NEW batch statistic ({@code running = (1 - m) * running
 * + m * batch}). DJL defines momentum the other way round, as the weight of the OLD running value
 * ({@code running = m * running + (1 - m) * batch}; its PyTorch engine passes {@code 1 - m} to
 * libtorch). The torchvision setting is therefore DJL momentum {@code 0.9}. {@code
 * BatchNormConventionTest} checks this on the engine.
 */
public final class TorchLayers {
    /** torchvision's batch-norm epsilon. */
    public static final float BN_EPSILON = 1e-5f;

    /** torchvision's momentum 0.1 expressed in DJL's convention (weight of the old value). */
    public static final float BN_MOMENTUM_DJL = 0.9f;

    private TorchLayers() {}

    /**
     * A square convolution without bias (a batch norm follows it), padding {@code kernel / 2}
     * ("same" for odd kernels at stride 1), as every convolution of torchvision's ResNets.
     */
    public static Conv2d conv(int kernel, int stride, int filters) {
        return conv(kernel, stride, filters, false);
    }

    /** A square convolution with padding {@code kernel / 2} and an optional bias. */
    public static Conv2d conv(int kernel, int stride, int filters, boolean bias) {
        int pad = kernel / 2;
        return Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(pad, pad))
                .setFilters(filters)
                .optBias(bias)
                .build();
    }

    /** Batch normalisation over axis 1 (channels) with torchvision's epsilon and momentum. */
    public static BatchNorm batchNorm() {
        return BatchNorm.builder()
                .optAxis(1)
                .optEpsilon(BN_EPSILON)
                .optMomentum(BN_MOMENTUM_DJL)
                .build();
    }
}
