package org.hpacell.metric;

import org.hpacell.image.Box;
import org.hpacell.io.CocoRle;

/**
 * The overlap of two regions as exact pixel counts, so that IoU comparisons involve no rounding: an IoU
 * of exactly 0.6 (e.g. 3 of 5 pixels) is recognised as such.
 *
 * @param intersection pixels in both
 * @param union        pixels in either (0 only when both are empty; such an overlap counts as IoU 0)
 */
public record Overlap(long intersection, long union) {
    /** The matching threshold of the competition, 3/5. */
    private static final long THRESHOLD_NUM = 3;
    private static final long THRESHOLD_DEN = 5;

    /** The overlap of two RLE masks (pixels) or of their bounding boxes. */
    public static Overlap of(CocoRle a, CocoRle b, IouKind kind) {
        if (kind == IouKind.BOX) {
            return of(a.bounds(), b.bounds());
        }
        long inter = a.intersectionArea(b);
        return new Overlap(inter, a.area() + b.area() - inter);
    }

    /** The overlap of two pixel rectangles. */
    public static Overlap of(Box a, Box b) {
        long inter = a.intersect(b).area();
        return new Overlap(inter, a.area() + b.area() - inter);
    }

    /** IoU >= 0.6, decided as {@code 5 * intersection >= 3 * union} in integers. */
    public boolean matches() {
        return union > 0 && THRESHOLD_DEN * intersection >= THRESHOLD_NUM * union;
    }

    /** Whether this IoU is strictly larger than {@code o}'s (compared by cross-multiplication). */
    public boolean greaterThan(Overlap o) {
        long u = Math.max(union, 1);
        long ou = Math.max(o.union, 1);
        return intersection * ou > o.intersection * u;
    }

    /** The IoU as a double (0 when the union is empty). */
    public double iou() {
        return union == 0 ? 0 : (double) intersection / union;
    }
}
