package org.hpacell.nn.hpa;

/**
 * The {@code CellSegmentator} arguments that change what the networks see.
 *
 * @param scaleFactor the field is rescaled by this before the networks and their outputs are resized
 *                    back (HPA's default 0.25); in (0, 1]
 * @param padding     reflect-pad the rescaled image by 32 px on the top and left and to a multiple of 32
 *                    on the bottom and right (HPA's default: off). The DPN U-Nets need sides that are
 *                    multiples of 32, so fields whose rescaled size is not (e.g. 1728 px at 0.25 = 432)
 *                    need it; HPA's README notes that it "seems to solve most issues" met in the
 *                    Kaggle challenge.
 */
public record HpaModelOptions(double scaleFactor, boolean padding) {
    /** HPA's defaults: scale 0.25, no padding. */
    public static final HpaModelOptions DEFAULTS = new HpaModelOptions(0.25, false);

    public HpaModelOptions {
        if (!(scaleFactor > 0 && scaleFactor <= 1)) {
            throw new IllegalArgumentException("scale factor must be in (0, 1], got " + scaleFactor);
        }
    }

    /** The defaults with padding on or off. */
    public static HpaModelOptions withPadding(boolean padding) {
        return new HpaModelOptions(DEFAULTS.scaleFactor(), padding);
    }
}
