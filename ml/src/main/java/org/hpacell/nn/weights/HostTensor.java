package org.hpacell.nn.weights;

import java.util.Arrays;

/**
 * A tensor held in Java memory as float32 values in row-major (C) order, with the element type it
 * was stored as in its file (e.g. {@code "F32"}, {@code "<f8"}) for messages.
 */
public final class HostTensor {
    private final long[] shape;
    private final float[] values;
    private final String storedType;

    /**
     * @param shape dimensions, outermost first ({@code []} for a scalar)
     * @param values {@code product(shape)} values in row-major order (not copied)
     * @param storedType the element type in the file, for messages
     */
    public HostTensor(long[] shape, float[] values, String storedType) {
        long n = elementCount(shape);
        if (n != values.length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " holds " + n + " values, got " + values.length);
        }
        this.shape = shape.clone();
        this.values = values;
        this.storedType = storedType;
    }

    /** A float32 tensor. */
    public static HostTensor of(long[] shape, float[] values) {
        return new HostTensor(shape, values, "F32");
    }

    public long[] shape() {
        return shape.clone();
    }

    /** The values in row-major order (the array itself, not a copy). */
    public float[] values() {
        return values;
    }

    public String storedType() {
        return storedType;
    }

    /** The product of the dimensions, checked against overflow. */
    public static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Shape as {@code (a, b, c)}, as PyTorch prints it. */
    public static String format(long[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        return storedType + format(shape);
    }
}
