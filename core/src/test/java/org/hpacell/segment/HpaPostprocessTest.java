package org.hpacell.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.hpacell.image.LabelImage;
import org.junit.jupiter.api.Test;

/** The original's quirks, the ids above 255 and the 1/4-scale variant. */
class HpaPostprocessTest {
    private static final int SIZE = 120;

    /** A disk of value {@code v} (radius r, centre of the image) in an otherwise zero channel. */
    private static int[] disk(int r, int v) {
        int[] a = new int[SIZE * SIZE];
        int c = SIZE / 2;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if ((x - c) * (x - c) + (y - c) * (y - c) <= r * r) {
                    a[y * SIZE + x] = v;
                }
            }
        }
        return a;
    }

    private static HpaPrediction pred(int[] border, int[] fg) {
        return new HpaPrediction(SIZE, SIZE, border, fg);
    }

    @Test
    void oneCellWithItsNucleus() {
        HpaPrediction nuc = pred(new int[SIZE * SIZE], disk(30, 255));
        HpaPrediction cell = pred(new int[SIZE * SIZE], disk(50, 230));
        HpaPostprocess.Result r = HpaPostprocess.full().run(nuc, cell, true);
        assertEquals(1, r.cellsAndNuclei().cells().objects().size());
        assertEquals(1, r.cellsAndNuclei().nuclei().objects().size());
        assertEquals(1, r.nucleiOnly().objects().size());
        int id = r.cellsAndNuclei().cells().get(60, 60);
        assertEquals(id, r.cellsAndNuclei().nuclei().get(60, 60), "the nucleus carries its cell's id");
    }

    @Test
    void greenChannelsAreAddedInUint8AndWrap() {
        // 128 + 128 wraps to 0: no border, the nucleus seeds; 127 + 127 = 254 is border: no seed, no cell
        HpaPrediction cell = pred(disk(30, 128), disk(50, 230));
        assertEquals(1, HpaPostprocess.full().labelCell(pred(disk(30, 128), disk(30, 255)), cell).cells().objects().size());
        HpaPrediction cell2 = pred(disk(30, 127), disk(50, 230));
        assertEquals(0, HpaPostprocess.full().labelCell(pred(disk(30, 127), disk(30, 255)), cell2).cells().objects().size());
    }

    @Test
    void labelNucleiThresholdsMeanGreaterThanZero() {
        // foreground 1 of 255 is a nucleus for label_nuclei, but not for label_cell (which divides by 255)
        HpaPrediction faint = pred(new int[SIZE * SIZE], disk(30, 1));
        assertEquals(1, HpaPostprocess.full().labelNuclei(faint).objects().size());
        HpaPrediction cell = pred(new int[SIZE * SIZE], disk(50, 230));
        assertEquals(0, HpaPostprocess.full().labelCell(faint, cell).cells().objects().size());
    }

    @Test
    void sizeCutOffsAreStrict() {
        // a nucleus disk of radius 28 has 2453 px (< 2500): no nucleus, so no cell either
        HpaPrediction nuc = pred(new int[SIZE * SIZE], disk(28, 255));
        assertEquals(0, HpaPostprocess.full().labelNuclei(nuc).objects().size());
    }

    @Test
    void fieldsWithMoreThan255CellsKeepEveryCell() {
        SyntheticPredictions s = SyntheticPredictions.render(640, 420, 0.28, 9);
        HpaSizes small = new HpaSizes(80, 30, 8, 120, 250, 2);
        Segmentation seg = HpaPostprocess.of(small, false).labelCell(s.nuclei, s.cells);
        int cells = seg.cells().objects().size();
        assertTrue(cells > 255, "only " + cells + " cells");
        assertEquals(cells, seg.cells().maxLabel(), "ids are 1..n");
        Set<Integer> nucleusIds = new HashSet<>();
        for (int i = 0; i < seg.nuclei().array().length; i++) {
            int n = seg.nuclei().array()[i];
            if (n != 0) {
                assertEquals(seg.cells().array()[i], n);
                nucleusIds.add(n);
            }
        }
        assertTrue(nucleusIds.size() > 255, "nuclei carry ids above 255");
    }

    @Test
    void quarterScaleGivesFullSizeLabelsCloseToTheFullResult() {
        SyntheticPredictions s = SyntheticPredictions.render(512, 12, 0.25 * 4, 3);
        Segmentation full = HpaPostprocess.full().labelCell(s.nuclei, s.cells);
        Segmentation quarter = HpaPostprocess.quarter().labelCell(s.nuclei, s.cells);
        assertEquals(512, quarter.cells().width());
        assertEquals(full.cells().objects().size(), quarter.cells().objects().size());
        // measured 0.86 on this field: the 1/4-scale variant is an approximation (edges move by up to 4 px)
        assertTrue(foregroundIoU(full.cells(), quarter.cells()) > 0.8);
    }

    @Test
    void rejectsPredictionsOfDifferentSizes() {
        HpaPrediction a = new HpaPrediction(4, 4, new int[16], new int[16]);
        HpaPrediction b = new HpaPrediction(4, 2, new int[8], new int[8]);
        assertThrows(IllegalArgumentException.class, () -> HpaPostprocess.full().labelCell(a, b));
        assertThrows(IllegalArgumentException.class, () -> new HpaPrediction(1, 1, new int[] {256}, new int[1]));
    }

    private static double foregroundIoU(LabelImage a, LabelImage b) {
        int inter = 0;
        int union = 0;
        for (int i = 0; i < a.array().length; i++) {
            boolean x = a.array()[i] != 0;
            boolean y = b.array()[i] != 0;
            if (x && y) inter++;
            if (x || y) union++;
        }
        return union == 0 ? 1 : (double) inter / union;
    }
}
