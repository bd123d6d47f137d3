package org.hpacell.train;

import org.hpacell.nn.Architectures;
import org.hpacell.nn.ImageClassifier;

/** Makes a fresh, uninitialised classifier by architecture name. */
@FunctionalInterface
public interface ClassifierFactory {
    /** The network registry ({@link Architectures}): small, resnet18, resnet34, resnet50, ... */
    ClassifierFactory REGISTRY = Architectures::create;

    ImageClassifier create(String architecture, int inChannels, int numClasses);
}
