package org.hpacell.pseudo;

import java.util.List;
import org.hpacell.atlas.Location;

/**
 * The 19 per-class maps of one field at the field's resolution: {@code maps[k][y * width + x]} is the
 * evidence for class {@code k} at pixel (x, y), normally in [0, 1] (a CAM normalised by its maximum).
 * A {@code null} entry stands for an all-zero map (e.g. a class whose CAM was not computed).
 *
 * @param maps 19 row-major arrays (or nulls), not copied
 */
public record ClassMaps(int width, int height, float[][] maps) {

    public ClassMaps {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("map size must be positive, got " + width + "x" + height);
        }
        if (maps.length != Location.COUNT) {
            throw new IllegalArgumentException("expected " + Location.COUNT + " class maps, got " + maps.length);
        }
        for (int k = 0; k < maps.length; k++) {
            if (maps[k] != null && maps[k].length != width * height) {
                throw new IllegalArgumentException("map of class " + k + " has " + maps[k].length
                        + " pixels, expected " + width + "x" + height);
            }
        }
    }

    /** The map of class {@code k}, or {@code null} if it is all zero. */
    public float[] map(int k) {
        return maps[k];
    }

    /** The value of class {@code k} at row-major index {@code i} (0 for an absent map). */
    public float value(int k, int i) {
        float[] m = maps[k];
        return m == null ? 0f : m[i];
    }

    /**
     * The pixel-wise mean of several fields' maps of the same size (an ensemble of CAMs). A class absent
     * from some members counts as zero there; it stays {@code null} only if absent from all.
     *
     * @throws IllegalArgumentException if the list is empty or the sizes differ
     */
    public static ClassMaps mean(List<ClassMaps> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member");
        }
        ClassMaps first = members.get(0);
        int n = first.width * first.height;
        for (ClassMaps m : members) {
            if (m.width != first.width || m.height != first.height) {
                throw new IllegalArgumentException("ensemble members differ in size: " + first.width + "x"
                        + first.height + " vs " + m.width + "x" + m.height);
            }
        }
        float scale = 1f / members.size();
        float[][] out = new float[Location.COUNT][];
        for (int k = 0; k < Location.COUNT; k++) {
            for (ClassMaps m : members) {
                float[] src = m.maps[k];
                if (src == null) continue;
                if (out[k] == null) out[k] = new float[n];
                float[] dst = out[k];
                for (int i = 0; i < n; i++) {
                    dst[i] += src[i] * scale;
                }
            }
        }
        return new ClassMaps(first.width, first.height, out);
    }
}
