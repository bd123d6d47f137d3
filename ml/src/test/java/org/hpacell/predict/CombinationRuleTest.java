package org.hpacell.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hpacell.cam.cell.CellScores;
import org.junit.jupiter.api.Test;

class CombinationRuleTest {

    private static float[] vec(float... head) {
        float[] v = new float[19];
        System.arraycopy(head, 0, v, 0, head.length);
        return v;
    }

    private static final List<CellScores> CELLS = List.of(new CellScores(2, vec(0.5f, 1f, 0f)),
            new CellScores(5, vec(0.2f, 0.4f, 1f)));
    private static final float[] IMAGE = vec(0.8f, 0.5f, 0.1f);

    @Test
    void productIsTheDefaultAndMultiplies() {
        List<CellScores> out = CombinationRule.DEFAULT.apply(IMAGE, CELLS);
        assertArrayEquals(vec(0.4f, 0.5f, 0f), out.get(0).scores(), 1e-6f);
        assertArrayEquals(vec(0.16f, 0.2f, 0.1f), out.get(1).scores(), 1e-6f);
        assertEquals(5, out.get(1).cellId());
    }

    @Test
    void blendWeighsImageAndCell() {
        List<CellScores> out = new CombinationRule.Blend(0.25f).apply(IMAGE, CELLS);
        // 0.25 * 0.8 + 0.75 * 0.5 = 0.575; 0.25 * 0.1 + 0.75 * 1 = 0.775
        assertEquals(0.575f, out.get(0).scores()[0], 1e-6f);
        assertEquals(0.775f, out.get(1).scores()[2], 1e-6f);
        assertArrayEquals(CELLS.get(1).scores(), new CombinationRule.Blend(0f).apply(IMAGE, CELLS).get(1).scores(), 0f);
        assertArrayEquals(IMAGE, new CombinationRule.Blend(1f).apply(IMAGE, CELLS).get(0).scores(), 0f);
        assertThrows(IllegalArgumentException.class, () -> new CombinationRule.Blend(1.5f));
    }

    @Test
    void singleSourceRules() {
        assertArrayEquals(CELLS.get(0).scores(), new CombinationRule.CellOnly().apply(IMAGE, CELLS).get(0).scores(), 0f);
        assertArrayEquals(IMAGE, new CombinationRule.ImageOnly().apply(IMAGE, CELLS).get(1).scores(), 0f);
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
        List<CellScores> other = List.of(new CellScores(2, vec(1f, 0f, 0f)), new CellScores(5, vec(0f, 0f, 0f)));
        List<CellScores> mean = CellScoreEnsemble.mean(List.of(CELLS, other));
        assertArrayEquals(vec(0.75f, 0.5f, 0f), mean.get(0).scores(), 1e-6f);
        assertArrayEquals(vec(0.1f, 0.2f, 0.5f), mean.get(1).scores(), 1e-6f);
        List<CellScores> otherCells = List.of(new CellScores(2, vec()), new CellScores(6, vec()));
        assertThrows(IllegalArgumentException.class, () -> CellScoreEnsemble.mean(List.of(CELLS, otherCells)));
        assertThrows(IllegalArgumentException.class, () -> CellScoreEnsemble.mean(List.of(CELLS, List.of())));
        assertThrows(IllegalArgumentException.class, () -> CellScoreEnsemble.mean(List.of()));
    }
}
