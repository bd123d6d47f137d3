package org.hpacell.cam.fcan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CellPuzzleTest {
    private static final int SIZE = 8;
    private static final int CHANNELS = 2;

    /** Five cells as vertical stripes (labels 3, 4, 5, 6, 9 in columns 1..5), background elsewhere. */
    private static int[] cells() {
        int[] labels = {0, 3, 4, 5, 6, 9, 0, 0};
        int[] out = new int[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                out[y * SIZE + x] = y == 0 ? 0 : labels[x];
            }
        }
        return out;
    }

    private static float[] pixels() {
        float[] p = new float[CHANNELS * SIZE * SIZE];
        for (int i = 0; i < p.length; i++) {
            p[i] = 1 + i; // never zero, so a zero means "removed"
        }
        return p;
    }

    @Test
    void keepsExactlyTheChosenCellsPixels() {
        int[] cells = cells();
        float[] px = pixels();
        int plane = SIZE * SIZE;
        for (long seed = 0; seed < 20; seed++) {
            CellPuzzle puzzle = CellPuzzle.build(px, CHANNELS, SIZE, cells, new SplittableRandom(seed));
            int[] chosen = puzzle.chosenCells();
            assertEquals(3, new HashSet<>(java.util.List.of(chosen[0], chosen[1], chosen[2])).size());
            for (int t = 0; t < CellPuzzle.PIECES; t++) {
                float[] piece = puzzle.pieces()[t];
                for (int p = 0; p < plane; p++) {
                    int label = cells[p];
                    boolean kept = t < 3 ? label == chosen[t]
                            : label != 0 && label != chosen[0] && label != chosen[1] && label != chosen[2];
                    for (int c = 0; c < CHANNELS; c++) {
                        assertEquals(kept ? px[c * plane + p] : 0f, piece[c * plane + p],
                                "seed " + seed + " piece " + t + " pixel " + p);
                    }
                    if (t < 3 && label == chosen[t]) {
                        assertEquals(t, puzzle.owner()[p]);
                    }
                }
            }
            for (int p = 0; p < plane; p++) {
                int label = cells[p];
                boolean isChosen = label != 0 && (label == chosen[0] || label == chosen[1] || label == chosen[2]);
                if (!isChosen) {
                    assertEquals(CellPuzzle.OTHERS, puzzle.owner()[p]);
                }
            }
        }
    }

    @Test
    void choicesAreUniformOverTheCellsAndSeeded() {
        int[] cells = cells();
        Set<Integer> seen = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            for (int c : CellPuzzle.build(pixels(), CHANNELS, SIZE, cells, new SplittableRandom(seed)).chosenCells()) {
                seen.add(c);
            }
        }
        assertEquals(Set.of(3, 4, 5, 6, 9), seen);
        assertArrayEquals(CellPuzzle.build(pixels(), CHANNELS, SIZE, cells, new SplittableRandom(3)).chosenCells(),
                CellPuzzle.build(pixels(), CHANNELS, SIZE, cells, new SplittableRandom(3)).chosenCells());
    }

    @Test
    void aFieldWithFewCellsLeavesBlankPieces() {
        int[] cells = new int[SIZE * SIZE];
        cells[10] = 7;
        CellPuzzle puzzle = CellPuzzle.build(pixels(), CHANNELS, SIZE, cells, new SplittableRandom(1));
        assertArrayEquals(new int[] {7, 0, 0}, puzzle.chosenCells());
        for (int t = 1; t < 4; t++) {
            for (float v : puzzle.pieces()[t]) {
                assertEquals(0f, v);
            }
        }
        assertNotEquals(0f, puzzle.pieces()[0][10]);
        assertTrue(puzzle.owner()[10] == 0 && puzzle.owner()[11] == CellPuzzle.OTHERS);
    }
}
