package org.hpacell.cam.sccam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;

/**
 * Clusters the pooled features of the images of each class with k-means++ (Apache Commons Math),
 * giving every (image, class) pair a sub-category.
 *
 * <p>Deterministic for a seed: class c's clustering uses its own {@link Well19937c} seeded with
 * {@code (seed, c)}, and images are visited in the given order. A class with fewer images than K gets
 * as many sub-categories as it has images (the unused head outputs are never positive).
 */
public final class SubCategoryClustering {
    /** The published K. */
    public static final int DEFAULT_K = 10;
    /** Lloyd iterations per clustering (Commons Math stops earlier when assignments are stable). */
    public static final int MAX_ITERATIONS = 100;

    private final int k;
    private final long seed;

    public SubCategoryClustering(int k, long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("K must be positive, got " + k);
        }
        this.k = k;
        this.seed = seed;
    }

    /** One image's pooled features and labels. */
    public record PooledImage(String id, float[] features, boolean[] labels) {
    }

    private record Point(int image, double[] point) implements Clusterable {
        @Override
        public double[] getPoint() {
            return point;
        }
    }

    /** The sub-categories of {@code images} (all with the same feature length and class count). */
    public SubCategoryLabels cluster(List<PooledImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images to cluster");
        }
        int classes = images.get(0).labels().length;
        int[][] assign = new int[images.size()][classes];
        for (int[] row : assign) {
            java.util.Arrays.fill(row, -1);
        }
        for (int c = 0; c < classes; c++) {
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                if (images.get(i).labels()[c]) {
                    float[] f = images.get(i).features();
                    double[] p = new double[f.length];
                    for (int d = 0; d < f.length; d++) {
                        p[d] = f[d];
                    }
                    points.add(new Point(i, p));
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            int clusters = Math.min(k, points.size());
            KMeansPlusPlusClusterer<Point> kmeans = new KMeansPlusPlusClusterer<>(clusters, MAX_ITERATIONS,
                    new EuclideanDistance(), new Well19937c(new int[] {(int) seed, (int) (seed >>> 32), c}));
            List<CentroidCluster<Point>> result = kmeans.cluster(points);
            for (int j = 0; j < result.size(); j++) {
                for (Point p : result.get(j).getPoints()) {
                    assign[p.image()][c] = j;
                }
            }
        }
        Map<String, int[]> byId = new LinkedHashMap<>();
        for (int i = 0; i < images.size(); i++) {
            if (byId.put(images.get(i).id(), assign[i]) != null) {
                throw new IllegalArgumentException("field " + images.get(i).id() + " appears twice");
            }
        }
        return new SubCategoryLabels(k, classes, byId);
    }
}
