package org.hpacell.stage2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;
import org.hpacell.train.data.FieldSample;
import org.hpacell.train.data.InMemorySample;

/**
 * The training samples of a cell model: one {@link FieldSample} per cell crop (id {@code FIELD_cCELL},
 * labels from a {@link CellTargets}), which the one training engine resizes, augments and batches like
 * any field. The soft targets of graded labels are collected alongside, keyed by crop id, for
 * {@link SoftTargetBatchBuilder}.
 */
public final class CellSamples {
    private final CellCropper cropper;
    private final CellTargets targets;
    private final List<FieldSample> samples = new ArrayList<>();
    private final Map<String, float[]> soft = new HashMap<>();

    public CellSamples(CellCropper cropper, CellTargets targets) {
        this.cropper = cropper;
        this.targets = targets;
    }

    /**
     * Adds the cells of one field.
     *
     * @return the number of cells added
     * @throws IllegalArgumentException if the field and cell image differ in size or a cell has no target
     */
    public int add(FieldImage field, LabelImage cells, LabelSet imageLabels) {
        int n = 0;
        for (CellCrop c : cropper.crops(field, cells)) {
            LabelSet labels = targets.labels(field.id(), c.cellId(), imageLabels);
            samples.add(new InMemorySample(c.image(), labels));
            soft.put(c.image().id(), targets.soft(field.id(), c.cellId(), imageLabels));
            n++;
        }
        return n;
    }

    /** The samples added so far, in order. */
    public List<FieldSample> samples() {
        return List.copyOf(samples);
    }

    /**
     * The batch builder that trains on the soft targets ({@link SoftTargetBatchBuilder}); models trained on
     * binary labels (broadcast, truth) use the engine's default builder instead.
     */
    public SoftTargetBatchBuilder softBatchBuilder() {
        return new SoftTargetBatchBuilder(soft);
    }

    /** The soft targets of every sample, by crop id. */
    public Map<String, float[]> softTargets() {
        return Map.copyOf(soft);
    }
}
