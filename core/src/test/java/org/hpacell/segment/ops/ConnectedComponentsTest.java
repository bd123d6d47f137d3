package org.hpacell.segment.ops;

import static org.hpacell.segment.ops.Grids.bits;
import static org.hpacell.segment.ops.Grids.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {
    @Test
    void diagonalNeighboursJoinOnlyWithEightConnectivity() {
        boolean[] img = bits("1..", ".1.", "..1");
        assertArrayEquals(ints("1..", ".2.", "..3"), ConnectedComponents.label(img, 3, 3, Connectivity.FOUR));
        assertArrayEquals(ints("1..", ".1.", "..1"), ConnectedComponents.label(img, 3, 3, Connectivity.EIGHT));
    }

    @Test
    void numbersComponentsInRasterOrderOfTheirFirstPixel() {
        // the U's right arm starts first in the top row but its first pixel is (0,0): one component, id 1
        boolean[] img = bits("1.1.1", "1.1..", "111.1");
        assertArrayEquals(ints("1.1.2", "1.1..", "111.3"), ConnectedComponents.label(img, 5, 3, Connectivity.FOUR));
    }

    @Test
    void labelImagesSplitWhereIdsDifferAndWhereOneIdIsInTwoPlaces() {
        int[] labels = ints("1122", "1.22", "5..5");
        assertArrayEquals(ints("1122", "1.22", "3..4"), ConnectedComponents.label(labels, 4, 3, Connectivity.EIGHT));
    }

    @Test
    void agreesWithAFloodFillOnRandomImages() {
        Random rnd = new Random(3);
        for (int t = 0; t < 300; t++) {
            int w = 1 + rnd.nextInt(30);
            int h = 1 + rnd.nextInt(30);
            // densities from sparse specks to nearly full, one to three values: runs that merge late
            // (U and spiral shapes) exercise the skipped joins
            int density = 10 + rnd.nextInt(90);
            int values = 1 + rnd.nextInt(3);
            int[] img = new int[w * h];
            for (int i = 0; i < img.length; i++) {
                img[i] = rnd.nextInt(100) < density ? 1 + rnd.nextInt(values) : 0;
            }
            for (Connectivity c : Connectivity.values()) {
                assertArrayEquals(floodFill(img, w, h, c), ConnectedComponents.label(img, w, h, c));
            }
        }
    }

    @Test
    void countIsTheLargestId() {
        assertEquals(3, ConnectedComponents.count(ConnectedComponents.label(bits("1.1.1"), 5, 1, Connectivity.EIGHT)));
    }

    /** Reference: scan in raster order, flood each new component with a stack. */
    static int[] floodFill(int[] img, int w, int h, Connectivity c) {
        int[] out = new int[img.length];
        int next = 0;
        int[] stack = new int[img.length];
        for (int s = 0; s < img.length; s++) {
            if (img[s] == 0 || out[s] != 0) {
                continue;
            }
            out[s] = ++next;
            int top = 0;
            stack[top++] = s;
            while (top > 0) {
                int i = stack[--top];
                int x = i % w;
                int y = i / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if ((dx == 0 && dy == 0) || (c == Connectivity.FOUR && dx != 0 && dy != 0)) {
                            continue;
                        }
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx < 0 || ny < 0 || nx >= w || ny >= h) {
                            continue;
                        }
                        int n = ny * w + nx;
                        if (img[n] == img[s] && out[n] == 0) {
                            out[n] = next;
                            stack[top++] = n;
                        }
                    }
                }
            }
        }
        return out;
    }
}
