package org.hpacell.segment;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hpacell.image.FieldImage;
import org.hpacell.io.FieldFailure;
import org.hpacell.io.FieldFailures;
import org.hpacell.io.FieldTasks;
import org.hpacell.io.HpaDataset;
import org.hpacell.io.ImageFiles;
import org.hpacell.progress.Progress;

/**
 * Segments every field of a dataset: {@code OUT/cells/ID.png} and {@code OUT/nuclei/ID.png}, 16-bit
 * label images written atomically. Fields are read, segmented and written by a pool of workers, each
 * holding one field at a time; a field that cannot be read, segmented or written is recorded and the
 * job goes on.
 */
public final class SegmentJob {
    /** Sub-folder of the cell label images. */
    public static final String CELLS = "cells";
    /** Sub-folder of the nucleus label images (nuclei carry their cell's id). */
    public static final String NUCLEI = "nuclei";

    /** Fields written, and those that failed (with the reason). */
    public record Result(int written, List<FieldFailure> failures) {
    }

    private SegmentJob() {
    }

    /**
     * @throws InterruptedException if interrupted while waiting for the workers
     */
    public static Result run(CellSegmenter segmenter, HpaDataset dataset, List<String> ids, Path out, int threads,
            Progress progress) throws InterruptedException {
        FieldFailures failures = new FieldFailures();
        failures.addAll(dataset.problems());
        AtomicInteger written = new AtomicInteger();
        FieldTasks.run(ids, threads, failures, progress, id -> {
            FieldImage field = dataset.read(id);
            Segmentation s = segmenter.segment(field);
            ImageFiles.writeLabels(out.resolve(CELLS).resolve(id + ".png"), s.cells());
            ImageFiles.writeLabels(out.resolve(NUCLEI).resolve(id + ".png"), s.nuclei());
            written.incrementAndGet();
        });
        return new Result(written.get(), failures.list());
    }
}
