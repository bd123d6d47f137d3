package org.hpacell.cam.fcan;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The four pieces of one field's cell puzzle, in the field's own frame.
 *
 * <p>Pieces 0, 1 and 2 keep the pixels of one chosen cell each and zero the rest; piece 3 keeps the
 * pixels of every other cell (background is zero in all four pieces). {@link #owner()} gives, per
 * pixel, the piece whose features stand for that pixel when the pieces' feature maps are merged:
 * the chosen cell's piece inside a chosen cell, piece 3 elsewhere (other cells and background).
 * A field with fewer than three cells leaves the surplus single-cell pieces blank (all zero).
 *
 * @param pieces      four channel-major pixel arrays ({@code c * size * size + y * size + x})
 * @param chosenCells the labels of the cells of pieces 0..2 (0 for a blank piece)
 * @param owner       per pixel, row-major, the owning piece 0..3
 */
public record CellPuzzle(float[][] pieces, int[] chosenCells, byte[] owner) {
    /** Number of pieces. */
    public static final int PIECES = 4;
    /** Index of the piece of all other cells. */
    public static final int OTHERS = 3;

    /**
     * Builds the puzzle of one field.
     *
     * @param pixels   channel-major values, {@code channels * size * size}
     * @param channels number of channels
     * @param size     side of the square field in pixels
     * @param cells    row-major cell labels, {@code size * size}, 0 = background
     * @param random   chooses the three cells (uniformly among the field's cells, without replacement)
     */
    public static CellPuzzle build(float[] pixels, int channels, int size, int[] cells, SplittableRandom random) {
        int plane = size * size;
        if (pixels.length != channels * plane || cells.length != plane) {
            throw new IllegalArgumentException("expected " + channels + " channels and labels of " + size + "x" + size
                    + ", got " + pixels.length + " values and " + cells.length + " labels");
        }
        int[] ids = Arrays.stream(cells).filter(v -> v > 0).distinct().sorted().toArray();
        // Partial Fisher-Yates: the first min(3, n) entries become a uniform sample without replacement.
        int chosen = Math.min(OTHERS, ids.length);
        for (int i = 0; i < chosen; i++) {
            int j = i + random.nextInt(ids.length - i);
            int t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        int[] chosenCells = new int[OTHERS];
        System.arraycopy(ids, 0, chosenCells, 0, chosen);
        byte[] owner = new byte[plane];
        for (int p = 0; p < plane; p++) {
            int label = cells[p];
            byte o = OTHERS;
            for (int t = 0; t < chosen; t++) {
                if (label == chosenCells[t]) {
                    o = (byte) t;
                }
            }
            owner[p] = o;
        }
        float[][] pieces = new float[PIECES][channels * plane];
        for (int p = 0; p < plane; p++) {
            // Background pixels (label 0) are owned by piece 3 but black in every piece.
            if (cells[p] == 0) {
                continue;
            }
            float[] piece = pieces[owner[p]];
            for (int c = 0; c < channels; c++) {
                piece[c * plane + p] = pixels[c * plane + p];
            }
        }
        return new CellPuzzle(pieces, chosenCells, owner);
    }
}
