package org.hpacell.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Sets the PyTorch engine's intra-op thread count (the threads one operator, e.g. a convolution, uses).
 * Loads the engine first: the native library must be present before any JNI call.
 */
public final class EngineThreads {
    private EngineThreads() {
    }

    /** Uses {@code threads} intra-op threads; 0 or less means one per available core. */
    public static int set(int threads) {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        Engine.getEngine("PyTorch");
        JniUtils.setNumThreads(n);
        return n;
    }
}
