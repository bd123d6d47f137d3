package org.hpacell.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.FieldImage;
import org.hpacell.train.data.FieldSample;
import org.hpacell.train.data.InMemorySample;

/**
 * Small learnable fields for engine tests: each field carries 1-2 of five classes, each class drawing
 * its own pattern into the green channel (discs, dots, lines, rings, a faint fill) over noise; the
 * other channels hold noise and a nucleus-like blob. Patterns survive flips and quarter turns.
 */
final class PatternFields {
    static final int[] CLASSES = {0, 2, 5, 14, 16};

    private PatternFields() {
    }

    static List<FieldSample> make(int count, int size, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<FieldSample> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int a = rng.nextInt(CLASSES.length);
            int b = rng.nextDouble() < 0.4 ? rng.nextInt(CLASSES.length) : a;
            float[][] ch = new float[4][size * size];
            for (int c = 0; c < 4; c++) {
                for (int p = 0; p < size * size; p++) {
                    ch[c][p] = (float) (20 + 15 * rng.nextDouble());
                }
            }
            draw(ch[1], size, a, rng);
            if (b != a) {
                draw(ch[1], size, b, rng);
            }
            disc(ch[2], size, size / 2.0, size / 2.0, size / 5.0, 150);
            out.add(new InMemorySample(new FieldImage(String.format("f%04d", i), size, size, 8, ch),
                    b == a ? LabelSet.of(CLASSES[a]) : LabelSet.of(CLASSES[a], CLASSES[b])));
        }
        return out;
    }

    private static void draw(float[] g, int size, int k, SplittableRandom rng) {
        switch (k) {
            case 0 -> disc(g, size, size * (0.3 + 0.4 * rng.nextDouble()), size * (0.3 + 0.4 * rng.nextDouble()),
                    size / 5.0, 200);
            case 1 -> {
                for (int d = 0; d < 12; d++) {
                    disc(g, size, rng.nextDouble() * size, rng.nextDouble() * size, 1.2, 220);
                }
            }
            case 2 -> {
                int y = rng.nextInt(size);
                int x = rng.nextInt(size);
                for (int t = 0; t < size; t++) {
                    g[y * size + t] = 230;
                    g[t * size + x] = 230;
                }
            }
            case 3 -> {
                double cx = size * (0.3 + 0.4 * rng.nextDouble());
                double cy = size * (0.3 + 0.4 * rng.nextDouble());
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        double r = Math.hypot(x - cx, y - cy);
                        if (Math.abs(r - size / 4.0) < 1.2) {
                            g[y * size + x] = 210;
                        }
                    }
                }
            }
            default -> {
                for (int p = 0; p < g.length; p++) {
                    g[p] += 45;
                }
            }
        }
    }

    private static void disc(float[] g, int size, double cx, double cy, double r, float v) {
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= r) {
                    g[y * size + x] = Math.max(g[y * size + x], v);
                }
            }
        }
    }
}
