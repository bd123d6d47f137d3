package org.hpacell.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An image classifier made of a {@link FeatureEncoder}, global average pooling and one linear layer
 * ({@code fc}), as torchvision's ResNets are.
 *
 * <p>{@code forward(NDList(x))} returns {@code NDList(logits, features)} (the {@link
 * ImageClassifier} contract): {@code features} is the encoder's last feature map and {@code logits =
 * fc(mean over H, W of features)}. Its {@link #torchParameters() torch names} are the encoder's own
 * (no prefix) plus {@code fc.weight, fc.bias}: for a ResNet encoder, exactly torchvision's
 * state-dict keys.
 */
public final class EncoderClassifier extends AbstractBlock implements ImageClassifier, TorchNamed {
    private static final byte VERSION = 1;

    private final FeatureEncoder encoder;
    private final Linear fc;
    private final int numClasses;

    public EncoderClassifier(FeatureEncoder encoder, int numClasses) {
        super(VERSION);
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be positive, got " + numClasses);
        }
        this.encoder = addChildBlock("encoder", encoder);
        this.fc = addChildBlock("fc", Linear.builder().setUnits(numClasses).build());
        this.numClasses = numClasses;
    }

    /** The encoder (shared, not a copy): a U-Net can be built on a trained classifier's encoder. */
    public FeatureEncoder encoder() {
        return encoder;
    }

    @Override
    public Block block() {
        return this;
    }

    @Override
    public String architecture() {
        return encoder.architecture();
    }

    @Override
    public int inChannels() {
        return encoder.inChannels();
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public int featureChannels() {
        return encoder.featureChannels();
    }

    @Override
    public NDArray classifierWeight() {
        return fc.getParameters().get("weight").getArray();
    }

    @Override
    public NDArray classifierBias() {
        return fc.getParameters().get("bias").getArray();
    }

    @Override
    public Map<String, Parameter> torchParameters() {
        Map<String, Parameter> names = new LinkedHashMap<>(TorchNames.of(encoder));
        TorchNames.of(fc).forEach((name, p) -> names.put("fc." + name, p));
        return names;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList stages = encoder.forward(store, inputs, training, params);
        NDArray features = stages.get(stages.size() - 1);
        NDArray pooled = Pool.globalAvgPool2d(features);
        NDArray logits = fc.forward(store, new NDList(pooled), training, params).singletonOrThrow();
        return new NDList(logits, features);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] stages = encoder.getOutputShapes(inputShapes);
        Shape features = stages[stages.length - 1];
        return new Shape[] {new Shape(features.get(0), numClasses), features};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes);
        Shape[] stages = encoder.getOutputShapes(inputShapes);
        Shape features = stages[stages.length - 1];
        fc.initialize(manager, dataType, new Shape(features.get(0), features.get(1)));
    }
}
