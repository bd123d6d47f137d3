package org.hpacell.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Collects the fields a batch job had to skip, for the report at its end. Thread-safe: workers of a
 * pool add to one instance concurrently; {@link #list()} returns the failures sorted by field id
 * (then message), so the report does not depend on thread timing.
 */
public final class FieldFailures {
    private final ConcurrentLinkedQueue<FieldFailure> failures = new ConcurrentLinkedQueue<>();

    /** Records one failure. */
    public void add(FieldFailure f) {
        failures.add(f);
    }

    /** Records that field {@code fieldId} failed with {@code e} (its message names the file). */
    public void add(String fieldId, Exception e) {
        add(new FieldFailure(fieldId, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }

    /** Records several failures. */
    public void addAll(Iterable<FieldFailure> all) {
        all.forEach(failures::add);
    }

    /** Number of failures so far. */
    public int size() {
        return failures.size();
    }

    public boolean isEmpty() {
        return failures.isEmpty();
    }

    /** The failures so far, sorted by field id, then message. */
    public List<FieldFailure> list() {
        List<FieldFailure> out = new ArrayList<>(failures);
        out.sort(Comparator.comparing(FieldFailure::fieldId).thenComparing(FieldFailure::message));
        return out;
    }
}
