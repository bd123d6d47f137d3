package org.hpacell.segment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hpacell.image.FieldImage;
import org.hpacell.io.FieldFailure;
import org.hpacell.io.FieldFailures;
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
        List<Callable<Void>> tasks = new ArrayList<>();
        for (String id : ids) {
            tasks.add(() -> {
                segmentOne(segmenter, dataset, id, out, failures, written);
                progress.step();
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            // tasks record their fields' failures themselves; what still escapes (an Error) is a bug
            for (Future<Void> f : pool.invokeAll(tasks)) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("segmentation worker failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(written.get(), failures.list());
    }

    private static void segmentOne(CellSegmenter segmenter, HpaDataset dataset, String id, Path out,
            FieldFailures failures, AtomicInteger written) {
        try {
            FieldImage field = dataset.read(id);
            Segmentation s = segmenter.segment(field);
            ImageFiles.writeLabels(out.resolve(CELLS).resolve(id + ".png"), s.cells());
            ImageFiles.writeLabels(out.resolve(NUCLEI).resolve(id + ".png"), s.nuclei());
            written.incrementAndGet();
        } catch (java.io.IOException | RuntimeException e) {
            failures.add(id, e);
        }
    }
}
