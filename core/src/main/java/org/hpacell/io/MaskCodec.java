package org.hpacell.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.hpacell.image.BinaryMask;

/**
 * The Kaggle HPA mask string: standard base64 of zlib (level 9) of the COCO compressed RLE string of
 * the mask (HPA-REFERENCE.md section 3), bit-exact with pycocotools' {@code encode} followed by
 * {@code base64.b64encode(zlib.compress(rle_string, 9))}.
 *
 * <pre>
 * BinaryMask --CocoRle.of--> runs (column-major) --RleString.format--> "0X1X1..." --zlib 9--> bytes --base64--> "eNoz..."
 * </pre>
 *
 * <p>Only the RLE string is a contract: another zlib build may compress it to other bytes. The JDK's
 * {@link Deflater} at {@link Deflater#BEST_COMPRESSION} with the zlib wrapper normally gives the same
 * bytes as Python's {@code zlib.compress(data, 9)}.
 *
 * <p>Decoding never trusts the input's size: the inflated stream is cut off at
 * {@link #maxRleLength(long)} characters, which is about twice what any mask of that size can need,
 * so a zip bomb fails quickly with a bounded amount of memory.
 *
 * <p>All methods are thread-safe.
 */
public final class MaskCodec {
    private static final int CHUNK = 8192;

    private MaskCodec() {
    }

    /** The Kaggle string of a mask. */
    public static String encode(BinaryMask mask) {
        return encode(CocoRle.of(mask));
    }

    /** The Kaggle string of an RLE. */
    public static String encode(CocoRle rle) {
        return compressRleString(rle.toRleString());
    }

    /** Base64 of zlib level 9 of an RLE string (the last two steps of encoding). */
    public static String compressRleString(String rleString) {
        byte[] input = rleString.getBytes(StandardCharsets.ISO_8859_1);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(input);
            deflater.finish();
            byte[] out = new byte[input.length + input.length / 1000 + 64];
            int n = 0;
            while (!deflater.finished()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                n += deflater.deflate(out, n, out.length - n);
            }
            return Base64.getEncoder().encodeToString(Arrays.copyOf(out, n));
        } finally {
            deflater.end();
        }
    }

    /**
     * Decodes a Kaggle string to a {@code width x height} mask.
     *
     * @throws MaskFormatException if the string is not valid base64, not zlib data, inflates to more than
     *                             such a mask can need, or holds an invalid RLE for that size
     */
    public static BinaryMask decode(String kaggle, int width, int height) {
        return decodeRle(kaggle, width, height).toMask();
    }

    /** Decodes a Kaggle string to its RLE, without building the mask (see {@link #decode}). */
    public static CocoRle decodeRle(String kaggle, int width, int height) {
        long pixels = CocoRle.pixels(width, height);
        byte[] rle = inflate(kaggle, maxRleLength(pixels));
        return CocoRle.parse(rle, rle.length, width, height);
    }

    /**
     * The RLE string a Kaggle string holds (base64 decoded and inflated), not yet checked against a mask
     * size beyond the length bound for {@code width x height}.
     */
    public static String decompressRleString(String kaggle, int width, int height) {
        byte[] rle = inflate(kaggle, maxRleLength(CocoRle.pixels(width, height)));
        return RleString.ascii(rle, rle.length);
    }

    /**
     * The longest RLE string accepted for a mask of {@code pixels} pixels. Each count {@code c}
     * (run length) takes at most {@code c} characters for values up to 15 and fewer than {@code c} beyond,
     * and a value written is at most the larger of two counts; every count enters at most two values, so a
     * pycocotools string never exceeds {@code 2 * pixels + 1} characters. 64 characters of slack are added.
     */
    public static long maxRleLength(long pixels) {
        return 2 * pixels + 64;
    }

    private static byte[] inflate(String kaggle, long limit) {
        byte[] compressed;
        try {
            compressed = Base64.getDecoder().decode(kaggle);
        } catch (IllegalArgumentException e) {
            throw new MaskFormatException("mask is not valid base64: " + e.getMessage(), e);
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            byte[] out = new byte[(int) Math.min(limit + 1, Math.max(CHUNK, compressed.length * 4L))];
            int n = 0;
            while (!inflater.finished()) {
                if (n == out.length) {
                    if (n > limit) {
                        throw zipBomb(limit);
                    }
                    out = Arrays.copyOf(out, (int) Math.min(limit + 1, 2L * out.length));
                }
                int got = inflater.inflate(out, n, out.length - n);
                n += got;
                if (n > limit) {
                    throw zipBomb(limit);
                }
                if (got == 0 && !inflater.finished()) {
                    if (inflater.needsDictionary()) {
                        throw new MaskFormatException("mask zlib stream needs a preset dictionary");
                    }
                    if (inflater.needsInput()) {
                        throw new MaskFormatException("mask zlib stream is truncated (" + compressed.length + " bytes)");
                    }
                    if (n < out.length) {
                        throw new MaskFormatException("mask zlib stream makes no progress");
                    }
                }
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        } catch (DataFormatException e) {
            throw new MaskFormatException("mask is not zlib data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static MaskFormatException zipBomb(long limit) {
        return new MaskFormatException("mask inflates to more than " + limit
                + " bytes, more than any RLE of that mask size can need");
    }
}
