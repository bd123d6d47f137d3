package org.hpacell.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;
import org.hpacell.image.Channel;
import org.hpacell.image.LabelObject;
import org.junit.jupiter.api.Test;

class FieldGeneratorTest {
    private static final int NUCLEAR = 0b111111;

    @Test
    void aFieldIsAPureFunctionOfSeedAndIndex() {
        FieldGenerator a = new FieldGenerator(SynthParams.defaults(9, 3, 96, 16));
        FieldGenerator b = new FieldGenerator(SynthParams.defaults(9, 3, 96, 16));
        SyntheticField f1 = a.generate(2), f2 = b.generate(2);
        for (Channel c : Channel.values()) {
            assertArrayEquals(f1.image().channel(c), f2.image().channel(c), c.suffix());
        }
        assertArrayEquals(f1.cells().array(), f2.cells().array());
        assertArrayEquals(f1.nuclei().array(), f2.nuclei().array());
        assertEquals(f1.cellLabels(), f2.cellLabels());
        assertFalse(java.util.Arrays.equals(f1.image().channel(Channel.BLUE), a.generate(1).image().channel(Channel.BLUE)));
    }

    @Test
    void cellsNucleiAndLabelsAreConsistent() {
        FieldGenerator gen = new FieldGenerator(SynthParams.defaults(5, 40, 128, 16));
        for (int i = 0; i < 40; i++) {
            SyntheticField f = gen.generate(i);
            int n = f.cellCount();
            assertTrue(n >= 1, "field " + i + " has cells");
            List<LabelObject> objects = f.cells().objects();
            assertEquals(n, objects.size());
            for (int k = 0; k < n; k++) {
                assertEquals(k + 1, objects.get(k).id(), "cell ids run 1..n");
            }
            int[] cells = f.cells().array(), nuclei = f.nuclei().array();
            for (int p = 0; p < cells.length; p++) {
                if (nuclei[p] != 0) {
                    assertEquals(cells[p], nuclei[p], "a nucleus lies in its own cell");
                }
            }
            for (int id = 1; id <= n; id++) {
                LabelSet s = f.labelsOf(id);
                assertTrue(s.size() >= 1 && s.size() <= 3, "1-3 classes per cell: " + s);
                if (s.contains(Location.NEGATIVE)) {
                    assertEquals(1, s.size(), "Negative stands alone");
                }
                if (f.isMitotic(id)) {
                    assertEquals(0, s.bits() & NUCLEAR, "mitotic cells have no nuclear class: " + s);
                } else {
                    assertFalse(s.contains(Location.MITOTIC_SPINDLE), "spindle only in mitosis");
                }
            }
            assertEquals(SyntheticField.imageLabels(f.cellLabels()), f.imageLabels());
        }
    }

    @Test
    void imageLabelsAreTheUnionWithNegativeOnlyAlone() {
        LabelSet neg = LabelSet.of(18);
        assertEquals(LabelSet.of(0, 16), SyntheticField.imageLabels(List.of(LabelSet.of(0), neg, LabelSet.of(16))));
        assertEquals(neg, SyntheticField.imageLabels(List.of(neg, neg)));
        assertEquals(LabelSet.of(2, 3, 7), SyntheticField.imageLabels(List.of(LabelSet.of(2, 3), LabelSet.of(7))));
    }

    @Test
    void cellCountAndSizeFollowTheFieldSize() {
        SynthParams small = SynthParams.defaults(3, 1, 256, 16);
        SynthParams large = SynthParams.defaults(3, 1, 1024, 16);
        CellLayout ls = new CellLayout(small), ll = new CellLayout(large);
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int k = 0; k < 50; k++) {
            int ns = ls.drawCount(r), nl = ll.drawCount(r);
            assertTrue(ns >= 4 && ns <= 14, "256 px: " + ns);
            assertTrue(nl >= 7 && nl <= 28, "1024 px: " + nl);
        }
    }

    @Test
    void defaultDataIsDarkAndSparseLikeReal16BitHpa() {
        SyntheticField f = new FieldGenerator(SynthParams.defaults(11, 1, 256, 16)).generate(0);
        float[] g = f.image().channel(Channel.GREEN);
        int[] cells = f.cells().array();
        int outside = 0, zeros = 0, inside = 0;
        double[] in = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            if (cells[i] == 0) {
                outside++;
                if (g[i] == 0) zeros++;
            } else {
                in[inside++] = g[i];
            }
        }
        double[] sorted = java.util.Arrays.copyOf(in, inside);
        java.util.Arrays.sort(sorted);
        double median = sorted[inside / 2];
        // The real 2048 px sample (hpa-sample) has 65% zero pixels and cell medians of a few hundred.
        assertTrue(outside == 0 || zeros > 0.3 * outside, "background mostly 0: " + zeros + "/" + outside);
        assertTrue(median < 0.05 * 65535, "cells are dark: median " + median);
        assertTrue(sorted[inside - 1] > 4 * median, "bright structures stand out: max " + sorted[inside - 1]);
    }

    @Test
    void weakSupervisionIsRealAtTheDefaultDifficulty() {
        FieldGenerator gen = new FieldGenerator(SynthParams.defaults(21, 60, 128, 16));
        SynthSummary s = new SynthSummary();
        for (int i = 0; i < 60; i++) {
            s.add(gen.generate(i));
        }
        assertTrue(s.differingShare() > 0.25 && s.differingShare() < 0.8,
                "share of cells whose labels differ from the image's: " + s.differingShare());
    }
}
