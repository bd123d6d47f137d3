package org.hpacell.cam.sccam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.hpacell.cam.ClassActivation;
import org.hpacell.nn.ImageClassifier;

/**
 * An image classifier with SC-CAM's second head: a linear layer from the globally pooled features to
 * {@code classes x K} sub-category logits. {@code forward} returns {@code (logits, features, subLogits)},
 * so it still honours the {@link ImageClassifier} contract (the first two outputs), and class maps come
 * from the parent classifier as for any other model.
 */
public final class SubCategoryClassifier extends AbstractBlock implements ImageClassifier {
    private static final byte VERSION = 1;

    private final ImageClassifier base;
    private final Block baseBlock;
    private final Linear head;
    private final int subCategories;

    /** @param subCategories outputs of the second head: classes x K */
    public SubCategoryClassifier(ImageClassifier base, int subCategories) {
        super(VERSION);
        this.base = base;
        this.baseBlock = addChildBlock("base", base.block());
        this.head = addChildBlock("subcategory", Linear.builder().setUnits(subCategories).build());
        this.subCategories = subCategories;
    }

    /** Outputs of the sub-category head. */
    public int subCategories() {
        return subCategories;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList out = baseBlock.forward(ps, inputs, training, params);
        NDArray pooled = ClassActivation.globalAverage(out.get(1));
        NDArray sub = head.forward(ps, new NDList(pooled), training, params).singletonOrThrow();
        return new NDList(out.get(0), out.get(1), sub);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] b = baseBlock.getOutputShapes(inputShapes);
        return new Shape[] {b[0], b[1], new Shape(b[0].get(0), subCategories)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        baseBlock.initialize(manager, dataType, inputShapes);
        Shape features = baseBlock.getOutputShapes(inputShapes)[1];
        head.initialize(manager, dataType, new Shape(features.get(0), features.get(1)));
    }

    @Override
    public Block block() {
        return this;
    }

    @Override
    public String architecture() {
        return base.architecture();
    }

    @Override
    public int inChannels() {
        return base.inChannels();
    }

    @Override
    public int numClasses() {
        return base.numClasses();
    }

    @Override
    public int featureChannels() {
        return base.featureChannels();
    }

    @Override
    public NDArray classifierWeight() {
        return base.classifierWeight();
    }

    @Override
    public NDArray classifierBias() {
        return base.classifierBias();
    }
}
