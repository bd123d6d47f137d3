package org.hpacell.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.junit.jupiter.api.Test;

/** Per-image quantile scaling shows an image at the same values whatever its exposure. */
class NormalizationTest {
    private static FieldImage field(String id, float gain, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] ch = new float[Channel.COUNT][64 * 64];
        for (float[] c : ch) {
            for (int i = 0; i < c.length; i++) {
                c[i] = Math.round(gain * 100 * r.nextDouble());
            }
        }
        return new FieldImage(id, 64, 64, 16, ch);
    }

    @Test
    void theQuantileIsTheHistogramsAndTheScaleItsReciprocal() {
        float[] v = new float[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i; // 0..999
        }
        assertEquals(989, Normalization.quantile(v, 65535, 0.99));
        assertEquals(0, Normalization.quantile(new float[10], 255, 0.999));
        Normalization bitDepth = new Normalization(new float[4], new float[] {1, 1, 1, 1});
        FieldImage f = field("a", 1, 1);
        assertEquals(1f / 65535, bitDepth.scale(f, Channel.GREEN));
        Normalization q = new Normalization(new float[4], new float[] {1, 1, 1, 1}, 0.5);
        assertEquals(1f / Normalization.quantile(f.channel(Channel.GREEN), 65535, 0.5), q.scale(f, Channel.GREEN));
        // an empty channel keeps the bit-depth scale instead of dividing by zero
        FieldImage empty = new FieldImage("e", 4, 4, 8, new float[4][16]);
        assertEquals(1f / 255, q.scale(empty, Channel.RED));
        assertThrows(IllegalArgumentException.class, () -> new Normalization(new float[4], new float[4], 1));
    }

    @Test
    void aTenTimesBrighterExposureIsPreparedAsTheSameImage() throws Exception {
        FieldImage dim = field("f", 1, 7);
        FieldImage bright = field("f", 10, 7);
        List<FieldSample> both = List.of(new InMemorySample(dim, LabelSet.EMPTY), new InMemorySample(bright, LabelSet.EMPTY));
        Normalization n = Normalization.measure(both, 2, 0.999);
        assertEquals(0.999, n.imageQuantile());
        Augmenter a = new Augmenter(org.hpacell.train.config.AugmentConfig.none(), n, 32);
        float[] pd = a.prepare(both.get(0), new SplittableRandom(1)).pixels();
        float[] pb = a.prepare(both.get(1), new SplittableRandom(1)).pixels();
        assertArrayEquals(pd, pb, 0.05f);
        // without it the two differ ten-fold
        Augmenter plain = new Augmenter(org.hpacell.train.config.AugmentConfig.none(),
                new Normalization(new float[4], new float[] {1, 1, 1, 1}), 32);
        float[] qd = plain.prepare(both.get(0), new SplittableRandom(1)).pixels();
        float[] qb = plain.prepare(both.get(1), new SplittableRandom(1)).pixels();
        assertEquals(10 * qd[100], qb[100], 1e-3f);
    }
}
