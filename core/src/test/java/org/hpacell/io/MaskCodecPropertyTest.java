package org.hpacell.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hpacell.image.BinaryMask;
import org.junit.jupiter.api.Test;

/**
 * Round trips and agreement with a direct, full-frame column-major encoder on random and special masks.
 */
class MaskCodecPropertyTest {

    /** The RLE counts by the definition: scan the whole frame column by column. */
    static int[] referenceCounts(BinaryMask m) {
        List<Integer> counts = new ArrayList<>();
        boolean current = false;
        int run = 0;
        for (int x = 0; x < m.width(); x++) {
            for (int y = 0; y < m.height(); y++) {
                boolean v = m.get(x, y);
                if (v != current) {
                    counts.add(run);
                    run = 0;
                    current = v;
                }
                run++;
            }
        }
        counts.add(run);
        return counts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Which pixels a test mask sets. */
    interface PixelRule {
        boolean test(int x, int y);
    }

    static BinaryMask mask(int w, int h, PixelRule set) {
        boolean[] full = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                full[y * w + x] = set.test(x, y);
            }
        }
        return BinaryMask.ofRowMajor(w, h, full);
    }

    static void assertCodecExact(BinaryMask m) {
        CocoRle rle = CocoRle.of(m);
        assertArrayEquals(referenceCounts(m), rle.counts(), m.toString());
        assertEquals(m.area(), rle.area());
        assertEquals(m.bounds(), rle.bounds());
        String kaggle = MaskCodec.encode(m);
        assertEquals(rle.toRleString(), MaskCodec.decompressRleString(kaggle, m.width(), m.height()));
        assertEquals(m, MaskCodec.decode(kaggle, m.width(), m.height()));
        assertEquals(rle, CocoRle.parse(rle.toRleString(), m.width(), m.height()));
    }

    @Test
    void randomMasksOfRandomSizesRoundTrip() {
        Random rnd = new Random(20210401L);
        for (int t = 0; t < 300; t++) {
            int w = 1 + rnd.nextInt(70);
            int h = 1 + rnd.nextInt(70);
            double density = rnd.nextDouble();
            boolean[] full = new boolean[w * h];
            for (int i = 0; i < full.length; i++) {
                full[i] = rnd.nextDouble() < density;
            }
            assertCodecExact(BinaryMask.ofRowMajor(w, h, full));
        }
    }

    @Test
    void randomBlobsWithLongRunsRoundTrip() {
        // Large runs exercise multi-character values and negative differences in the string form.
        Random rnd = new Random(7L);
        for (int t = 0; t < 40; t++) {
            int w = 50 + rnd.nextInt(600);
            int h = 50 + rnd.nextInt(600);
            int cx = rnd.nextInt(w), cy = rnd.nextInt(h), r = 5 + rnd.nextInt(Math.min(w, h));
            assertCodecExact(mask(w, h, (x, y) -> (x - cx) * (x - cx) + (y - cy) * (y - cy) < r * r));
        }
    }

    @Test
    void emptyAndFull() {
        for (int[] s : new int[][] {{1, 1}, {1, 9}, {9, 1}, {37, 23}}) {
            BinaryMask empty = BinaryMask.empty(s[0], s[1]);
            assertArrayEquals(new int[] {s[0] * s[1]}, CocoRle.of(empty).counts());
            assertCodecExact(empty);
            BinaryMask full = mask(s[0], s[1], (x, y) -> true);
            assertArrayEquals(new int[] {0, s[0] * s[1]}, CocoRle.of(full).counts());
            assertCodecExact(full);
        }
    }

    @Test
    void singlePixelsAtCornersAndCentre() {
        int w = 31, h = 17;
        int[][] pixels = {{0, 0}, {w - 1, 0}, {0, h - 1}, {w - 1, h - 1}, {15, 8}};
        for (int[] p : pixels) {
            BinaryMask m = mask(w, h, (x, y) -> x == p[0] && y == p[1]);
            int before = p[0] * h + p[1];
            int after = w * h - before - 1;
            // pycocotools writes no empty run after the last set pixel.
            int[] expected = after == 0 ? new int[] {before, 1} : new int[] {before, 1, after};
            assertArrayEquals(expected, CocoRle.of(m).counts());
            assertCodecExact(m);
        }
        BinaryMask corners = mask(w, h, (x, y) -> (x == 0 || x == w - 1) && (y == 0 || y == h - 1));
        assertCodecExact(corners);
    }

    @Test
    void stripesCheckerboardsAndBlobsWithHoles() {
        assertCodecExact(mask(40, 30, (x, y) -> x % 2 == 0));
        assertCodecExact(mask(40, 30, (x, y) -> y % 2 == 0));
        assertCodecExact(mask(40, 30, (x, y) -> y % 3 == 1));
        assertCodecExact(mask(33, 29, (x, y) -> (x + y) % 2 == 0));
        assertCodecExact(mask(33, 29, (x, y) -> (x / 4 + y / 4) % 2 == 1));
        assertCodecExact(mask(120, 90, (x, y) -> {
            int d = (x - 60) * (x - 60) + (y - 45) * (y - 45);
            return d < 40 * 40 && d > 10 * 10 && !(Math.abs(x - 75) < 3 && Math.abs(y - 45) < 3);
        }));
    }

    @Test
    void masksCrossingColumnsGetTheirBoundsFromRuns() {
        // A run from the bottom of column 0 to the top of column 1 covers rows 0 and h-1 only.
        BinaryMask m = mask(4, 6, (x, y) -> (x == 0 && y == 5) || (x == 1 && y == 0));
        assertArrayEquals(new int[] {5, 2, 17}, CocoRle.of(m).counts());
        assertCodecExact(m);
    }

    @Test
    void largeMaskRoundTrips() {
        int n = 3072;
        BinaryMask m = mask(n, n, (x, y) -> {
            int dx = x - 1500, dy = y - 1700;
            int d = dx * dx + 3 * dy * dy;
            return d < 1200 * 1200 && d > 300 * 300 || (x / 97 + y / 61) % 5 == 0;
        });
        CocoRle rle = CocoRle.of(m);
        String kaggle = MaskCodec.encode(m);
        assertEquals(rle, MaskCodec.decodeRle(kaggle, n, n));
        assertEquals(m, rle.toMask());
        assertEquals(m.area(), rle.area());
    }

    @Test
    void intersectionAreaMatchesPixelCount() {
        Random rnd = new Random(3L);
        for (int t = 0; t < 200; t++) {
            int w = 1 + rnd.nextInt(40), h = 1 + rnd.nextInt(40);
            BinaryMask a = randomBlob(rnd, w, h);
            BinaryMask b = randomBlob(rnd, w, h);
            assertEquals(a.intersectionArea(b), CocoRle.of(a).intersectionArea(CocoRle.of(b)));
        }
    }

    private static BinaryMask randomBlob(Random rnd, int w, int h) {
        int cx = rnd.nextInt(w), cy = rnd.nextInt(h), r = 1 + rnd.nextInt(Math.max(w, h));
        double density = 0.5 + rnd.nextDouble() / 2;
        boolean[] full = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                full[y * w + x] = (x - cx) * (x - cx) + (y - cy) * (y - cy) < r * r && rnd.nextDouble() < density;
            }
        }
        return BinaryMask.ofRowMajor(w, h, full);
    }
}
