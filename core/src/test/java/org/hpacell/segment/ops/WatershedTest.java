package org.hpacell.segment.ops;

import static org.hpacell.segment.ops.Grids.bits;
import static org.hpacell.segment.ops.Grids.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WatershedTest {
    @Test
    void plateauSplitsBetweenMarkersWithALineWhereTheyMeet() {
        int[] flat = new int[7];
        int[] markers = ints("1.....2");
        // (scikit-image's answers) marker 1 pops first, so its wave leads by one push at every round
        assertArrayEquals(ints("1111222"), Watershed.flood(flat, markers, null, 7, 1, false));
        // with lines the pixel that sees both labels when popped is line
        assertArrayEquals(ints("111.222"), Watershed.flood(flat, markers, null, 7, 1, true));
    }

    @Test
    void lowerLevelsFloodFirst() {
        int[] levels = ints("0550000");
        int[] markers = ints("1.....2");
        // marker 2 crosses the cheap pixels first and takes the first 5 before marker 1's 5 pops
        assertArrayEquals(ints("1122222"), Watershed.flood(levels, markers, null, 7, 1, false));
    }

    @Test
    void maskLimitsFloodingAndDropsMarkersOutsideIt() {
        int[] flat = new int[5];
        boolean[] mask = bits("11.11");
        assertArrayEquals(ints("11..."), Watershed.flood(flat, ints("1.2.."), mask, 5, 1, false));
        assertArrayEquals(ints("11.22"), Watershed.flood(flat, ints("1...2"), mask, 5, 1, false));
    }

    @Test
    void floodsFourNeighboursOnly() {
        boolean[] mask = bits("1.", ".1");
        assertArrayEquals(ints("1.", ".."), Watershed.flood(new int[4], ints("1.", ".."), mask, 2, 2, false));
    }

    @Test
    void rejectsNegativeLevelsAndMarkers() {
        assertThrows(IllegalArgumentException.class, () -> Watershed.flood(new int[] {-1}, new int[] {1}, null, 1, 1, false));
        assertThrows(IllegalArgumentException.class, () -> Watershed.flood(new int[] {0}, new int[] {-1}, null, 1, 1, false));
    }

    /** scikit-image 0.19.3's answers (make_goldens.py): ties on plateaus, lines, masks. */
    @Test
    void matchesScikitImageIncludingTies() throws IOException {
        for (Case c : cases()) {
            for (boolean general : new boolean[] {false, true}) {
                assertArrayEquals(c.expected, Watershed.flood(c.levels, c.markers, c.mask, c.w, c.h, c.line, general),
                        "case " + c.index + (general ? " (general queue)" : " (packed queue)"));
            }
        }
    }

    @Test
    void packedAndGeneralQueuesAgreeOnRandomImages() {
        Random rnd = new Random(11);
        for (int t = 0; t < 40; t++) {
            int w = 5 + rnd.nextInt(40);
            int h = 5 + rnd.nextInt(40);
            int[] levels = new int[w * h];
            int[] markers = new int[w * h];
            boolean[] mask = new boolean[w * h];
            for (int i = 0; i < levels.length; i++) {
                levels[i] = rnd.nextInt(1 + t % 5);
                markers[i] = rnd.nextInt(40) == 0 ? 1 + rnd.nextInt(4) : 0;
                mask[i] = rnd.nextInt(8) != 0;
            }
            boolean line = t % 2 == 0;
            assertArrayEquals(Watershed.flood(levels, markers, mask, w, h, line, true),
                    Watershed.flood(levels, markers, mask, w, h, line, false), "case " + t);
        }
    }

    @Test
    void levelsOfRanksRealValues() {
        assertArrayEquals(new int[] {1, 0, 2, 1, 0}, Watershed.levelsOf(new double[] {0.5, -1, 3, 0.5, -1}));
        assertArrayEquals(new int[] {0, 0}, Watershed.levelsOf(new double[] {-0.0, 0.0}));
    }

    private record Case(int index, int w, int h, boolean line, int[] levels, int[] markers, boolean[] mask, int[] expected) {
    }

    private static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                WatershedTest.class.getResourceAsStream("watershed_cases.txt"), StandardCharsets.UTF_8))) {
            r.readLine();
            String head;
            while ((head = r.readLine()) != null) {
                String[] p = head.trim().split(" ");
                int h = Integer.parseInt(p[0]);
                int w = Integer.parseInt(p[1]);
                int[][] arrays = new int[4][w * h];
                for (int[] a : arrays) {
                    for (int y = 0; y < h; y++) {
                        String[] v = r.readLine().trim().split(" ");
                        for (int x = 0; x < w; x++) {
                            a[y * w + x] = Integer.parseInt(v[x]);
                        }
                    }
                }
                boolean[] mask = new boolean[w * h];
                for (int i = 0; i < mask.length; i++) {
                    mask[i] = arrays[2][i] != 0;
                }
                out.add(new Case(out.size(), w, h, p[2].equals("1"), arrays[0], arrays[1], mask, arrays[3]));
            }
        }
        return out;
    }
}
