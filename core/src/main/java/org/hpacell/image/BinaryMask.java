package org.hpacell.image;

import java.util.Arrays;

/**
 * A binary mask in a {@code width x height} frame, stored only inside its tight bounding box so
 * that the masks of a field's cells cost memory in proportion to the cells, not to the field.
 * Pixels are addressed {@code (x, y)} with {@code x} the column; storage inside the box is
 * row-major. (The Kaggle mask codec reads pixels column-major; see {@code org.hpacell.io.MaskCodec}.)
 */
public final class BinaryMask {
    private final int width;
    private final int height;
    private final Box box;
    private final boolean[] bits;
    private final int area;

    private BinaryMask(int width, int height, Box box, boolean[] bits, int area) {
        this.width = width;
        this.height = height;
        this.box = box;
        this.bits = bits;
        this.area = area;
    }

    /** An all-false mask. */
    public static BinaryMask empty(int width, int height) {
        checkFrame(width, height);
        return new BinaryMask(width, height, Box.EMPTY, new boolean[0], 0);
    }

    /** A mask from a full-frame row-major array ({@code full[y * width + x]}); the array is not kept. */
    public static BinaryMask ofRowMajor(int width, int height, boolean[] full) {
        checkFrame(width, height);
        if (full.length != width * height) {
            throw new IllegalArgumentException("mask array has " + full.length + " pixels, frame " + width + "x" + height);
        }
        int x0 = width, y0 = height, x1 = -1, y1 = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (full[row + x]) {
                    if (x < x0) x0 = x;
                    if (x > x1) x1 = x;
                    if (y < y0) y0 = y;
                    y1 = y;
                }
            }
        }
        if (x1 < 0) {
            return empty(width, height);
        }
        return crop(width, height, full, width, 0, 0, Box.ofCorners(x0, y0, x1, y1));
    }

    /**
     * A mask from a row-major array covering only {@code box} ({@code local[(y - box.y) * box.width + (x - box.x)]}).
     * The box need not be tight: it is shrunk to the set pixels. Work and memory are proportional to the
     * box, not to the frame. The array is not kept.
     */
    public static BinaryMask ofBox(int width, int height, Box box, boolean[] local) {
        checkFrame(width, height);
        if (box.isEmpty()) {
            return empty(width, height);
        }
        if (box.x() < 0 || box.y() < 0 || box.xEnd() > width || box.yEnd() > height) {
            throw new IllegalArgumentException("box " + box + " outside frame " + width + "x" + height);
        }
        if (local.length != box.width() * box.height()) {
            throw new IllegalArgumentException("box array has " + local.length + " pixels, box " + box);
        }
        int bw = box.width();
        int x0 = bw, y0 = box.height(), x1 = -1, y1 = -1;
        for (int r = 0; r < box.height(); r++) {
            int row = r * bw;
            for (int c = 0; c < bw; c++) {
                if (local[row + c]) {
                    if (c < x0) x0 = c;
                    if (c > x1) x1 = c;
                    if (r < y0) y0 = r;
                    y1 = r;
                }
            }
        }
        if (x1 < 0) {
            return empty(width, height);
        }
        Box tight = Box.ofCorners(box.x() + x0, box.y() + y0, box.x() + x1, box.y() + y1);
        return crop(width, height, local, bw, box.x(), box.y(), tight);
    }

    /** Copies {@code b} out of {@code src}, a row-major array of width {@code srcWidth} whose pixel 0 is (srcX, srcY). */
    private static BinaryMask crop(int width, int height, boolean[] src, int srcWidth, int srcX, int srcY, Box b) {
        boolean[] local = new boolean[b.width() * b.height()];
        int area = 0;
        for (int r = 0; r < b.height(); r++) {
            int from = (b.y() - srcY + r) * srcWidth + (b.x() - srcX);
            int dst = r * b.width();
            for (int c = 0; c < b.width(); c++) {
                boolean v = src[from + c];
                local[dst + c] = v;
                if (v) area++;
            }
        }
        return new BinaryMask(width, height, b, local, area);
    }

    private static void checkFrame(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("mask frame must be positive, got " + width + "x" + height);
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The tight bounding box of the set pixels ({@link Box#EMPTY} for an empty mask). */
    public Box bounds() {
        return box;
    }

    /** Number of set pixels. */
    public int area() {
        return area;
    }

    public boolean isEmpty() {
        return area == 0;
    }

    /** Whether pixel (x, y) is set; false outside the frame. */
    public boolean get(int x, int y) {
        int lx = x - box.x();
        int ly = y - box.y();
        if (lx < 0 || ly < 0 || lx >= box.width() || ly >= box.height()) {
            return false;
        }
        return bits[ly * box.width() + lx];
    }

    /**
     * A copy of the pixels inside {@link #bounds()}, row-major within the box:
     * {@code pixels[(y - bounds().y()) * bounds().width() + (x - bounds().x())]}.
     */
    public boolean[] boxPixels() {
        return bits.clone();
    }

    /** A full-frame row-major copy. */
    public boolean[] toRowMajor() {
        boolean[] full = new boolean[width * height];
        for (int r = 0; r < box.height(); r++) {
            System.arraycopy(bits, r * box.width(), full, (box.y() + r) * width + box.x(), box.width());
        }
        return full;
    }

    /** Number of pixels set in both masks (frames must agree). */
    public long intersectionArea(BinaryMask o) {
        requireSameFrame(o);
        Box in = box.intersect(o.box);
        long n = 0;
        for (int y = in.y(); y < in.yEnd(); y++) {
            int a = (y - box.y()) * box.width() - box.x();
            int b = (y - o.box.y()) * o.box.width() - o.box.x();
            for (int x = in.x(); x < in.xEnd(); x++) {
                if (bits[a + x] && o.bits[b + x]) n++;
            }
        }
        return n;
    }

    private void requireSameFrame(BinaryMask o) {
        if (o.width != width || o.height != height) {
            throw new IllegalArgumentException("mask frames differ: " + width + "x" + height + " vs " + o.width + "x" + o.height);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryMask m && m.width == width && m.height == height && m.box.equals(box)
                && Arrays.equals(m.bits, bits);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(bits) + box.hashCode();
    }

    @Override
    public String toString() {
        return "BinaryMask[" + width + "x" + height + ", area " + area + ", bounds " + box + "]";
    }
}
