package org.hpacell.train;

import java.util.Map;
import java.util.TreeMap;
import org.hpacell.cam.fcan.FcanBatchBuilder;
import org.hpacell.cam.fcan.FcanObjective;
import org.hpacell.cam.puzzle.PuzzleCamObjective;
import org.hpacell.segnet.HpaSegmentationObjective;
import org.hpacell.segnet.HpaTargetBatchBuilder;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.BatchBuilder;
import org.hpacell.train.data.ImagesBatchBuilder;
import org.hpacell.train.loss.ClassificationLoss;
import org.hpacell.train.loss.ClassificationLosses;
import org.hpacell.train.loss.ClassifierObjective;
import org.hpacell.train.loss.Objective;

/**
 * The objectives and batch builders a config can name ({@code objective.name}, {@code batchBuilder.name}).
 * A training variant registers its pair here: one line each.
 */
public final class TrainPlugins {
    /** Makes an objective from the config and the configured classification loss. */
    @FunctionalInterface
    public interface ObjectiveFactory {
        Objective create(TrainConfig config, ClassificationLoss loss);
    }

    /** Makes a batch builder from the config. */
    @FunctionalInterface
    public interface BatchBuilderFactory {
        BatchBuilder create(TrainConfig config);
    }

    private static final Map<String, ObjectiveFactory> OBJECTIVES = new TreeMap<>(Map.of(
            "classifier", (config, loss) -> new ClassifierObjective(loss),
            PuzzleCamObjective.NAME, PuzzleCamObjective::of,
            FcanObjective.NAME, FcanObjective::of,
            HpaSegmentationObjective.NAME, (config, loss) -> HpaSegmentationObjective.of(config)));
    private static final Map<String, BatchBuilderFactory> BUILDERS = new TreeMap<>(Map.of(
            "images", config -> new ImagesBatchBuilder(),
            FcanBatchBuilder.NAME, config -> new FcanBatchBuilder(),
            HpaTargetBatchBuilder.NAME, HpaTargetBatchBuilder::of));

    private TrainPlugins() {
    }

    /** The objective {@code config.objective.name} names, with {@code config.loss}. */
    public static Objective objective(TrainConfig config) {
        ObjectiveFactory f = OBJECTIVES.get(config.objective.name);
        if (f == null) {
            throw new IllegalArgumentException("unknown objective '" + config.objective.name + "' (known: "
                    + String.join(", ", OBJECTIVES.keySet()) + ")");
        }
        return f.create(config, ClassificationLosses.of(config.loss));
    }

    /** The batch builder {@code config.batchBuilder.name} names. */
    public static BatchBuilder batchBuilder(TrainConfig config) {
        BatchBuilderFactory f = BUILDERS.get(config.batchBuilder.name);
        if (f == null) {
            throw new IllegalArgumentException("unknown batch builder '" + config.batchBuilder.name + "' (known: "
                    + String.join(", ", BUILDERS.keySet()) + ")");
        }
        return f.create(config);
    }
}
