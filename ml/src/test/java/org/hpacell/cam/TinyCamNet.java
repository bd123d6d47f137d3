package org.hpacell.cam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import org.hpacell.nn.ImageClassifier;

/**
 * A two-convolution classifier of a few hundred parameters that honours the {@link ImageClassifier}
 * contract ({@code forward} gives logits and the last feature map, logits = W GAP(features) + b), so
 * the CAM code is tested on a real network small enough for unit tests.
 */
public final class TinyCamNet extends AbstractBlock implements ImageClassifier {
    private final int inChannels;
    private final int classes;
    private final int width;
    private final SequentialBlock backbone;
    private final Linear fc;

    public TinyCamNet(int inChannels, int classes, int width) {
        super((byte) 1);
        this.inChannels = inChannels;
        this.classes = classes;
        this.width = width;
        backbone = addChildBlock("backbone", new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(width).build())
                .add(Activation.reluBlock())
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .optStride(new Shape(2, 2)).setFilters(width).build())
                .add(Activation.reluBlock()));
        fc = addChildBlock("fc", Linear.builder().setUnits(classes).build());
    }

    /** An initialised network with random weights of the given seed-free scale. */
    public static TinyCamNet initialised(NDManager manager, int inChannels, int classes, int width, int size) {
        TinyCamNet net = new TinyCamNet(inChannels, classes, width);
        net.setInitializer(new NormalInitializer(0.5f), ai.djl.nn.Parameter.Type.WEIGHT);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, inChannels, size, size));
        return net;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray features = backbone.forward(ps, inputs, training).singletonOrThrow();
        NDArray pooled = ClassActivation.globalAverage(features);
        NDArray logits = fc.forward(ps, new NDList(pooled), training).singletonOrThrow();
        return new NDList(logits, features);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape f = backbone.getOutputShapes(inputShapes)[0];
        return new Shape[] {new Shape(f.get(0), classes), f};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        backbone.initialize(manager, dataType, inputShapes);
        Shape f = backbone.getOutputShapes(inputShapes)[0];
        fc.initialize(manager, dataType, new Shape(f.get(0), f.get(1)));
    }

    @Override
    public Block block() {
        return this;
    }

    @Override
    public String architecture() {
        return "tiny-cam-test";
    }

    @Override
    public int inChannels() {
        return inChannels;
    }

    @Override
    public int numClasses() {
        return classes;
    }

    @Override
    public int featureChannels() {
        return width;
    }

    @Override
    public NDArray classifierWeight() {
        return fc.getParameters().get("weight").getArray();
    }

    @Override
    public NDArray classifierBias() {
        return fc.getParameters().get("bias").getArray();
    }
}
