package org.hpacell.segnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.hpacell.train.data.PreparedSample;
import org.hpacell.train.data.TrainBatch;
import org.junit.jupiter.api.Test;

class TouchingBordersTest {
    private static final int B = TouchingBorders.BACKGROUND;
    private static final int O = TouchingBorders.BORDER;
    private static final int F = TouchingBorders.FOREGROUND;

    @Test
    void twoTouchingObjectsGetABorderOnBothSidesOfTheirContact() {
        // 8x3: object 1 in columns 0-3, object 2 in columns 4-7
        int[] labels = new int[24];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 8; x++) {
                labels[y * 8 + x] = x < 4 ? 1 : 2;
            }
        }
        int[] row = {F, F, O, O, O, O, F, F};
        int[] expected = new int[24];
        for (int y = 0; y < 3; y++) {
            System.arraycopy(row, 0, expected, y * 8, 8);
        }
        assertArrayEquals(expected, TouchingBorders.classes(labels, 8, 3, 2));
        int[] radius1 = {F, F, F, O, O, F, F, F};
        assertArrayEquals(radius1, java.util.Arrays.copyOf(TouchingBorders.classes(labels, 8, 3, 1), 8));
        // radius 0: no border at all
        int[] none = TouchingBorders.classes(labels, 8, 3, 0);
        for (int v : none) {
            assertEquals(F, v);
        }
    }

    @Test
    void anObjectAgainstBackgroundOrTheImageEdgeHasNoBorderButAGapBetweenTwoObjectsHas() {
        // 9x1: object 1, background, object 1 again (same id: no border), a one-pixel gap between 1 and 3
        int[] labels = {1, 1, 0, 1, 1, 0, 3, 3, 0};
        assertArrayEquals(new int[] {F, F, B, F, F, O, F, F, B}, TouchingBorders.classes(labels, 9, 1, 1));
    }

    @Test
    void diagonalNeighboursCountInTheSquareNeighbourhood() {
        int[] labels = {1, 0, 0, 2};
        assertArrayEquals(new int[] {O, O, O, O}, TouchingBorders.classes(labels, 2, 2, 1));
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TouchingBorders.classes(new int[3], 2, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> TouchingBorders.classes(new int[4], 2, 2, -1));
    }

    @Test
    void theBatchBuilderOneHotEncodesTheClassesOfEachSamplesLabelImage() {
        int[] cells = {1, 1, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        PreparedSample s = new PreparedSample("f", new float[4 * 16], 4, new float[19], cells);
        try (NDManager m = NDManager.newBaseManager()) {
            TrainBatch b = new HpaTargetBatchBuilder(1).build(List.of(s), m, new SplittableRandom(1));
            NDArray t = b.extras().get(HpaTargetBatchBuilder.CLASSES);
            assertEquals(new Shape(1, 3, 4, 4), t.getShape());
            int[] classes = TouchingBorders.classes(cells, 4, 4, 1);
            float[] v = t.toFloatArray();
            for (int i = 0; i < 16; i++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(classes[i] == c ? 1f : 0f, v[c * 16 + i], "pixel " + i + " class " + c);
                }
            }
            assertEquals(new Shape(1, 4, 4, 4), b.images().getShape());
            PreparedSample noLabels = new PreparedSample("g", new float[4 * 16], 4, new float[19], null);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new HpaTargetBatchBuilder(1).build(List.of(noLabels), m, new SplittableRandom(1)));
            assertEquals(true, e.getMessage().contains("field g"), e.getMessage());
        }
    }
}
