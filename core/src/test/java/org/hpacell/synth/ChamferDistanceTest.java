package org.hpacell.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The two-pass transforms against the shortest 8-connected paths (steps 1 and sqrt 2) found by
 * relaxing every pixel until nothing changes, on irregular, non-convex objects.
 */
class ChamferDistanceTest {
    private static final int W = 57, H = 41;
    private static final float DIAG = (float) Math.sqrt(2);

    /** Noisy Voronoi cells of a few random seeds, some background, ids 1..n. */
    private static int[] labels(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 7;
        double[] sx = new double[n], sy = new double[n];
        for (int k = 0; k < n; k++) {
            sx[k] = rng.nextDouble() * W;
            sy[k] = rng.nextDouble() * H;
        }
        int[] l = new int[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double best = Double.MAX_VALUE;
                for (int k = 0; k < n; k++) {
                    double d = Math.hypot(x - sx[k], y - sy[k]) * (0.7 + 0.6 * rng.nextDouble());
                    if (d < best) {
                        best = d;
                        l[y * W + x] = k + 1;
                    }
                }
                if (best > 14) l[y * W + x] = 0;
            }
        }
        return l;
    }

    /** Shortest 8-connected path lengths from the pixels with d = 0, moving only where {@code allowed}. */
    private static float[] relax(float[] d, java.util.function.IntPredicate allowed) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int i = y * W + x;
                    if (!allowed.test(i)) continue;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int xx = x + dx, yy = y + dy;
                            if ((dx == 0 && dy == 0) || xx < 0 || yy < 0 || xx >= W || yy >= H) continue;
                            int j = yy * W + xx;
                            if (!allowed.test(j)) continue;
                            float v = d[j] + (dx != 0 && dy != 0 ? DIAG : 1);
                            if (v < d[i] - 1e-6f) {
                                d[i] = v;
                                changed = true;
                            }
                        }
                    }
                }
            }
        }
        return d;
    }

    @Test
    void edgeDistanceIsTheShortestPathInsideTheObject() {
        for (long seed = 1; seed <= 5; seed++) {
            int[] l = labels(seed);
            float[] got = ChamferDistance.toEdge(W, H, l);
            for (int id = 1; id <= 7; id++) {
                int obj = id;
                float[] want = new float[W * H];
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        int i = y * W + x;
                        boolean edge = (x > 0 && l[i - 1] != obj) || (x < W - 1 && l[i + 1] != obj)
                                || (y > 0 && l[i - W] != obj) || (y < H - 1 && l[i + W] != obj);
                        want[i] = l[i] == obj && !edge ? ChamferDistance.FAR : 0;
                    }
                }
                relax(want, i -> l[i] == obj);
                for (int i = 0; i < l.length; i++) {
                    if (l[i] == obj) {
                        assertEquals(want[i], got[i], 1e-4, "seed " + seed + " object " + obj + " pixel " + i);
                    }
                }
            }
            for (int i = 0; i < l.length; i++) {
                if (l[i] == 0) assertEquals(0f, got[i], "background");
            }
        }
    }

    @Test
    void seedDistanceCountsOnlyTheObjectsOwnSeeds() {
        int[] l = labels(11);
        // Each object's seeds: its pixels in a 3 x 3 block around its first pixel; object 3 has none.
        int[] seeds = new int[l.length];
        for (int id = 1; id <= 7; id++) {
            if (id == 3) continue;
            int first = -1;
            for (int i = 0; i < l.length && first < 0; i++) {
                if (l[i] == id) first = i;
            }
            if (first < 0) continue;
            int fx = first % W, fy = first / W;
            for (int y = Math.max(0, fy - 1); y <= Math.min(H - 1, fy + 1); y++) {
                for (int x = Math.max(0, fx - 1); x <= Math.min(W - 1, fx + 1); x++) {
                    if (l[y * W + x] == id) seeds[y * W + x] = id;
                }
            }
        }
        float[] got = ChamferDistance.toSeeds(W, H, l, seeds);
        for (int id = 1; id <= 7; id++) {
            int obj = id;
            int x0 = W, y0 = H, x1 = -1, y1 = -1;
            for (int i = 0; i < l.length; i++) {
                if (l[i] == obj) {
                    x0 = Math.min(x0, i % W);
                    x1 = Math.max(x1, i % W);
                    y0 = Math.min(y0, i / W);
                    y1 = Math.max(y1, i / W);
                }
            }
            int bx0 = x0, by0 = y0, bx1 = x1, by1 = y1;
            float[] want = new float[W * H];
            Arrays.fill(want, ChamferDistance.FAR);
            for (int i = 0; i < l.length; i++) {
                if (seeds[i] == obj) want[i] = 0;
            }
            // Paths may cross any pixel of the object's box (straight-line distance within the box).
            relax(want, i -> i % W >= bx0 && i % W <= bx1 && i / W >= by0 && i / W <= by1);
            for (int i = 0; i < l.length; i++) {
                if (l[i] == obj) {
                    assertEquals(want[i], got[i], 1e-3, "object " + obj + " pixel " + i);
                }
            }
        }
        for (int i = 0; i < l.length; i++) {
            if (l[i] == 0 || l[i] == 3) assertEquals(ChamferDistance.FAR, got[i], "background and seedless object");
        }
    }
}
