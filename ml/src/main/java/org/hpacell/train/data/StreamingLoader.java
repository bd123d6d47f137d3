package org.hpacell.train.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads and augments fields on a background thread pool, a bounded number of batches ahead of the
 * consumer, and hands out batches in order. Sample {@code k} of epoch {@code e} is prepared with the
 * generator {@code Seeds.random(seed, e, k)}, so batches are identical whatever the thread count.
 *
 * <p>A field that cannot be read is left out of its batch and recorded ({@link #failures()}); the job
 * goes on.
 */
public final class StreamingLoader<T> implements AutoCloseable {
    private static final long PURPOSE = 0xA06L;
    private final List<FieldSample> samples;
    private final Preparer<T> preparer;
    private final ExecutorService pool;
    private final int prefetch;
    private final long seed;
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    /** Prepares one sample on a loader thread with the generator the loader derived for it. */
    @FunctionalInterface
    public interface Preparer<T> {
        T prepare(FieldSample sample, SplittableRandom random) throws IOException;
    }

    /** A loader of augmented training samples. */
    public static StreamingLoader<PreparedSample> of(List<FieldSample> samples, Augmenter augmenter, int threads,
                                                     int prefetch, long seed) {
        return new StreamingLoader<>(samples, augmenter::prepare, threads, prefetch, seed);
    }

    /**
     * @param preparer what a loader thread does with a sample
     * @param threads  loader threads
     * @param prefetch batches prepared ahead (at least 1)
     */
    public StreamingLoader(List<FieldSample> samples, Preparer<T> preparer, int threads, int prefetch, long seed) {
        this.samples = List.copyOf(samples);
        this.preparer = preparer;
        this.prefetch = Math.max(1, prefetch);
        this.seed = seed;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "hpacell-loader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The fields that could not be read so far, as "id: problem". */
    public List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /**
     * The batches of one epoch in order.
     *
     * @param order      indices into the samples (see {@link EpochOrder})
     * @param batchSize  samples per batch
     * @param dropLast   whether the last, incomplete batch is dropped (unless it is the only one), as
     *                   training does so that batch statistics never rest on one or two fields
     * @param epoch      the epoch, part of every sample's random stream
     * @param firstBatch batches to skip at the start (none are prepared for them)
     */
    public Iterator<List<T>> epoch(int[] order, int batchSize, boolean dropLast, int epoch,
                                                int firstBatch) {
        int batches = dropLast ? batchCount(order.length, batchSize) : (order.length + batchSize - 1) / batchSize;
        return new Iterator<>() {
            private final Deque<List<Future<T>>> queue = new ArrayDeque<>();
            private int next = firstBatch;
            private int submitted = firstBatch;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public List<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                while (submitted < batches && submitted < next + prefetch + 1) {
                    queue.addLast(submit(order, batchSize, epoch, submitted++));
                }
                next++;
                return collect(queue.removeFirst());
            }
        };
    }

    /** Batches an epoch of {@code n} samples yields. */
    public static int batchCount(int n, int batchSize) {
        return n >= batchSize ? n / batchSize : (n > 0 ? 1 : 0);
    }

    private List<Future<T>> submit(int[] order, int batchSize, int epoch, int batch) {
        int from = batch * batchSize;
        int to = Math.min(order.length, from + batchSize);
        List<Future<T>> futures = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            FieldSample s = samples.get(order[k]);
            SplittableRandom rng = Seeds.random(seed, PURPOSE, epoch, k);
            futures.add(pool.submit(() -> prepareOrRecord(s, rng)));
        }
        return futures;
    }

    private T prepareOrRecord(FieldSample s, SplittableRandom rng) {
        try {
            return preparer.prepare(s, rng);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            failures.add(s.id() + ": " + e.getMessage());
            return null;
        }
    }

    private static <T> List<T> collect(List<Future<T>> futures) {
        List<T> out = new ArrayList<>(futures.size());
        for (Future<T> f : futures) {
            try {
                T p = f.get();
                if (p != null) {
                    out.add(p);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading a batch", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("loading a field failed: " + e.getCause(), e.getCause());
            }
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
