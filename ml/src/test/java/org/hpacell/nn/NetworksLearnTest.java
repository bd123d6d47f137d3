package org.hpacell.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.hpacell.nn.unet.UNet;
import org.hpacell.nn.unet.UNets;
import org.junit.jupiter.api.Test;

/** The networks train: a few dozen Adam steps solve small synthetic tasks on fields they did not see. */
class NetworksLearnTest {
    private static final int SIZE = 32;

    /** Images whose channel k holds a bright 8x8 square exactly when label k is set; noise elsewhere. */
    private static float[][] squares(Random r, int n, float[] labels) {
        float[] x = new float[n * 4 * SIZE * SIZE];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * r.nextGaussian());
        }
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < 4; k++) {
                boolean on = r.nextBoolean();
                labels[s * 4 + k] = on ? 1 : 0;
                if (on) {
                    int y0 = r.nextInt(SIZE - 8);
                    int x0 = r.nextInt(SIZE - 8);
                    for (int y = y0; y < y0 + 8; y++) {
                        for (int xx = x0; xx < x0 + 8; xx++) {
                            x[((s * 4 + k) * SIZE + y) * SIZE + xx] += 1.5f;
                        }
                    }
                }
            }
        }
        return new float[][] {x};
    }

    @Test
    void smallClassifierLearnsWhichChannelsHoldASquare() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(1);
            EncoderClassifier net = Architectures.create("small", 4, 4);
            net.initialize(m, DataType.FLOAT32, new Shape(16, 4, SIZE, SIZE));
            Random r = new Random(5);
            try (AdamLoop loop = new AdamLoop(net, m, 0.003f)) {
                for (int step = 0; step < 80; step++) {
                    try (NDManager s = m.newSubManager()) {
                        float[] y = new float[16 * 4];
                        NDArray x = s.create(squares(r, 16, y)[0], new Shape(16, 4, SIZE, SIZE));
                        loop.step(x, s.create(y, new Shape(16, 4)), out -> out.get(0));
                    }
                }
                float[] y = new float[64 * 4];
                NDArray x = m.create(squares(new Random(99), 64, y)[0], new Shape(64, 4, SIZE, SIZE));
                float[] logits = loop.predict(x, out -> out.get(0)).toFloatArray();
                int correct = 0;
                for (int i = 0; i < y.length; i++) {
                    correct += (logits[i] > 0) == (y[i] > 0.5f) ? 1 : 0;
                }
                double accuracy = correct / (double) y.length;
                System.out.println("small classifier: held-out label accuracy " + accuracy);
                // labels are fair coin flips: chance is 0.5
                assertTrue(accuracy > 0.85, "held-out label accuracy " + accuracy);
            }
        }
    }

    /** Fields of noise with bright discs; the target is the disc foreground. */
    private static void discs(Random r, int n, float[] x, float[] mask) {
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * r.nextGaussian());
        }
        for (int s = 0; s < n; s++) {
            for (int d = 0; d < 3; d++) {
                int cy = r.nextInt(SIZE);
                int cx = r.nextInt(SIZE);
                int rad = 3 + r.nextInt(4);
                for (int y = 0; y < SIZE; y++) {
                    for (int xx = 0; xx < SIZE; xx++) {
                        int i = (s * SIZE + y) * SIZE + xx;
                        if ((y - cy) * (y - cy) + (xx - cx) * (xx - cx) <= rad * rad && mask[i] == 0) {
                            mask[i] = 1;
                            x[i] += 1f;
                        }
                    }
                }
            }
        }
    }

    @Test
    void segmentationUNetLearnsForegroundOnUnseenFields() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(2);
            UNet net = UNets.segmentation(1, 8, 3);
            net.initialize(m, DataType.FLOAT32, new Shape(8, 1, SIZE, SIZE));
            Random r = new Random(7);
            NDIndex foreground = new NDIndex(":, 2");
            try (AdamLoop loop = new AdamLoop(net, m, 0.01f)) {
                for (int step = 0; step < 60; step++) {
                    try (NDManager s = m.newSubManager()) {
                        float[] x = new float[8 * SIZE * SIZE];
                        float[] mask = new float[x.length];
                        discs(r, 8, x, mask);
                        loop.step(s.create(x, new Shape(8, 1, SIZE, SIZE)), s.create(mask, new Shape(8, SIZE, SIZE)),
                                out -> out.get(0).get(foreground));
                    }
                }
                float[] x = new float[16 * SIZE * SIZE];
                float[] mask = new float[x.length];
                discs(new Random(123), 16, x, mask);
                float[] logits = loop.predict(m.create(x, new Shape(16, 1, SIZE, SIZE)), out -> out.get(0).get(foreground)).toFloatArray();
                long inter = 0;
                long union = 0;
                for (int i = 0; i < mask.length; i++) {
                    boolean p = logits[i] > 0;
                    boolean t = mask[i] > 0;
                    inter += p && t ? 1 : 0;
                    union += p || t ? 1 : 0;
                }
                double iou = inter / (double) union;
                System.out.println("segmentation U-Net: held-out foreground IoU " + iou);
                assertTrue(iou > 0.8, "held-out foreground IoU " + iou);
            }
        }
    }
}
