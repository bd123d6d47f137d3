package org.hpacell.nn.weights;

import java.nio.ByteBuffer;

/**
 * Element types readable from tensor files, each converted to float32 on reading. Half precision
 * and bfloat16 are widened exactly; 64-bit values are rounded to the nearest float.
 */
enum ElementType {
    F64(8), F32(4), F16(2), BF16(2), I64(8), I32(4), I16(2), I8(1), U8(1), BOOL(1);

    final int bytes;

    ElementType(int bytes) {
        this.bytes = bytes;
    }

    /** Reads one element at the buffer's position (the buffer's byte order applies). */
    float read(ByteBuffer b) {
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
