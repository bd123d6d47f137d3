package org.hpacell.pseudo;

import org.hpacell.atlas.Location;

/**
 * The 19 per-class maps of one field at the field's resolution, normally in [0, 1] (a CAM normalised by
 * its maximum, or the mean of an ensemble's). One {@code float[]} in class-major, then row-major order:
 * class {@code k} at pixel (x, y) is {@code values[k * width * height + y * width + x]}, the layout of
 * the CAM files ({@code org.hpacell.cam.CamMaps#array()}), so those wrap without a copy.
 *
 * @param values {@code 19 * width * height} values, not copied
 */
public record ClassMaps(int width, int height, float[] values) {

    public ClassMaps {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("map size must be positive, got " + width + "x" + height);
        }
        if (values.length != (long) Location.COUNT * width * height) {
            throw new IllegalArgumentException("class maps hold " + values.length + " values, expected "
                    + Location.COUNT + " classes x " + width + "x" + height);
        }
    }

    /**
     * Maps from one row-major array per class; a {@code null} entry is an all-zero map.
     *
     * @throws IllegalArgumentException if there are not 19 entries or one has the wrong length
     */
    public static ClassMaps of(int width, int height, float[][] perClass) {
        if (perClass.length != Location.COUNT) {
            throw new IllegalArgumentException("expected " + Location.COUNT + " class maps, got " + perClass.length);
        }
        int plane = width * height;
        float[] values = new float[Location.COUNT * plane];
        for (int k = 0; k < Location.COUNT; k++) {
            float[] m = perClass[k];
            if (m == null) continue;
            if (m.length != plane) {
                throw new IllegalArgumentException("map of class " + k + " has " + m.length
                        + " pixels, expected " + width + "x" + height);
            }
            System.arraycopy(m, 0, values, k * plane, plane);
        }
        return new ClassMaps(width, height, values);
    }

    /** Index in {@link #values()} of class {@code k}'s first pixel. */
    public int offset(int k) {
        return k * width * height;
    }

    /** The value of class {@code k} at row-major pixel index {@code i}. */
    public float value(int k, int i) {
        return values[offset(k) + i];
    }
}
