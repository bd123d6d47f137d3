package org.hpacell.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hpacell.image.BinaryMask;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;
import org.hpacell.synth.FieldGenerator;
import org.hpacell.synth.SynthParams;
import org.hpacell.synth.SyntheticField;
import org.junit.jupiter.api.Test;

class ClassicalSegmenterTest {
    /** Share of true cells that some segmented cell overlaps at IoU >= 0.6 (one-to-one at that IoU). */
    private static double recallAt06(LabelImage truth, LabelImage found) {
        List<BinaryMask> t = truth.masks();
        List<BinaryMask> f = found.masks();
        int hit = 0;
        for (BinaryMask a : t) {
            for (BinaryMask b : f) {
                long inter = a.intersectionArea(b);
                long union = a.area() + b.area() - inter;
                if (inter > 0 && 5 * inter >= 3 * union) {
                    hit++;
                    break;
                }
            }
        }
        return hit / (double) t.size();
    }

    @Test
    void findsMostSyntheticCellsAtIou06() {
        FieldGenerator gen = new FieldGenerator(SynthParams.defaults(3, 6, 256, 8));
        ClassicalSegmenter seg = new ClassicalSegmenter();
        double sum = 0;
        int fields = 6;
        for (int i = 0; i < fields; i++) {
            SyntheticField f = gen.generate(i);
            Segmentation s = seg.segment(f.image());
            sum += recallAt06(f.cells(), s.cells());
            // nuclei carry their cell's id and lie inside it
            int[] c = s.cells().array();
            int[] n = s.nuclei().array();
            for (int p = 0; p < c.length; p++) {
                assertTrue(n[p] == 0 || n[p] == c[p]);
            }
        }
        double mean = sum / fields;
        assertTrue(mean >= 0.85, "mean recall of true cells at IoU 0.6: " + mean);
    }

    @Test
    void emptyFieldHasNoCells() {
        float[][] ch = new float[4][64 * 64];
        Segmentation s = new ClassicalSegmenter().segment(new FieldImage("dark", 64, 64, 8, ch));
        assertEquals(0, s.cells().maxLabel());
        assertEquals(0, s.nuclei().maxLabel());
    }

    @Test
    void separatesTwoTouchingCellsByTheirNuclei() {
        int w = 80, h = 40;
        float[][] ch = new float[4][w * h];
        for (int y = 4; y < 36; y++) {
            for (int x = 4; x < 76; x++) {
                int i = y * w + x;
                // two bright cytoplasm blocks meeting at x = 40 with a dim seam
                float v = Math.abs(x - 40) <= 1 ? 60 : 200;
                ch[Channel.RED.ordinal()][i] = v;
                ch[Channel.YELLOW.ordinal()][i] = v;
                boolean nucleus = (Math.abs(x - 20) < 7 || Math.abs(x - 60) < 7) && Math.abs(y - 20) < 7;
                ch[Channel.BLUE.ordinal()][i] = nucleus ? 250 : 10;
            }
        }
        Segmentation s = new ClassicalSegmenter().segment(new FieldImage("two", w, h, 8, ch));
        assertEquals(2, s.cells().objects().size());
        assertTrue(s.cells().get(20, 20) != s.cells().get(60, 20));
        assertTrue(s.cells().get(30, 10) == s.cells().get(20, 20));
        assertTrue(s.cells().get(50, 30) == s.cells().get(60, 20));
    }
}
