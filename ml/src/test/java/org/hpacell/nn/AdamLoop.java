package org.hpacell.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.ParameterServer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.LocalParameterServer;

/** A minimal Adam training loop with binary cross-entropy on logits, for "the network learns" tests. */
final class AdamLoop implements AutoCloseable {
    private final Block net;
    private final ParameterStore store;
    private final ParameterServer server;

    AdamLoop(Block net, NDManager manager, float learningRate) {
        this.net = net;
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build();
        store = new ParameterStore(manager, false);
        server = new LocalParameterServer(adam);
        store.setParameterServer(server, new Device[] {manager.getDevice()});
    }

    /** BCE with logits, stable form: {@code max(z, 0) - z y + log(1 + exp(-|z|))}, averaged. */
    static NDArray bce(NDArray logits, NDArray targets) {
        return logits.maximum(0).sub(logits.mul(targets)).add(logits.abs().neg().exp().add(1).log()).mean();
    }

    /** One step on a batch; {@code select} picks the logits compared with {@code targets}. */
    float step(NDArray x, NDArray targets, java.util.function.Function<NDList, NDArray> select) {
        float loss;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray l = bce(select.apply(net.forward(store, new NDList(x), true)), targets);
            loss = l.getFloat();
            gc.backward(l);
        }
        store.updateAllParameters();
        return loss;
    }

    /** Inference-mode logits. */
    NDArray predict(NDArray x, java.util.function.Function<NDList, NDArray> select) {
        return select.apply(net.forward(store, new NDList(x), false));
    }

    @Override
    public void close() {
        server.close();
    }
}
