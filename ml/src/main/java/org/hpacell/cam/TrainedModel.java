package org.hpacell.cam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;
import org.hpacell.cam.sccam.ScCamTraining;
import org.hpacell.cam.sccam.SubCategoryClassifier;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.nn.ImageClassifier;
import org.hpacell.train.Checkpoint;
import org.hpacell.train.ClassifierFactory;
import org.hpacell.train.RunDirectory;
import org.hpacell.train.TrainState;
import org.hpacell.train.config.AugmentConfig;
import org.hpacell.train.config.ConfigFiles;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.Augmenter;
import org.hpacell.train.data.Geometry;
import org.hpacell.train.data.InMemorySample;
import org.hpacell.train.data.Normalization;

/**
 * A trained image classifier read back from a run directory (its {@code config.json} and best
 * checkpoint, or the last one if no best exists), with the normalisation and image size it was trained
 * with, so that a field can be turned into exactly the input the network learnt on. An SC-CAM run
 * (objective {@value ScCamTraining#NAME}) gets its sub-category head back so the weights fit.
 */
public final class TrainedModel implements AutoCloseable {
    private final Path run;
    private final ImageClassifier classifier;
    private final Augmenter augmenter;
    private final NDManager manager;

    private TrainedModel(Path run, ImageClassifier classifier, Augmenter augmenter, NDManager manager) {
        this.run = run;
        this.classifier = classifier;
        this.augmenter = augmenter;
        this.manager = manager;
    }

    /**
     * Loads the model of a run directory.
     *
     * @throws IOException naming the run if its config or checkpoint is missing or does not fit
     */
    public static TrainedModel load(Path run, ClassifierFactory factory) throws IOException {
        RunDirectory dir = new RunDirectory(run);
        if (!Files.isRegularFile(dir.config())) {
            throw new IOException(run + ": not a training run (no config.json)");
        }
        TrainConfig config = ConfigFiles.read(dir.config());
        Path checkpoint = Files.isRegularFile(dir.bestCheckpoint()) ? dir.bestCheckpoint() : dir.lastCheckpoint();
        if (!Files.isRegularFile(checkpoint)) {
            throw new IOException(run + ": no checkpoint (checkpoints/best.ckpt or last.ckpt)");
        }
        TrainState state = Checkpoint.readState(checkpoint);
        ImageClassifier classifier = factory.create(config.model, Channel.COUNT, Location.COUNT);
        if (ScCamTraining.NAME.equals(config.objective.name)) {
            int k = (int) config.objective.number("k", 0);
            classifier = new SubCategoryClassifier(classifier, k * Location.COUNT);
        }
        NDManager manager = NDManager.newBaseManager();
        try {
            classifier.block().initialize(manager, DataType.FLOAT32,
                    new Shape(1, Channel.COUNT, state.imageSize(), state.imageSize()));
            Checkpoint.read(checkpoint, classifier.block(), manager).optimiserState().close();
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
        Augmenter augmenter = new Augmenter(AugmentConfig.none(), new Normalization(state.mean(), state.std()),
                state.imageSize());
        return new TrainedModel(run, classifier, augmenter, manager);
    }

    public Path run() {
        return run;
    }

    public ImageClassifier classifier() {
        return classifier;
    }

    /** Side of the square network input. */
    public int imageSize() {
        return augmenter.size();
    }

    /**
     * The network input of a field, {@code (1, 4, S, S)}, normalised and resized as in training without
     * augmentation, attached to {@code manager}.
     */
    public NDArray input(FieldImage field, NDManager manager) throws IOException {
        int s = augmenter.size();
        float[] pixels = augmenter.prepare(new InMemorySample(field, LabelSet.EMPTY), field,
                Geometry.identity(field.width(), field.height(), s), new SplittableRandom(0)).pixels();
        return manager.create(pixels, new Shape(1, Channel.COUNT, s, s));
    }

    @Override
    public void close() {
        manager.close();
    }
}
