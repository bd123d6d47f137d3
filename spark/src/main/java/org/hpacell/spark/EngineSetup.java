package org.hpacell.spark;

import org.hpacell.train.EngineThreads;

/**
 * Sets PyTorch's intra-op thread count once per executor JVM, before the first model loads. Spark runs
 * several tasks per executor at once; task slots x intra-op threads should not exceed the executor's
 * cores, hence 1 by default. The setting is process-wide in libtorch, so the first job to set it wins.
 */
final class EngineSetup {
    private static int threads;

    private EngineSetup() {
    }

    static synchronized void intraOpThreads(int n) {
        if (threads == 0) {
            threads = EngineThreads.set(n);
        }
    }
}
