package org.hpacell.metric;

import org.hpacell.atlas.Location;

/**
 * The evaluation of one class.
 *
 * @param location          the class
 * @param truthInstances    ground-truth cells of the class over all fields
 * @param detections        detections scored (in fields that have ground truth of the class)
 * @param ignoredDetections detections in fields without ground truth of the class (Open Images rule)
 * @param truePositives     scored detections matched to a ground-truth cell
 * @param averagePrecision  AP, or NaN when the class has no ground truth (it is then left out of the mean)
 */
public record ClassResult(Location location, long truthInstances, int detections, int ignoredDetections,
        int truePositives, double averagePrecision) {

    /** Whether the class has ground truth, i.e. an AP that counts in the mean. */
    public boolean hasTruth() {
        return truthInstances > 0;
    }
}
