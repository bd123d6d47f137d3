package org.hpacell.report;

import java.util.Arrays;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;
import org.hpacell.io.RgbImage;

/**
 * Pictures of a field for a person: the colour composite, reduction to a display size, and cell outlines
 * drawn over it. Planes are row-major ({@code v[y * width + x]}).
 */
final class FieldPictures {
    /** Each channel is stretched so this quantile of its pixels is full brightness. */
    private static final double WHITE_QUANTILE = 0.995;
    /** The composite is dimmed to this fraction so coloured outlines stand out. */
    private static final float DIM = 0.85f;

    private FieldPictures() {
    }

    /** The reduction factor that brings the longer side to at most {@code maxSide} pixels (1 or more). */
    static int factor(int width, int height, int maxSide) {
        return Math.max(1, (Math.max(width, height) + maxSide - 1) / maxSide);
    }

    /**
     * The usual HPA colouring without the yellow (ER) channel, which would mask the protein: microtubules
     * (red) in red, protein (green) in green, nucleus (blue) in blue, each stretched to its 99.5th
     * percentile and dimmed slightly.
     */
    static RgbImage composite(FieldImage f) {
        return new RgbImage(f.width(), f.height(), stretched(f.channel(Channel.RED)),
                stretched(f.channel(Channel.GREEN)), stretched(f.channel(Channel.BLUE)));
    }

    private static int[] stretched(float[] v) {
        float white = quantile(v, WHITE_QUANTILE);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.round(Math.min(1f, v[i] / white) * 255f * DIM);
        }
        return out;
    }

    private static float quantile(float[] v, double q) {
        float[] s = v.clone();
        Arrays.sort(s);
        float x = s[(int) Math.min(s.length - 1, Math.floor(q * s.length))];
        return x > 0 ? x : 1f;
    }

    /** The image reduced by {@code k}: each output pixel the mean of a k x k block (partial at the edges). */
    static RgbImage shrink(RgbImage im, int k) {
        if (k == 1) {
            return im;
        }
        int w = (im.width() + k - 1) / k;
        int h = (im.height() + k - 1) / k;
        int[][] out = new int[3][w * h];
        for (int b = 0; b < 3; b++) {
            int[] src = im.plane(b);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    long sum = 0;
                    int n = 0;
                    for (int yy = y * k; yy < Math.min(im.height(), (y + 1) * k); yy++) {
                        for (int xx = x * k; xx < Math.min(im.width(), (x + 1) * k); xx++) {
                            sum += src[yy * im.width() + xx];
                            n++;
                        }
                    }
                    out[b][y * w + x] = (int) (sum / n);
                }
            }
        }
        return new RgbImage(w, h, out[0], out[1], out[2]);
    }

    /** The labels reduced by {@code k}, each output pixel taking the label at its block's top-left pixel. */
    static LabelImage shrink(LabelImage labels, int k) {
        if (k == 1) {
            return labels;
        }
        int w = (labels.width() + k - 1) / k;
        int h = (labels.height() + k - 1) / k;
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = labels.get(x * k, y * k);
            }
        }
        return new LabelImage(w, h, out);
    }

    /**
     * A copy of {@code im} with the outline of every object of {@code labels} (same size) painted in its
     * colour. An outline pixel is an object pixel with a 4-connected neighbour outside the object (another
     * object, background or beyond the image edge), so touching cells each show their own border.
     *
     * @param colour packed RGB per label value ({@code colour[k]} for object k)
     */
    static RgbImage outlined(RgbImage im, LabelImage labels, int[] colour) {
        int w = im.width();
        int h = im.height();
        int[][] p = {im.red().clone(), im.green().clone(), im.blue().clone()};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int k = labels.get(x, y);
                if (k != 0 && isEdge(labels, x, y, k)) {
                    int c = colour[k];
                    p[0][y * w + x] = (c >> 16) & 0xff;
                    p[1][y * w + x] = (c >> 8) & 0xff;
                    p[2][y * w + x] = c & 0xff;
                }
            }
        }
        return new RgbImage(w, h, p[0], p[1], p[2]);
    }

    private static boolean isEdge(LabelImage l, int x, int y, int k) {
        return x == 0 || y == 0 || x == l.width() - 1 || y == l.height() - 1
                || l.get(x - 1, y) != k || l.get(x + 1, y) != k || l.get(x, y - 1) != k || l.get(x, y + 1) != k;
    }

    /**
     * A class map alone, for when the field's image is not at hand: black where the map is 0, through red
     * to yellow-white at 1.
     */
    static RgbImage heat(float[] map, int offset, int width, int height) {
        int n = width * height;
        int[] r = new int[n];
        int[] g = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            float v = Math.max(0f, Math.min(1f, map[offset + i]));
            r[i] = Math.round(255 * Math.min(1f, 2 * v));
            g[i] = Math.round(255 * Math.max(0f, 2 * v - 0.6f) / 1.4f);
            b[i] = Math.round(255 * Math.max(0f, 4 * v - 3f));
        }
        return new RgbImage(width, height, r, g, b);
    }
}
