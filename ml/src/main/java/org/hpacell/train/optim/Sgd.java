package org.hpacell.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * SGD with momentum, PyTorch's rule (dampening 0, no Nesterov):
 * {@code g = grad + wd * w;  buf = momentum * buf + g;  w = w - lr * buf} (plain SGD when momentum is 0).
 * Unlike DJL's native SGD, the buffer does not include the learning rate, so a changing schedule acts
 * as in PyTorch.
 */
public final class Sgd implements Optimiser {
    private final TrainableParameters params;
    private final NDManager manager;
    private final NDArray[] buffer;
    private final float momentum;
    private final float weightDecay;

    public Sgd(TrainableParameters params, double momentum, double weightDecay) {
        this.params = params;
        this.manager = params.array(0).getManager().newSubManager();
        this.buffer = new NDArray[params.size()];
        for (int i = 0; i < params.size(); i++) {
            NDArray w = params.array(i);
            buffer[i] = manager.zeros(w.getShape(), w.getDataType());
        }
        this.momentum = (float) momentum;
        this.weightDecay = (float) weightDecay;
    }

    @Override
    public void step(double lr) {
        for (int i = 0; i < params.size(); i++) {
            NDArray w = params.array(i);
            try (NDArray g = w.getGradient()) {
                if (weightDecay != 0) {
                    try (NDArray decay = w.mul(weightDecay)) {
                        g.addi(decay);
                    }
                }
                buffer[i].muli(momentum).addi(g);
                try (NDArray delta = buffer[i].mul((float) lr)) {
                    w.subi(delta);
                }
            }
        }
        params.zeroGradients();
    }

    @Override
    public NDList state() {
        NDList list = new NDList(buffer.length);
        for (NDArray b : buffer) {
            list.add(b);
        }
        return list;
    }

    @Override
    public void loadState(NDList state) {
        if (state.size() != buffer.length) {
            throw new IllegalArgumentException("optimiser state has " + state.size() + " arrays, expected "
                    + buffer.length + " (SGD over " + buffer.length + " parameters)");
        }
        for (int i = 0; i < buffer.length; i++) {
            Adam.copyInto(state.get(i), buffer[i]);
        }
    }

    @Override
    public void close() {
        manager.close();
    }


}
