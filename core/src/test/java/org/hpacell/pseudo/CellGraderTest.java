package org.hpacell.pseudo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hpacell.atlas.LabelSet;
import org.hpacell.image.LabelImage;
import org.junit.jupiter.api.Test;

class CellGraderTest {
    private static final int SIDE = 10;

    /**
     * A field of 10x10 cells side by side, cell ids {@code ids} (column block i holds ids[i]), and a map for
     * class {@code k} that is 0.5 on the first {@code round(cover[i] * 100)} pixels (row-major) of cell i.
     */
    private static LabelImage cells(int... ids) {
        int w = SIDE * ids.length;
        int[] a = new int[w * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < w; x++) {
                a[y * w + x] = ids[x / SIDE];
            }
        }
        return new LabelImage(w, SIDE, a);
    }

    private static ClassMaps maps(int k, double... cover) {
        return ClassMaps.of(SIDE * cover.length, SIDE, perClass(k, cover));
    }

    private static float[][] perClass(int k, double... cover) {
        int w = SIDE * cover.length;
        float[] m = new float[w * SIDE];
        for (int c = 0; c < cover.length; c++) {
            int n = (int) Math.round(cover[c] * SIDE * SIDE);
            for (int j = 0; j < n; j++) {
                m[(j / SIDE) * w + c * SIDE + j % SIDE] = 0.5f;
            }
        }
        float[][] all = new float[19][];
        all[k] = m;
        return all;
    }

    private static Grade[] gradesOf(CellPseudoLabels labels, int k) {
        Grade[] g = new Grade[labels.size()];
        for (int r = 0; r < g.length; r++) {
            g[r] = labels.grade(r, k);
        }
        return g;
    }

    private final CellGrader grader = new CellGrader(PseudoLabelConfig.defaults());

    @Test
    void coverageCountsOnlyTheCellsOwnPixelsAtOrAboveTheThreshold() {
        float[][] all = perClass(4, 1.0, 0.37, 0.0);
        all[4][5] = 0.225f;       // inside cell 1, already counted
        all[4][SIDE * 3 * SIDE - 1] = 0.2249f; // last pixel of cell 3: below the threshold
        ClassMaps m = ClassMaps.of(SIDE * 3, SIDE, all);
        CellCoverage cov = CellCoverage.measure(m, cells(1, 2, 3), LabelSet.of(4), 0.225f);
        assertEquals(1f, cov.coverage(0, 4));
        assertEquals(0.37f, cov.coverage(1, 4), 1e-6f);
        assertEquals(0f, cov.coverage(2, 4));
        assertEquals(1f, cov.best(4));
    }

    @Test
    void fiveLevelsFromRelativeEvidence() {
        // coverage 1.0 0.7 0.5 0.2 0.03 -> relative 1, 0.7, 0.5, 0.2, 0.03 (below min coverage 0.05)
        CellPseudoLabels g = grader.grade("f", maps(7, 1.0, 0.7, 0.5, 0.2, 0.03), cells(1, 2, 3, 4, 5), LabelSet.of(7));
        assertArrayEquals(new Grade[] {Grade.FULL, Grade.STRONG, Grade.MEDIUM, Grade.WEAK, Grade.NONE}, gradesOf(g, 7));
        assertArrayEquals(new float[] {0f, 0f, 0f, 0f, 0f, 0f, 0f, 0.75f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f},
                g.targets(1));
    }

    @Test
    void gradesRankWithinTheFieldNotByAbsoluteCoverage() {
        // the same pattern at half the coverage grades alike: the best cell of the field is FULL
        CellPseudoLabels half = grader.grade("f", maps(7, 0.5, 0.35, 0.25, 0.1), cells(1, 2, 3, 4), LabelSet.of(7));
        assertArrayEquals(new Grade[] {Grade.FULL, Grade.STRONG, Grade.MEDIUM, Grade.WEAK}, gradesOf(half, 7));
        // a homogeneous field is FULL everywhere, however small the structure
        CellPseudoLabels even = grader.grade("f", maps(12, 0.08, 0.08, 0.08), cells(1, 2, 3), LabelSet.of(12));
        assertArrayEquals(new Grade[] {Grade.FULL, Grade.FULL, Grade.FULL}, gradesOf(even, 12));
    }

    @Test
    void levelBoundariesAreInclusive() {
        assertEquals(Grade.FULL, grader.level(0.8f, 1f));
        assertEquals(Grade.STRONG, grader.level(Math.nextDown(0.8f), 1f));
        assertEquals(Grade.STRONG, grader.level(0.6f, 1f));
        assertEquals(Grade.MEDIUM, grader.level(Math.nextDown(0.6f), 1f));
        assertEquals(Grade.MEDIUM, grader.level(0.4f, 1f));
        assertEquals(Grade.WEAK, grader.level(Math.nextDown(0.4f), 1f));
        assertEquals(Grade.WEAK, grader.level(0.05f, 1f));
        assertEquals(Grade.NONE, grader.level(Math.nextDown(0.05f), 1f));
        assertEquals(Grade.NONE, grader.level(0f, 0f));
        CellGrader custom = new CellGrader(PseudoLabelConfig.defaults().withCuts(0.9f, 0.5f, 0.1f).withMinCoverage(0f));
        assertEquals(Grade.STRONG, custom.level(0.8f, 1f));
        assertEquals(Grade.WEAK, custom.level(0.01f, 1f));
    }

    @Test
    void classesOutsideTheImageLabelsAreNoneAndIdsNeedNotBeConsecutive() {
        CellPseudoLabels g = grader.grade("f", maps(3, 1.0, 1.0), cells(4, 9), LabelSet.of(0));
        assertEquals(2, g.size());
        assertEquals(4, g.cellId(0));
        assertEquals(9, g.cellId(1));
        assertEquals(1, g.rowOf(9));
        assertEquals(-1, g.rowOf(5));
        for (int r = 0; r < 2; r++) {
            assertArrayEquals(new float[19], g.targets(r));
        }
    }

    @Test
    void mapsAndCellsMustAgreeInSize() {
        assertThrows(IllegalArgumentException.class,
                () -> grader.grade("f", maps(0, 1.0, 1.0), cells(1, 2, 3), LabelSet.of(0)));
    }
}
