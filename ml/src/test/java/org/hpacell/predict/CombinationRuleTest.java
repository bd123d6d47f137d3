package org.hpacell.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CombinationRuleTest {

    private static float[] vec(float... head) {
        float[] v = new float[19];
        System.arraycopy(head, 0, v, 0, head.length);
        return v;
    }

    private static final CellScores CELLS = new CellScores("f", new int[] {2, 5},
            new float[][] {vec(0.5f, 1f, 0f), vec(0.2f, 0.4f, 1f)});
    private static final float[] IMAGE = vec(0.8f, 0.5f, 0.1f);

    @Test
    void productIsTheDefaultAndMultiplies() {
        CellScores out = CombinationRule.DEFAULT.apply(IMAGE, CELLS);
        assertArrayEquals(vec(0.4f, 0.5f, 0f), out.scores(0), 1e-6f);
        assertArrayEquals(vec(0.16f, 0.2f, 0.1f), out.scores(1), 1e-6f);
        assertEquals(5, out.cellId(1));
        assertEquals("f", out.fieldId());
    }

    @Test
    void blendWeighsImageAndCell() {
        CellScores out = new CombinationRule.Blend(0.25f).apply(IMAGE, CELLS);
        // 0.25 * 0.8 + 0.75 * 0.5 = 0.575; 0.25 * 0.1 + 0.75 * 1 = 0.775
        assertEquals(0.575f, out.score(0, 0), 1e-6f);
        assertEquals(0.775f, out.score(1, 2), 1e-6f);
        assertArrayEquals(CELLS.scores(1), new CombinationRule.Blend(0f).apply(IMAGE, CELLS).scores(1), 0f);
        assertArrayEquals(IMAGE, new CombinationRule.Blend(1f).apply(IMAGE, CELLS).scores(0), 0f);
        assertThrows(IllegalArgumentException.class, () -> new CombinationRule.Blend(1.5f));
    }

    @Test
    void singleSourceRules() {
        assertArrayEquals(CELLS.scores(0), new CombinationRule.CellOnly().apply(IMAGE, CELLS).scores(0), 0f);
        assertArrayEquals(IMAGE, new CombinationRule.ImageOnly().apply(IMAGE, CELLS).scores(1), 0f);
    }

    @Test
    void namesParseBack() {
        for (CombinationRule r : List.of(new CombinationRule.Product(), new CombinationRule.Blend(0.3f),
                new CombinationRule.CellOnly(), new CombinationRule.ImageOnly())) {
            assertEquals(r, CombinationRule.parse(r.name()));
        }
        assertThrows(IllegalArgumentException.class, () -> CombinationRule.parse("max"));
        assertThrows(IllegalArgumentException.class, () -> CombinationRule.parse("blend:x"));
        assertThrows(IllegalArgumentException.class, () -> CombinationRule.DEFAULT.apply(new float[3], CELLS));
    }

    @Test
    void ensembleIsTheMeanOfItsMembers() {
        CellScores other = new CellScores("f", new int[] {2, 5}, new float[][] {vec(1f, 0f, 0f), vec(0f, 0f, 0f)});
        CellScores mean = CellScores.mean(List.of(CELLS, other));
        assertArrayEquals(vec(0.75f, 0.5f, 0f), mean.scores(0), 1e-6f);
        assertArrayEquals(vec(0.1f, 0.2f, 0.5f), mean.scores(1), 1e-6f);
        CellScores otherCells = new CellScores("f", new int[] {2, 6}, new float[2][19]);
        assertThrows(IllegalArgumentException.class, () -> CellScores.mean(List.of(CELLS, otherCells)));
        CellScores otherField = new CellScores("g", new int[] {2, 5}, new float[2][19]);
        assertThrows(IllegalArgumentException.class, () -> CellScores.mean(List.of(CELLS, otherField)));
        assertThrows(IllegalArgumentException.class, () -> CellScores.mean(List.of()));
    }
}
