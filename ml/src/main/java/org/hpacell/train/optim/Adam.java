package org.hpacell.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.IValue;
import java.util.List;
import org.hpacell.nn.script.ScriptKernels;
import org.hpacell.train.NoGradScope;

/**
 * Adam and AdamW with PyTorch's update rule and operations (torch.optim.Adam / AdamW, amsgrad off):
 * <pre>
 *   g = grad (+ wd * w for Adam's L2 penalty);  AdamW instead: w = w * (1 - lr * wd)
 *   m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2
 *   w = w - lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
 * </pre>
 * One step is one native call over every parameter (the {@code adam} kernel of {@link ScriptKernels}),
 * which also zeroes the gradients.
 */
public final class Adam implements Optimiser {
    private final TrainableParameters params;
    private final NDManager manager;
    private final List<NDArray> mean;
    private final List<NDArray> variance;
    private final IValue meanList;
    private final IValue varianceList;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final boolean decoupled;
    private final NDArray stepCount;
    private long t;

    /**
     * @param decoupled true for AdamW (decoupled weight decay), false for Adam (L2 added to the gradient)
     */
    public Adam(TrainableParameters params, double beta1, double beta2, double epsilon, double weightDecay,
                boolean decoupled) {
        this.params = params;
        this.manager = params.array(0).getManager().newSubManager();
        this.mean = params.zerosLike(manager);
        this.variance = params.zerosLike(manager);
        this.meanList = ScriptKernels.tensorList(mean);
        this.varianceList = ScriptKernels.tensorList(variance);
        this.stepCount = manager.zeros(new Shape(1), DataType.INT64);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    @Override
    public void step(double lr) {
        t++;
        double stepSize = lr / (1 - Math.pow(beta1, t));
        double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
        try (IValue weights = params.tensorList(); NoGradScope noGrad = NoGradScope.enter()) {
            ScriptKernels.get().call("adam", weights, meanList, varianceList, lr, beta1, beta2, epsilon,
                    weightDecay, decoupled, stepSize, bc2Sqrt);
        }
    }

    @Override
    public NDList state() {
        stepCount.set(new long[] {t});
        NDList list = new NDList(2 * mean.size() + 1);
        list.add(stepCount);
        for (int i = 0; i < mean.size(); i++) {
            list.add(mean.get(i));
            list.add(variance.get(i));
        }
        return list;
    }

    @Override
    public void loadState(NDList state) {
        if (state.size() != 2 * mean.size() + 1) {
            throw new IllegalArgumentException("optimiser state has " + state.size() + " arrays, expected "
                    + (2 * mean.size() + 1) + " (Adam over " + mean.size() + " parameters)");
        }
        t = state.get(0).toLongArray()[0];
        for (int i = 0; i < mean.size(); i++) {
            copyInto(state.get(2 * i + 1), mean.get(i));
            copyInto(state.get(2 * i + 2), variance.get(i));
        }
    }

    static void copyInto(NDArray from, NDArray to) {
        if (!from.getShape().equals(to.getShape())) {
            throw new IllegalArgumentException("optimiser state shape " + from.getShape() + " does not match "
                    + to.getShape());
        }
        from.copyTo(to);
    }

    @Override
    public void close() {
        meanList.close();
        varianceList.close();
        manager.close();
    }
}
