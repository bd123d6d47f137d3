package org.hpacell.cam;

import java.util.List;
import java.util.Objects;

/**
 * The class activation maps of one field: one map per class at the field's size, each normalised to
 * [0, 1] by its own maximum, and the image-level class probabilities.
 *
 * <p>The maps are held in one {@code float[]} in class-major, then row-major order: the value of
 * class {@code c} at pixel {@code (x, y)} is {@code maps[c * width * height + y * width + x]}, the C
 * order of a NumPy array of shape {@code (classes, height, width)}.
 */
public final class CamMaps {
    private final String id;
    private final int width;
    private final int height;
    private final float[] maps;
    private final float[] probabilities;

    /**
     * @param maps          {@code probabilities.length * height * width} values (not copied)
     * @param probabilities one image-level probability per class (not copied)
     */
    public CamMaps(String id, int width, int height, float[] maps, float[] probabilities) {
        this.id = Objects.requireNonNull(id, "id");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("field " + id + ": map size must be positive, got " + width + "x" + height);
        }
        if (probabilities.length == 0) {
            throw new IllegalArgumentException("field " + id + ": no classes");
        }
        long expected = (long) probabilities.length * width * height;
        if (maps.length != expected) {
            throw new IllegalArgumentException("field " + id + ": " + maps.length + " map values, expected "
                    + probabilities.length + " classes x " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.maps = maps;
        this.probabilities = probabilities;
    }

    public String id() {
        return id;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int numClasses() {
        return probabilities.length;
    }

    /** All maps, class-major then row-major (shared, not copied). */
    public float[] array() {
        return maps;
    }

    /** Index in {@link #array()} of class {@code c}'s first pixel. */
    public int offset(int c) {
        return c * width * height;
    }

    /** A copy of class {@code c}'s map, row-major. */
    public float[] map(int c) {
        return java.util.Arrays.copyOfRange(maps, offset(c), offset(c) + width * height);
    }

    /** The map value of class {@code c} at {@code (x, y)}. */
    public float get(int c, int x, int y) {
        return maps[offset(c) + y * width + x];
    }

    /** The image-level probabilities (shared, not copied). */
    public float[] probabilities() {
        return probabilities;
    }

    /**
     * The element-wise mean of several fields' maps and probabilities, as an ensemble averages its
     * models. All must have the same size and class count; the id is the first's.
     */
    public static CamMaps average(List<CamMaps> all) {
        if (all.isEmpty()) {
            throw new IllegalArgumentException("nothing to average");
        }
        CamMaps first = all.get(0);
        float[] maps = new float[first.maps.length];
        float[] probs = new float[first.probabilities.length];
        for (CamMaps m : all) {
            if (m.width != first.width || m.height != first.height || m.numClasses() != first.numClasses()) {
                throw new IllegalArgumentException("field " + first.id + ": cannot average maps of "
                        + m.numClasses() + "x" + m.width + "x" + m.height + " with "
                        + first.numClasses() + "x" + first.width + "x" + first.height);
            }
            for (int i = 0; i < maps.length; i++) {
                maps[i] += m.maps[i];
            }
            for (int c = 0; c < probs.length; c++) {
                probs[c] += m.probabilities[c];
            }
        }
        float inv = 1f / all.size();
        for (int i = 0; i < maps.length; i++) {
            maps[i] *= inv;
        }
        for (int c = 0; c < probs.length; c++) {
            probs[c] *= inv;
        }
        return new CamMaps(first.id, first.width, first.height, maps, probs);
    }
}
