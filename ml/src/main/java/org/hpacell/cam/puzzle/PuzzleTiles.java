package org.hpacell.cam.puzzle;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Cuts {@code (N, C, H, W)} batches into 2x2 tiles and merges tiles back, both as a few native ops on
 * the whole batch.
 *
 * <p>Tile layout: the result of {@link #tile} is {@code (4N, C, H/2, W/2)}, tile-major: rows
 * {@code [t*N, (t+1)*N)} hold tile {@code t} of every image, with {@code t} = 0 top-left, 1
 * top-right, 2 bottom-left, 3 bottom-right. {@link #merge} inverts it for any channel count, so
 * {@code merge(tile(x)) == x} exactly, and tile feature maps of shape {@code (4N, K, h, w)} merge into
 * {@code (N, K, 2h, 2w)}.
 */
public final class PuzzleTiles {
    private PuzzleTiles() {
    }

    /**
     * The four quadrants of every image, tile-major.
     *
     * @throws IllegalArgumentException if H or W is odd
     */
    public static NDArray tile(NDArray x) {
        Shape s = x.getShape();
        if (s.dimension() != 4 || s.get(2) % 2 != 0 || s.get(3) % 2 != 0) {
            throw new IllegalArgumentException("Puzzle tiles need (N, C, H, W) with even H and W, got " + s);
        }
        long h = s.get(2) / 2, w = s.get(3) / 2;
        NDList tiles = new NDList(4);
        for (int t = 0; t < 4; t++) {
            long y = (t / 2) * h, xo = (t % 2) * w;
            tiles.add(x.get(new NDIndex(":, :, {}:{}, {}:{}", y, y + h, xo, xo + w)));
        }
        return NDArrays.concat(tiles, 0);
    }

    /** Reassembles tile-major {@code (4N, K, h, w)} into {@code (N, K, 2h, 2w)}. */
    public static NDArray merge(NDArray tiles) {
        Shape s = tiles.getShape();
        if (s.dimension() != 4 || s.get(0) % 4 != 0) {
            throw new IllegalArgumentException("expected tile-major (4N, K, h, w), got " + s);
        }
        NDList parts = tiles.split(4, 0);
        NDArray top = parts.get(0).concat(parts.get(1), 3);
        NDArray bottom = parts.get(2).concat(parts.get(3), 3);
        return top.concat(bottom, 2);
    }
}
