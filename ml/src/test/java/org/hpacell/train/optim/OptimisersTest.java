package org.hpacell.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** Optimiser updates against PyTorch's rules computed by hand in double precision. */
class OptimisersTest {
    private static final float[] W0 = {1.0f, -2.0f};
    /** The gradient of step t is X[t] (loss = w . x). */
    private static final float[][] X = {{0.5f, -1.5f}, {-0.25f, 2.0f}, {0.75f, 0.1f}};

    /** Runs three steps and returns the weights; each step's gradient is X[t]. */
    private static float[] run(java.util.function.Function<TrainableParameters, Optimiser> make, double[] lr) {
        try (NDManager m = NDManager.newBaseManager()) {
            Linear lin = Linear.builder().setUnits(1).optBias(false).build();
            lin.initialize(m, DataType.FLOAT32, new Shape(1, 2));
            NDArray w = lin.getParameters().get("weight").getArray();
            w.set(W0);
            TrainableParameters params = new TrainableParameters(lin);
            ParameterStore ps = new ParameterStore(m, false);
            try (Optimiser opt = make.apply(params)) {
                for (int t = 0; t < X.length; t++) {
                    try (NDManager step = m.newSubManager()) {
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDArray out = lin.forward(ps, new NDList(step.create(X[t]).reshape(1, 2)), true)
                                    .singletonOrThrow();
                            gc.backward(out.sum());
                        }
                        opt.step(lr[t]);
                    }
                }
                return params.array(0).toFloatArray();
            }
        }
    }

    private static float[] adamByHand(double[] lr, double wd, boolean decoupled) {
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double[] w = {W0[0], W0[1]};
        double[] m = new double[2];
        double[] v = new double[2];
        for (int t = 1; t <= X.length; t++) {
            for (int i = 0; i < 2; i++) {
                double g = X[t - 1][i];
                if (decoupled) {
                    w[i] *= 1 - lr[t - 1] * wd;
                } else {
                    g += wd * w[i];
                }
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mh = m[i] / (1 - Math.pow(b1, t));
                double vh = v[i] / (1 - Math.pow(b2, t));
                w[i] -= lr[t - 1] * mh / (Math.sqrt(vh) + eps);
            }
        }
        return new float[] {(float) w[0], (float) w[1]};
    }

    @Test
    void adamFollowsPyTorch() {
        double[] lr = {0.1, 0.05, 0.02};
        assertArrayEquals(adamByHand(lr, 0.0, false), run(p -> new Adam(p, 0.9, 0.999, 1e-8, 0.0, false), lr), 1e-5f);
        assertArrayEquals(adamByHand(lr, 0.1, false), run(p -> new Adam(p, 0.9, 0.999, 1e-8, 0.1, false), lr), 1e-5f);
    }

    @Test
    void adamWDecouplesDecay() {
        double[] lr = {0.1, 0.05, 0.02};
        assertArrayEquals(adamByHand(lr, 0.1, true), run(p -> new Adam(p, 0.9, 0.999, 1e-8, 0.1, true), lr), 1e-5f);
    }

    @Test
    void sgdMomentumFollowsPyTorch() {
        double[] lr = {0.1, 0.05, 0.02};
        double mom = 0.9;
        double wd = 0.01;
        double[] w = {W0[0], W0[1]};
        double[] buf = new double[2];
        for (int t = 0; t < X.length; t++) {
            for (int i = 0; i < 2; i++) {
                double g = X[t][i] + wd * w[i];
                buf[i] = mom * buf[i] + g;
                w[i] -= lr[t] * buf[i];
            }
        }
        assertArrayEquals(new float[] {(float) w[0], (float) w[1]}, run(p -> new Sgd(p, mom, wd), lr), 1e-5f);
    }
}
