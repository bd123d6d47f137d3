package org.hpacell.cam.sccam;

import java.util.Arrays;
import java.util.Map;

/**
 * The sub-category of every training image in each of its classes: sub-category {@code j} of class
 * {@code c} is head output {@code c * k + j}.
 *
 * @param k          sub-categories per class
 * @param numClasses parent classes
 * @param assignment per image id, per class: the sub-category index in {@code [0, k)}, or -1 where the
 *                   image does not have the class
 */
public record SubCategoryLabels(int k, int numClasses, Map<String, int[]> assignment) {
    public SubCategoryLabels {
        assignment = Map.copyOf(assignment);
    }

    /** Outputs of the sub-category head: {@code numClasses * k}. */
    public int outputs() {
        return numClasses * k;
    }

    /**
     * The multi-hot sub-category target of an image: 1 at {@code c * k + j} for each of its classes c.
     *
     * @throws IllegalArgumentException if the image was not clustered
     */
    public float[] target(String id) {
        int[] a = assignment.get(id);
        if (a == null) {
            throw new IllegalArgumentException("field " + id + " has no sub-category labels (not in the clustered set)");
        }
        float[] t = new float[outputs()];
        for (int c = 0; c < numClasses; c++) {
            if (a[c] >= 0) {
                t[c * k + a[c]] = 1f;
            }
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SubCategoryLabels s) || s.k != k || s.numClasses != numClasses
                || !s.assignment.keySet().equals(assignment.keySet())) {
            return false;
        }
        for (Map.Entry<String, int[]> e : assignment.entrySet()) {
            if (!Arrays.equals(e.getValue(), s.assignment.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = k * 31 + numClasses;
        for (Map.Entry<String, int[]> e : assignment.entrySet()) {
            h += e.getKey().hashCode() ^ Arrays.hashCode(e.getValue());
        }
        return h;
    }
}
