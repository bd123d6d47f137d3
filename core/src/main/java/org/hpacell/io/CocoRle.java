package org.hpacell.io;

import java.util.Arrays;
import org.hpacell.image.BinaryMask;
import org.hpacell.image.Box;

/**
 * A binary mask as COCO run-length encoding: alternating run lengths over the pixels in
 * <b>column-major</b> (Fortran) order, i.e. pixel {@code (x, y)} has linear index {@code x * height + y},
 * starting with a run of zeros that may be empty. This is the order of pycocotools, which takes
 * numpy masks in Fortran order; it is not the row-major order {@link BinaryMask} stores its pixels in.
 *
 * <p>Every count is non-negative and they sum to {@code width * height}. A mask built by
 * {@link #of(BinaryMask)} has the canonical form pycocotools produces: only the first run may be empty,
 * and the last run is always written (an empty mask is {@code [width*height]}, a full one
 * {@code [0, width*height]}).
 *
 * <p>Instances are immutable. The set-pixel intervals, area and bounds are derived on first use.
 */
public final class CocoRle {
    private final int width;
    private final int height;
    private final int[] counts;
    /** Set-pixel intervals as {@code [start0, end0, start1, end1, ...]}, column-major, ends exclusive. */
    private int[] ones;
    private long area = -1;
    private Box bounds;

    private CocoRle(int width, int height, int[] counts) {
        this.width = width;
        this.height = height;
        this.counts = counts;
    }

    /**
     * An RLE from its counts (copied).
     *
     * @throws MaskFormatException if a count is negative or the counts do not sum to {@code width * height}
     */
    public static CocoRle of(int width, int height, int[] counts) {
        long pixels = pixels(width, height);
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new MaskFormatException("RLE run " + i + " has negative length " + counts[i]);
            }
            sum += counts[i];
        }
        if (sum != pixels) {
            throw new MaskFormatException("RLE runs sum to " + sum + " pixels, the mask has " + pixels);
        }
        return new CocoRle(width, height, counts.clone());
    }

    /**
     * The RLE of a mask, as pycocotools' {@code encode} gives it.
     *
     * <p>The mask stores its pixels row-major inside its tight bounding box; the RLE walks the frame
     * column by column (top to bottom, then left to right). So only the box is read, column by column
     * with a stride of the box width; everything outside it is zeros whose runs are counted
     * arithmetically: {@code x0 * height + y0} pixels before the box, {@code height - boxHeight} between
     * the end of one box column and the start of the next (the rows below the box in one column and
     * above it in the next), and the rest of the frame after the last box pixel.
     */
    public static CocoRle of(BinaryMask mask) {
        int w = mask.width();
        int h = mask.height();
        long pixels = pixels(w, h);
        Box b = mask.bounds();
        if (mask.isEmpty()) {
            return new CocoRle(w, h, new int[] {(int) pixels});
        }
        boolean[] local = mask.boxPixels();
        int bw = b.width();
        int bh = b.height();
        RunBuilder runs = new RunBuilder();
        runs.extend(false, (long) b.x() * h + b.y());
        for (int c = 0; c < bw; c++) {
            if (c > 0) {
                runs.extend(false, h - bh);
            }
            // One box column, top to bottom: pixel (c, r) of the box is local[r * bw + c].
            int r = 0;
            while (r < bh) {
                boolean v = local[r * bw + c];
                int start = r;
                do {
                    r++;
                } while (r < bh && local[r * bw + c] == v);
                runs.extend(v, r - start);
            }
        }
        long afterBox = pixels - ((long) (b.xEnd() - 1) * h + b.yEnd());
        runs.extend(false, afterBox);
        return new CocoRle(w, h, runs.finish());
    }

    /**
     * Parses a COCO compressed RLE string (see {@link RleString}) for a {@code width x height} mask.
     *
     * @throws MaskFormatException if the string is malformed or its runs do not sum to {@code width * height}
     */
    public static CocoRle parse(CharSequence rleString, int width, int height) {
        return new CocoRle(width, height, RleString.parse(rleString, pixels(width, height)));
    }

    /** {@link #parse(CharSequence, int, int)} over ASCII bytes (the inflated payload of a Kaggle string). */
    static CocoRle parse(byte[] data, int length, int width, int height) {
        return new CocoRle(width, height, RleString.parse(data, length, pixels(width, height)));
    }

    /** The number of pixels of a {@code width x height} frame, checked to be positive and to fit COCO's range. */
    static long pixels(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("mask size must be positive, got " + width + "x" + height);
        }
        long n = (long) width * height;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("mask " + width + "x" + height + " has more pixels than COCO RLE can count");
        }
        return n;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** A copy of the run lengths (column-major, first run zeros). */
    public int[] counts() {
        return counts.clone();
    }

    /** Number of runs. */
    public int runCount() {
        return counts.length;
    }

    /** The COCO compressed RLE string ({@code rleToString}). */
    public String toRleString() {
        return RleString.format(counts);
    }

    /** Number of set pixels. */
    public long area() {
        if (area < 0) {
            long a = 0;
            for (int i = 1; i < counts.length; i += 2) {
                a += counts[i];
            }
            area = a;
        }
        return area;
    }

    /**
     * The set pixels as column-major index intervals {@code [start, end)}, packed as
     * {@code [start0, end0, start1, end1, ...]} in increasing order, empty runs left out. Shared: do not modify.
     */
    int[] intervals() {
        int[] iv = ones;
        if (iv == null) {
            int[] out = new int[counts.length];
            int n = 0;
            long pos = 0;
            for (int i = 0; i < counts.length; i++) {
                long end = pos + counts[i];
                if ((i & 1) == 1 && counts[i] > 0) {
                    out[n++] = (int) pos;
                    out[n++] = (int) end;
                }
                pos = end;
            }
            iv = Arrays.copyOf(out, n);
            ones = iv;
        }
        return iv;
    }

    /**
     * The tight bounding box of the set pixels ({@link Box#EMPTY} if none), from the runs alone. A run
     * inside one column covers the rows from its start to its end; a run that crosses into a later
     * column covers the bottom row of its first column and the top row of the next, hence all rows.
     */
    public Box bounds() {
        Box b = bounds;
        if (b == null) {
            int[] iv = intervals();
            if (iv.length == 0) {
                b = Box.EMPTY;
            } else {
                int x0 = Integer.MAX_VALUE, x1 = -1, y0 = Integer.MAX_VALUE, y1 = -1;
                for (int k = 0; k < iv.length; k += 2) {
                    int first = iv[k];
                    int last = iv[k + 1] - 1;
                    int c0 = first / height;
                    int c1 = last / height;
                    x0 = Math.min(x0, c0);
                    x1 = Math.max(x1, c1);
                    if (c0 == c1) {
                        y0 = Math.min(y0, first % height);
                        y1 = Math.max(y1, last % height);
                    } else {
                        y0 = 0;
                        y1 = height - 1;
                    }
                }
                b = Box.ofCorners(x0, y0, x1, y1);
            }
            bounds = b;
        }
        return b;
    }

    /** The mask these runs describe. Work and memory are proportional to the mask's bounding box. */
    public BinaryMask toMask() {
        Box b = bounds();
        if (b.isEmpty()) {
            return BinaryMask.empty(width, height);
        }
        int bw = b.width();
        boolean[] local = new boolean[bw * b.height()];
        int[] iv = intervals();
        for (int k = 0; k < iv.length; k += 2) {
            int start = iv[k];
            int end = iv[k + 1];
            // Walk the run column by column: within a column the rows are consecutive.
            int pos = start;
            while (pos < end) {
                int x = pos / height;
                int y = pos % height;
                int stop = Math.min(end, (x + 1) * height);
                for (int i = (y - b.y()) * bw + (x - b.x()); pos < stop; pos++, i += bw) {
                    local[i] = true;
                }
            }
        }
        return BinaryMask.ofBox(width, height, b, local);
    }

    /**
     * Number of pixels set in both masks, by merging the two sorted interval lists; masks whose
     * bounding boxes do not overlap are answered without looking at the runs.
     *
     * @throws IllegalArgumentException if the frames differ
     */
    public long intersectionArea(CocoRle o) {
        if (o.width != width || o.height != height) {
            throw new IllegalArgumentException("mask frames differ: " + width + "x" + height + " vs " + o.width + "x" + o.height);
        }
        if (bounds().intersect(o.bounds()).isEmpty()) {
            return 0;
        }
        int[] a = intervals();
        int[] b = o.intervals();
        long n = 0;
        int i = 0, j = 0;
        while (i < a.length && j < b.length) {
            int lo = Math.max(a[i], b[j]);
            int hi = Math.min(a[i + 1], b[j + 1]);
            if (hi > lo) {
                n += hi - lo;
            }
            if (a[i + 1] < b[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CocoRle r && r.width == width && r.height == height && Arrays.equals(r.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "CocoRle[" + width + "x" + height + ", " + counts.length + " runs, area " + area() + "]";
    }
}
