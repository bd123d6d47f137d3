package org.hpacell.train.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class LossesTest {
    private static final float[] X = {0f, 2f, -1f, 3.5f, -4f, 0.25f};
    private static final float[] Y = {1f, 0f, 1f, 1f, 0f, 0.5f};

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** -[y ln p + (1 - y) ln(1 - p)], written from the definition, not the stable form. */
    private static double bce(double x, double y) {
        double p = sigmoid(x);
        return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
    }

    private static double compute(ClassificationLoss loss) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(X).reshape(2, 3);
            NDArray y = m.create(Y).reshape(2, 3);
            return loss.compute(x, y).getFloat();
        }
    }

    @Test
    void bceMatchesDefinition() {
        double want = 0;
        for (int i = 0; i < X.length; i++) {
            want += bce(X[i], Y[i]);
        }
        assertEquals(want / X.length, compute(new BinaryCrossEntropy()), 1e-6);
    }

    @Test
    void focalMatchesDefinition() {
        for (double gamma : new double[] {0, 2, 1.5}) {
            double want = 0;
            for (int i = 0; i < X.length; i++) {
                double p = sigmoid(X[i]);
                double pt = p * Y[i] + (1 - p) * (1 - Y[i]);
                want += bce(X[i], Y[i]) * Math.pow(1 - pt, gamma);
            }
            assertEquals(want / X.length, compute(new FocalLoss(gamma, -1)), 1e-6, "gamma " + gamma);
        }
    }

    @Test
    void focalAlphaWeighsPositives() {
        double alpha = 0.25;
        double want = 0;
        for (int i = 0; i < X.length; i++) {
            double p = sigmoid(X[i]);
            double pt = p * Y[i] + (1 - p) * (1 - Y[i]);
            double at = alpha * Y[i] + (1 - alpha) * (1 - Y[i]);
            want += at * bce(X[i], Y[i]) * Math.pow(1 - pt, 2);
        }
        assertEquals(want / X.length, compute(new FocalLoss(2, alpha)), 1e-6);
    }

    @Test
    void focalWithGammaZeroIsBce() {
        assertEquals(compute(new BinaryCrossEntropy()), compute(new FocalLoss(0, -1)), 1e-7);
    }
}
