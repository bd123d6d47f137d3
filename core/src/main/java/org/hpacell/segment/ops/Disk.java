package org.hpacell.segment.ops;

/**
 * The disk structuring element of {@code skimage.morphology.disk(radius)}: the offsets
 * {@code (dx, dy)} with {@code dx*dx + dy*dy <= radius*radius}, stored as the half-width of each row
 * ({@code |dx| <= halfWidth(dy)}).
 */
public final class Disk {
    private final int radius;
    private final int[] halfWidths;

    /** @param radius {@code >= 0} */
    public Disk(int radius) {
        if (radius < 0) {
            throw new IllegalArgumentException("disk radius must be >= 0, got " + radius);
        }
        this.radius = radius;
        this.halfWidths = new int[2 * radius + 1];
        for (int dy = -radius; dy <= radius; dy++) {
            int w = 0;
            while ((w + 1) * (w + 1) + dy * dy <= radius * radius) {
                w++;
            }
            halfWidths[dy + radius] = w;
        }
    }

    public int radius() {
        return radius;
    }

    /** The largest {@code |dx|} in row {@code dy} ({@code -radius <= dy <= radius}). */
    public int halfWidth(int dy) {
        return halfWidths[dy + radius];
    }

    /** Whether offset {@code (dx, dy)} belongs to the disk. */
    public boolean contains(int dx, int dy) {
        return Math.abs(dy) <= radius && Math.abs(dx) <= halfWidths[dy + radius];
    }
}
