package org.hpacell.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The string form of COCO RLE counts, exactly as cocoapi's {@code maskApi.c} writes it
 * ({@code rleToString}) and reads it ({@code rleFrString}).
 *
 * <p>Each count is written as a signed value {@code x}: the count itself for the first three counts,
 * and the difference to the count two places earlier from the fourth on ({@code i > 2}, as in the C
 * code). {@code x} is cut into 5-bit groups, least significant first; each group {@code c} becomes the
 * character {@code c + 48}, with bit {@code 0x20} set when another group follows. Writing stops once
 * the remaining (arithmetically shifted) value is 0 and the group's sign bit {@code 0x10} is clear, or
 * is -1 and the sign bit is set. The alphabet is therefore the 64 characters {@code '0'} (48) to
 * {@code 'o'} (111), backslash included.
 */
public final class RleString {
    /** The first character of the alphabet ('0'). */
    static final int FIRST = 48;
    /** The last character of the alphabet ('o'). */
    static final int LAST = FIRST + 63;
    /** Groups per value accepted when reading: 7 groups carry 35 bits, more than any count needs. */
    private static final int MAX_GROUPS = 7;

    private RleString() {
    }

    /** The string of {@code counts} ({@code rleToString}). */
    public static String format(int[] counts) {
        StringBuilder sb = new StringBuilder(counts.length + 8);
        for (int i = 0; i < counts.length; i++) {
            long x = counts[i];
            if (i > 2) {
                x -= counts[i - 2];
            }
            boolean more = true;
            while (more) {
                int c = (int) (x & 0x1f);
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more) {
                    c |= 0x20;
                }
                sb.append((char) (c + FIRST));
            }
        }
        return sb.toString();
    }

    /**
     * The counts of an RLE string ({@code rleFrString}), checked to be non-negative and to sum to exactly
     * {@code pixels}.
     *
     * @throws MaskFormatException for a character outside the alphabet, a string that ends inside a
     *                             value, a negative count, or counts that do not sum to {@code pixels}
     */
    public static int[] parse(CharSequence s, long pixels) {
        byte[] bytes = new byte[s.length()];
        for (int i = 0; i < bytes.length; i++) {
            char ch = s.charAt(i);
            if (ch < FIRST || ch > LAST) {
                throw badCharacter(ch, i);
            }
            bytes[i] = (byte) ch;
        }
        return parse(bytes, bytes.length, pixels);
    }

    /** {@link #parse(CharSequence, long)} over the first {@code length} bytes of {@code data} (ASCII). */
    static int[] parse(byte[] data, int length, long pixels) {
        int[] counts = new int[Math.max(4, Math.min(length, 1 << 16))];
        int m = 0;
        long sum = 0;
        int p = 0;
        while (p < length) {
            long x = 0;
            int k = 0;
            boolean more = true;
            int start = p;
            while (more) {
                if (p >= length) {
                    throw new MaskFormatException("RLE string ends inside a value (at character " + start + ")");
                }
                int ch = data[p] & 0xff;
                if (ch < FIRST || ch > LAST) {
                    throw badCharacter((char) ch, p);
                }
                if (k == MAX_GROUPS) {
                    throw new MaskFormatException("RLE value at character " + start + " is longer than "
                            + MAX_GROUPS + " characters");
                }
                int c = ch - FIRST;
                x |= (long) (c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) {
                    x |= -1L << (5 * k);
                }
            }
            if (m > 2) {
                x += counts[m - 2];
            }
            if (x < 0) {
                throw new MaskFormatException("RLE run " + m + " has negative length " + x);
            }
            sum += x;
            if (sum > pixels) {
                throw new MaskFormatException("RLE runs cover more than the mask's " + pixels + " pixels (at run " + m + ")");
            }
            if (m == counts.length) {
                counts = Arrays.copyOf(counts, counts.length * 2);
            }
            counts[m++] = (int) x;
        }
        if (sum != pixels) {
            throw new MaskFormatException("RLE runs sum to " + sum + " pixels, the mask has " + pixels);
        }
        return Arrays.copyOf(counts, m);
    }

    /** The string of {@code length} ASCII bytes (for inflated data). */
    static String ascii(byte[] data, int length) {
        return new String(data, 0, length, StandardCharsets.ISO_8859_1);
    }

    private static MaskFormatException badCharacter(char ch, int index) {
        return new MaskFormatException(String.format(java.util.Locale.ROOT,
                "character U+%04X at position %d is outside the RLE alphabet '0'..'o'", (int) ch, index));
    }
}
