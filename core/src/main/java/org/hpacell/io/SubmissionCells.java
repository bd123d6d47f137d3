package org.hpacell.io;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hpacell.atlas.Location;

/**
 * The cells of a submission row, undecoded. A cell is a distinct mask string: a submission repeats a
 * cell's mask once for each class it scores, and ground truth once for each label of the cell.
 */
public final class SubmissionCells {
    private SubmissionCells() {
    }

    /**
     * Each distinct mask string of {@code row}, in order of first appearance, with one confidence per
     * class (NaN for classes the row does not give for it; the last one given wins).
     */
    public static Map<String, double[]> confidences(SubmissionRow row) {
        Map<String, double[]> byMask = new LinkedHashMap<>();
        for (Prediction p : row.predictions()) {
            byMask.computeIfAbsent(p.encodedMask(), m -> {
                double[] d = new double[Location.COUNT];
                Arrays.fill(d, Double.NaN);
                return d;
            })[p.classIndex()] = p.confidence();
        }
        return byMask;
    }

    /**
     * The class with the highest confidence (the first on ties); NaN confidences never win.
     *
     * @throws IllegalArgumentException if every confidence is NaN
     */
    public static Location top(double[] confidence) {
        int best = -1;
        for (int c = 0; c < confidence.length; c++) {
            if (!Double.isNaN(confidence[c]) && (best < 0 || confidence[c] > confidence[best])) {
                best = c;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("a cell with no class predicted");
        }
        return Location.of(best);
    }
}
