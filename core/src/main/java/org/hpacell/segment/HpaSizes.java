package org.hpacell.segment;

/**
 * The size cut-offs (in pixels, each a strict "smaller than" cut) and the closing radius of
 * HPA-Cell-Segmentation's post-processing.
 *
 * @param holes        holes of the nucleus foreground filled below this area (1000)
 * @param seeds        nucleus seeds of {@code label_cell} removed below this area (500)
 * @param maskObjects  specks of {@code label_cell}'s nucleus foreground removed below this area (8)
 * @param nuclei       nuclei removed below this area (2500)
 * @param cells        cells removed below this area (5500)
 * @param closingRadius radius of the disk that closes the cell labels (6)
 */
public record HpaSizes(int holes, int seeds, int maskObjects, int nuclei, int cells, int closingRadius) {
    /** The original's values, for full-size network outputs. */
    public static final HpaSizes FULL = new HpaSizes(1000, 500, 8, 2500, 5500, 6);

    /**
     * The fast variant used on Kaggle, run at 1/4 scale: the four areas divided by about 16
     * (1000 -> 63, 500 -> 32, 2500 -> 157, 5500 -> 344). The speck cut-off (8) and the closing radius
     * (6) are kept as they are: the variant's description scales only the four areas.
     */
    public static final HpaSizes QUARTER = new HpaSizes(63, 32, 8, 157, 344, 6);

    /** The side of the HPA fields the original cut-offs were chosen for (2048 x 2048 px). */
    public static final int REFERENCE_SIDE = 2048;

    /**
     * These cut-offs for a field of {@code width x height} pixels showing cells as HPA's 2048 x 2048
     * fields do, only at a smaller pixel count (as the synthetic atlas draws them: cell sizes scale with
     * the field). The linear factor is {@code f = sqrt(width * height) / 2048}; areas scale by {@code f^2}
     * and the closing radius by {@code f}, each rounded to the nearest integer and kept at least 1 (a cut
     * at 0 would keep one-pixel specks the original removes). A 2048 x 2048 field keeps these values.
     */
    public HpaSizes scaledTo(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("field size must be positive, got " + width + "x" + height);
        }
        double f = Math.sqrt((double) width * height) / REFERENCE_SIDE;
        double a = f * f;
        return new HpaSizes(area(holes, a), area(seeds, a), area(maskObjects, a), area(nuclei, a), area(cells, a),
                Math.max(1, (int) Math.round(closingRadius * f)));
    }

    private static int area(int value, double factor) {
        return Math.max(1, (int) Math.round(value * factor));
    }

    public HpaSizes {
        if (holes < 0 || seeds < 0 || maskObjects < 0 || nuclei < 0 || cells < 0 || closingRadius < 0) {
            throw new IllegalArgumentException("sizes must be >= 0");
        }
    }
}
