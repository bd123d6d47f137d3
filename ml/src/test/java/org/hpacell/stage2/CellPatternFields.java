package org.hpacell.stage2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;
import org.hpacell.pseudo.ClassMaps;

/**
 * Small fields with per-cell truth for stage-2 tests: 64x64, four square cells (ids 1..4, one per
 * quadrant). A field draws two of three classes; each cell shows one of them or nothing (a quarter of
 * the cells), so the image labels (the union) overstate most cells - the situation stage 2 exists for.
 * Class patterns in the green channel: 0 a uniform fill, 2 a grid of bright dots, 14 horizontal stripes.
 */
final class CellPatternFields {
    static final int SIZE = 64;
    static final int CELL = 26;
    static final int[] CLASSES = {0, 2, 14};
    private static final int[] ORIGIN = {3, 35};

    /** One field: image, cells, image labels and each cell's true labels. */
    record Field(FieldImage image, LabelImage cells, LabelSet imageLabels, Map<Integer, LabelSet> truth) {
    }

    private CellPatternFields() {
    }

    static List<Field> make(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Field> out = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            int a = rng.nextInt(3);
            int b = (a + 1 + rng.nextInt(2)) % 3;
            float[][] ch = new float[4][SIZE * SIZE];
            int[] ids = new int[SIZE * SIZE];
            Map<Integer, LabelSet> truth = new HashMap<>();
            LabelSet image = LabelSet.EMPTY;
            for (int cell = 0; cell < 4; cell++) {
                int x0 = ORIGIN[cell % 2];
                int y0 = ORIGIN[cell / 2];
                double r = rng.nextDouble();
                int k = r < 0.25 ? -1 : (r < 0.625 ? CLASSES[a] : CLASSES[b]);
                for (int y = y0; y < y0 + CELL; y++) {
                    for (int x = x0; x < x0 + CELL; x++) {
                        int i = y * SIZE + x;
                        ids[i] = cell + 1;
                        ch[0][i] = 60;
                        ch[1][i] = 15 + (float) (10 * rng.nextDouble()) + pattern(k, x - x0, y - y0);
                        ch[3][i] = 50;
                    }
                }
                truth.put(cell + 1, k < 0 ? LabelSet.EMPTY : LabelSet.of(k));
                if (k >= 0) {
                    image = image.union(LabelSet.of(k));
                }
            }
            out.add(new Field(new FieldImage(String.format("p%03d", f), SIZE, SIZE, 8, ch),
                    new LabelImage(SIZE, SIZE, ids), image, truth));
        }
        return out;
    }

    private static float pattern(int k, int x, int y) {
        return switch (k) {
            case 0 -> 120;
            case 2 -> (x % 6 < 2 && y % 6 < 2) ? 220 : 0;
            case 14 -> (y % 4 < 2) ? 160 : 0;
            default -> 0;
        };
    }

    /**
     * Maps that stand in for stage-1 CAMs: 0.6 over each cell holding the class, and a bleed of 0.3 over
     * the six leftmost columns of the cell to its right (above the 0.225 threshold, so that neighbour is graded
     * lower, not zero).
     */
    static ClassMaps camsOf(Field f) {
        int s = SIZE;
        float[][] m = new float[19][];
        for (int k : f.imageLabels().indices()) {
            m[k] = new float[s * s];
        }
        int[] ids = f.cells().array();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == 0) continue;
            for (int k : f.truth().get(ids[i]).indices()) {
                m[k][i] = 0.6f;
                int right = i + CELL + 6;
                if (i % s < s / 2 && right % s < s / 2 + 9) {
                    m[k][right] = Math.max(m[k][right], 0.3f);
                }
            }
        }
        return ClassMaps.of(s, s, m);
    }
}
