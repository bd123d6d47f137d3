package org.hpacell.geojson;

import java.util.Arrays;

/**
 * A closed rectilinear ring on pixel corners: vertex {@code i} is {@code (x[i], y[i])}, the last vertex
 * connects back to the first (the first is not repeated). Consecutive vertices differ in exactly one
 * coordinate, and no three in a row are collinear.
 *
 * <p>Orientation follows RFC 7946 on the raw coordinates: a ring around pixels has a positive shoelace
 * area (an outer ring), a ring around a hole a negative one.
 */
record Ring(int[] x, int[] y) {
    Ring {
        if (x.length != y.length || x.length < 4) {
            throw new IllegalArgumentException("a ring needs at least 4 vertices, got " + x.length);
        }
    }

    /** The number of distinct vertices. */
    int size() {
        return x.length;
    }

    /** Twice the signed area (shoelace): positive around pixels, negative around a hole. */
    long doubleArea() {
        long s = 0;
        for (int i = 0, n = x.length; i < n; i++) {
            int j = (i + 1) % n;
            s += (long) x[i] * y[j] - (long) x[j] * y[i];
        }
        return s;
    }

    /**
     * Whether the point is inside the ring (even-odd crossing of a ray towards +x). The point must not lie
     * on the ring; a point with a half-integer {@code py} never meets a vertex.
     */
    boolean contains(double px, double py) {
        boolean inside = false;
        for (int i = 0, n = x.length; i < n; i++) {
            int j = (i + 1) % n;
            if (x[i] == x[j] && (y[i] > py) != (y[j] > py) && x[i] > px) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** A point strictly inside the ring's band of one vertical edge: the middle of its first unit step. */
    double[] pointOnVerticalEdge() {
        for (int i = 0, n = x.length; i < n; i++) {
            int j = (i + 1) % n;
            if (x[i] == x[j]) {
                return new double[] {x[i], y[i] + (y[j] > y[i] ? 0.5 : -0.5)};
            }
        }
        throw new IllegalStateException("a rectilinear ring without a vertical edge");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ring r && Arrays.equals(x, r.x) && Arrays.equals(y, r.y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Ring[");
        for (int i = 0; i < x.length; i++) {
            sb.append(i == 0 ? "" : " ").append(x[i]).append(',').append(y[i]);
        }
        return sb.append(']').toString();
    }
}
