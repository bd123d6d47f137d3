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

    public HpaSizes {
        if (holes < 0 || seeds < 0 || maskObjects < 0 || nuclei < 0 || cells < 0 || closingRadius < 0) {
            throw new IllegalArgumentException("sizes must be >= 0");
        }
    }
}
