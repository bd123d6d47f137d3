package org.hpacell.segment.ops;

/**
 * Hole filling, as {@code scipy.ndimage.binary_fill_holes(image)} with its default structure: every
 * background pixel that is not 4-connected (through background) to the image edge becomes
 * foreground. Holes may touch the foreground diagonally: only edge neighbours connect background.
 */
public final class FillHoles {
    private FillHoles() {
    }

    /** Returns a new array: {@code image} with its holes filled. */
    public static boolean[] fill(boolean[] image, int width, int height) {
        Grid.check(width, height, image.length, "binary image");
        // outside = background reachable from the edge; flood it with an explicit stack
        boolean[] outside = new boolean[image.length];
        int[] stack = new int[Math.max(16, 2 * (width + height))];
        int top = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (y != 0 && y != height - 1 && x != 0 && x != width - 1) {
                    continue;
                }
                int i = y * width + x;
                if (!image[i] && !outside[i]) {
                    outside[i] = true;
                    if (top == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = i;
                }
            }
        }
        while (top > 0) {
            int i = stack[--top];
            int x = i % width;
            int y = i / width;
            for (int k = 0; k < 4; k++) {
                int n;
                if (k == 0) {
                    if (y == 0) continue;
                    n = i - width;
                } else if (k == 1) {
                    if (x == 0) continue;
                    n = i - 1;
                } else if (k == 2) {
                    if (x + 1 == width) continue;
                    n = i + 1;
                } else {
                    if (y + 1 == height) continue;
                    n = i + width;
                }
                if (!image[n] && !outside[n]) {
                    outside[n] = true;
                    if (top == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = n;
                }
            }
        }
        boolean[] out = new boolean[image.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = !outside[i];
        }
        return out;
    }
}
