package org.hpacell.segnet;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.BatchBuilder;
import org.hpacell.train.data.FieldSample;
import org.hpacell.train.data.ImagesBatchBuilder;
import org.hpacell.train.data.PreparedSample;
import org.hpacell.train.data.TrainBatch;

/**
 * The batch builder of the segmentation networks: images stacked as by {@link ImagesBatchBuilder}, plus
 * HPA's per-pixel classes ({@link TouchingBorders}) as one-hot float32 {@code (N, 3, S, S)} in
 * {@code extras[CLASSES]}. The classes come from each sample's label image ({@link
 * PreparedSample#cells()}: the objects to segment, nuclei or cells, see {@link TruthSamples}), which
 * the loader has already put through the same geometric augmentation as the pixels (nearest
 * neighbour), so flips, quarter turns and random crops keep images and targets aligned.
 */
public final class HpaTargetBatchBuilder implements BatchBuilder {
    /** The registry name ({@code batchBuilder.name}). */
    public static final String NAME = "hpa-targets";
    /** The key of the one-hot classes in {@link TrainBatch#extras()}. */
    public static final String CLASSES = "hpaClasses";
    /** Default touching-border radius in pixels of the training image (a border about 4 px wide). */
    public static final int DEFAULT_BORDER_RADIUS = 2;

    private final int borderRadius;

    /** @param borderRadius see {@link TouchingBorders}; in pixels of the training image */
    public HpaTargetBatchBuilder(int borderRadius) {
        if (borderRadius < 0) {
            throw new IllegalArgumentException("borderRadius must be >= 0, got " + borderRadius);
        }
        this.borderRadius = borderRadius;
    }

    /** The builder with the config's {@code batchBuilder.options.borderRadius} (default 2). */
    public static HpaTargetBatchBuilder of(TrainConfig config) {
        return new HpaTargetBatchBuilder((int) config.batchBuilder.number("borderRadius", DEFAULT_BORDER_RADIUS));
    }

    @Override
    public TrainBatch build(List<PreparedSample> samples, NDManager manager, SplittableRandom random) {
        int s = samples.get(0).size();
        int plane = s * s;
        float[] oneHot = new float[samples.size() * TouchingBorders.CLASSES * plane];
        for (int n = 0; n < samples.size(); n++) {
            PreparedSample p = samples.get(n);
            if (p.cells() == null) {
                throw new IllegalArgumentException("field " + p.id() + " has no label image to derive segmentation "
                        + "targets from (train on a synthetic atlas's truth, " + FieldSample.class.getSimpleName()
                        + ".cells())");
            }
            int[] classes = TouchingBorders.classes(p.cells(), s, s, borderRadius);
            int base = n * TouchingBorders.CLASSES * plane;
            for (int i = 0; i < plane; i++) {
                oneHot[base + classes[i] * plane + i] = 1f;
            }
        }
        return new TrainBatch(ImagesBatchBuilder.images(samples, manager), ImagesBatchBuilder.targets(samples, manager),
                List.copyOf(samples), Map.of(CLASSES,
                        manager.create(oneHot, new Shape(samples.size(), TouchingBorders.CLASSES, s, s))));
    }
}
