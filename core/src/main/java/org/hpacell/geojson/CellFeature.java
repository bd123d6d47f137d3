package org.hpacell.geojson;

import java.util.List;
import org.hpacell.atlas.Location;
import org.hpacell.image.BinaryMask;
import org.hpacell.io.SubmissionCells;

/**
 * One predicted cell of a field, ready to be written as a GeoJSON Feature.
 *
 * @param number     1-based, in order of the cell's first appearance in its submission row
 * @param polygons   its mask's outline, one polygon per 4-connected piece
 * @param confidence one value per class; NaN where the row gives none
 */
record CellFeature(int number, List<OutlinePolygon> polygons, double[] confidence) {
    CellFeature {
        polygons = List.copyOf(polygons);
        confidence = confidence.clone();
    }

    /** The cell of a decoded mask. */
    static CellFeature of(int number, BinaryMask mask, double[] confidence) {
        return new CellFeature(number, OutlineTracer.trace(mask), confidence);
    }

    /** The most confident class (the first on ties). */
    Location top() {
        return SubmissionCells.top(confidence);
    }

    /** The confidence of {@code c}, 0 where the row gives none (ground truth lists only a cell's labels). */
    double confidenceOrZero(Location c) {
        double v = confidence[c.index()];
        return Double.isNaN(v) ? 0 : v;
    }
}
