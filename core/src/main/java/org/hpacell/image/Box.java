package org.hpacell.image;

/**
 * An axis-aligned pixel rectangle: columns {@code x .. x+width-1}, rows {@code y .. y+height-1}.
 * An empty box has zero width or height.
 */
public record Box(int x, int y, int width, int height) {
    public Box {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative box size " + width + "x" + height);
        }
    }

    /** The empty box. */
    public static final Box EMPTY = new Box(0, 0, 0, 0);

    /** A box from inclusive corners. */
    public static Box ofCorners(int x0, int y0, int x1Inclusive, int y1Inclusive) {
        return new Box(x0, y0, x1Inclusive - x0 + 1, y1Inclusive - y0 + 1);
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    /** Exclusive right edge. */
    public int xEnd() {
        return x + width;
    }

    /** Exclusive bottom edge. */
    public int yEnd() {
        return y + height;
    }

    public long area() {
        return (long) width * height;
    }

    /** The overlap of the two boxes (possibly empty). */
    public Box intersect(Box o) {
        int x0 = Math.max(x, o.x);
        int y0 = Math.max(y, o.y);
        int x1 = Math.min(xEnd(), o.xEnd());
        int y1 = Math.min(yEnd(), o.yEnd());
        return (x1 <= x0 || y1 <= y0) ? EMPTY : new Box(x0, y0, x1 - x0, y1 - y0);
    }

    /** This box grown by {@code pad} on every side and clipped to a {@code w x h} frame. */
    public Box padded(int pad, int w, int h) {
        int x0 = Math.max(0, x - pad);
        int y0 = Math.max(0, y - pad);
        int x1 = Math.min(w, xEnd() + pad);
        int y1 = Math.min(h, yEnd() + pad);
        return new Box(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }
}
