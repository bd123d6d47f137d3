package org.hpacell.nn;

import ai.djl.nn.Block;
import ai.djl.ndarray.NDArray;

/**
 * An image-level classifier whose last feature map is reachable, as class activation maps need.
 *
 * <p>Contract of {@link #block()}: {@code forward(NDList(x))} with {@code x} of shape
 * {@code (N, inChannels, H, W)} float32 returns {@code NDList(logits, features)}: {@code logits} of
 * shape {@code (N, numClasses)} and {@code features}, the last feature map before global average
 * pooling, of shape {@code (N, featureChannels, h, w)}. The logits equal
 * {@code classifierWeight() x GAP(features) + classifierBias()}.
 */
public interface ImageClassifier {
    /** The whole network (backbone, pooling and classifier). */
    Block block();

    /** The registry name of the architecture, e.g. {@code "resnet18"}. */
    String architecture();

    int inChannels();

    int numClasses();

    /** Channels of the last feature map. */
    int featureChannels();

    /** The classifier's weight, shape {@code (numClasses, featureChannels)}; valid once initialised. */
    NDArray classifierWeight();

    /** The classifier's bias, shape {@code (numClasses)}; valid once initialised. */
    NDArray classifierBias();
}
