package org.hpacell.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hpacell.nn.Architectures;
import org.junit.jupiter.api.Test;

/** Inference on a worker thread must not record an autograd graph (libtorch's grad mode is per thread). */
class NoGradScopeTest {
    private static final int SIZE = 32;

    @Test
    void inferenceOnAFreshThreadHasNoGradientHistory() throws Exception {
        EngineThreads.set(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (NDManager root = NDManager.newBaseManager()) {
            Network network = new Network(Architectures.create("small", 4, 19), root, SIZE, 3);
            boolean[] result = CompletableFuture.supplyAsync(() -> {
                try (NDManager m = root.newSubManager()) {
                    NDArray x = m.randomUniform(0f, 1f, new Shape(2, 4, SIZE, SIZE));
                    boolean threadDefault = JniUtils.isGradMode();
                    // The block called directly, as before the fix: the graph is recorded.
                    NDList direct = network.block().forward(new ParameterStore(m, false), new NDList(x), false);
                    boolean directRecords = recordsGraph(direct.get(0));
                    boolean viaNetworkRecords = recordsGraph(network.forward(x, false).get(0));
                    return new boolean[] {threadDefault, directRecords, viaNetworkRecords, JniUtils.isGradMode()};
                }
            }, pool).get();
            assertTrue(result[0], "libtorch's grad mode starts on in a new thread");
            assertTrue(result[1], "without the scope, an eval-mode forward on that thread records autograd");
            assertFalse(result[2], "Network.forward(x, false) records no autograd graph");
            assertTrue(result[3], "the thread's grad mode is restored after the pass");
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Whether autograd recorded the operations that made {@code a}: back-propagation from it succeeds
     * only then (libtorch refuses a tensor that neither requires a gradient nor has a grad_fn).
     */
    private static boolean recordsGraph(NDArray a) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(a.sum());
            return true;
        } catch (EngineException e) {
            return false;
        }
    }

    @Test
    void scopeRestoresThePreviousMode() {
        EngineThreads.set(1);
        boolean before = JniUtils.isGradMode();
        try (NoGradScope scope = NoGradScope.enter()) {
            assertFalse(JniUtils.isGradMode());
            try (NoGradScope inner = NoGradScope.enter()) {
                assertFalse(JniUtils.isGradMode());
            }
            assertFalse(JniUtils.isGradMode(), "an inner scope restores the outer scope's state");
        }
        assertEquals(before, JniUtils.isGradMode());
    }
}
