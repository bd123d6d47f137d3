package org.hpacell.spark;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The models of an executor JVM, loaded lazily and kept for the JVM's life: a task borrows a loaded
 * instance (loading one only if every instance is in use) and gives it back when it ends, so an executor
 * with {@code k} task slots loads each model at most {@code k} times however many tasks it runs. Each task
 * has its instance to itself: no two tasks' forward passes wait on one model. Keys identify what was
 * loaded (e.g. the run URIs and options); static, so it outlives the deserialised task closures.
 */
public final class ModelPool {
    /** Loads a fresh instance. */
    @FunctionalInterface
    public interface Loader<T extends AutoCloseable> {
        T load() throws IOException;
    }

    private static final Map<String, Deque<AutoCloseable>> IDLE = new HashMap<>();

    private ModelPool() {
    }

    /** An idle instance of {@code key}, or a new one from {@code loader}. */
    public static <T extends AutoCloseable> T borrow(String key, Loader<T> loader) throws IOException {
        synchronized (IDLE) {
            Deque<AutoCloseable> idle = IDLE.get(key);
            if (idle != null && !idle.isEmpty()) {
                @SuppressWarnings("unchecked")
                T t = (T) idle.pop();
                return t;
            }
        }
        return loader.load(); // outside the lock: loading may take seconds and other keys must not wait
    }

    /** Gives an instance back for the next task of this JVM. */
    public static void release(String key, AutoCloseable instance) {
        synchronized (IDLE) {
            IDLE.computeIfAbsent(key, k -> new ArrayDeque<>()).push(instance);
        }
    }

    /** Idle instances of {@code key} (for tests and logs). */
    public static int idle(String key) {
        synchronized (IDLE) {
            Deque<AutoCloseable> idle = IDLE.get(key);
            return idle == null ? 0 : idle.size();
        }
    }
}
