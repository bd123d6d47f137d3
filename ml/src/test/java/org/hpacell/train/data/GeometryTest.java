package org.hpacell.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GeometryTest {
    private static final int S = 4;
    private static final float[] SRC = new float[S * S];

    static {
        for (int i = 0; i < SRC.length; i++) {
            SRC[i] = i;
        }
    }

    private static float[] view(int turns, boolean fh, boolean fv) {
        return Resampler.bilinear(SRC, S, S, new Geometry(0, 0, S, S, S, turns, fh, fv));
    }

    @Test
    void identityKeepsPixels() {
        assertArrayEquals(SRC, view(0, false, false));
    }

    @Test
    void flipsAndQuarterTurnsPermutePixels() {
        float[] h = view(0, true, false);
        assertEquals(SRC[3], h[0]);            // first row reversed
        float[] v = view(0, false, true);
        assertEquals(SRC[12], v[0]);           // last row on top
        float[] r = view(1, false, false);     // clockwise: the left column becomes the top row, reversed
        assertArrayEquals(new float[] {12, 8, 4, 0}, java.util.Arrays.copyOf(r, 4));
        float[] r2 = view(2, false, false);
        float[] hv = view(0, true, true);
        assertArrayEquals(hv, r2);             // half turn = both flips
    }

    @Test
    void labelsResampleByNearestNeighbour() {
        int[] labels = new int[8 * 8];
        for (int y = 0; y < 8; y++) {
            for (int x = 4; x < 8; x++) {
                labels[y * 8 + x] = 5;
            }
        }
        int[] out = Resampler.nearest(labels, 8, 8, Geometry.identity(8, 8, 4));
        assertArrayEquals(new int[] {0, 0, 5, 5}, java.util.Arrays.copyOf(out, 4));
    }

    @Test
    void downscalingAveragesBlocks() {
        float[] src = new float[8 * 8];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                src[y * 8 + x] = (x / 2 + y / 2) % 2 == 0 ? 0 : 4;   // 2x2 checkerboard blocks
            }
        }
        float[] out = Resampler.bilinear(src, 8, 8, Geometry.identity(8, 8, 4));
        assertArrayEquals(new float[] {0, 4, 0, 4}, java.util.Arrays.copyOf(out, 4), 1e-6f);
    }
}
