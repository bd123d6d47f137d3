package org.hpacell.segment;

import java.util.Random;

/**
 * Renders plausible HPA network outputs for tests and benchmarks: round-ish nuclei and cells that
 * fill the Voronoi regions around them up to a reach, touching cells and nuclei separated by bright
 * border-channel lines, with noise. Not a model of real images; it exercises every step of the
 * post-processing (touching objects, holes, specks, dim cells, objects cut by the image edge).
 */
final class SyntheticPredictions {
    final HpaPrediction nuclei;
    final HpaPrediction cells;

    private SyntheticPredictions(HpaPrediction nuclei, HpaPrediction cells) {
        this.nuclei = nuclei;
        this.cells = cells;
    }

    /**
     * @param size  image width and height
     * @param count number of cells (nuclei centres), placed with a minimum spacing where possible
     * @param scale object size relative to a 2048x2048 HPA field (1 for 2048, 0.25 for 512)
     */
    static SyntheticPredictions render(int size, int count, double scale, long seed) {
        return render(size, count, scale, seed, 1.0);
    }

    /** @param noise multiplies the noise (0: smooth outputs with large plateaus, where ties decide borders) */
    static SyntheticPredictions render(int size, int count, double scale, long seed, double noise) {
        Random rnd = new Random(seed);
        double spacing = 0.8 * size / Math.sqrt(count);
        double[] cx = new double[count];
        double[] cy = new double[count];
        double[] rx = new double[count];
        double[] ry = new double[count];
        double[] angle = new double[count];
        double[] reach = new double[count];
        double[] brightness = new double[count];
        int placed = 0;
        for (int attempt = 0; placed < count && attempt < count * 200; attempt++) {
            double x = rnd.nextDouble() * size;
            double y = rnd.nextDouble() * size;
            boolean ok = true;
            for (int k = 0; k < placed && ok; k++) {
                double dx = x - cx[k];
                double dy = y - cy[k];
                ok = dx * dx + dy * dy >= spacing * spacing;
            }
            if (!ok) {
                continue;
            }
            cx[placed] = x;
            cy[placed] = y;
            rx[placed] = scale * (28 + 14 * rnd.nextDouble());
            ry[placed] = scale * (24 + 12 * rnd.nextDouble());
            angle[placed] = rnd.nextDouble() * Math.PI;
            reach[placed] = scale * (70 + 60 * rnd.nextDouble());
            brightness[placed] = 0.55 + 0.45 * rnd.nextDouble();
            placed++;
        }
        int n = size * size;
        int[] nucG = new int[n];
        int[] nucB = new int[n];
        int[] cellG = new int[n];
        int[] cellB = new int[n];
        int grid = Math.max(1, (int) Math.ceil(spacing));
        int gw = size / grid + 1;
        int[][] buckets = new int[gw * gw][];
        int[] fill = new int[gw * gw];
        for (int k = 0; k < placed; k++) {
            int b = (int) (cy[k] / grid) * gw + (int) (cx[k] / grid);
            if (buckets[b] == null) {
                buckets[b] = new int[4];
            }
            if (fill[b] == buckets[b].length) {
                buckets[b] = java.util.Arrays.copyOf(buckets[b], fill[b] * 2);
            }
            buckets[b][fill[b]++] = k;
        }
        int searchRadius = (int) Math.ceil(scale * 130 / grid) + 1;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                // nearest and second nearest centre (cell distance scaled by reach)
                int best = -1;
                int second = -1;
                double d1 = Double.MAX_VALUE;
                double d2 = Double.MAX_VALUE;
                double nucleus = 0; // max nucleus membership
                double nucleusSecond = 0;
                int gx = x / grid;
                int gy = y / grid;
                for (int by = Math.max(0, gy - searchRadius); by <= Math.min(gw - 1, gy + searchRadius); by++) {
                    for (int bx = Math.max(0, gx - searchRadius); bx <= Math.min(gw - 1, gx + searchRadius); bx++) {
                        int b = by * gw + bx;
                        for (int j = 0; j < fill[b]; j++) {
                            int k = buckets[b][j];
                            double dx = x - cx[k];
                            double dy = y - cy[k];
                            double d = Math.sqrt(dx * dx + dy * dy) / reach[k];
                            if (d < d1) {
                                d2 = d1;
                                second = best;
                                d1 = d;
                                best = k;
                            } else if (d < d2) {
                                d2 = d;
                                second = k;
                            }
                            double c = Math.cos(angle[k]);
                            double s = Math.sin(angle[k]);
                            double u = (dx * c + dy * s) / rx[k];
                            double v = (-dx * s + dy * c) / ry[k];
                            double q = u * u + v * v;
                            double e = q > 9 ? 0 : 1 / (1 + Math.exp(12 * (Math.sqrt(q) - 1)));
                            if (e > nucleus) {
                                nucleusSecond = nucleus;
                                nucleus = e;
                            } else if (e > nucleusSecond) {
                                nucleusSecond = e;
                            }
                        }
                    }
                }
                int i = y * size + x;
                // noise in proportion to the signal: far from objects the networks output exact zeros
                nucB[i] = clamp(255 * nucleus * (1 + noise * 0.08 * rnd.nextGaussian()));
                nucG[i] = clamp(255 * 2.2 * Math.min(nucleus, nucleusSecond) * (1 + noise * 0.1 * rnd.nextGaussian()));
                if (best >= 0) {
                    double wobble = 0.06 * Math.sin(7 * Math.atan2(y - cy[best], x - cx[best]) + best);
                    double inside = 1 / (1 + Math.exp(25 * (d1 - 1 - wobble)));
                    cellB[i] = clamp(255 * inside * brightness[best] * (1 + noise * 0.08 * rnd.nextGaussian()));
                    if (second >= 0 && d2 < 1.05) {
                        double gap = (d2 - d1) * reach[best];
                        cellG[i] = clamp(255 * Math.exp(-gap * gap / (8 * scale * scale + 1)) * inside
                                * (1 + noise * 0.1 * rnd.nextGaussian()));
                    }
                }
            }
        }
        return new SyntheticPredictions(new HpaPrediction(size, size, nucG, nucB),
                new HpaPrediction(size, size, cellG, cellB));
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
