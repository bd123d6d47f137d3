package org.hpacell.cam;

import java.util.Arrays;
import java.util.List;

/**
 * Test-time augmentation: every combination of the given flips and scales is one forward pass; each
 * pass's maps are mapped back to the original frame (resized back, flip undone) and averaged.
 *
 * <p>The maps are equivariant to a flip {@code g} (maps of {@code g(field)} = {@code g(maps of field)})
 * exactly when the flip set is closed under composition with {@code g}: {@link #standard()} uses all
 * four flips for that reason, since {none, horizontal, vertical} alone is not closed.
 *
 * @param flips  the flips of each pass
 * @param scales input scale factors, e.g. 1.0, 1.2, 1.4: a pass at scale s feeds the network the input
 *               resized to {@code round(s * size)}
 */
public record TtaPlan(List<Flip> flips, double[] scales) {
    public TtaPlan {
        flips = List.copyOf(flips);
        scales = scales.clone();
        if (flips.isEmpty() || scales.length == 0) {
            throw new IllegalArgumentException("a TTA plan needs at least one flip and one scale");
        }
        for (double s : scales) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("TTA scale must be positive, got " + s);
            }
        }
    }

    /** A single plain pass. */
    public static TtaPlan none() {
        return new TtaPlan(List.of(Flip.NONE), new double[] {1.0});
    }

    /** The seed solution's TTA: horizontal and vertical flips (all four combinations) at scales 1, 1.2, 1.4. */
    public static TtaPlan standard() {
        return new TtaPlan(List.of(Flip.values()), new double[] {1.0, 1.2, 1.4});
    }

    @Override
    public double[] scales() {
        return scales.clone();
    }

    /** Number of forward passes per image. */
    public int passes() {
        return flips.size() * scales.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TtaPlan t && t.flips.equals(flips) && Arrays.equals(t.scales, scales);
    }

    @Override
    public int hashCode() {
        return flips.hashCode() * 31 + Arrays.hashCode(scales);
    }

    @Override
    public String toString() {
        return "TtaPlan" + flips + " x " + Arrays.toString(scales);
    }
}
