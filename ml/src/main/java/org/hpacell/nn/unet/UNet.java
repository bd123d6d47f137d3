package org.hpacell.nn.unet;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.hpacell.nn.FeatureEncoder;
import org.hpacell.nn.TorchLayers;

/**
 * A U-Net: {@link FeatureEncoder} -> {@link UNetDecoder} -> a 3x3 convolution head (with bias) giving
 * {@code numMaps} logit maps per pixel. {@code forward(NDList(x))}, {@code x} of shape {@code (N,
 * C, H, W)} with {@code H} and {@code W} multiples of the encoder's output stride, returns {@code
 * NDList(logits)} of shape {@code (N, numMaps, H, W)}; the activation (softmax over HPA's three
 * segmentation channels, a sigmoid per class for semantic segmentation) belongs to the loss and to
 * inference.
 *
 * <p>Parameters are named like segmentation_models_pytorch's ({@code encoder.*}, {@code decoder.*},
 * {@code head.*}), so a torchvision ResNet state dict imports into the encoder with {@code
 * ImportOptions.newHead()} applied to {@link #encoder()}.
 */
public final class UNet extends AbstractBlock {
    private static final byte VERSION = 1;

    private final FeatureEncoder encoder;
    private final UNetDecoder decoder;
    private final Conv2d head;
    private final int numMaps;

    public UNet(FeatureEncoder encoder, UNetDecoder decoder, int numMaps) {
        super(VERSION);
        if (numMaps < 1) {
            throw new IllegalArgumentException("numMaps must be positive, got " + numMaps);
        }
        this.encoder = addChildBlock("encoder", encoder);
        this.decoder = addChildBlock("decoder", decoder);
        this.head = addChildBlock("head", TorchLayers.conv(3, 1, numMaps, true));
        this.numMaps = numMaps;
    }

    /** The encoder (shared, not a copy: a trained stage-1 encoder stays the same object). */
    public FeatureEncoder encoder() {
        return encoder;
    }

    public UNetDecoder decoder() {
        return decoder;
    }

    public int numMaps() {
        return numMaps;
    }

    public int inChannels() {
        return encoder.inChannels();
    }

    /** Input sides must be multiples of this. */
    public int sizeMultiple() {
        return encoder.outputStride();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        checkInput(inputs.singletonOrThrow().getShape());
        NDList stages = encoder.forward(store, inputs, training, params);
        NDList decoded = decoder.forward(store, stages, training, params);
        return head.forward(store, decoded, training, params);
    }

    private void checkInput(Shape s) {
        int m = sizeMultiple();
        if (s.dimension() != 4 || s.get(1) != inChannels() || s.get(2) % m != 0 || s.get(3) % m != 0) {
            throw new IllegalArgumentException("U-Net (" + encoder.architecture() + ") expects input (N, " + inChannels()
                    + ", H, W) with H and W multiples of " + m + ", got " + s);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), numMaps, s.get(2), s.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes);
        Shape[] stages = encoder.getOutputShapes(inputShapes);
        decoder.initialize(manager, dataType, stages);
        head.initialize(manager, dataType, decoder.getOutputShapes(stages));
    }
}
