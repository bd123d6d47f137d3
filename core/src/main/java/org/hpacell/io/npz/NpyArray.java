package org.hpacell.io.npz;

import java.util.Arrays;
import java.util.Objects;

/**
 * An n-dimensional array as stored in a {@code .npy} file: an element type, a shape and the elements in
 * C (row-major) order held in a Java primitive array ({@code float[]}, {@code int[]} or {@code byte[]}).
 * The data array is shared, not copied.
 */
public final class NpyArray {
    /** The element types this codec reads and writes, with NumPy's {@code descr} string. */
    public enum DType {
        /** 32-bit IEEE float, little-endian ({@code '<f4'}). */
        FLOAT32("<f4", 4),
        /** 32-bit signed integer, little-endian ({@code '<i4'}). */
        INT32("<i4", 4),
        /** Unsigned byte ({@code '|u1'}); Java holds it in a signed {@code byte}, read it with {@code & 0xff}. */
        UINT8("|u1", 1);

        private final String descr;
        private final int bytes;

        DType(String descr, int bytes) {
            this.descr = descr;
            this.bytes = bytes;
        }

        /** NumPy's type string, e.g. {@code "<f4"}. */
        public String descr() {
            return descr;
        }

        /** Bytes per element. */
        public int bytes() {
            return bytes;
        }

        /** The type with this descr ({@code '<u1'} is accepted for {@code '|u1'}), or null. */
        static DType ofDescr(String descr) {
            for (DType t : values()) {
                if (t.descr.equals(descr)) {
                    return t;
                }
            }
            return "<u1".equals(descr) ? UINT8 : null;
        }
    }

    private final DType dtype;
    private final int[] shape;
    private final Object data;

    private NpyArray(DType dtype, int[] shape, Object data, int length) {
        this.dtype = dtype;
        this.shape = shape.clone();
        this.data = data;
        long n = elementCount(this.shape);
        if (n != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n
                    + " elements but the data has " + length);
        }
    }

    /** A float32 array of the given shape over {@code data} (not copied). */
    public static NpyArray ofFloats(float[] data, int... shape) {
        return new NpyArray(DType.FLOAT32, shape, Objects.requireNonNull(data, "data"), data.length);
    }

    /** An int32 array of the given shape over {@code data} (not copied). */
    public static NpyArray ofInts(int[] data, int... shape) {
        return new NpyArray(DType.INT32, shape, Objects.requireNonNull(data, "data"), data.length);
    }

    /** A uint8 array of the given shape over {@code data} (not copied). */
    public static NpyArray ofBytes(byte[] data, int... shape) {
        return new NpyArray(DType.UINT8, shape, Objects.requireNonNull(data, "data"), data.length);
    }

    /** The number of elements of a shape (1 for the empty shape of a scalar). */
    static long elementCount(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        return n;
    }

    public DType dtype() {
        return dtype;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements. */
    public int size() {
        return (int) elementCount(shape);
    }

    /** The float32 data (shared). */
    public float[] floats() {
        return (float[]) dataOf(DType.FLOAT32);
    }

    /** The int32 data (shared). */
    public int[] ints() {
        return (int[]) dataOf(DType.INT32);
    }

    /** The uint8 data (shared). */
    public byte[] bytes() {
        return (byte[]) dataOf(DType.UINT8);
    }

    /** The primitive data array, whatever its type (shared). */
    Object data() {
        return data;
    }

    private Object dataOf(DType wanted) {
        if (dtype != wanted) {
            throw new IllegalStateException("array holds " + dtype.descr() + ", not " + wanted.descr());
        }
        return data;
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype.descr() + " " + Arrays.toString(shape) + "]";
    }
}
