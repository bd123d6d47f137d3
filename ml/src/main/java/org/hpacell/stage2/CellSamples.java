package org.hpacell.stage2;

import java.io.IOException;
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

    /** Where crops go when they are not held in memory; null = in memory. */
    private final CropStore store;

    /** Samples held in memory (small data: tests, benchmarks). */
    public CellSamples(CellCropper cropper, CellTargets targets) {
        this(cropper, targets, null);
    }

    /**
     * Samples whose crops are resized to the store's side and kept in {@code store} (on disk), so memory
     * stays flat in the number of cells; null = in memory.
     */
    public CellSamples(CellCropper cropper, CellTargets targets, CropStore store) {
        this.cropper = cropper;
        this.targets = targets;
        this.store = store;
    }

    /**
     * Adds the cells of one field.
     *
     * @return the number of cells added
     * @throws IllegalArgumentException if the field and cell image differ in size or a cell has no target
     * @throws IOException              naming the store's file if a crop cannot be written
     */
    public int add(FieldImage field, LabelImage cells, LabelSet imageLabels) throws IOException {
        int n = 0;
        for (CellCrop c : cropper.crops(field, cells)) {
            LabelSet labels = targets.labels(field.id(), c.cellId(), imageLabels);
            samples.add(store == null ? new InMemorySample(c.image(), labels)
                    : store.sample(store.add(c.image()), c.image().id(), labels));
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
