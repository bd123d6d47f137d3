package org.hpacell.cam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.hpacell.atlas.LabelSet;
import org.hpacell.cam.sccam.ScCamTraining;
import org.hpacell.cam.sccam.SubCategoryClassifier;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.nn.ImageClassifier;
import org.hpacell.train.ClassifierFactory;
import org.hpacell.train.RunDirectory;
import org.hpacell.train.config.AugmentConfig;
import org.hpacell.train.config.ConfigFiles;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.Augmenter;
import org.hpacell.train.data.Geometry;
import org.hpacell.train.data.InMemorySample;

/**
 * A stage-1 image classifier ready for CAM extraction: the run's {@link org.hpacell.train.TrainedModel}
 * (which owns config, best checkpoint, normalisation and image size) plus the field-to-input conversion
 * the network learnt on. An SC-CAM run (objective {@value ScCamTraining#NAME})
 * gets its sub-category head back so the weights fit.
 */
public final class CamModel implements AutoCloseable {
    private final Path run;
    private final org.hpacell.train.TrainedModel model;
    private final Augmenter augmenter;

    private CamModel(Path run, org.hpacell.train.TrainedModel model) {
        this.run = run;
        this.model = model;
        this.augmenter = new Augmenter(AugmentConfig.none(), model.normalization(), model.imageSize());
    }

    /**
     * Loads the model of a run directory.
     *
     * @throws IOException naming the run if its config or checkpoint is missing or does not fit
     */
    public static CamModel load(Path run, ClassifierFactory factory) throws IOException {
        RunDirectory dir = new RunDirectory(run);
        if (!Files.isRegularFile(dir.config())) {
            throw new IOException(run + ": not a training run (no config.json)");
        }
        TrainConfig config = ConfigFiles.read(dir.config());
        ClassifierFactory withHead = factory;
        if (ScCamTraining.NAME.equals(config.objective.name)) {
            int k = (int) config.objective.number("k", 0);
            withHead = (name, in, classes) -> new SubCategoryClassifier(factory.create(name, in, classes), k * classes);
        }
        try {
            return new CamModel(run, org.hpacell.train.TrainedModel.load(run, withHead));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The run directory the model was loaded from. */
    public Path run() {
        return run;
    }

    /** The trained network. */
    public ImageClassifier classifier() {
        return model.network().classifier();
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
        model.close();
    }
}
