package org.hpacell.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GaussianBlurTest {
    /** Blurs a unit impulse and returns its second moment along x. */
    private static double varianceOfBlurredImpulse(double sigma, int n) {
        float[] img = new float[n * n];
        img[(n / 2) * n + n / 2] = 1;
        GaussianBlur.apply(img, n, n, sigma);
        double sum = 0, m2 = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double v = img[y * n + x];
                sum += v;
                m2 += v * (x - n / 2) * (x - n / 2);
            }
        }
        assertEquals(1.0, sum, 1e-4, "blur keeps the total");
        return m2 / sum;
    }

    @Test
    void exactAndBoxBlursHaveTheRequestedVariance() {
        for (double sigma : new double[] {0.8, 1.5, 2.2, 4.0, 7.5}) {
            double v = varianceOfBlurredImpulse(sigma, 81);
            assertEquals(sigma * sigma, v, 0.12 * sigma * sigma, "sigma " + sigma);
        }
    }

    @Test
    void tinySigmaLeavesTheImageAlone() {
        float[] img = {0, 1, 0, 0};
        GaussianBlur.apply(img, 2, 2, 0.2);
        assertEquals(1f, img[1]);
    }
}
