package org.hpacell.cam.sccam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hpacell.atlas.Location;
import org.hpacell.cam.ClassActivation;
import org.hpacell.cam.CamModel;
import org.hpacell.cam.puzzle.PuzzleCamObjective;
import org.hpacell.io.AtomicFiles;
import org.hpacell.progress.Progress;
import org.hpacell.train.Checkpoint;
import org.hpacell.train.ClassifierFactory;
import org.hpacell.train.RunDirectory;
import org.hpacell.train.TrainPlugins;
import org.hpacell.train.TrainingLoop;
import org.hpacell.train.config.ConfigFiles;
import org.hpacell.train.config.PluginConfig;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.BatchBuilder;
import org.hpacell.train.data.DataSplit;
import org.hpacell.train.data.FieldSample;
import org.hpacell.train.loss.ClassificationLosses;
import org.hpacell.train.loss.Objective;

/**
 * SC-CAM's rounds, each an ordinary run of the one {@link TrainingLoop}: round 0 trains the parent
 * objective ({@code classifier}, or {@code puzzle} for SC-CAM + Puzzle) in {@code RUN/round0}; each
 * further round clusters the pooled features of the training fields under the previous round's model
 * ({@link SubCategoryClustering}, seed = config seed + round), then trains a fresh network with the
 * sub-category head and {@link SubCategoryObjective} in {@code RUN/roundR}. The final model is the last
 * round's run; its config names objective {@value #NAME} with options {@code k}, {@code parent}.
 *
 * <p>Options (in {@code objective.options} of the config given): {@code rounds} (1), {@code k} (10),
 * {@code subWeight} (5), {@code parent} ({@code classifier} or {@code puzzle}) and Puzzle-CAM's own
 * options. A round whose run already finished all epochs is not trained again.
 */
public final class ScCamTraining {
    /** The objective name recorded in SC-CAM runs. */
    public static final String NAME = "sccam";
    /** File (in a round's run directory) listing the sub-categories the round trained on. */
    public static final String LABELS_FILE = "subcategories.json";

    private ScCamTraining() {
    }

    /** Trains every round and returns the run directory of the last. */
    public static Path run(TrainConfig config, Path root, ClassifierFactory factory,
                           List<? extends FieldSample> data, Progress.Factory progress) throws IOException {
        return run(config, root, factory, data, progress, false);
    }

    /**
     * Trains every round not finished yet and returns the run directory of the last.
     *
     * @param resume continue an interrupted round from its last checkpoint (finished rounds are always
     *               kept; the clustering of a resumed round is recomputed, identically for its seed)
     */
    public static Path run(TrainConfig config, Path root, ClassifierFactory factory,
                           List<? extends FieldSample> data, Progress.Factory progress, boolean resume)
            throws IOException {
        int rounds = (int) config.objective.number("rounds", 1);
        int k = (int) config.objective.number("k", SubCategoryClustering.DEFAULT_K);
        double subWeight = config.objective.number("subWeight", SubCategoryObjective.DEFAULT_WEIGHT);
        String parent = String.valueOf(config.objective.options.getOrDefault("parent", "classifier"));
        if (!parent.equals("classifier") && !parent.equals(PuzzleCamObjective.NAME)) {
            throw new IllegalArgumentException("objective sccam: parent must be classifier or puzzle, got '" + parent + "'");
        }
        if (rounds < 1 || k < 1) {
            throw new IllegalArgumentException("objective sccam: rounds and k must be positive, got " + rounds + ", " + k);
        }
        TrainConfig base = ConfigFiles.copy(config);
        base.objective = new PluginConfig(parent);
        base.objective.options.putAll(config.objective.options);
        base.objective.options.keySet().removeAll(List.of("rounds", "k", "subWeight", "parent"));
        Path previous = root.resolve("round0");
        if (!finished(previous, base)) {
            TrainingLoop.fromConfig(base, new RunDirectory(previous), factory, progress).run(data, resume);
        }
        for (int r = 1; r <= rounds; r++) {
            Path dir = root.resolve("round" + r);
            TrainConfig sc = ConfigFiles.copy(base);
            sc.objective = new PluginConfig(NAME);
            sc.objective.options.putAll(base.objective.options);
            sc.objective.options.put("k", k);
            sc.objective.options.put("parent", parent);
            sc.objective.options.put("subWeight", subWeight);
            if (!finished(dir, sc)) {
                SubCategoryLabels labels = labels(previous, factory, config, data, k, config.seed + r);
                Files.createDirectories(dir);
                AtomicFiles.write(dir.resolve(LABELS_FILE), out -> ConfigFiles.json().writeValue(out, labels));
                Objective parentObjective = TrainPlugins.objective(base);
                PuzzleCamObjective puzzle = parentObjective instanceof PuzzleCamObjective p ? p : null;
                Objective objective = new SubCategoryObjective(ClassificationLosses.of(base.loss), puzzle, subWeight);
                BatchBuilder builder = new SubCategoryBatchBuilder(TrainPlugins.batchBuilder(base), labels);
                ClassifierFactory withHead = (name, in, classes) ->
                        new SubCategoryClassifier(factory.create(name, in, classes), classes * k);
                new TrainingLoop(sc, new RunDirectory(dir), withHead, objective, builder, progress).run(data, resume);
            }
            previous = dir;
        }
        return previous;
    }

    private static boolean finished(Path run, TrainConfig config) throws IOException {
        Path last = new RunDirectory(run).lastCheckpoint();
        return Files.isRegularFile(last) && Checkpoint.readState(last).epochsDone() >= config.epochs;
    }

    /** Clusters the training split's pooled features under the model of {@code run}. */
    static SubCategoryLabels labels(Path run, ClassifierFactory factory, TrainConfig config,
                                    List<? extends FieldSample> data, int k, long seed) throws IOException {
        List<FieldSample> train = DataSplit.of(data, config.validationFraction, config.seed).train();
        List<SubCategoryClustering.PooledImage> pooled = new ArrayList<>();
        try (CamModel model = CamModel.load(run, factory)) {
            for (FieldSample s : train) {
                try (NDManager m = NDManager.newBaseManager()) {
                    NDArray x = model.input(s.image(), m);
                    NDArray features = model.classifier().block()
                            .forward(new ai.djl.training.ParameterStore(m, false), new ai.djl.ndarray.NDList(x), false)
                            .get(1);
                    float[] f = ClassActivation.globalAverage(features).toFloatArray();
                    boolean[] labels = new boolean[Location.COUNT];
                    for (Location l : Location.values()) {
                        labels[l.index()] = s.labels().contains(l);
                    }
                    pooled.add(new SubCategoryClustering.PooledImage(s.id(), f, labels));
                }
            }
        }
        return new SubCategoryClustering(k, seed).cluster(pooled);
    }
}
