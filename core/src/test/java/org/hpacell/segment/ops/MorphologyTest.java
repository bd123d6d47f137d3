package org.hpacell.segment.ops;

import static org.hpacell.segment.ops.Grids.bits;
import static org.hpacell.segment.ops.Grids.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Binary erosion, the disk, grey closing, thick boundaries. */
class MorphologyTest {
    @Test
    void erosionUsesTheCrossAndDoesNotErodeFromOutsideTheImage() {
        boolean[] img = bits("111", "111", "110");
        // (0,0): in-image cross all set -> stays; (1,1) loses because (2,2)? no: its cross is set;
        // (1,2) and (2,1) touch the hole at (2,2)
        assertArrayEquals(bits("111", "11.", "1.."), BinaryErosion.cross(img, 3, 3));
        // a diagonal hole neighbour does not erode (cross, not square)
        assertArrayEquals(bits("11", "11"), BinaryErosion.cross(bits("11", "11"), 2, 2));
    }

    @Test
    void diskMatchesScikitImage() {
        Disk d = new Disk(6);
        int[] expected = {0, 3, 4, 5, 5, 5, 6, 5, 5, 5, 4, 3, 0}; // row half-widths of disk(6)
        int area = 0;
        for (int dy = -6; dy <= 6; dy++) {
            assertEquals(expected[dy + 6], d.halfWidth(dy), "row " + dy);
            area += 2 * d.halfWidth(dy) + 1;
        }
        assertEquals(113, area); // disk(6).sum()
        assertTrue(d.contains(6, 0));
        assertFalse(d.contains(5, 4));
    }

    @Test
    void closingEqualsBruteForceMaxThenMin() {
        Random rnd = new Random(5);
        for (int t = 0; t < 60; t++) {
            int w = 1 + rnd.nextInt(25);
            int h = 1 + rnd.nextInt(25);
            int[] img = new int[w * h];
            for (int i = 0; i < img.length; i++) {
                img[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(9) : 0;
            }
            Disk d = new Disk(rnd.nextInt(7));
            int[] dil = brute(img, w, h, d, true);
            assertArrayEquals(dil, GreyClosing.dilate(img, w, h, d));
            assertArrayEquals(brute(dil, w, h, d, false), GreyClosing.close(img, w, h, d));
        }
    }

    @Test
    void closingFillsGapsNarrowerThanTheDisk() {
        int[] img = ints("11.11");
        assertArrayEquals(ints("11111"), GreyClosing.close(img, 5, 1, new Disk(1)));
    }

    @Test
    void thickBoundariesMarkBothSidesAndTheBackground() {
        int[] labels = ints("....", ".12.", "....");
        assertArrayEquals(bits(".11.", "1111", ".11."), Boundaries.thick(labels, 4, 3));
        assertArrayEquals(bits("..", ".."), Boundaries.thick(ints("33", "33"), 2, 2));
    }

    private static int[] brute(int[] img, int w, int h, Disk d, boolean max) {
        int r = d.radius();
        int[] out = new int[img.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = img[y * w + x];
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (d.contains(dx, dy) && nx >= 0 && ny >= 0 && nx < w && ny < h) {
                            int u = img[ny * w + nx];
                            v = max ? Math.max(v, u) : Math.min(v, u);
                        }
                    }
                }
                out[y * w + x] = v;
            }
        }
        return out;
    }
}
