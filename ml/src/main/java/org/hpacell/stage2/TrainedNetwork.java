package org.hpacell.stage2;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import org.hpacell.atlas.Location;
import org.hpacell.image.Channel;
import org.hpacell.nn.ImageClassifier;
import org.hpacell.train.Checkpoint;
import org.hpacell.train.ClassifierFactory;
import org.hpacell.train.Network;
import org.hpacell.train.TrainState;
import org.hpacell.train.data.Normalization;

/**
 * A network restored from a training checkpoint, with what inference needs from its run: the input
 * size and the normalisation it was trained with.
 */
public record TrainedNetwork(Network network, Normalization normalization, int size) {

    /**
     * Restores checkpoint {@code checkpoint} into a fresh network of its architecture made by
     * {@code factory}, owned by {@code manager}.
     *
     * @throws IOException naming the file if it is unreadable or its weights do not fit the architecture
     */
    public static TrainedNetwork load(Path checkpoint, ClassifierFactory factory, NDManager manager)
            throws IOException {
        TrainState state = Checkpoint.readState(checkpoint);
        ImageClassifier classifier = factory.create(state.architecture(), Channel.COUNT, Location.COUNT);
        Network network = new Network(classifier, manager, state.imageSize(), 0L);
        Checkpoint.read(checkpoint, classifier.block(), manager);
        return new TrainedNetwork(network, new Normalization(state.mean(), state.std()), state.imageSize());
    }
}
