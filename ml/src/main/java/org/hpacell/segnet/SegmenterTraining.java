package org.hpacell.segnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hpacell.io.AtomicFiles;
import org.hpacell.progress.Progress;
import org.hpacell.train.ClassifierFactory;
import org.hpacell.train.RunDirectory;
import org.hpacell.train.TrainingLoop;
import org.hpacell.train.config.ConfigFiles;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.FieldSample;

/**
 * Trains the segmentation networks with the one training engine ({@link TrainingLoop}): for each
 * target, a run folder {@code OUT/nuclei} or {@code OUT/cells} (config, metrics, checkpoints; resumable).
 * A trained model folder {@code OUT} is what {@link UNetSegmentationNetworks#load} reads.
 *
 * <p>The config of a target is the given one with three keys forced: {@code model} becomes {@code
 * segnet-TARGET-wW-dD} (W and D from the given {@code model} if it is a {@code segnet-...} name, else
 * {@value #DEFAULT_WIDTH} and {@value #DEFAULT_DEPTH}), {@code objective.name} becomes {@value
 * HpaSegmentationObjective#NAME} and {@code batchBuilder.name} {@value HpaTargetBatchBuilder#NAME} (their
 * options are kept).
 */
public final class SegmenterTraining {
    /** Default U-Net width (channels of the first stage). */
    public static final int DEFAULT_WIDTH = 8;
    /** Default U-Net depth (stages). */
    public static final int DEFAULT_DEPTH = 4;

    /** The factory that makes the networks (and every registered classifier). */
    public static final ClassifierFactory NETWORKS = SegNets.factory(ClassifierFactory.REGISTRY);

    private SegmenterTraining() {
    }

    /**
     * The default config: U-Net w8 d4 at 256 px (fields are resized to it, as at inference), 4 epochs of
     * Adam at 0.003 with cosine decay, flips, quarter turns and contrast but no brightness offset and no
     * random crops, border weight 1, no validation split (held-out quality is measured on label images by
     * the segmentation benchmark). A brightness offset of +-0.1 on the [0, 1] scale is several standard
     * deviations of dark 16-bit fields, and with it (and Adam at 0.01) the cell network learnt only the
     * class prior (docs/BENCHMARKS.md, "Segmentation networks").
     */
    public static TrainConfig defaults() {
        try {
            return ConfigFiles.parse("""
                    {"model": "segnet-nuclei-w8-d4", "seed": 7, "epochs": 4, "batchSize": 8, "imageSize": 256,
                     "validationFraction": 0, "loaderThreads": 2, "prefetchBatches": 2,
                     "optimizer": {"name": "adam", "learningRate": 0.003},
                     "schedule": {"warmupEpochs": 0.3},
                     "augment": {"horizontalFlip": true, "verticalFlip": true, "rotate90": true,
                                 "cropProbability": 0, "brightness": 0, "contrast": 0.2},
                     "objective": {"name": "hpa-segmentation", "options": {"borderWeight": 1.0}},
                     "batchBuilder": {"name": "hpa-targets"}}
                    """);
        } catch (IOException e) {
            throw new IllegalStateException("the built-in segmenter config does not parse", e);
        }
    }

    /** {@code base} for {@code target}, with the forced keys set (a copy). */
    public static TrainConfig forTarget(TrainConfig base, SegmentationTarget target) {
        TrainConfig c = ConfigFiles.copy(base);
        boolean named = c.model.startsWith(SegNets.PREFIX);
        c.model = SegNets.name(target, named ? SegNets.width(c.model) : DEFAULT_WIDTH,
                named ? SegNets.depth(c.model) : DEFAULT_DEPTH);
        c.objective.name = HpaSegmentationObjective.NAME;
        c.batchBuilder.name = HpaTargetBatchBuilder.NAME;
        return c;
    }

    /** Supplies a target's training fields. */
    @FunctionalInterface
    public interface Data {
        List<FieldSample> samples(SegmentationTarget target) throws IOException;
    }

    /**
     * Trains {@code targets} into {@code out/TARGET}. On resume a target whose run folder has a config
     * continues with that config (from its last checkpoint); a finished target stays as it is.
     */
    public static void train(Data data, Path out, List<SegmentationTarget> targets, TrainConfig base,
                             boolean resume, Progress.Factory progress) throws IOException {
        for (SegmentationTarget target : targets) {
            RunDirectory run = new RunDirectory(out.resolve(target.key()));
            TrainConfig c = resume && Files.isRegularFile(run.config())
                    ? ConfigFiles.read(run.config()) : forTarget(base, target);
            Progress.Factory labelled = (task, total) -> progress.start(target.key() + " " + task, total);
            new TrainingLoop(c, run, NETWORKS, HpaSegmentationObjective.of(c), HpaTargetBatchBuilder.of(c), labelled)
                    .run(data.samples(target), resume);
        }
    }

    /**
     * Copies what inference needs from a trained model folder (each target's {@code config.json} and the
     * weights-only {@code checkpoints/best.ckpt}) into {@code dest}, e.g. to ship it as a resource.
     */
    public static void export(Path model, Path dest) throws IOException {
        for (SegmentationTarget target : SegmentationTarget.values()) {
            RunDirectory from = new RunDirectory(model.resolve(target.key()));
            RunDirectory to = new RunDirectory(dest.resolve(target.key()));
            for (Path[] pair : new Path[][] {{from.config(), to.config()}, {from.bestCheckpoint(), to.bestCheckpoint()}}) {
                if (!Files.isRegularFile(pair[0])) {
                    throw new IllegalArgumentException(pair[0] + ": missing; train both targets before exporting");
                }
                Files.createDirectories(pair[1].getParent());
                byte[] bytes = Files.readAllBytes(pair[0]);
                AtomicFiles.write(pair[1], o -> o.write(bytes));
            }
        }
    }
}
