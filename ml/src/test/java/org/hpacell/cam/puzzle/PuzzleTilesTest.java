package org.hpacell.cam.puzzle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class PuzzleTilesTest {
    @Test
    void tileThenMergeIsTheIdentity() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(2 * 3 * 6 * 8).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).reshape(2, 3, 6, 8);
            NDArray tiles = PuzzleTiles.tile(x);
            assertEquals(new Shape(8, 3, 3, 4), tiles.getShape());
            assertArrayEquals(x.toFloatArray(), PuzzleTiles.merge(tiles).toFloatArray(), 0f);
        }
    }

    @Test
    void tilesAreTheQuadrantsTileMajor() {
        try (NDManager m = NDManager.newBaseManager()) {
            // one 1-channel 4x4 image: value = 10 * row + column
            float[] v = new float[16];
            for (int i = 0; i < 16; i++) {
                v[i] = 10 * (i / 4) + i % 4;
            }
            NDArray tiles = PuzzleTiles.tile(m.create(v, new Shape(1, 1, 4, 4)));
            assertArrayEquals(new float[] {0, 1, 10, 11}, tiles.get(0).toFloatArray());
            assertArrayEquals(new float[] {2, 3, 12, 13}, tiles.get(1).toFloatArray());
            assertArrayEquals(new float[] {20, 21, 30, 31}, tiles.get(2).toFloatArray());
            assertArrayEquals(new float[] {22, 23, 32, 33}, tiles.get(3).toFloatArray());
            assertThrows(IllegalArgumentException.class, () -> PuzzleTiles.tile(m.zeros(new Shape(1, 1, 3, 4))));
        }
    }
}
