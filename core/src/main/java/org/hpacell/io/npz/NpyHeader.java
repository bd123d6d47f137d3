package org.hpacell.io.npz;

import java.nio.ByteOrder;

/**
 * The header of one {@code .npy} array: NumPy's type string ({@code descr}, e.g. {@code '<f8'}),
 * whether the data is in Fortran (column-major, first index fastest) order rather than C order, and
 * the shape ({@code []} for a scalar).
 */
public record NpyHeader(String descr, boolean fortranOrder, int[] shape) {
    public NpyHeader {
        shape = shape.clone();
    }

    /** A copy of the shape. */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The byte order of the data: big-endian for a {@code '>'} descr, else little-endian. */
    public ByteOrder byteOrder() {
        return descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    /** The element type named by {@code descr} ({@code '<'}, {@code '>'}, {@code '|'} or {@code '='} prefix), or null. */
    public ElementType elementType() {
        if (descr.length() < 3 || "<>|=".indexOf(descr.charAt(0)) < 0) {
            return null;
        }
        try {
            return ElementType.ofNumpy(descr.charAt(1), Integer.parseInt(descr.substring(2)));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
