package org.hpacell.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Batch normalisation over the channel axis of an {@code (N, C, ...)} array, as PyTorch's {@code
 * BatchNorm2d}: one native {@code batch_norm} call, with PyTorch's momentum convention ({@code running =
 * (1 - momentum) * running + momentum * batch}).
 *
 * <p>Why not DJL's {@code BatchNorm}: on the PyTorch engine it wraps the call in {@code transpose(1, axis)}
 * before and after, so its output is a view with a transpose node in the autograd graph. Adding the
 * residual in place into such a view (as torchvision's {@code out += identity} does) makes autograd record a
 * {@code CopySlices} node, whose backward clones activation-sized gradients and hands the convolutions
 * non-contiguous gradients to copy again (about 20% of a ResNet-50 backward pass). This block's output is
 * a plain tensor.
 *
 * <p>The parameters ({@code gamma, beta, runningMean, runningVar}, in this order) and the saved encoding
 * (version 2: input shapes, channel count, the four arrays) are those of DJL's {@code BatchNorm}, so
 * parameter files written with either block load into the other.
 */
public final class TorchBatchNorm extends AbstractBlock {
    /** DJL's {@code BatchNorm} encoding version, kept for file compatibility. */
    private static final byte VERSION = 2;

    private final float epsilon;
    private final float momentum;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;
    private long channels;

    /**
     * @param epsilon  added to the variance
     * @param momentum PyTorch's momentum: the weight of the new batch statistic in the running average
     */
    public TorchBatchNorm(float epsilon, float momentum) {
        super(VERSION);
        this.epsilon = epsilon;
        this.momentum = momentum;
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).build());
        runningMean = addParameter(Parameter.builder().setName("runningMean")
                .setType(Parameter.Type.RUNNING_MEAN).optRequiresGrad(false).build());
        runningVar = addParameter(Parameter.builder().setName("runningVar")
                .setType(Parameter.Type.RUNNING_VAR).optRequiresGrad(false).build());
    }

    /**
     * In training mode normalises with the batch's statistics and updates the running averages in place;
     * otherwise normalises with the running averages.
     */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        var device = x.getDevice();
        PtNDArray out = JniUtils.batchNorm((PtNDArray) x,
                (PtNDArray) store.getValue(runningMean, device, training),
                (PtNDArray) store.getValue(runningVar, device, training),
                (PtNDArray) store.getValue(gamma, device, training),
                (PtNDArray) store.getValue(beta, device, training),
                training, momentum, epsilon);
        return new NDList(out);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        super.beforeInitialize(inputShapes);
        channels = inputShapes[0].get(1);
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        Shape shape = new Shape(channels);
        gamma.setShape(shape);
        beta.setShape(shape);
        runningMean.setShape(shape);
        runningVar.setShape(shape);
    }

    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        saveInputShapes(os);
        os.writeLong(channels);
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion == VERSION) {
            readInputShapes(is);
        } else if (loadVersion != 1) {
            throw new MalformedModelException("unsupported batch-norm encoding version " + loadVersion);
        }
        channels = is.readLong();
    }
}
