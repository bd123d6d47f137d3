package org.hpacell.atlas;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An immutable set of {@link Location}s stored as a 19-bit mask. Parses and prints the
 * pipe-separated form of {@code train.csv} ({@code "8|5|0"}); printing keeps the order of
 * {@link #parse(String)} input only up to set semantics: {@link #toString()} lists indices in
 * ascending order ({@code "0|5|8"}).
 */
public final class LabelSet implements Iterable<Location> {
    private static final int ALL_BITS = (1 << Location.COUNT) - 1;
    /** The empty set. */
    public static final LabelSet EMPTY = new LabelSet(0);

    private final int bits;

    private LabelSet(int bits) {
        this.bits = bits;
    }

    /** A set from its bit mask (bit i = class i). */
    public static LabelSet ofBits(int bits) {
        if ((bits & ~ALL_BITS) != 0) {
            throw new IllegalArgumentException("bits outside the 19 classes: 0x" + Integer.toHexString(bits));
        }
        return bits == 0 ? EMPTY : new LabelSet(bits);
    }

    /** A set of the given class indices. */
    public static LabelSet of(int... indices) {
        int b = 0;
        for (int i : indices) {
            b |= 1 << Location.of(i).index();
        }
        return ofBits(b);
    }

    /** A set of the given classes. */
    public static LabelSet of(Iterable<Location> locations) {
        int b = 0;
        for (Location l : locations) {
            b |= 1 << l.index();
        }
        return ofBits(b);
    }

    /**
     * Parses {@code "8|5|0"}. Surrounding blanks are ignored; an empty string is the empty set.
     *
     * @throws IllegalArgumentException naming the offending token if one is not a class index
     */
    public static LabelSet parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return EMPTY;
        }
        int b = 0;
        for (String token : t.split("\\|", -1)) {
            String s = token.strip();
            int index;
            try {
                index = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("label '" + s + "' in '" + text + "' is not a class index");
            }
            if (index < 0 || index >= Location.COUNT) {
                throw new IllegalArgumentException("unknown class index " + index + " in '" + text + "' (valid: 0..18)");
            }
            b |= 1 << index;
        }
        return ofBits(b);
    }

    /** The bit mask (bit i = class i). */
    public int bits() {
        return bits;
    }

    public boolean contains(Location l) {
        return (bits & (1 << l.index())) != 0;
    }

    public boolean contains(int index) {
        return index >= 0 && index < Location.COUNT && (bits & (1 << index)) != 0;
    }

    public int size() {
        return Integer.bitCount(bits);
    }

    public boolean isEmpty() {
        return bits == 0;
    }

    public LabelSet with(Location l) {
        return ofBits(bits | (1 << l.index()));
    }

    public LabelSet union(LabelSet other) {
        return ofBits(bits | other.bits);
    }

    /** The indices in ascending order. */
    public int[] indices() {
        int[] out = new int[size()];
        int k = 0;
        for (int i = 0; i < Location.COUNT; i++) {
            if ((bits & (1 << i)) != 0) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** A 19-element 0/1 vector, e.g. a multi-hot training target. */
    public float[] toMultiHot() {
        float[] v = new float[Location.COUNT];
        for (int i : indices()) {
            v[i] = 1f;
        }
        return v;
    }

    public List<Location> toList() {
        List<Location> out = new ArrayList<>(size());
        forEach(out::add);
        return out;
    }

    @Override
    public Iterator<Location> iterator() {
        return new Iterator<>() {
            private int rest = bits;

            @Override
            public boolean hasNext() {
                return rest != 0;
            }

            @Override
            public Location next() {
                if (rest == 0) {
                    throw new NoSuchElementException();
                }
                int i = Integer.numberOfTrailingZeros(rest);
                rest &= rest - 1;
                return Location.of(i);
            }
        };
    }

    /** Pipe-separated indices in ascending order, e.g. {@code "0|5|8"}; empty string for the empty set. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i : indices()) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(i);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSet other && other.bits == bits;
    }

    @Override
    public int hashCode() {
        return bits;
    }
}
