package org.hpacell.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.hpacell.nn.ImageClassifier;

/**
 * An {@link ImageClassifier} bound to the manager that owns its weights, ready to run: the objective's
 * view of the network.
 */
public final class Network {
    private final ImageClassifier classifier;
    private final ParameterStore store;

    /**
     * Initialises the classifier's weights (if not yet done) with the engine's generator seeded by
     * {@code seed}: weight initialisation is the one place the engine's global generator is used, once,
     * on the calling thread.
     */
    public Network(ImageClassifier classifier, NDManager manager, int imageSize, long seed) {
        this.classifier = classifier;
        Block block = classifier.block();
        if (!block.isInitialized()) {
            Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
            block.initialize(manager, DataType.FLOAT32, new Shape(1, classifier.inChannels(), imageSize, imageSize));
        }
        this.store = new ParameterStore(manager, false);
    }

    public ImageClassifier classifier() {
        return classifier;
    }

    public Block block() {
        return classifier.block();
    }

    /**
     * Runs the network.
     *
     * @param images   {@code (N, C, H, W)}
     * @param training training mode (batch statistics, running averages updated; autograd records the
     *                 pass when a gradient collector is open) or inference mode: running averages used and
     *                 autograd off on this thread for the pass ({@link NoGradScope}, PyTorch's {@code
     *                 model.eval()} under {@code torch.no_grad()}); the outputs have no gradient history.
     *                 To differentiate through an eval-mode network, call its block directly.
     * @return {@code (logits (N, K), features (N, F, h, w))}
     */
    public NDList forward(NDArray images, boolean training) {
        if (training) {
            return classifier.block().forward(store, new NDList(images), true);
        }
        try (NoGradScope noGrad = NoGradScope.enter()) {
            return classifier.block().forward(store, new NDList(images), false);
        }
    }
}
