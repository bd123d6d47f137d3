package org.hpacell.stage2;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hpacell.atlas.Location;
import org.hpacell.train.data.BatchBuilder;
import org.hpacell.train.data.ImagesBatchBuilder;
import org.hpacell.train.data.PreparedSample;
import org.hpacell.train.data.TrainBatch;

/**
 * The batch builder of the five-level cell classifier: images stacked as by {@link ImagesBatchBuilder},
 * targets replaced by each sample's soft targets (0, 0.25, 0.5, 0.75, 1) looked up by sample id, so the
 * engine's BCE or focal loss trains on the graded values instead of the binary labels.
 */
public final class SoftTargetBatchBuilder implements BatchBuilder {
    private final Map<String, float[]> targets;

    /** @param targets 19 soft targets per sample id (see {@link CellSamples#softTargets()}) */
    public SoftTargetBatchBuilder(Map<String, float[]> targets) {
        this.targets = Map.copyOf(targets);
    }

    @Override
    public TrainBatch build(List<PreparedSample> samples, NDManager manager, SplittableRandom random) {
        float[] t = new float[samples.size() * Location.COUNT];
        for (int i = 0; i < samples.size(); i++) {
            float[] s = targets.get(samples.get(i).id());
            if (s == null) {
                throw new IllegalArgumentException("no soft targets for sample " + samples.get(i).id());
            }
            System.arraycopy(s, 0, t, i * Location.COUNT, Location.COUNT);
        }
        return new TrainBatch(ImagesBatchBuilder.images(samples, manager),
                manager.create(t, new Shape(samples.size(), Location.COUNT)), List.copyOf(samples), Map.of());
    }
}
