package org.hpacell.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.junit.jupiter.api.Test;

class ClassicalSegmenterTest {
    /** Two touching nuclei (a dumbbell of two disks) in two touching cells, plus background noise. */
    private static FieldImage field() {
        int w = 200;
        int h = 120;
        float[][] ch = new float[Channel.COUNT][w * h];
        java.util.Random rnd = new java.util.Random(1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double d1 = Math.hypot(x - 70, y - 60);
                double d2 = Math.hypot(x - 128, y - 60);
                float noise = (float) (rnd.nextDouble() * 10);
                ch[Channel.BLUE.ordinal()][i] = (d1 < 30 || d2 < 30 ? 200 : 0) + noise;
                float cyto = Math.min(d1, d2) < 55 ? 120 : 0;
                ch[Channel.RED.ordinal()][i] = cyto + noise;
                ch[Channel.YELLOW.ordinal()][i] = cyto + noise;
                ch[Channel.GREEN.ordinal()][i] = noise;
            }
        }
        return new FieldImage("two", w, h, 8, ch);
    }

    @Test
    void findsTwoCellsEachWithItsNucleus() {
        ClassicalSegmenter seg = new ClassicalSegmenter(new ClassicalSegmenter.Options(500, 2000, 8, 0.5));
        Segmentation s = seg.segment(field());
        assertEquals(2, s.cells().objects().size());
        assertEquals(2, s.nuclei().objects().size());
        int left = s.cells().get(40, 60);
        int right = s.cells().get(160, 60);
        assertNotEquals(0, left);
        assertNotEquals(0, right);
        assertNotEquals(left, right, "touching cells are split");
        assertEquals(left, s.nuclei().get(70, 60), "the nucleus carries its cell's id");
        assertEquals(right, s.nuclei().get(128, 60));
        assertEquals(0, s.cells().get(2, 2), "background stays background");
    }

    @Test
    void defaultsScaleWithTheFieldWidth() {
        ClassicalSegmenter.Options full = ClassicalSegmenter.Options.forWidth(2048);
        ClassicalSegmenter.Options half = ClassicalSegmenter.Options.forWidth(1024);
        assertEquals(full.minCellArea(), 4 * half.minCellArea());
        assertTrue(half.seedErosion() >= 1);
    }
}
