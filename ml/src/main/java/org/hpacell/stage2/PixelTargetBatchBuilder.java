package org.hpacell.stage2;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hpacell.atlas.Location;
import org.hpacell.pseudo.PixelPseudoLabels;
import org.hpacell.train.config.AugmentConfig;
import org.hpacell.train.data.BatchBuilder;
import org.hpacell.train.data.Geometry;
import org.hpacell.train.data.ImagesBatchBuilder;
import org.hpacell.train.data.PreparedSample;
import org.hpacell.train.data.Resampler;
import org.hpacell.train.data.TrainBatch;

/**
 * The batch builder of the semantic segmenter: images stacked as by {@link ImagesBatchBuilder}, plus the
 * fields' pixel pseudo labels as {@code extras[PIXEL_TARGETS]}, float32 {@code (N, 19, S, S)}, resized
 * from the field to {@code S x S} bilinearly (a hard label's edge pixels become fractions).
 *
 * <p>The targets are resized with the identity geometry, so the images must be too: training with
 * geometric augmentation (flips, quarter turns, random crops) would misalign them, which
 * {@link #requireAligned(AugmentConfig)} rejects. Brightness and contrast augmentation are fine.
 */
public final class PixelTargetBatchBuilder implements BatchBuilder {
    /** The key of the pixel targets in {@link TrainBatch#extras()}. */
    public static final String PIXEL_TARGETS = "pixelTargets";

    /** Gives the pixel pseudo labels of a field by id (e.g. read from {@code pixels/ID.npz}); thread-safe. */
    @FunctionalInterface
    public interface Source {
        /** @throws IOException naming the file if the labels cannot be read */
        PixelPseudoLabels labels(String fieldId) throws IOException;
    }

    private final Source source;

    public PixelTargetBatchBuilder(Source source) {
        this.source = source;
    }

    /** Labels held in memory, by field id. */
    public static PixelTargetBatchBuilder of(Map<String, PixelPseudoLabels> labels) {
        Map<String, PixelPseudoLabels> copy = Map.copyOf(labels);
        return new PixelTargetBatchBuilder(id -> {
            PixelPseudoLabels p = copy.get(id);
            if (p == null) {
                throw new IOException("no pixel pseudo labels for field " + id);
            }
            return p;
        });
    }

    /**
     * @throws IllegalArgumentException naming the setting if {@code augment} moves pixels (flips, quarter
     *                                  turns or random crops), which pixel targets cannot follow
     */
    public static void requireAligned(AugmentConfig augment) {
        if (augment.horizontalFlip || augment.verticalFlip || augment.rotate90 || augment.cropProbability > 0) {
            throw new IllegalArgumentException("semantic segmentation trains without geometric augmentation: set "
                    + "augment.horizontalFlip, verticalFlip and rotate90 to false and cropProbability to 0");
        }
    }

    @Override
    public TrainBatch build(List<PreparedSample> samples, NDManager manager, SplittableRandom random) {
        int s = samples.get(0).size();
        int plane = s * s;
        float[] t = new float[samples.size() * Location.COUNT * plane];
        for (int n = 0; n < samples.size(); n++) {
            String id = samples.get(n).id();
            PixelPseudoLabels p;
            try {
                p = source.labels(id);
            } catch (IOException e) {
                throw new UncheckedIOException("pixel pseudo labels of field " + id + ": " + e.getMessage(), e);
            }
            Geometry g = Geometry.identity(p.width(), p.height(), s);
            for (int k : p.classes().indices()) {
                float[] r = Resampler.bilinear(p.targets(k), p.width(), p.height(), g);
                System.arraycopy(r, 0, t, (n * Location.COUNT + k) * plane, plane);
            }
        }
        return new TrainBatch(ImagesBatchBuilder.images(samples, manager), ImagesBatchBuilder.targets(samples, manager),
                List.copyOf(samples), Map.of(PIXEL_TARGETS,
                        manager.create(t, new Shape(samples.size(), Location.COUNT, s, s))));
    }
}
