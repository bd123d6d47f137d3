package org.hpacell.train;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hpacell.atlas.Location;
import org.hpacell.image.Channel;
import org.hpacell.train.config.ConfigFiles;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.Normalization;

/**
 * A trained classifier loaded from a run directory: its resolved config, the weights of
 * {@code checkpoints/best.ckpt} (or {@code last.ckpt} when there is no best) and the normalisation it
 * was trained with. Owns the native memory of the weights until closed.
 */
public final class TrainedModel implements AutoCloseable {
    private final NDManager manager;
    private final Network network;
    private final TrainConfig config;
    private final Normalization normalization;
    private final TrainState state;

    private TrainedModel(NDManager manager, Network network, TrainConfig config, TrainState state) {
        this.manager = manager;
        this.network = network;
        this.config = config;
        this.state = state;
        this.normalization = new Normalization(state.mean(), state.std(), config.normalization.imageQuantile);
    }

    /**
     * Loads a run.
     *
     * @throws IllegalArgumentException naming the folder if it is not a finished or checkpointed run
     */
    public static TrainedModel load(Path runDir, ClassifierFactory factory) throws IOException {
        RunDirectory run = new RunDirectory(runDir);
        if (!Files.isRegularFile(run.config())) {
            throw new IllegalArgumentException(runDir + ": not a training run (no config.json)");
        }
        Path ckpt = Files.isRegularFile(run.bestCheckpoint()) ? run.bestCheckpoint() : run.lastCheckpoint();
        if (!Files.isRegularFile(ckpt)) {
            throw new IllegalArgumentException(runDir + ": the run has no checkpoint yet (checkpoints/best.ckpt)");
        }
        TrainConfig config = ConfigFiles.read(run.config());
        NDManager manager = NDManager.newBaseManager();
        try {
            Network network = new Network(factory.create(config.model, Channel.COUNT, Location.COUNT), manager,
                    config.imageSize, config.seed);
            Checkpoint.Loaded loaded = Checkpoint.read(ckpt, network.block(), manager);
            loaded.optimiserState().close();
            return new TrainedModel(manager, network, config, loaded.state());
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public Network network() {
        return network;
    }

    public TrainConfig config() {
        return config;
    }

    public Normalization normalization() {
        return normalization;
    }

    /** The image size the model was trained at. */
    public int imageSize() {
        return state.imageSize();
    }

    /** The manager that owns the weights; per-batch managers are made under it. */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
