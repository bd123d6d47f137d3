package org.hpacell.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;
import org.hpacell.image.FieldImage;
import org.hpacell.progress.Progress;

/**
 * Reads every field of an {@link HpaDataset} once, in parallel, to find what is wrong with it before a
 * long job does: it summarises the fields that read well (size, bit depth, labels) and collects every
 * failure (those found on opening and on reading).
 */
public final class DatasetCheck {
    /** A field that reads well. */
    public record FieldSummary(String id, int width, int height, int bitDepth, Optional<LabelSet> labels) {
    }

    /**
     * The outcome of a check.
     *
     * @param fields   the good fields, sorted by id
     * @param failures the bad fields (see {@link FieldFailures#list()})
     */
    public record Result(List<FieldSummary> fields, List<FieldFailure> failures) {
        /** Per class index, the number of good fields whose labels hold it. */
        public int[] labelCounts() {
            int[] counts = new int[Location.COUNT];
            for (FieldSummary f : fields) {
                f.labels().ifPresent(l -> {
                    for (int i : l.indices()) {
                        counts[i]++;
                    }
                });
            }
            return counts;
        }
    }

    private DatasetCheck() {
    }

    /**
     * Reads every field with {@code threads} workers, reporting one step of {@code progress} per field.
     *
     * @throws InterruptedException if the calling thread is interrupted while waiting for the workers
     */
    public static Result run(HpaDataset dataset, int threads, Progress progress) throws InterruptedException {
        FieldFailures failures = dataset.newFailures();
        ConcurrentLinkedQueue<FieldSummary> good = new ConcurrentLinkedQueue<>();
        // FieldTasks records every exception of reading a field as that field's failure.
        FieldTasks.run(dataset.ids(), threads, failures, progress,
                id -> good.add(summary(dataset, dataset.read(id))));
        List<FieldSummary> fields = new ArrayList<>(good);
        fields.sort(Comparator.comparing(FieldSummary::id));
        return new Result(List.copyOf(fields), failures.list());
    }

    private static FieldSummary summary(HpaDataset dataset, FieldImage f) {
        return new FieldSummary(f.id(), f.width(), f.height(), f.bitDepth(), dataset.labels(f.id()));
    }
}
