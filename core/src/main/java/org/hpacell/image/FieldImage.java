package org.hpacell.image;

import java.util.Objects;

/**
 * One field of view: four channels (red, green, blue, yellow; see {@link Channel}) of equal size.
 * Each channel is a row-major {@code float[]} holding the raw stored values at full precision
 * (0..255 for 8-bit, 0..65535 for 16-bit; floats represent every such integer exactly), together
 * with the {@link #bitDepth()} they were read at.
 */
public final class FieldImage {
    private final String id;
    private final int width;
    private final int height;
    private final int bitDepth;
    private final float[][] channels;

    /**
     * @param id       the field id (the {@code ID} of {@code ID_red.png})
     * @param bitDepth 8 or 16
     * @param channels four row-major arrays in {@link Channel} order, not copied
     */
    public FieldImage(String id, int width, int height, int bitDepth, float[][] channels) {
        this.id = Objects.requireNonNull(id, "id");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("field " + id + ": size must be positive, got " + width + "x" + height);
        }
        if (bitDepth != 8 && bitDepth != 16) {
            throw new IllegalArgumentException("field " + id + ": bit depth must be 8 or 16, got " + bitDepth);
        }
        if (channels.length != Channel.COUNT) {
            throw new IllegalArgumentException("field " + id + ": expected 4 channels, got " + channels.length);
        }
        for (Channel c : Channel.values()) {
            float[] a = channels[c.ordinal()];
            if (a == null || a.length != width * height) {
                throw new IllegalArgumentException("field " + id + ": channel " + c.suffix() + " has "
                        + (a == null ? "no" : a.length) + " pixels, expected " + width + "x" + height);
            }
        }
        this.width = width;
        this.height = height;
        this.bitDepth = bitDepth;
        this.channels = channels;
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

    public int bitDepth() {
        return bitDepth;
    }

    /** The largest value the bit depth can hold: 255 or 65535. */
    public float maxValue() {
        return bitDepth == 16 ? 65535f : 255f;
    }

    /** The raw values of one channel (row-major, shared, not copied). */
    public float[] channel(Channel c) {
        return channels[c.ordinal()];
    }

    /** Raw value at (x, y). */
    public float get(Channel c, int x, int y) {
        return channels[c.ordinal()][y * width + x];
    }

    /** A copy of one channel scaled to [0, 1] by {@link #maxValue()}. */
    public float[] normalized(Channel c) {
        float[] src = channel(c);
        float[] out = new float[src.length];
        float s = 1f / maxValue();
        for (int i = 0; i < src.length; i++) {
            out[i] = src[i] * s;
        }
        return out;
    }
}
