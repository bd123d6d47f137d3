package org.hpacell.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import org.hpacell.progress.Progress;
import org.junit.jupiter.api.Test;

class FieldTasksTest {
    /** Counts progress steps (also used by the other per-field job tests of this package). */
    static final class Counter implements Progress {
        final AtomicLong steps = new AtomicLong();

        @Override
        public void step(long n) {
            steps.addAndGet(n);
        }

        @Override
        public void message(String text) {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void badFieldsAreRecordedAndTheOthersGoOn() throws InterruptedException {
        List<String> ids = List.of("a", "b", "c", "d", "e");
        Set<String> done = new ConcurrentSkipListSet<>();
        FieldFailures failures = new FieldFailures();
        Counter progress = new Counter();
        FieldTasks.run(ids, 3, failures, progress, id -> {
            if (id.equals("b")) {
                throw new IOException("b_red.png: not an image");
            }
            if (id.equals("d")) {
                throw new IllegalArgumentException("d: channels differ in size");
            }
            done.add(id);
        });
        assertEquals(Set.of("a", "c", "e"), done);
        assertEquals(5, progress.steps.get());
        assertEquals(2, failures.size());
        assertTrue(failures.list().get(0).message().contains("b_red.png"), failures.list().toString());
        assertTrue(failures.list().get(1).message().contains("channels differ"), failures.list().toString());
    }

    @Test
    void anErrorIsABugAndStopsTheJob() {
        assertThrows(IllegalStateException.class, () -> FieldTasks.run(List.of("x"), 1, new FieldFailures(),
                Progress.NONE, id -> {
                    throw new AssertionError("bug");
                }));
    }
}
