package org.hpacell.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.hpacell.nn.script.ScriptKernels;

/**
 * The convolutional trunk of a torchvision ResNet ({@code conv1, bn1, relu, maxpool, layer1..layer4};
 * no pooling or classifier), returning the five feature maps a U-Net needs: the stem output (stride 2)
 * and each stage (strides 4, 8, 16, 32; 4, 8, 16, 16 for an output stride of 16).
 *
 * <p>Child names are torchvision's, so {@link TorchNames#of} of this block yields exactly the
 * state-dict keys of {@code torchvision.models.resnetXX()} minus {@code fc.*}. Any number of input
 * channels is accepted (the stem convolution takes its input channels from the first input shape).
 */
public final class ResNetEncoder extends FeatureEncoder {
    private static final byte VERSION = 1;
    private static final Shape POOL_KERNEL = new Shape(3, 3);
    private static final Shape POOL_STRIDE = new Shape(2, 2);
    private static final Shape POOL_PAD = new Shape(1, 1);

    private final ResNetSpec spec;
    private final int inChannels;
    private final Conv2d conv1;
    private final TorchBatchNorm bn1;
    private final List<SequentialBlock> layers = new ArrayList<>();

    /** An encoder of the given shape for {@code inChannels} input channels. */
    public ResNetEncoder(ResNetSpec spec, int inChannels) {
        super(VERSION);
        if (inChannels < 1) {
            throw new IllegalArgumentException("inChannels must be positive, got " + inChannels);
        }
        this.spec = spec;
        this.inChannels = inChannels;
        conv1 = addChildBlock("conv1", TorchLayers.conv(spec.stemKernel(), 2, spec.stemWidth()));
        bn1 = addChildBlock("bn1", TorchLayers.batchNorm());
        int channels = spec.stemWidth();
        int[] units = spec.units();
        int[] widths = spec.widths();
        for (int stage = 0; stage < units.length; stage++) {
            int stride = spec.stageStride(stage);
            SequentialBlock layer = new SequentialBlock();
            for (int u = 0; u < units[stage]; u++) {
                ResidualUnit unit =
                        spec.bottleneck()
                                ? ResidualUnit.bottleneck(channels, widths[stage], u == 0 ? stride : 1)
                                : ResidualUnit.basic(channels, widths[stage], u == 0 ? stride : 1);
                layer.add(unit);
                channels = unit.outChannels();
            }
            layers.add(addChildBlock("layer" + (stage + 1), layer));
        }
    }

    public ResNetSpec spec() {
        return spec;
    }

    @Override
    public String architecture() {
        return spec.name();
    }

    @Override
    public int inChannels() {
        return inChannels;
    }

    @Override
    public int[] stageChannels() {
        int[] channels = new int[layers.size() + 1];
        channels[0] = spec.stemWidth();
        for (int i = 0; i < layers.size(); i++) {
            channels[i + 1] = spec.stageOutChannels(i);
        }
        return channels;
    }

    @Override
    public int[] stageStrides() {
        int[] strides = new int[layers.size() + 1];
        strides[0] = 2;
        int pool = spec.stemPool() ? 2 : 1;
        for (int i = 0; i < layers.size(); i++) {
            strides[i + 1] = strides[i] * spec.stageStride(i) * (i == 0 ? pool : 1);
        }
        return strides;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        checkInput(inputs.singletonOrThrow().getShape());
        // Intermediate handles are closed as soon as Java is done with them: autograd keeps alive what the
        // backward pass needs, everything else is freed at once, as PyTorch does. The network computes in
        // channels-last order (torchvision's model.to(memory_format=torch.channels_last)): every
        // convolution, batch norm and pooling then works on NHWC data directly, where in NCHW order each
        // convolution converts its input and output to oneDNN's layout and back (ResNet-50 training at
        // 512 px: 4.8 s per step of 4 images instead of 7-11 s, and a lower peak memory).
        NDList nhwc = new NDList(ScriptKernels.channelsLast(inputs.singletonOrThrow()));
        NDList conv = conv1.forward(store, nhwc, training, params);
        nhwc.close();
        NDList x = bn1.forward(store, conv, training, params);
        conv.close();
        NDArray stem = ScriptKernels.reluInPlace(x.singletonOrThrow());
        NDList stages = new NDList(stem);
        x = new NDList(spec.stemPool() ? maxPool(stem) : stem);
        for (Block layer : layers) {
            x = layer.forward(store, x, training, params);
            stages.add(x.singletonOrThrow());
        }
        return stages;
    }

    private static NDArray maxPool(NDArray x) {
        return Pool.maxPool2d(x, POOL_KERNEL, POOL_STRIDE, POOL_PAD, false);
    }

    private void checkInput(Shape shape) {
        if (shape.dimension() != 4 || shape.get(1) != inChannels) {
            throw new IllegalArgumentException(
                    spec.name() + " expects input (N, " + inChannels + ", H, W), got " + shape);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] x = bn1.getOutputShapes(conv1.getOutputShapes(inputShapes));
        Shape[] out = new Shape[layers.size() + 1];
        out[0] = x[0];
        if (spec.stemPool()) {
            x = new Shape[] {pooledShape(x[0])};
        }
        for (int i = 0; i < layers.size(); i++) {
            x = layers.get(i).getOutputShapes(x);
            out[i + 1] = x[0];
        }
        return out;
    }

    /** Output shape of the 3x3 stride-2 padding-1 max pool (floor mode). */
    private static Shape pooledShape(Shape s) {
        return new Shape(s.get(0), s.get(1), (s.get(2) + 2 - 3) / 2 + 1, (s.get(3) + 2 - 3) / 2 + 1);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] x = BlockChains.initialize(List.of(conv1, bn1), manager, dataType, inputShapes);
        if (spec.stemPool()) {
            x = new Shape[] {pooledShape(x[0])};
        }
        BlockChains.initialize(layers, manager, dataType, x);
    }
}
