package org.hpacell.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Loading once per concurrent borrower, reuse after release, keys kept apart. */
class ModelPoolTest {
    @Test
    void concurrentBorrowersGetTheirOwnInstanceAndLaterOnesReuseThem() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        ModelPool.Loader<AutoCloseable> loader = () -> {
            loads.incrementAndGet();
            return new AutoCloseable() { // a new object per load (a non-capturing lambda would be one singleton)
                @Override
                public void close() {
                }
            };
        };
        String key = "test:" + System.nanoTime();
        AutoCloseable a = ModelPool.borrow(key, loader);
        AutoCloseable b = ModelPool.borrow(key, loader);
        assertNotSame(a, b, "two tasks at once: two instances");
        ModelPool.release(key, a);
        ModelPool.release(key, b);
        assertEquals(2, ModelPool.idle(key));
        for (int task = 0; task < 5; task++) {
            AutoCloseable c = ModelPool.borrow(key, loader);
            ModelPool.release(key, c);
        }
        assertEquals(2, loads.get(), "later tasks reuse the loaded instances");
        AutoCloseable other = ModelPool.borrow(key + "-other", loader);
        assertEquals(3, loads.get(), "another key loads its own");
    }
}
