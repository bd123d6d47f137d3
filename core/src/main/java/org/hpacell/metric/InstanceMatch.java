package org.hpacell.metric;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.hpacell.image.LabelImage;

/**
 * Class-agnostic matching of predicted objects to true objects in two label images of one field, at
 * IoU 0.6 (the competition's threshold, decided exactly by {@link Overlap#matches()}: {@code 5 *
 * intersection >= 3 * union}). Above IoU 0.5 a true object overlaps at most one predicted object that
 * well (and vice versa), so the matching is unique without any tie-breaking.
 *
 * <p>Counts add up over fields ({@link #plus}); {@link #averagePrecision()} is the instance-segmentation
 * "average precision" at one IoU threshold as the 2018 Data Science Bowl, StarDist and Cellpose report
 * it for objects without confidences: {@code TP / (TP + FP + FN)}.
 *
 * @param truePositives  predicted objects matched to a true object
 * @param falsePositives predicted objects matched to none
 * @param falseNegatives true objects matched to none
 */
public record InstanceMatch(long truePositives, long falsePositives, long falseNegatives) {
    /** No objects at all. */
    public static final InstanceMatch NONE = new InstanceMatch(0, 0, 0);

    /**
     * Matches the objects (ids > 0) of {@code predicted} to those of {@code truth}.
     *
     * @throws IllegalArgumentException if the images differ in size
     */
    public static InstanceMatch of(LabelImage truth, LabelImage predicted) {
        if (truth.width() != predicted.width() || truth.height() != predicted.height()) {
            throw new IllegalArgumentException("truth " + truth.width() + "x" + truth.height() + " and prediction "
                    + predicted.width() + "x" + predicted.height() + " differ in size");
        }
        int[] t = truth.array();
        int[] p = predicted.array();
        Map<Integer, Long> truthArea = new HashMap<>();
        Map<Integer, Long> predArea = new HashMap<>();
        // pixel counts of each (truth id, predicted id) pair, keyed as truth << 32 | predicted
        Map<Long, Long> pairs = new HashMap<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i] > 0) {
                truthArea.merge(t[i], 1L, Long::sum);
            }
            if (p[i] > 0) {
                predArea.merge(p[i], 1L, Long::sum);
            }
            if (t[i] > 0 && p[i] > 0) {
                pairs.merge(((long) t[i] << 32) | p[i], 1L, Long::sum);
            }
        }
        long tp = 0;
        for (Map.Entry<Long, Long> e : pairs.entrySet()) {
            int ti = (int) (e.getKey() >>> 32);
            int pi = (int) (long) e.getKey();
            long inter = e.getValue();
            if (new Overlap(inter, truthArea.get(ti) + predArea.get(pi) - inter).matches()) {
                tp++;
            }
        }
        return new InstanceMatch(tp, predArea.size() - tp, truthArea.size() - tp);
    }

    /** The counts of two sets of fields together. */
    public InstanceMatch plus(InstanceMatch o) {
        return new InstanceMatch(truePositives + o.truePositives, falsePositives + o.falsePositives,
                falseNegatives + o.falseNegatives);
    }

    /** {@code TP / (TP + FP + FN)}; 1 when there are no objects on either side. */
    public double averagePrecision() {
        long all = truePositives + falsePositives + falseNegatives;
        return all == 0 ? 1.0 : (double) truePositives / all;
    }

    /** {@code TP / (TP + FP)}; 1 without predictions. */
    public double precision() {
        long n = truePositives + falsePositives;
        return n == 0 ? 1.0 : (double) truePositives / n;
    }

    /** {@code TP / (TP + FN)}; 1 without true objects. */
    public double recall() {
        long n = truePositives + falseNegatives;
        return n == 0 ? 1.0 : (double) truePositives / n;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AP@0.6 %.4f (TP %d, FP %d, FN %d)", averagePrecision(), truePositives,
                falsePositives, falseNegatives);
    }
}
