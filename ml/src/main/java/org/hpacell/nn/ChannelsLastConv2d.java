package org.hpacell.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.hpacell.nn.host.ConvolutionRoute;
import org.hpacell.nn.host.EngineHost;
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
 *
 * <p>A 1x1 convolution (no padding, no dilation, one group) runs by the host's {@link ConvolutionRoute}:
 * through libtorch's convolution, or, on hosts where oneDNN's 1x1 kernels crash, as a matrix product over
 * the channels. The second gives the same values up to the order of summation.
 */
public final class ChannelsLastConv2d extends Conv2d {
    /** The weight array last converted (a new array, e.g. after loading, is converted once). */
    private volatile NDArray converted;
    /** The route of this convolution if it is 1x1; null = the host's ({@link EngineHost#conv1x1()}). */
    private final ConvolutionRoute route;

    /** A convolution configured by {@code builder} (as {@code builder.build()} would configure it). */
    public ChannelsLastConv2d(Conv2d.Builder builder) {
        this(builder, null);
    }

    /**
     * A convolution configured by {@code builder} whose 1x1 form runs by {@code route} whatever the host
     * (null = the host's route): for tests that compare the routes.
     */
    public ChannelsLastConv2d(Conv2d.Builder builder, ConvolutionRoute route) {
        super(builder);
        this.route = route;
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
        if (pointwise() && (route != null ? route : EngineHost.conv1x1()) == ConvolutionRoute.MATRIX_PRODUCT) {
            return pointwiseAsMatrixProduct(store, inputs.singletonOrThrow(), training);
        }
        return super.forwardInternal(store, inputs, training, params);
    }

    /** Whether this is a 1x1 convolution that a matrix product computes exactly. */
    private boolean pointwise() {
        return kernelShape.get(0) == 1 && kernelShape.get(1) == 1 && groups == 1
                && padding.get(0) == 0 && padding.get(1) == 0;
    }

    /**
     * {@code y[n, o, i, j] = sum_c w[o, c] * x[n, c, s*i, s*j] (+ b[o])} as one matrix product of the
     * {@code (N*H'*W') x C} pixel matrix and the transposed weight. With channels-last input the pixel
     * matrix is a view (a stride of 2 makes it a strided view, copied by the product), and the result,
     * reshaped to {@code N x H' x W' x O} and permuted to NCHW, is again channels-last: no layout
     * conversion anywhere. Autograd records the slice, the views and the product.
     */
    private NDList pointwiseAsMatrixProduct(ParameterStore store, NDArray x, boolean training) {
        NDArray w = store.getValue(weight, x.getDevice(), training);
        long sh = stride.get(0);
        long sw = stride.get(1);
        NDArray in = sh == 1 && sw == 1 ? x : x.get(new NDIndex(":, :, ::{}, ::{}", sh, sw));
        Shape s = in.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long wd = s.get(3);
        NDArray pixels = in.transpose(0, 2, 3, 1).reshape(n * h * wd, c);
        NDArray out = pixels.matMul(w.reshape(filters, c).transpose());
        if (includeBias) {
            out = out.add(store.getValue(bias, x.getDevice(), training));
        }
        return new NDList(out.reshape(n, h, wd, filters).transpose(0, 3, 1, 2));
    }
}
