package org.hpacell.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.FieldImage;
import org.hpacell.train.config.AugmentConfig;
import org.hpacell.train.config.SamplerConfig;
import org.junit.jupiter.api.Test;

class DataOrderTest {
    private static List<LabelSet> labels() {
        List<LabelSet> l = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            l.add(i % 5 == 0 ? LabelSet.of(3) : LabelSet.of(0));   // class 0 alone: most frequent
        }
        return l;
    }

    @Test
    void orderIsAFunctionOfSeedAndEpoch() {
        SamplerConfig c = new SamplerConfig();
        EpochOrder a = new EpochOrder(labels(), c, 5);
        EpochOrder b = new EpochOrder(labels(), c, 5);
        assertArrayEquals(a.order(3), b.order(3));
        assertFalse(Arrays.equals(a.order(0), a.order(1)));
        assertFalse(Arrays.equals(a.order(0), new EpochOrder(labels(), c, 6).order(0)));
        int[] sorted = a.order(2).clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);   // a permutation
        }
    }

    @Test
    void classBalancedSamplingEvensOutClasses() {
        SamplerConfig c = new SamplerConfig();
        c.classBalanced = true;
        c.epochSize = 20000;
        int[] order = new EpochOrder(labels(), c, 1).order(0);
        long rare = Arrays.stream(order).filter(i -> i % 5 == 0).count();
        // 10 rare fields of weight 1/10 against 40 of weight 1/40: half the draws each
        assertEquals(0.5, rare / (double) order.length, 0.02);
    }

    @Test
    void dropMostFrequentLeavesOutOnlyThoseFields() {
        SamplerConfig c = new SamplerConfig();
        c.dropMostFrequent = 0.5;
        EpochOrder e = new EpochOrder(labels(), c, 1);
        assertEquals(0, e.mostFrequentClass());
        int[] order = e.order(0);
        long rare = Arrays.stream(order).filter(i -> i % 5 == 0).count();
        assertEquals(10, rare);
        long common = order.length - rare;
        assertTrue(common > 8 && common < 32, "kept " + common + " of 40");
    }

    @Test
    void batchesDoNotDependOnThreadCount() throws IOException {
        List<FieldSample> samples = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            float[][] ch = new float[4][20 * 16];
            for (int c = 0; c < 4; c++) {
                for (int p = 0; p < ch[c].length; p++) {
                    ch[c][p] = (p * (c + 3) + i * 7) % 256;
                }
            }
            samples.add(new InMemorySample(new FieldImage("f" + i, 20, 16, 8, ch), LabelSet.of(i % 19)));
        }
        Normalization norm = Normalization.measure(samples, 4);
        Augmenter aug = new Augmenter(new AugmentConfig(), norm, 12);
        int[] order = new EpochOrder(samples.stream().map(FieldSample::labels).toList(), new SamplerConfig(), 9).order(2);
        List<float[]> one = collect(samples, aug, order, 1);
        List<float[]> three = collect(samples, aug, order, 3);
        assertEquals(one.size(), three.size());
        for (int i = 0; i < one.size(); i++) {
            assertArrayEquals(one.get(i), three.get(i));
        }
    }

    private static List<float[]> collect(List<FieldSample> samples, Augmenter aug, int[] order, int threads) {
        List<float[]> out = new ArrayList<>();
        try (StreamingLoader<PreparedSample> loader = StreamingLoader.of(samples, aug, threads, 2, 77)) {
            Iterator<List<PreparedSample>> it = loader.epoch(order, 5, true, 2, 0);
            while (it.hasNext()) {
                it.next().forEach(p -> out.add(p.pixels()));
            }
        }
        assertEquals(10, out.size());   // 12 fields, batch 5, last incomplete batch dropped
        return out;
    }
}
