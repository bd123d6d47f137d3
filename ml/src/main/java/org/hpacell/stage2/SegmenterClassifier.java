package org.hpacell.stage2;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.hpacell.nn.ImageClassifier;
import org.hpacell.nn.unet.UNet;
import org.hpacell.nn.unet.UNets;
import org.hpacell.train.ClassifierFactory;

/**
 * A semantic segmenter (a {@link UNet} with one logit map per class) seen as an {@link ImageClassifier},
 * so the one training engine trains it: {@code forward} returns {@code NDList(logits, maps)} where
 * {@code maps} are the U-Net's per-pixel logits {@code (N, classes, H, W)} and {@code logits} their mean
 * over the pixels. The contract's "logits = W x GAP(features) + b" holds with {@code W} the identity
 * and {@code b = 0}, so the segmenter's class activation maps are its own logit maps.
 */
public final class SegmenterClassifier extends AbstractBlock implements ImageClassifier {
    /** Architecture names {@code unet-ENCODER} (e.g. {@code unet-small}, {@code unet-resnet34}). */
    public static final String PREFIX = "unet-";
    private static final byte VERSION = 1;

    private final UNet unet;

    public SegmenterClassifier(UNet unet) {
        super(VERSION);
        this.unet = addChildBlock("unet", unet);
    }

    /**
     * Makes {@code unet-ENCODER} networks (a U-Net on a fresh encoder of the network registry); other names
     * go to {@code others}.
     */
    public static ClassifierFactory factory(ClassifierFactory others) {
        return (name, in, k) -> name.startsWith(PREFIX)
                ? new SegmenterClassifier(UNets.withEncoder(name.substring(PREFIX.length()), in, k))
                : others.create(name, in, k);
    }

    /** The U-Net inside. */
    public UNet unet() {
        return unet;
    }

    /** Input sides must be multiples of this. */
    public int sizeMultiple() {
        return unet.sizeMultiple();
    }

    @Override
    public Block block() {
        return this;
    }

    @Override
    public String architecture() {
        return PREFIX + unet.encoder().architecture();
    }

    @Override
    public int inChannels() {
        return unet.inChannels();
    }

    @Override
    public int numClasses() {
        return unet.numMaps();
    }

    @Override
    public int featureChannels() {
        return unet.numMaps();
    }

    /** The identity, {@code (classes, classes)}, on the manager of the U-Net's weights. */
    @Override
    public NDArray classifierWeight() {
        return weightManager().eye(unet.numMaps());
    }

    /** Zeros, {@code (classes)}. */
    @Override
    public NDArray classifierBias() {
        return weightManager().zeros(new Shape(unet.numMaps()));
    }

    private NDManager weightManager() {
        return unet.getParameters().valueAt(0).getArray().getManager();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray maps = unet.forward(store, inputs, training, params).singletonOrThrow();
        return new NDList(Pool.globalAvgPool2d(maps), maps);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape maps = unet.getOutputShapes(inputShapes)[0];
        return new Shape[] {new Shape(maps.get(0), maps.get(1)), maps};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        unet.initialize(manager, dataType, inputShapes);
    }
}
