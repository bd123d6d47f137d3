package org.hpacell.train.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;
import org.hpacell.train.config.SamplerConfig;

/**
 * The order in which an epoch visits the training fields, a pure function of (seed, epoch): a
 * shuffle, or class-balanced draws with replacement; optionally without some of the fields labelled
 * only with the most frequent class. A resumed run therefore sees exactly the order the uninterrupted
 * run would have seen.
 */
public final class EpochOrder {
    private static final long PURPOSE = 0x0D4E5L;
    private final List<LabelSet> labels;
    private final SamplerConfig config;
    private final long seed;
    private final double[] cumulativeWeight;
    private final int mostFrequent;

    public EpochOrder(List<LabelSet> labels, SamplerConfig config, long seed) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("no training fields");
        }
        this.labels = List.copyOf(labels);
        this.config = config;
        this.seed = seed;
        int[] counts = classCounts(labels);
        this.mostFrequent = argMax(counts);
        this.cumulativeWeight = config.classBalanced ? cumulativeWeights(labels, counts) : null;
    }

    /** Number of fields carrying each class. */
    public static int[] classCounts(List<LabelSet> labels) {
        int[] counts = new int[Location.COUNT];
        for (LabelSet s : labels) {
            for (int i : s.indices()) {
                counts[i]++;
            }
        }
        return counts;
    }

    /** The most frequent class (lowest index on ties). */
    public int mostFrequentClass() {
        return mostFrequent;
    }

    /** Indices into the label list for {@code epoch} (0-based). */
    public int[] order(int epoch) {
        SplittableRandom rng = Seeds.random(seed, PURPOSE, epoch);
        int n = config.epochSize > 0 ? config.epochSize : labels.size();
        List<Integer> out = new ArrayList<>(n);
        if (cumulativeWeight == null) {
            int[] perm = permutation(labels.size(), rng);
            for (int k = 0; out.size() < n; k++) {
                if (k > 0 && k % labels.size() == 0) {
                    perm = permutation(labels.size(), rng);
                }
                out.add(perm[k % labels.size()]);
            }
        } else {
            double total = cumulativeWeight[cumulativeWeight.length - 1];
            for (int k = 0; k < n; k++) {
                out.add(search(cumulativeWeight, rng.nextDouble() * total));
            }
        }
        if (config.dropMostFrequent > 0) {
            LabelSet only = LabelSet.of(mostFrequent);
            // One draw per position, whether or not the field qualifies, so the stream stays aligned.
            out.removeIf(i -> rng.nextDouble() < config.dropMostFrequent && labels.get(i).equals(only));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Weight of a field: the largest inverse frequency among its classes (1 / n for unlabelled fields). */
    private static double[] cumulativeWeights(List<LabelSet> labels, int[] counts) {
        double[] cum = new double[labels.size()];
        double acc = 0;
        for (int i = 0; i < labels.size(); i++) {
            double w = 1.0 / labels.size();
            for (int c : labels.get(i).indices()) {
                w = Math.max(w, 1.0 / counts[c]);
            }
            acc += w;
            cum[i] = acc;
        }
        return cum;
    }

    private static int search(double[] cum, double x) {
        int lo = 0;
        int hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static int argMax(int[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
