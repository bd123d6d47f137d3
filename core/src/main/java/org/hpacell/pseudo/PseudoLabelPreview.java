package org.hpacell.pseudo;

import org.hpacell.image.LabelImage;
import org.hpacell.io.RgbImage;

/**
 * A picture of a field's pseudo labels for a person to inspect: each pixel in the colour of its
 * {@linkplain PixelPseudoLabels#dominantClass dominant class} (scaled by the target, so soft labels
 * fade), background black, and the outline of every cell in white (a cell pixel is on the outline when
 * one of its 4-neighbours, or the frame's edge, is not in the same cell).
 */
public final class PseudoLabelPreview {
    /** One colour per class, RGB, chosen to be told apart at a glance. */
    private static final int[] PALETTE = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
        0xaec7e8, 0xffbb78, 0x98df8a, 0xff9896, 0xc5b0d5, 0xc49c94, 0xf7b6d2, 0xdbdb8d, 0x9edae5
    };

    private PseudoLabelPreview() {
    }

    /** The RGB colour ({@code 0xRRGGBB}) of class {@code k}. */
    public static int colour(int k) {
        return PALETTE[k];
    }

    /**
     * Renders the labels, with the cells' outlines when {@code cells} is non-null.
     *
     * @throws IllegalArgumentException if {@code cells} differs in size from the labels
     */
    public static RgbImage render(PixelPseudoLabels labels, LabelImage cells) {
        int w = labels.width();
        int h = labels.height();
        if (cells != null && (cells.width() != w || cells.height() != h)) {
            throw new IllegalArgumentException("labels are " + w + "x" + h + " but the cell image is "
                    + cells.width() + "x" + cells.height());
        }
        int n = w * h;
        int[] r = new int[n];
        int[] g = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            int k = labels.dominantClass(i);
            if (k < 0) continue;
            float t = labels.target(k, i);
            int c = PALETTE[k];
            r[i] = Math.round(((c >> 16) & 0xff) * t);
            g[i] = Math.round(((c >> 8) & 0xff) * t);
            b[i] = Math.round((c & 0xff) * t);
        }
        if (cells != null) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (onOutline(cells, x, y)) {
                        int i = y * w + x;
                        r[i] = 255;
                        g[i] = 255;
                        b[i] = 255;
                    }
                }
            }
        }
        return new RgbImage(w, h, r, g, b);
    }

    private static boolean onOutline(LabelImage cells, int x, int y) {
        int id = cells.get(x, y);
        if (id == 0) return false;
        int w = cells.width();
        int h = cells.height();
        return x == 0 || y == 0 || x == w - 1 || y == h - 1
                || cells.get(x - 1, y) != id || cells.get(x + 1, y) != id
                || cells.get(x, y - 1) != id || cells.get(x, y + 1) != id;
    }
}
