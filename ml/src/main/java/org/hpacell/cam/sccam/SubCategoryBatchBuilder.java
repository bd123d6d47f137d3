package org.hpacell.cam.sccam;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hpacell.train.data.BatchBuilder;
import org.hpacell.train.data.PreparedSample;
import org.hpacell.train.data.TrainBatch;

/**
 * Any batch builder plus the sub-category targets of the batch's fields: extra {@value #SUB_TARGETS}
 * of shape {@code (N, classes x K)}.
 */
public final class SubCategoryBatchBuilder implements BatchBuilder {
    /** Extra holding the multi-hot sub-category targets. */
    public static final String SUB_TARGETS = "subTargets";

    private final BatchBuilder base;
    private final SubCategoryLabels labels;

    public SubCategoryBatchBuilder(BatchBuilder base, SubCategoryLabels labels) {
        this.base = base;
        this.labels = labels;
    }

    @Override
    public TrainBatch build(List<PreparedSample> samples, NDManager manager, SplittableRandom random) {
        TrainBatch b = base.build(samples, manager, random);
        int outputs = labels.outputs();
        float[] t = new float[samples.size() * outputs];
        for (int i = 0; i < samples.size(); i++) {
            System.arraycopy(labels.target(samples.get(i).id()), 0, t, i * outputs, outputs);
        }
        Map<String, ai.djl.ndarray.NDArray> extras = new HashMap<>(b.extras());
        extras.put(SUB_TARGETS, manager.create(t, new Shape(samples.size(), outputs)));
        return new TrainBatch(b.images(), b.targets(), b.samples(), Map.copyOf(extras));
    }
}
