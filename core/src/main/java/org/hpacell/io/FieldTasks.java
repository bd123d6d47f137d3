package org.hpacell.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hpacell.progress.Progress;

/**
 * Runs one task per field on a fixed pool of worker threads, the shape every per-field batch job shares:
 * a field whose task throws an {@link IOException} or a {@link RuntimeException} is recorded in the
 * failures and the others go on; progress steps once per field, failed or not. Each task reads its own
 * field when it runs, so memory is bounded by the number of workers, whatever the number of fields.
 */
public final class FieldTasks {
    /** The work of one field. */
    @FunctionalInterface
    public interface Task {
        /** @throws IOException naming the file and the problem; the field is then reported as failed */
        void run(String id) throws IOException;
    }

    private FieldTasks() {
    }

    /**
     * Runs {@code task} for every id and waits for all of them.
     *
     * @param threads worker threads (at least 1 is used)
     * @throws IllegalStateException if a task ends with an {@link Error} (a bug, not a bad field)
     * @throws InterruptedException  if interrupted while waiting for the workers
     */
    public static void run(List<String> ids, int threads, FieldFailures failures, Progress progress, Task task)
            throws InterruptedException {
        List<Callable<Void>> tasks = new ArrayList<>(ids.size());
        for (String id : ids) {
            tasks.add(() -> {
                try {
                    task.run(id);
                } catch (IOException | RuntimeException e) {
                    failures.add(id, e);
                } finally {
                    progress.step();
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a field worker failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
