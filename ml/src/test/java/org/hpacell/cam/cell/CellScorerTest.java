package org.hpacell.cam.cell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.hpacell.image.BinaryMask;
import org.hpacell.io.MaskCodec;
import org.hpacell.io.Prediction;
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;
import org.hpacell.io.SubmissionWriter;
import org.junit.jupiter.api.io.TempDir;
import org.hpacell.cam.CamMaps;
import org.hpacell.image.LabelImage;
import org.junit.jupiter.api.Test;
import org.hpacell.predict.CombinationRule;

class CellScorerTest {
    // A 4x3 field, two classes. Cell 2 is the left column pair, cell 5 the right; id 3 is absent.
    private static final LabelImage CELLS = new LabelImage(4, 3, new int[] {
        2, 2, 0, 5,
        2, 2, 0, 5,
        0, 0, 0, 5});
    private static final CamMaps MAPS = new CamMaps("f", 4, 3, new float[] {
        // class 0
        0.1f, 0.2f, 9f, 1.0f,
        0.3f, 0.4f, 9f, 0.5f,
        9f, 9f, 9f, 0.0f,
        // class 1
        1f, 0f, 9f, 0.2f,
        0f, 0f, 9f, 0.2f,
        9f, 9f, 9f, 0.2f}, new float[] {0.5f, 0.25f});

    private static List<CellScores> score(CellPooling p, CombinationRule c) {
        return new CellScorer(p, c).score(MAPS, CELLS);
    }

    @Test
    void meanMaxAndTopFractionReadOnlyTheCellsPixels() {
        List<CellScores> mean = score(CellPooling.mean(), new CombinationRule.CellOnly());
        assertEquals(2, mean.size());
        assertEquals(2, mean.get(0).cellId());
        assertEquals(5, mean.get(1).cellId());
        assertArrayEquals(new float[] {0.25f, 0.25f}, mean.get(0).scores(), 1e-6f);
        assertArrayEquals(new float[] {0.5f, 0.2f}, mean.get(1).scores(), 1e-6f);

        List<CellScores> max = score(CellPooling.max(), new CombinationRule.CellOnly());
        assertArrayEquals(new float[] {0.4f, 1f}, max.get(0).scores(), 1e-6f);
        assertArrayEquals(new float[] {1f, 0.2f}, max.get(1).scores(), 1e-6f);

        // top half of cell 2 (4 pixels): the two largest; of cell 5 (3 pixels): ceil(1.5) = 2 largest
        List<CellScores> top = score(CellPooling.topFraction(0.5), new CombinationRule.CellOnly());
        assertArrayEquals(new float[] {0.35f, 0.5f}, top.get(0).scores(), 1e-6f);
        assertArrayEquals(new float[] {0.75f, 0.2f}, top.get(1).scores(), 1e-6f);
    }

    @Test
    void combinesWithTheImageProbability() {
        List<CellScores> product = score(CellPooling.mean(), CombinationRule.DEFAULT);
        assertArrayEquals(new float[] {0.125f, 0.0625f}, product.get(0).scores(), 1e-6f);
        List<CellScores> image = score(CellPooling.max(), new CombinationRule.ImageOnly());
        assertArrayEquals(new float[] {0.5f, 0.25f}, image.get(0).scores(), 0f);
        assertArrayEquals(new float[] {0.5f, 0.25f}, image.get(1).scores(), 0f);
    }

    @Test
    void writesEveryClassOfEveryCellAsASubmission(@TempDir Path dir) throws Exception {
        float[] maps = java.util.Arrays.copyOf(MAPS.array(), 19 * 12);
        float[] probs = new float[19];
        probs[0] = 0.5f;
        probs[1] = 0.25f;
        CamMaps all = new CamMaps("f", 4, 3, maps, probs);
        List<CellScores> scores = CellScorer.defaults().score(all, CELLS);
        Path file = dir.resolve("submission.csv");
        try (SubmissionWriter w = SubmissionWriter.open(file)) {
            CellPredictions.write(w, "f", CELLS, scores);
            w.commit();
        }
        try (SubmissionReader r = SubmissionReader.open(file)) {
            SubmissionRow row = r.next();
            assertEquals(CellPredictions.row("f", CELLS, scores), row);
            assertEquals(2 * 19, row.predictions().size());
            Prediction p = row.predictions().get(19);
            assertEquals(0, p.classIndex());
            assertEquals(0.25, p.confidence(), 1e-6);
            BinaryMask cell5 = MaskCodec.decode(p.encodedMask(), 4, 3);
            assertEquals(CELLS.mask(5), cell5);
            assertNull(r.next());
        }
    }

    @Test
    void parsesAndRefuses() {
        assertEquals(CellPooling.topFraction(0.2), CellPooling.parse("top:0.2"));
        assertEquals(CellPooling.max(), CellPooling.parse("MAX"));
        assertEquals(CombinationRule.DEFAULT, CombinationRule.parse("product"));
        assertEquals(new CombinationRule.CellOnly(), CombinationRule.parse("map"));
        assertThrows(IllegalArgumentException.class, () -> CellPooling.parse("median"));
        assertThrows(IllegalArgumentException.class, () -> CellPooling.topFraction(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CellScorer.defaults().score(MAPS, LabelImage.blank(3, 3)));
        assertEquals("field f: maps are 4x3 but the cell mask is 3x3", e.getMessage());
    }
}
