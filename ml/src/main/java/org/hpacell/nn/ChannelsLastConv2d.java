package org.hpacell.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.hpacell.nn.script.ScriptKernels;

/**
 * A 2-d convolution whose weight is kept in channels-last order, as after torchvision's {@code
 * model.to(memory_format=torch.channels_last)}: with channels-last activations (see {@link
 * ScriptKernels#channelsLast}), a weight in NCHW order would be converted to channels-last in every forward
 * and backward pass and its gradient converted back (ResNet-50: about 4% of a training step).
 *
 * <p>The weight is converted in place the first time the convolution runs with a given weight array, so
 * weights loaded or imported later (which DJL creates in NCHW order) are converted at their first use.
 * Values, shapes, saved files and the block's parameters are those of DJL's {@code Conv2d}.
 */
public final class ChannelsLastConv2d extends Conv2d {
    /** The weight array last converted (a new array, e.g. after loading, is converted once). */
    private volatile NDArray converted;

    /** A convolution configured by {@code builder} (as {@code builder.build()} would configure it). */
    public ChannelsLastConv2d(Conv2d.Builder builder) {
        super(builder);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray w = weight.getArray();
        if (w != converted) {
            synchronized (this) { // a worker pool may run the first forward on several threads at once
                if (w != converted) {
                    ScriptKernels.toChannelsLastInPlace(w);
                    converted = w;
                }
            }
        }
        return super.forwardInternal(store, inputs, training, params);
    }
}
