package org.hpacell.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Adam and AdamW with PyTorch's update rule (torch.optim.Adam / AdamW, amsgrad off):
 * <pre>
 *   g = grad (+ wd * w for Adam's L2 penalty);  AdamW instead: w = w - lr * wd * w
 *   m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2
 *   w = w - lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
 * </pre>
 * The update of one parameter is one native call (DJL's fused Adam kernel, which computes
 * {@code w -= lrc * m / (sqrt(v) + epsc)}; passing {@code lrc = lr sqrt(1 - b2^t) / (1 - b1^t)} and
 * {@code epsc = eps sqrt(1 - b2^t)} makes it exactly the rule above).
 */
public final class Adam implements Optimiser {
    private final TrainableParameters params;
    private final NDManager manager;
    private final NDArray[] mean;
    private final NDArray[] variance;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
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
        this.mean = new NDArray[params.size()];
        this.variance = new NDArray[params.size()];
        for (int i = 0; i < params.size(); i++) {
            NDArray w = params.array(i);
            mean[i] = manager.zeros(w.getShape(), w.getDataType());
            variance[i] = manager.zeros(w.getShape(), w.getDataType());
        }
        this.stepCount = manager.zeros(new ai.djl.ndarray.types.Shape(1), ai.djl.ndarray.types.DataType.INT64);
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.epsilon = (float) epsilon;
        this.weightDecay = (float) weightDecay;
        this.decoupled = decoupled;
    }

    @Override
    public void step(double lr) {
        t++;
        double bc1 = 1 - Math.pow(beta1, t);
        double sqrtBc2 = Math.sqrt(1 - Math.pow(beta2, t));
        float lrc = (float) (lr * sqrtBc2 / bc1);
        float epsc = (float) (epsilon * sqrtBc2);
        for (int i = 0; i < params.size(); i++) {
            PtNDArray w = (PtNDArray) params.array(i);
            try (PtNDArray g = (PtNDArray) w.getGradient()) {
                JniUtils.adamUpdate(w, g, (PtNDArray) mean[i], (PtNDArray) variance[i], (float) lr, lrc,
                        weightDecay, 1f, -1f, beta1, beta2, epsc, decoupled);
            }
        }
        params.zeroGradients();
    }

    @Override
    public NDList state() {
        stepCount.set(new long[] {t});
        NDList list = new NDList(2 * mean.length + 1);
        list.add(stepCount);
        for (int i = 0; i < mean.length; i++) {
            list.add(mean[i]);
            list.add(variance[i]);
        }
        return list;
    }

    @Override
    public void loadState(NDList state) {
        if (state.size() != 2 * mean.length + 1) {
            throw new IllegalArgumentException("optimiser state has " + state.size() + " arrays, expected "
                    + (2 * mean.length + 1) + " (Adam over " + mean.length + " parameters)");
        }
        t = state.get(0).toLongArray()[0];
        for (int i = 0; i < mean.length; i++) {
            copyInto(state.get(2 * i + 1), mean[i]);
            copyInto(state.get(2 * i + 2), variance[i]);
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
        manager.close();
    }
}
