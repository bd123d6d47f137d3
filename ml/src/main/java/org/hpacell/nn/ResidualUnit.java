package org.hpacell.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.hpacell.nn.script.ScriptKernels;

/**
 * One residual unit of a torchvision ResNet: a chain of convolution + batch-norm pairs with ReLU
 * between them, added to a shortcut, then ReLU.
 *
 * <ul>
 *   <li>{@link #basic}: {@code 3x3 (stride) -> 3x3}, output channels = {@code width} (ResNet-18/34).
 *   <li>{@link #bottleneck}: {@code 1x1 -> 3x3 (stride) -> 1x1}, output channels = {@code 4 *
 *       width}; the stride sits on the 3x3 convolution, as in torchvision ("ResNet v1.5").
 * </ul>
 *
 * <p>The shortcut is the identity when shape is kept, otherwise {@code downsample}: a 1x1 convolution
 * with the unit's stride followed by batch norm. Child names follow torchvision ({@code conv1, bn1,
 * ..., downsample.0, downsample.1}), so {@link TorchNames} maps state-dict keys directly.
 */
public final class ResidualUnit extends AbstractBlock {
    private static final byte VERSION = 1;

    /** Output-channel multiplier of the bottleneck unit. */
    public static final int BOTTLENECK_EXPANSION = 4;

    /** Alternating convolution, batch norm, convolution, batch norm, ... */
    private final List<Block> chain = new ArrayList<>();
    private final Block downsample;
    private final int outChannels;

    private ResidualUnit(int inChannels, int[] kernels, int[] filters, int strideIndex, int stride) {
        super(VERSION);
        for (int i = 0; i < kernels.length; i++) {
            int s = i == strideIndex ? stride : 1;
            chain.add(addChildBlock("conv" + (i + 1), TorchLayers.conv(kernels[i], s, filters[i])));
            chain.add(addChildBlock("bn" + (i + 1), TorchLayers.batchNorm()));
        }
        outChannels = filters[filters.length - 1];
        if (stride != 1 || inChannels != outChannels) {
            downsample =
                    addChildBlock(
                            "downsample",
                            new SequentialBlock()
                                    .add(TorchLayers.conv(1, stride, outChannels))
                                    .add(TorchLayers.batchNorm()));
        } else {
            downsample = null;
        }
    }

    /** The basic unit of ResNet-18/34: two 3x3 convolutions with {@code width} filters. */
    public static ResidualUnit basic(int inChannels, int width, int stride) {
        return new ResidualUnit(inChannels, new int[] {3, 3}, new int[] {width, width}, 0, stride);
    }

    /** The bottleneck unit of ResNet-50+: 1x1 ({@code width}), 3x3 ({@code width}), 1x1 ({@code 4 width}). */
    public static ResidualUnit bottleneck(int inChannels, int width, int stride) {
        int out = width * BOTTLENECK_EXPANSION;
        return new ResidualUnit(inChannels, new int[] {1, 3, 1}, new int[] {width, width, out}, 1, stride);
    }

    public int outChannels() {
        return outChannels;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        // Intermediate handles are closed as soon as Java is done with them: autograd keeps alive what the
        // backward pass needs, everything else is freed at once, as PyTorch does (without this, DJL holds
        // every convolution output until the batch's manager closes). ReLU and the residual sum work in
        // place on the batch-norm output, as torchvision's (ReLU(inplace=True), out += identity): batch
        // norm's backward does not use its output, addition's uses neither operand, and ReLU's uses only
        // its own output, so autograd allows it and no activation-sized tensor is allocated for either.
        NDArray x = inputs.singletonOrThrow();
        NDList y = inputs;
        for (int i = 0; i < chain.size(); i += 2) {
            NDList conv = chain.get(i).forward(store, y, training, params);
            release(y, inputs);
            y = chain.get(i + 1).forward(store, conv, training, params);
            conv.close();
            if (i + 2 < chain.size()) {
                ScriptKernels.reluInPlace(y.singletonOrThrow());
            }
        }
        NDArray shortcut =
                downsample == null ? x : downsample.forward(store, inputs, training, params).singletonOrThrow();
        NDArray out = ScriptKernels.reluInPlace(y.singletonOrThrow().addi(shortcut));
        if (shortcut != x) {
            shortcut.close();
        }
        return new NDList(out);
    }

    /** Closes the handle of an intermediate (autograd keeps what backward needs alive by itself). */
    private static void release(NDList y, NDList inputs) {
        if (y != inputs) {
            y.close();
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return BlockChains.outputShapes(chain, inputShapes);
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        BlockChains.initialize(chain, manager, dataType, inputShapes);
        if (downsample != null) {
            downsample.initialize(manager, dataType, inputShapes);
        }
    }
}
