package org.hpacell.io.npz;

import java.nio.ByteBuffer;

/**
 * Numeric element types of tensor files, each widened to float32 by {@link #read}: the NumPy kinds
 * a {@code .npy} header can name ({@link #ofNumpy}) and, under the same constant names, the dtypes
 * of safetensors (which adds {@link #BF16}). Half precision and bfloat16 are widened exactly; 64-bit
 * values are rounded to the nearest float.
 */
public enum ElementType {
    F64(8), F32(4), F16(2), BF16(2), I64(8), I32(4), I16(2), I8(1), U8(1), BOOL(1);

    private final int bytes;

    ElementType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** Reads one element at the buffer's position (the buffer's byte order applies). */
    public float read(ByteBuffer b) {
        return switch (this) {
            case F64 -> (float) b.getDouble();
            case F32 -> b.getFloat();
            case F16 -> halfToFloat(b.getShort());
            case BF16 -> Float.intBitsToFloat((b.getShort() & 0xffff) << 16);
            case I64 -> (float) b.getLong();
            case I32 -> (float) b.getInt();
            case I16 -> b.getShort();
            case I8 -> b.get();
            case U8 -> b.get() & 0xff;
            case BOOL -> b.get() != 0 ? 1f : 0f;
        };
    }

    /**
     * The type of a NumPy kind character and item size, e.g. {@code ('f', 8)} for {@code '<f8'} or
     * {@code ('b', 1)} for {@code '|b1'}; null for a type not listed here.
     */
    public static ElementType ofNumpy(char kind, int size) {
        return switch (kind + Integer.toString(size)) {
            case "f8" -> F64;
            case "f4" -> F32;
            case "f2" -> F16;
            case "i8" -> I64;
            case "i4" -> I32;
            case "i2" -> I16;
            case "i1" -> I8;
            case "u1" -> U8;
            case "b1" -> BOOL;
            default -> null;
        };
    }

    /** IEEE 754 binary16 to float (exact: every half value is a float). */
    static float halfToFloat(short h) {
        int sign = (h >>> 15) & 1;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        float magnitude;
        if (exp == 0) {
            magnitude = mant * 0x1p-24f; // subnormal: mant * 2^-14 * 2^-10
        } else if (exp == 31) {
            magnitude = mant == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            magnitude = Float.intBitsToFloat(((exp - 15 + 127) << 23) | (mant << 13));
        }
        return sign == 1 ? -magnitude : magnitude;
    }
}
