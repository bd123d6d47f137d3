package org.hpacell.spark;

import org.hpacell.train.EngineLog;
import org.hpacell.train.EngineThreads;

/**
 * Sets PyTorch's intra-op thread count once per executor JVM, before the first model loads. Spark runs
 * several tasks per executor at once; task slots x intra-op threads should not exceed the executor's
 * cores, hence 1 by default. The setting is process-wide in libtorch, so the first job to set it wins.
 * libtorch's own warnings are kept out of the executor's log unless {@code TORCH_CPP_LOG_LEVEL} asks for them
 * ({@link EngineLog#choose}).
 */
final class EngineSetup {
    private static int threads;

    private EngineSetup() {
    }

    static synchronized void intraOpThreads(int n) {
        if (threads == 0) {
            threads = EngineThreads.set(n);
            EngineLog.apply(EngineLog.choose(System.getenv(EngineLog.ENV), false));
        }
    }
}
