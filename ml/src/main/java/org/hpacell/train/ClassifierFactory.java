package org.hpacell.train;

import org.hpacell.nn.ImageClassifier;

/** Makes a fresh, uninitialised classifier by architecture name (the network registry). */
@FunctionalInterface
public interface ClassifierFactory {
    ImageClassifier create(String architecture, int inChannels, int numClasses);
}
