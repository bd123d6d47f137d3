package org.hpacell.train;

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
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.hpacell.nn.ImageClassifier;

/** A two-layer CNN for engine tests (test scope; the real networks live in org.hpacell.nn). */
final class TinyClassifier extends AbstractBlock implements ImageClassifier {
    private final SequentialBlock features;
    private final Linear head;
    private final int numClasses;

    TinyClassifier(int numClasses) {
        this.numClasses = numClasses;
        this.features = addChildBlock("features", new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2))
                        .optPadding(new Shape(1, 1)).setFilters(16).build())
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2))
                        .optPadding(new Shape(1, 1)).setFilters(32).build())
                .add(BatchNorm.builder().build())
                .add(Activation::relu));
        this.head = addChildBlock("head", Linear.builder().setUnits(numClasses).build());
    }

    static ClassifierFactory factory() {
        return (name, in, k) -> new TinyClassifier(k);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray f = features.forward(ps, inputs, training).singletonOrThrow();
        NDArray pooled = f.getNDArrayInternal().globalAvgPool();
        NDArray logits = head.forward(ps, new NDList(pooled), training).singletonOrThrow();
        return new NDList(logits, f);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape f = features.getOutputShapes(inputs)[0];
        return new Shape[] {new Shape(f.get(0), numClasses), f};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        features.initialize(manager, dataType, inputShapes);
        Shape f = features.getOutputShapes(inputShapes)[0];
        head.initialize(manager, dataType, new Shape(f.get(0), f.get(1)));
    }

    @Override
    public Block block() {
        return this;
    }

    @Override
    public String architecture() {
        return "tiny-test";
    }

    @Override
    public int inChannels() {
        return 4;
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public int featureChannels() {
        return 32;
    }

    @Override
    public NDArray classifierWeight() {
        return head.getParameters().get("weight").getArray();
    }

    @Override
    public NDArray classifierBias() {
        return head.getParameters().get("bias").getArray();
    }
}
