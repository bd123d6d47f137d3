package org.hpacell.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.IValue;
import java.util.List;
import org.hpacell.nn.script.ScriptKernels;
import org.hpacell.train.NoGradScope;

/**
 * SGD with momentum, PyTorch's rule (dampening 0, no Nesterov):
 * {@code g = grad + wd * w;  buf = momentum * buf + g;  w = w - lr * buf} (plain SGD when momentum is 0).
 * Unlike DJL's native SGD, the buffer does not include the learning rate, so a changing schedule acts
 * as in PyTorch. One step is one native call (the {@code sgd} kernel of {@link ScriptKernels}), which
 * also zeroes the gradients.
 */
public final class Sgd implements Optimiser {
    private final TrainableParameters params;
    private final NDManager manager;
    private final List<NDArray> buffer;
    private final IValue bufferList;
    private final double momentum;
    private final double weightDecay;

    public Sgd(TrainableParameters params, double momentum, double weightDecay) {
        this.params = params;
        this.manager = params.array(0).getManager().newSubManager();
        this.buffer = params.zerosLike(manager);
        this.bufferList = ScriptKernels.tensorList(buffer);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(double lr) {
        try (IValue weights = params.tensorList(); NoGradScope noGrad = NoGradScope.enter()) {
            ScriptKernels.get().call("sgd", weights, bufferList, lr, momentum, weightDecay);
        }
    }

    @Override
    public NDList state() {
        return new NDList(buffer);
    }

    @Override
    public void loadState(NDList state) {
        if (state.size() != buffer.size()) {
            throw new IllegalArgumentException("optimiser state has " + state.size() + " arrays, expected "
                    + buffer.size() + " (SGD over " + buffer.size() + " parameters)");
        }
        for (int i = 0; i < buffer.size(); i++) {
            Adam.copyInto(state.get(i), buffer.get(i));
        }
    }

    @Override
    public void close() {
        bufferList.close();
        manager.close();
    }
}
