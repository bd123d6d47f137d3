package org.hpacell.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * A TorchScript network used as a {@link FeatureEncoder}: the script takes {@code (N, C, H, W)} and
 * returns one feature map, or a tuple of them finest first. Wrapped in an {@link EncoderClassifier}
 * it becomes a classifier with a TorchScript backbone (frozen or fine-tunable as loaded by {@link
 * TorchScriptModels}), with class activation maps from its last map.
 *
 * <p>Channels and strides are measured once by a forward pass on a probe input of {@code probeSize}
 * square (which must be a multiple of the script's total stride). The script's block stays owned by
 * its {@code Model}; close the model, not this encoder.
 */
public final class TorchScriptEncoder extends FeatureEncoder implements TorchNamed {
    private static final byte VERSION = 1;

    private final Block script;
    private final String architecture;
    private final int inChannels;
    private final int[] channels;
    private final int[] strides;

    /**
     * @param script the loaded block, e.g. {@code TorchScriptModels.load(file, true).getBlock()}
     * @param architecture a name for reports, e.g. {@code "torchscript:densenet121"}
     */
    public TorchScriptEncoder(Block script, String architecture, int inChannels, int probeSize) {
        super(VERSION);
        this.script = addChildBlock("script", script);
        this.architecture = architecture;
        this.inChannels = inChannels;
        Shape[] out = script.getOutputShapes(new Shape[] {new Shape(1, inChannels, probeSize, probeSize)});
        channels = new int[out.length];
        strides = new int[out.length];
        for (int i = 0; i < out.length; i++) {
            if (out[i].dimension() != 4) {
                throw new IllegalArgumentException(
                        architecture + ": output " + i + " has shape " + out[i] + ", not a (N, C, h, w) feature map");
            }
            channels[i] = (int) out[i].get(1);
            strides[i] = (int) (probeSize / out[i].get(2));
        }
    }

    @Override
    public String architecture() {
        return architecture;
    }

    @Override
    public int inChannels() {
        return inChannels;
    }

    @Override
    public int[] stageChannels() {
        return channels.clone();
    }

    @Override
    public int[] stageStrides() {
        return strides.clone();
    }

    /** The script's parameters under its own names. */
    @Override
    public Map<String, Parameter> torchParameters() {
        return TorchNames.of(script);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return script.forward(store, inputs, training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return script.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // the script's parameters come with the file: this only records shapes and gradient flags
        script.initialize(manager, dataType, inputShapes);
    }
}
