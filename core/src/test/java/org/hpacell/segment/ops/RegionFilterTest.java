package org.hpacell.segment.ops;

import static org.hpacell.segment.ops.Grids.bits;
import static org.hpacell.segment.ops.Grids.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Small objects, small holes, hole filling: cut-offs and connectivity. */
class RegionFilterTest {
    @Test
    void smallObjectCutOffIsStrict() {
        boolean[] img = bits("111.11", "......");
        // sizes 3 and 2: minSize 3 keeps the 3, removes the 2
        assertArrayEquals(bits("111...", "......"), SmallObjects.remove(img, 6, 2, 3, Connectivity.FOUR));
        assertArrayEquals(bits("......", "......"), SmallObjects.remove(img, 6, 2, 4, Connectivity.FOUR));
    }

    @Test
    void smallObjectConnectivityDecidesWhatIsOneObject() {
        boolean[] diagonal = bits("1.", ".1");
        assertArrayEquals(bits("..", ".."), SmallObjects.remove(diagonal, 2, 2, 2, Connectivity.FOUR));
        assertArrayEquals(diagonal, SmallObjects.remove(diagonal, 2, 2, 2, Connectivity.EIGHT));
    }

    @Test
    void labelsAreCountedPerIdEvenWhenSplit() {
        int[] labels = ints("1.1.2", "1...2");
        // id 1 has 3 pixels in two pieces and survives a cut-off of 3; id 2 (2 pixels) does not
        assertArrayEquals(ints("1.1..", "1...."), SmallObjects.removeLabels(labels, 3));
    }

    @Test
    void smallHolesIncludeBackgroundTouchingTheBorder() {
        boolean[] img = bits("1111..", "1.11..", "1111..");
        // inner hole (1 px) filled; border-touching background of 6 px filled under 7, kept at 6
        assertArrayEquals(bits("111111", "111111", "111111"), SmallHoles.remove(img, 6, 3, 7, Connectivity.FOUR));
        assertArrayEquals(bits("1111..", "1111..", "1111.."), SmallHoles.remove(img, 6, 3, 6, Connectivity.FOUR));
    }

    @Test
    void fillHolesFillsOnlyBackgroundCutOffFromTheBorder() {
        boolean[] ring = bits("11111", "1...1", "11111");
        assertArrayEquals(bits("11111", "11111", "11111"), FillHoles.fill(ring, 5, 3));
        boolean[] open = bits("11.11", "1...1", "11111");
        assertArrayEquals(open, FillHoles.fill(open, 5, 3));
        // background reaches the border through a diagonal only: still a hole (4-connected background)
        boolean[] diag = bits("1.111", "11..1", "11111");
        assertArrayEquals(bits("1.111", "11111", "11111"), FillHoles.fill(diag, 5, 3));
    }

    @Test
    void labelKeptEqualsLabellingWhatRemoveKeeps() {
        java.util.Random rnd = new java.util.Random(17);
        for (int t = 0; t < 100; t++) {
            int w = 1 + rnd.nextInt(40);
            int h = 1 + rnd.nextInt(40);
            int density = 20 + rnd.nextInt(60);
            boolean[] img = new boolean[w * h];
            for (int i = 0; i < img.length; i++) {
                img[i] = rnd.nextInt(100) < density;
            }
            int minSize = 1 + rnd.nextInt(12);
            for (Connectivity c : Connectivity.values()) {
                assertArrayEquals(
                        ConnectedComponents.label(SmallObjects.remove(img, w, h, minSize, c), w, h, c),
                        SmallObjects.labelKept(img, w, h, minSize, c), "case " + t + " " + c);
            }
        }
    }
}
